"""Ending a place in preschool or after-school care (uppsägning, eservices.kinds.end_place): the
notice period per municipality, both guardians, the receipt, and the handler's queue, which only
the handlers of the e-service's own municipality with its permission see."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone, translation
from django.utils.formats import date_format

from eservices import kinds
from eservices.kinds.end_place import notice_period
from eservices.models import Case, EService, Unit
from portal.identity.models import EmployeeProfile
from portal.identity.roles import ROLES
from portal.models import Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import CHILD, JONAS

APPLY = "/e-tjanster/uppsagning/ansok/?kommun=amal"


def after_school():
    return Unit.objects.get(municipality__slug="amal", name="Fritidshemmet vid Kristinebergskolan")


def end_place_answers(days=45, **overrides):
    last_day = timezone.localdate() + datetime.timedelta(days=days)
    data = {
        "child_name": "Alva Karlsson",
        "child_number": "20240512-9806",
        "care_type": "fritidshem",
        "unit": str(after_school().pk),
        "last_day": last_day.isoformat(),
        "reason": "Vi flyttar till Karlstad.",
        "email": "emma.karlsson@example.se",
        "phone": "070-123 45 67",
        "co_applicant_name": "Jonas Karlsson",
        "co_applicant_number": "19880707-9937",
        "co_applicant_email": "jonas.karlsson@example.se",
        "declaration": "on",
        "action": "submit",
    }
    data.update(overrides)
    return data


def post(client, data):
    return client.post(APPLY, {"submission_key": str(uuid.uuid4()), **data})


def handler(slug, *codenames):
    user = UserFactory(first_name="Lena", last_name="Olsson")
    EmployeeProfile.objects.create(user=user, municipality=Municipality.objects.get(slug=slug))
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="eservices", codename__in=codenames)
    )
    return user


@pytest.fixture
def ended(client, emma):
    """Emma's notice of Alva's after-school place in Åmål, 45 days ahead, Jonas named."""
    client.force_login(emma)
    response = post(client, end_place_answers())
    assert response.status_code == 302
    client.logout()
    return Case.objects.get(applicant=emma)


# The e-service --------------------------------------------------------------------------------


def test_the_kind_is_registered_with_its_own_permission(db):
    kind = kinds.get("uppsagning")

    assert kind.reference_prefix == "UPS"
    with translation.override("sv"):
        assert str(kind.name) == "Säga upp plats i förskola eller fritidshem"
    with translation.override("en"):
        assert str(kind.name) == "Ending a place in preschool or after-school care"
    assert kind.handle_permission == "eservices.handle_end_place"
    permission = Permission.objects.get(
        content_type__app_label="eservices", codename=kind.permission
    )
    assert permission.name == "Kan handlägga uppsägningar av plats"
    # The preschool administrators (Lena Olsson in the demo) handle it with the applications.
    assert "eservices.handle_end_place" in ROLES["forskoleadministrator"].permissions


def test_every_municipality_offers_it_with_a_month_of_notice(db):
    eservices = EService.objects.filter(kind="uppsagning", active=True)

    assert sorted(e.municipality.slug for e in eservices) == sorted(
        Municipality.objects.values_list("slug", flat=True)
    )
    for eservice in eservices:
        assert eservice.notice_days == 30
        assert eservice.notification_email.startswith("barnomsorg@")
        assert eservice.service_page is not None and eservice.service_page.slug == "forskola"


def test_the_start_page_lists_the_municipalities(client, db):
    html = client.get("/e-tjanster/uppsagning/").content.decode()

    assert "Säga upp plats i förskola eller fritidshem" in html
    assert "Välj kommunen där barnet har sin plats." in html
    assert "?kommun=amal" in html


def test_the_preschool_service_page_links_to_it(client, db):
    from citizen_portal.models import ServicePage

    page = ServicePage.objects.get(
        municipality__slug="amal", slug="forskola", locale__language_code="sv"
    )

    html = client.get(page.url).content.decode()

    assert 'href="/e-tjanster/uppsagning/"' in html


@translation.override("sv")
def test_the_notice_period_in_words():
    assert notice_period(30) == "en månad"
    assert notice_period(60) == "två månader"
    assert notice_period(45) == "45 dagar"
    assert notice_period(1) == "1 dag"


def test_the_form_offers_the_municipalitys_own_units_and_the_earliest_day(client, emma):
    client.force_login(emma)

    html = client.get(APPLY).content.decode()

    earliest = timezone.localdate() + datetime.timedelta(days=30)
    assert "<h1>Säg upp plats i förskola eller fritidshem</h1>" in html
    assert f"den sista dagen kan tidigast vara {earliest.isoformat()}" in html
    assert "Fritidshemmet vid Kristinebergskolan" in html
    assert "Förskolan Solrosen" in html
    assert "Förskolan Linden" not in html  # Mellerud
    assert "Rösparksskolan" not in html  # a school
    assert "Skicka uppsägningen" in html


# Ending a place ---------------------------------------------------------------------------------


def test_a_parent_ends_an_after_school_place_and_gets_a_receipt(client, emma):
    client.force_login(emma)

    response = post(client, end_place_answers())

    case = Case.objects.get(applicant=emma)
    assert response["Location"] == f"/mina-sidor/arenden/{case.public_id}/kvitto/"
    assert case.status == Case.Status.SUBMITTED
    assert case.reference.startswith("UPS-1492-")
    assert case.eservice.kind == "uppsagning"
    assert case.data["child_number"] == CHILD
    assert case.data["care_type"] == "fritidshem"
    assert case.data["unit"] == after_school().pk
    assert case.data["unit_name"] == "Fritidshemmet vid Kristinebergskolan"
    last_day = timezone.localdate() + datetime.timedelta(days=45)
    assert case.data["last_day"] == last_day.isoformat()
    assert case.deadline == last_day
    assert case.co_applicant_number == JONAS
    assert case.awaits_co_applicant

    html = client.get(response["Location"]).content.decode()
    assert case.reference in html
    assert "Jonas Karlsson behöver logga in på Mina sidor" in html
    assert (
        "Fritidshemmet bekräftar uppsägningen. Avgiften betalas till och med den sista dagen."
        in (html)
    )
    assert "Barnets sista dag" in html


def test_the_second_guardian_confirms_on_mina_sidor(client, ended, jonas):
    client.force_login(jonas)

    mina_sidor = client.get("/mina-sidor/").content.decode()
    assert str(ended.public_id) in mina_sidor
    client.post(f"/mina-sidor/arenden/{ended.public_id}/bekrafta/")

    ended.refresh_from_db()
    assert ended.co_applicant == jonas
    assert ended.co_applicant_confirmed_at is not None
    assert not ended.awaits_co_applicant


def test_a_last_day_inside_the_notice_is_refused_and_nothing_typed_is_lost(client, emma):
    client.force_login(emma)

    response = post(client, end_place_answers(days=10))

    assert response.status_code == 400
    html = response.content.decode()
    earliest = timezone.localdate() + datetime.timedelta(days=30)
    assert "Det finns fel i formuläret" in html
    assert (
        f"Uppsägningstiden är en månad. Den sista dagen kan tidigast vara {earliest.isoformat()}."
        in html
    )
    assert 'value="Alva Karlsson"' in html
    assert 'value="20240512-9806"' in html
    assert 'value="Jonas Karlsson"' in html
    assert "Vi flyttar till Karlstad." in html
    last_day = timezone.localdate() + datetime.timedelta(days=10)
    assert f'value="{last_day.isoformat()}"' in html
    case = Case.objects.get(applicant=emma)
    assert case.status == Case.Status.DRAFT
    assert case.reference is None


def test_the_municipalitys_notice_setting_moves_the_earliest_day(client, emma):
    EService.objects.filter(kind="uppsagning", municipality__slug="amal").update(notice_days=60)
    client.force_login(emma)

    response = post(client, end_place_answers(days=45))

    assert response.status_code == 400
    earliest = timezone.localdate() + datetime.timedelta(days=60)
    message = (
        "Uppsägningstiden är två månader. "
        f"Den sista dagen kan tidigast vara {earliest.isoformat()}."
    )
    assert message in response.content.decode()
    assert not Case.objects.filter(applicant=emma).exclude(status=Case.Status.DRAFT).exists()

    response = post(client, end_place_answers(days=60))

    assert response.status_code == 302
    assert Case.objects.filter(applicant=emma, status=Case.Status.SUBMITTED).count() == 1


def test_the_unit_must_match_the_place_being_ended(client, emma):
    preschool = Unit.objects.get(municipality__slug="amal", name="Förskolan Solrosen")
    client.force_login(emma)

    response = post(client, end_place_answers(unit=str(preschool.pk)))

    assert response.status_code == 400
    assert "Enheten passar inte den plats du säger upp (fritidshem)" in response.content.decode()


def test_a_single_guardian_leaves_the_second_guardian_empty(client, emma):
    client.force_login(emma)

    post(
        client,
        end_place_answers(co_applicant_name="", co_applicant_number="", co_applicant_email=""),
    )

    case = Case.objects.get(applicant=emma)
    assert case.status == Case.Status.SUBMITTED
    assert not case.awaits_co_applicant


# The handler ---------------------------------------------------------------------------------


def test_the_handler_sees_the_case_with_its_last_day_in_the_queue(client, ended):
    sign_in_for_admin(client, handler("amal", "handle_end_place"))

    queue = client.get("/handlaggning/uppsagning/")
    assert queue.status_code == 200
    html = queue.content.decode()
    assert ended.reference in html
    last_day = timezone.localdate() + datetime.timedelta(days=45)
    assert f'Barnets sista dag <time datetime="{last_day.isoformat()}">' in html

    page = client.get(f"/handlaggning/arenden/{ended.public_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    with translation.override("sv"):
        written = date_format(last_day, "l j F Y")  # torsdag 21 januari 2027
    assert "Barnets sista dag" in html
    assert written in html
    assert "Fritidshemmet vid Kristinebergskolan" in html
    assert "Vi flyttar till Karlstad." in html
    # The last day comes before everything else the parent answered.
    assert html.index("Barnets sista dag") < html.index("Barnets namn")


def test_a_preschool_only_handler_does_not_see_the_notices(client, ended):
    sign_in_for_admin(client, handler("amal", "handle_preschool"))

    assert client.get(f"/handlaggning/arenden/{ended.public_id}/").status_code == 404
    assert client.get("/handlaggning/uppsagning/").status_code == 404


def test_a_handler_of_another_municipality_does_not_see_the_case(client, ended):
    sign_in_for_admin(client, handler("mellerud", "handle_end_place"))

    assert client.get(f"/handlaggning/arenden/{ended.public_id}/").status_code == 404
    queue = client.get("/handlaggning/uppsagning/")
    assert queue.status_code == 200
    assert ended.reference not in queue.content.decode()


# A notice in its own words --------------------------------------------------------------------


def main(html):
    """The page's main landmark (the chrome around it speaks of applications in general)."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_every_page_calls_it_a_notice_not_an_application(client, emma, jonas):
    client.force_login(emma)
    form = client.get(APPLY).content.decode()
    assert "Uppsägningen går till Åmåls kommun." in form
    assert "Ansökan går till" not in form

    response = post(client, end_place_answers())
    receipt = client.get(response["Location"]).content.decode()
    assert "Tack! Åmåls kommun har tagit emot din uppsägning." in receipt
    assert (
        "Jonas Karlsson behöver logga in på Mina sidor med sin e-legitimation och bekräfta "
        "uppsägningen." in receipt
    )
    assert "<title>Uppsägningen är inskickad" in receipt
    assert "ansökan" not in main(receipt).lower()

    case = Case.objects.get(applicant=emma)
    own = client.get(f"/mina-sidor/arenden/{case.public_id}/").content.decode()
    assert "Din uppsägning" in own
    assert "Återkalla uppsägningen" in own
    assert "Din ansökan" not in own and "Återkalla ansökan" not in own

    client.force_login(jonas)
    theirs = client.get(f"/mina-sidor/arenden/{case.public_id}/").content.decode()
    assert "har sagt upp barnets plats och angett dig som vårdnadshavare" in theirs
    assert "Jag står bakom uppsägningen" in theirs
    assert "Jag står bakom ansökan" not in theirs

    sign_in_for_admin(client, handler("amal", "handle_end_place"))
    page = client.get(f"/handlaggning/arenden/{case.public_id}/").content.decode()
    assert '<h2 id="answers-heading">Uppsägning</h2>' in page
    assert "inte bekräftat uppsägningen med sin e-legitimation" in page


