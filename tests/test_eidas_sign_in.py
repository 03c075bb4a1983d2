"""A resident with a foreign e-ID signs in through the e-ID broker and the Swedish eIDAS node
(docs/identity.md, "Foreign e-ID (eIDAS)"): the real allauth code flow against
oidc-provider-mock standing in for the broker, sending Sweden Connect's eIDAS claims.

Without a Swedish number the prid lets them in to Mina sidor; a number the node's matching
service bound to them makes them the Swedish resident they are; an unreadable prid is refused.
"""

import threading
from urllib.parse import urlsplit

import oidc_provider_mock
import pytest
import requests
import werkzeug.serving
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from portal.audit.models import AuthEvent
from portal.identity.models import CitizenIdentity

CITIZEN_LOGIN = "/accounts/oidc/e-legitimation/login/"
PNR = "https://id.oidc.se/claim/personalIdentityNumber"
PRID = "https://id.swedenconnect.se/claim/prid"
PRID_PERSISTENCE = "https://id.swedenconnect.se/claim/pridPersistence"
EIDAS_PERSON_IDENTIFIER = "https://id.swedenconnect.se/claim/eidasPersonIdentifier"
MAPPED_PNR = "https://id.swedenconnect.se/claim/mappedPersonalIdentityNumber"
EIDAS_SCOPE = "https://id.swedenconnect.se/scope/eidasNaturalPersonIdentity"
KARI = {
    "given_name": "Kari",
    "family_name": "Nordmann",
    "birthdate": "1989-06-05",
    "country": "NO",
    PRID: "NO:05868907693",
    PRID_PERSISTENCE: "A",
    EIDAS_PERSON_IDENTIFIER: "NO/SE/05868907693",
}


@pytest.fixture(scope="module")
def broker():
    """oidc-provider-mock on 127.0.0.1, any port: its base URL, which is also its issuer."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def e_id(broker, settings):
    """The portal's e-ID client pointed at the broker, asking for the eIDAS scope as
    docs/identity.md tells operators to."""
    from django.core.cache import cache

    cache.clear()  # another test's provider's key set
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": [
                {
                    "provider_id": "e-legitimation",
                    "name": "E-legitimation",
                    "client_id": "dalslandsportalen",
                    "secret": "hemlighet",
                    "settings": {
                        "server_url": broker,
                        "scope": [
                            "openid",
                            "profile",
                            "https://id.oidc.se/scope/naturalPersonNumber",
                            EIDAS_SCOPE,
                        ],
                        "oauth_pkce_enabled": True,
                        "fetch_userinfo": False,
                    },
                }
            ],
        }
    }
    return broker


def sign_in(client, broker, sub, claims):
    """The whole code flow: the portal's redirect, the person at the broker, the callback."""
    requests.put(f"{broker}/users/{sub}", json=claims, timeout=5).raise_for_status()
    response = client.post(CITIZEN_LOGIN, {"process": "login", "next": "/mina-sidor/"})
    assert response.status_code == 302, response.content.decode()[:500]
    at_broker = requests.post(
        response["Location"], data={"sub": sub}, allow_redirects=False, timeout=5
    )
    assert at_broker.status_code == 302, at_broker.text[:500]
    location = urlsplit(at_broker.headers["Location"])
    return client.get(f"{location.path}?{location.query}")


def test_a_foreign_e_id_without_a_swedish_number_reaches_mina_sidor(client, db, e_id):
    response = sign_in(client, e_id, "kari-eidas", KARI)

    assert response.status_code == 302 and response["Location"] == "/mina-sidor/"
    my_pages = client.get("/mina-sidor/")
    page = my_pages.content.decode()
    assert my_pages.status_code == 200
    assert "Hej Kari!" in page
    assert "Utländsk e-legitimation (NO)" in page
    assert "05868907693" not in page
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    identity = user.citizen_identity
    assert identity.personal_identity_number is None
    assert (identity.foreign_identifier, identity.country) == ("NO:05868907693", "NO")
    assert identity.prid_persistence == "A"
    # The identity is kept on the invånaridentitet only, not in allauth's copy of the token.
    token = SocialAccount.objects.get(user=user).extra_data["id_token"]
    assert PRID not in token and EIDAS_PERSON_IDENTIFIER not in token
    assert token["given_name"] == "Kari"


def test_the_next_sign_in_finds_the_same_person_by_the_prid(client, db, e_id):
    sign_in(client, e_id, "kari-eidas", KARI)
    first = client.session["_auth_user_id"]
    client.logout()

    # A new broker subject for the same prid (a new broker, say): the same account.
    sign_in(client, e_id, "kari-ny-broker", {**KARI, "given_name": "Kari Anne"})

    assert client.session["_auth_user_id"] == first
    accounts = SocialAccount.objects.filter(uid__in=["kari-eidas", "kari-ny-broker"])
    assert {str(account.user_id) for account in accounts} == {first}
    identity = CitizenIdentity.objects.get(foreign_identifier="NO:05868907693")
    assert identity.given_name == "Kari Anne"


def test_a_mapped_number_is_the_same_account_as_the_swedish_e_id(client, db, e_id):
    sign_in(client, e_id, "tolvan-bankid", {"given_name": "Tolvan", PNR: "191212121212"})
    bankid_user = client.session["_auth_user_id"]
    client.logout()

    response = sign_in(
        client,
        e_id,
        "tolvan-eidas",
        {**KARI, "given_name": "Tolvan", MAPPED_PNR: "191212121212", PRID: "NO:99"},
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == bankid_user
    identity = CitizenIdentity.objects.get(user_id=bankid_user)
    assert identity.personal_identity_number == "191212121212"
    assert identity.foreign_identifier == "NO:99"
    page = client.get("/mina-sidor/").content.decode()
    assert "19121212-****" in page


def test_an_unreadable_prid_is_refused_with_no_account(client, db, e_id):
    response = sign_in(client, e_id, "trasig", {**KARI, PRID: "Norge 05868907693"})

    assert response.status_code == 403
    assert "Inloggningen nekades" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.filter(uid="trasig").exists()
    assert AuthEvent.objects.filter(
        event="login_refused", detail__reason="invalid_foreign_identifier"
    ).exists()
