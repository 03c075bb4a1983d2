"""The residents' e-ID identities in the admin: listed and searchable with the Swedish number
and the foreign e-ID's identifier masked, and read-only."""

import pytest

from portal.identity.models import CitizenIdentity
from portal.tests.factories import UserFactory, sign_in_for_admin

INDEX = "/admin/citizen_identities/"


@pytest.fixture
def admin_client(client, db):
    CitizenIdentity.objects.create(
        user=UserFactory(username="tolvan"),
        personal_identity_number="191212121212",
        given_name="Tolvan",
        family_name="Tolvansson",
    )
    CitizenIdentity.objects.create(
        user=UserFactory(username="kari"),
        foreign_identifier="NO:05868907693",
        country="NO",
        given_name="Kari",
        family_name="Nordmann",
    )
    return sign_in_for_admin(client, UserFactory(is_superuser=True, is_staff=True))


def test_the_list_shows_swedish_and_foreign_identities_masked(admin_client):
    response = admin_client.get(INDEX)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tolvan Tolvansson" in page and "19121212-****" in page
    assert "Kari Nordmann" in page and "NO:0586*******" in page
    assert "utländsk e-legitimation, NO" in page
    assert "191212121212" not in page and "05868907693" not in page


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("Nordmann", "Kari Nordmann", "Tolvan Tolvansson"),
        ("NO:05868907693", "Kari Nordmann", "Tolvan Tolvansson"),
        ("19121212-1212", "Tolvan Tolvansson", "Kari Nordmann"),
    ],
)
def test_a_person_is_found_by_name_or_by_the_whole_identity(admin_client, query, found, not_found):
    page = admin_client.get(INDEX, {"q": query}).content.decode()

    assert found in page and not_found not in page


def test_a_fragment_of_a_number_finds_nobody(admin_client):
    page = admin_client.get(INDEX, {"q": "19121212"}).content.decode()

    assert "Tolvan Tolvansson" not in page


def test_nothing_can_be_added_or_changed(admin_client):
    identity = CitizenIdentity.objects.get(foreign_identifier="NO:05868907693")

    assert admin_client.get(f"{INDEX}new/").status_code == 404
    assert admin_client.get(f"{INDEX}edit/{identity.pk}/").status_code == 404
