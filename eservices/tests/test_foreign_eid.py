"""A resident who signed in with a foreign e-ID through the eIDAS node and has no Swedish
number (docs/eservices.md, "Residents with a foreign e-ID"): never matched to other people's
cases by an empty number, told how to apply where an e-service needs a Swedish number, and able
to apply where it does not (a building permit) and to follow the case on Mina sidor."""

import json
import uuid

import pytest
from django.contrib.auth.models import Permission

from eservices.models import Case, EService
from portal.identity.models import CitizenIdentity, EmployeeProfile
from portal.models import Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import EMMA, building_answers, drawing, make_citizen, preschool_answers

APPLY_PRESCHOOL = "/e-tjanster/forskola/ansok/?kommun=amal"
APPLY_SCHOOL = "/e-tjanster/skolval/ansok/?kommun=amal"
APPLY_PERMIT = "/e-tjanster/bygglov/ansok/"
EXPLANATION = "E-tjänsten behöver ett svenskt personnummer"


@pytest.fixture
def kari(db):
    user = UserFactory(username="kari")
    CitizenIdentity.objects.create(
        user=user,
        foreign_identifier="NO:05868907693",
        country="NO",
        prid_persistence="A",
        given_name="Kari",
        family_name="Nordmann",
    )
    return user


def submit(client, url, data, **files):
    return client.post(url, {"submission_key": str(uuid.uuid4()), **data, **files})


def strangers_cases(client):
    """Submitted cases of two Swedish residents, naming no co-applicant (an empty number)."""
    tolvan = make_citizen("tolvan", "191212121212", "Tolvan", "Tolvansson")
    emma = make_citizen("emma", EMMA, "Emma", "Karlsson")
    client.force_login(tolvan)
    submit(client, APPLY_PERMIT, building_answers(), drawings=[drawing()])
    client.force_login(emma)
    submit(client, APPLY_PRESCHOOL, preschool_answers(co_applicant_name="", co_applicant_number=""))
    cases = list(
        Case.objects.filter(applicant__in=[tolvan, emma]).exclude(status=Case.Status.DRAFT)
    )
    assert len(cases) == 2 and all(case.co_applicant_number == "" for case in cases)
    return cases


# Nobody else's cases ---------------------------------------------------------------------------


def test_a_resident_without_a_number_is_never_matched_by_an_empty_co_applicant_number(client, kari):
    cases = strangers_cases(client)

    assert not Case.objects.for_applicant(kari).exists()
    # Nor an identity whose number is an empty string rather than NULL.
    kari.citizen_identity.personal_identity_number = ""
    assert not Case.objects.for_applicant(kari).exists()

    client.force_login(kari)
    page = client.get("/mina-sidor/").content.decode()
    for case in cases:
        assert case.reference not in page
        assert client.get(f"/mina-sidor/arenden/{case.public_id}/").status_code == 404
        assert client.post(f"/mina-sidor/arenden/{case.public_id}/bekrafta/").status_code == 404
    export = json.loads(client.get("/mina-sidor/mina-uppgifter.json").content)
    assert export["arenden"] == []
    assert export["person"]["personnummer"] is None
    assert export["person"]["utlandsk_e_legitimation"] == {
        "land": "NO",
        "identitet": "NO:05868907693",
    }


# An e-service that needs a Swedish number --------------------------------------------------------


@pytest.mark.parametrize("url", [APPLY_PRESCHOOL, APPLY_SCHOOL])
def test_an_e_service_that_needs_a_number_explains_what_to_do_instead(client, kari, url):
    client.force_login(kari)

    response = client.get(url)

    page = response.content.decode()
    assert response.status_code == 200
    assert EXPLANATION in page
    assert "ansöka på papper" in page
    amal = Municipality.objects.get(slug="amal")
    assert amal.phone in page and amal.email in page
    assert 'name="submission_key"' not in page  # no form that would fail later
    # Sending the form anyway makes no case.
    response = submit(client, url, preschool_answers())
    assert response.status_code == 200 and EXPLANATION in response.content.decode()
    assert not Case.objects.filter(applicant=kari).exists()


