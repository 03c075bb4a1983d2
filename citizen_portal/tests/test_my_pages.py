"""Mina sidor opens to a resident signed in with e-ID, and to no one else."""

import pytest

from portal.identity.models import CitizenIdentity
from portal.tests.factories import UserFactory


@pytest.fixture
def citizen(db):
    user = UserFactory(username="tolvan")
    CitizenIdentity.objects.create(
        user=user,
        personal_identity_number="191212121212",
        given_name="Tolvan",
        family_name="Tolvansson",
    )
    return user


def test_an_anonymous_visitor_is_sent_to_the_e_id_login(client, db):
    response = client.get("/mina-sidor/")

    assert response.status_code == 302
    assert response["Location"] == "/mina-sidor/logga-in/?next=%2Fmina-sidor%2F"


def test_an_employee_session_is_not_a_citizen_session(employee_client):
    response = employee_client.get("/mina-sidor/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/mina-sidor/logga-in/")
    assert "Du är inloggad som medarbetare" in response.content.decode()


def test_a_citizen_is_greeted_by_name_with_the_number_masked(client, citizen):
    client.force_login(citizen)

    response = client.get("/mina-sidor/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hej Tolvan!" in html
    assert "19121212-****" in html
    assert "1212-1212" not in html and "191212121212" not in html
    assert "no-store" in response["Cache-Control"]


def test_a_citizen_with_protected_identity_is_guided_to_the_municipality(client, citizen):
    CitizenIdentity.objects.filter(user=citizen).update(protected_identity=True)
    client.force_login(citizen)

    html = client.get("/mina-sidor/").content.decode()

    assert "Du har skyddade personuppgifter" in html


def test_the_login_page_keeps_only_a_local_next_address(client, db, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "provider_class": "portal.identity.provider.PortalOpenIDConnectProvider",
            "APPS": [
                {
                    "provider_id": "e-legitimation",
                    "name": "E-legitimation",
                    "client_id": "portal",
                    "secret": "s",
                    "settings": {"server_url": "https://eid.example"},
                }
            ],
        }
    }

    local = client.get("/mina-sidor/logga-in/?next=/mina-sidor/").content.decode()
    foreign = client.get("/mina-sidor/logga-in/?next=https://evil.example/").content.decode()

    assert 'action="/accounts/oidc/e-legitimation/login/"' in local
    assert 'name="next" value="/mina-sidor/"' in local
    assert 'value="https://evil.example/"' not in foreign
    assert 'name="next" value="/mina-sidor/"' in foreign


def test_without_an_e_id_provider_the_login_page_says_so(client, db, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}

    html = client.get("/mina-sidor/logga-in/").content.decode()

    assert "fungerar inte just nu" in html