def test_the_e_mails_call_it_a_notice(ended):
    from eservices.models import Notification
    from eservices.notifications import message_for

    subjects = {}
    for notification in Notification.objects.filter(case=ended):
        subject, body = message_for(notification)
        subjects[notification.event] = (subject, body)

    subject, body = subjects[Notification.Event.SUBMITTED]
    assert subject == f"Vi har tagit emot din uppsägning {ended.reference}"
    assert "Tack! Din uppsägning av barnets plats har kommit in till Åmåls kommun." in body
    subject, body = subjects[Notification.Event.CO_APPLICANT]
    assert subject == "Bekräfta en uppsägning av plats"
    assert "Logga in och bekräfta uppsägningen." in body
    assert "ansökan" not in (subject + body).lower()


def test_the_english_pages_call_it_a_notice(client, ended):
    client.force_login(ended.applicant)

    receipt = client.get(f"/en/mina-sidor/arenden/{ended.public_id}/kvitto/")

    assert receipt.status_code == 200
    html = receipt.content.decode()
    assert "Thank you! Åmåls kommun has received your notice." in html
    assert "confirm the notice" in html
    assert "<title>The notice has been sent" in html
    assert "application" not in main(html).lower()


def test_mina_sidor_tells_the_cases_apart_by_child_and_asks_the_second_guardian_in_its_words(
    client, emma, jonas
):
    """Two cases of one e-service read alike by name; the child tells them apart. Jonas is
    asked to confirm the notice as a notice."""
    client.force_login(emma)
    post(client, end_place_answers())
    post(
        client,
        end_place_answers(child_name="Elias Karlsson", child_number="20200318-9814"),
    )

    listing = main(client.get("/mina-sidor/").content.decode())
    assert "Alva Karlsson ·" in listing and "Elias Karlsson ·" in listing

    client.force_login(jonas)
    theirs = main(client.get("/mina-sidor/").content.decode())
    assert "bekräfta att du står bakom uppsägningen" in theirs
    assert "bekräfta att du står bakom ansökan" not in theirs