def test_the_explanation_page_in_english(client, kari):
    client.force_login(kari)

    response = client.get(f"/en{APPLY_PRESCHOOL}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "The e-service needs a Swedish personal identity number" in page
    assert EXPLANATION not in page


def test_a_resident_with_a_swedish_number_still_gets_the_form(client, db):
    client.force_login(make_citizen("emma", EMMA, "Emma", "Karlsson"))

    page = client.get(APPLY_PRESCHOOL).content.decode()

    assert 'name="submission_key"' in page and EXPLANATION not in page


def test_the_lists_offer_a_foreign_e_id_only_what_it_can_use(client, kari):
    client.force_login(kari)

    index = client.get("/e-tjanster/").content.decode()
    assert "/e-tjanster/bygglov/ansok/?kommun=" in index
    assert "/e-tjanster/forskola/ansok/" not in index
    assert 'href="/e-tjanster/forskola/"' not in index
    assert "utländsk e-legitimation" in index

    start = client.get("/e-tjanster/forskola/")
    assert start.status_code == 200
    assert "behöver ett svenskt personnummer" in start.content.decode()

    client.force_login(make_citizen("emma", EMMA, "Emma", "Karlsson"))
    assert "/e-tjanster/forskola/ansok/" in client.get("/e-tjanster/").content.decode()


def test_the_administrator_decides_per_municipality(client, kari):
    EService.objects.filter(kind="forskola", municipality__slug="amal").update(
        requires_personal_identity_number=False
    )
    EService.objects.filter(kind="bygglov", municipality__slug="mellerud").update(
        requires_personal_identity_number=True
    )
    client.force_login(kari)

    assert EXPLANATION not in client.get(APPLY_PRESCHOOL).content.decode()
    # A building permit for a property in Mellerud is refused on the form, with the advice.
    response = submit(client, APPLY_PERMIT, building_answers(), drawings=[drawing()])
    assert response.status_code == 400
    assert "Melleruds kommun behöver ett svenskt personnummer" in response.content.decode()
    draft = Case.objects.get(applicant=kari)
    assert draft.status == Case.Status.DRAFT
    # Kept where the form was started, so that the answers can still be changed.
    assert draft.municipality.slug != "mellerud"
    assert client.get(f"/mina-sidor/arenden/{draft.public_id}/andra/").status_code == 200


def test_the_defaults_come_from_the_kind():
    from eservices import kinds

    assert kinds.get("forskola").requires_personal_identity_number is True
    assert kinds.get("skolval").requires_personal_identity_number is True
    assert kinds.get("bygglov").requires_personal_identity_number is False


@pytest.mark.django_db
def test_a_new_e_service_takes_its_kinds_default_and_the_seeded_ones_have_it():
    municipality = Municipality.objects.get(slug="amal")
    EService.objects.filter(kind="bygglov", municipality=municipality).delete()

    created = EService.objects.create(kind="bygglov", municipality=municipality)

    assert created.requires_personal_identity_number is False
    seeded = EService.objects.exclude(pk=created.pk)
    assert seeded.exists()
    for eservice in seeded:
        assert eservice.requires_personal_identity_number == (eservice.kind != "bygglov")


# An e-service that does not -------------------------------------------------------------------


def test_a_foreign_e_id_applies_for_a_building_permit_and_follows_it(client, kari):
    client.force_login(kari)
    form = client.get(APPLY_PERMIT)
    assert form.status_code == 200 and 'name="submission_key"' in form.content.decode()

    response = submit(client, APPLY_PERMIT, building_answers(), drawings=[drawing()])

    case = Case.objects.get(applicant=kari)
    assert response["Location"] == f"/mina-sidor/arenden/{case.public_id}/kvitto/"
    assert case.status == Case.Status.SUBMITTED and case.co_applicant_number == ""
    assert case.data["applicant_name"] == "Kari Nordmann"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/mina-sidor/arenden/{case.public_id}/").status_code == 200

    my_pages = client.get("/mina-sidor/")
    page = my_pages.content.decode()
    assert my_pages.status_code == 200
    assert "Hej Kari!" in page
    assert case.reference in page
    assert "Utländsk e-legitimation (NO)" in page
    assert "NO:0586*******" in page and "05868907693" not in page
    assert "Personnummer" not in page


def test_the_handler_sees_the_foreign_identity_instead_of_a_personnummer(client, kari):
    client.force_login(kari)
    submit(client, APPLY_PERMIT, building_answers(), drawings=[drawing()])
    case = Case.objects.get(applicant=kari)
    handler = UserFactory(first_name="Hanna", last_name="Handläggare")
    EmployeeProfile.objects.create(user=handler, municipality=case.municipality)
    handler.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="eservices", codename="handle_building_permit"
        )
    )
    client.logout()
    sign_in_for_admin(client, handler)

    response = client.get(f"/handlaggning/arenden/{case.public_id}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Utländsk e-legitimation (NO)" in page
    assert "NO:05868907693" in page
    assert "Kari Nordmann" in page
