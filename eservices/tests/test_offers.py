"""Offers of a preschool place (eservices.offers): a handler or a back-office system offers a
place in one of the municipality's own units; either guardian accepts or declines on Mina sidor
with e-ID, once; unanswered, the offer is reminded of once and then lapses by the
municipality's rule; the four-month clock stops at the offer. Only the parties and the
municipality's own preschool handlers see it."""

import datetime
import re
import uuid

import pytest
from django.test import RequestFactory
from django.utils import timezone

from eservices import offers, services
from eservices.models import (
    Case,
    CaseEvent,
    CaseLog,
    EService,
    Notification,
    PlacementOffer,
    Unit,
)
from portal.tests.factories import sign_in_for_admin

from .factories import preschool_answers
from .test_end_place import handler

pytestmark = pytest.mark.django_db

State = PlacementOffer.State
EMMA_MAIL = "emma.karlsson@example.se"
JONAS_MAIL = "jonas.karlsson@example.se"


def municipal_unit(slug="amal", type=Unit.Type.PRESCHOOL):
    return (
        Unit.objects.filter(
            municipality__slug=slug, type=type, organiser=Unit.Organiser.MUNICIPAL, active=True
        )
        .order_by("name")
        .first()
    )


def request_as(user):
    request = RequestFactory().post("/")
    request.user = user
    return request


@pytest.fixture
def case(client, emma, jonas):
    """Emma's application for Alva in Åmål, Jonas named and confirmed."""
    client.force_login(emma)
    client.post(
        "/e-tjanster/forskola/ansok/?kommun=amal",
        {"submission_key": str(uuid.uuid4()), **preschool_answers()},
    )
    client.logout()
    case = Case.objects.get(applicant=emma)
    services.confirm_co_applicant(request_as(jonas), case)
    case.refresh_from_db()
    Notification.objects.all().delete()
    # The demo's own offer (Piotr Kowalczyk's, in Färgelanda) is not this test's: the job
    # would remind of it and lapse it too.
    PlacementOffer.objects.exclude(case=case).delete()
    return case


@pytest.fixture
def lena():
    return handler("amal", "handle_preschool")


def offer_in(case, lena, *, answer_by=None, days=20):
    today = timezone.localdate()
    return offers.make_offer(
        request_as(lena),
        case,
        unit=municipal_unit(),
        start_date=today + datetime.timedelta(days=days + 10),
        answer_by=answer_by or today + datetime.timedelta(days=days),
    )


def mails(event):
    return sorted(Notification.objects.filter(event=event).values_list("recipient", flat=True))


# Making an offer ----------------------------------------------------------------------------


def test_a_handler_offers_a_place_and_both_guardians_are_told(case, lena):
    offer = offer_in(case, lena)

    case.refresh_from_db()
    assert offer.state == State.OFFERED and offer.offered_by == lena
    assert case.status == Case.Status.IN_PROGRESS
    assert case.offered_on == timezone.localdate()
    assert case.events.filter(type=CaseEvent.Type.OFFERED).count() == 1
    assert case.log.filter(actor=lena, detail__startswith="erbjöd plats").exists()
    assert mails(Notification.Event.OFFER) == [EMMA_MAIL, JONAS_MAIL]


def test_an_offer_can_be_made_without_a_handler_for_a_back_office_system(case):
    request = RequestFactory().post("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    today = timezone.localdate()

    offer = offers.make_offer(
        request,
        case,
        unit=municipal_unit(),
        start_date=today + datetime.timedelta(days=40),
        role="system",
    )

    assert offer.offered_by is None and offer.offered_by_label == "system"
    # The e-service's answer time: 14 days unless the municipality says otherwise.
    assert offer.answer_by == today + datetime.timedelta(days=14)
    entry = case.log.get(detail__startswith="erbjöd plats")
    assert entry.actor is None and entry.role == "system"


def test_only_the_municipalitys_own_units_can_be_offered(case, lena):
    today = timezone.localdate()
    elsewhere = municipal_unit("mellerud")
    independent = Unit.objects.filter(
        municipality__slug="amal", organiser=Unit.Organiser.INDEPENDENT
    ).first()

    for unit in filter(None, [elsewhere, independent]):
        with pytest.raises(offers.OfferError) as error:
            offers.make_offer(
                request_as(lena), case, unit=unit, start_date=today + datetime.timedelta(days=30)
            )
        assert error.value.field == "unit"
    assert not case.offers.exists()


def test_one_offer_at_a_time_and_not_before_the_second_guardian_confirms(client, case, lena):
    offer_in(case, lena)
    with pytest.raises(services.CaseError):
        offer_in(case, lena)

    case.co_applicant_confirmed_at = None
    case.save()
    PlacementOffer.objects.all().delete()
    with pytest.raises(offers.OfferError) as error:
        offer_in(case, lena)
    assert error.value.code == "co_applicant"


def test_the_four_month_clock_stops_at_the_offer(case, lena):
    late = case.deadline + datetime.timedelta(days=3)
    assert case.deadline_state(late) == "past"

    offer_in(case, lena)
    case.refresh_from_db()

    assert case.deadline_state(late) == ""
    assert case.days_left(late) == (case.deadline - timezone.localdate()).days


def test_a_declined_offer_does_not_restart_the_clock_a_withdrawn_one_does(case, lena, emma):
    offer = offer_in(case, lena)
    offers.decline(request_as(emma), offer, "Vi väntar på Solrosen.")
    case.refresh_from_db()
    assert case.offered_on == timezone.localdate()

    second = offer_in(case, lena)
    offers.withdraw(request_as(lena), second)
    case.refresh_from_db()
    assert case.offered_on == timezone.localdate()  # the declined offer still counts

    PlacementOffer.objects.filter(pk=offer.pk).update(state=State.WITHDRAWN)
    third = offer_in(case, lena)
    offers.withdraw(request_as(lena), third)
    case.refresh_from_db()
    assert case.offered_on is None


# The handler's pages ------------------------------------------------------------------------


def test_the_handler_offers_a_place_on_the_case_page(client, case, lena):
    sign_in_for_admin(client, lena)
    url = f"/handlaggning/arenden/{case.public_id}/"
    html = client.get(url).content.decode()
    assert "Erbjud plats" in html
    default = timezone.localdate() + datetime.timedelta(days=14)
    assert f'value="{default:%Y-%m-%d}"' in html  # the answer-by date from the rule

    start = timezone.localdate() + datetime.timedelta(days=60)
    response = client.post(
        f"{url}erbjudande/",
        {
            "erbjudande-unit": str(municipal_unit().pk),
            "erbjudande-start_date": start.isoformat(),
            "erbjudande-answer_by": default.isoformat(),
        },
    )

    assert response.status_code == 302
    offer = case.offers.get()
    assert offer.start_date == start and offer.answer_by == default
    html = client.get(url).content.decode()
    assert "Väntar på svar" in html and "Återkalla erbjudandet" in html
    assert f"erbjudande skickat {timezone.localdate():%Y-%m-%d}" in html


def test_a_wrong_offer_comes_back_with_an_error_summary_and_what_was_typed(client, case, lena):
    sign_in_for_admin(client, lena)
    start = timezone.localdate() + datetime.timedelta(days=10)
    answer_by = start + datetime.timedelta(days=5)

    response = client.post(
        f"/handlaggning/arenden/{case.public_id}/erbjudande/",
        {
            "erbjudande-unit": "",
            "erbjudande-start_date": start.isoformat(),
            "erbjudande-answer_by": answer_by.isoformat(),
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in html
    assert "Välj vilken enhet platsen är på." in html
    assert "Sista svarsdagen kan inte vara efter startdatumet." in html
    assert f'value="{start:%Y-%m-%d}"' in html and f'value="{answer_by:%Y-%m-%d}"' in html
    assert not case.offers.exists()


def test_no_offer_form_until_the_second_guardian_has_confirmed(client, case, lena):
    Case.objects.filter(pk=case.pk).update(co_applicant_confirmed_at=None)
    sign_in_for_admin(client, lena)
    url = f"/handlaggning/arenden/{case.public_id}/"

    html = client.get(url).content.decode()
    assert "En plats kan erbjudas när den andra vårdnadshavaren har bekräftat ansökan." in html
    assert 'name="erbjudande-unit"' not in html
    start = timezone.localdate() + datetime.timedelta(days=40)
    response = client.post(
        f"{url}erbjudande/",
        {
            "erbjudande-unit": str(municipal_unit().pk),
            "erbjudande-start_date": start.isoformat(),
            "erbjudande-answer_by": start.isoformat(),
        },
        follow=True,
    )
    assert "Det går inte att erbjuda en plats i ärendet nu." in response.content.decode()
    assert not case.offers.exists()


def test_a_handler_of_another_municipality_gets_404(client, case):
    other = handler("mellerud", "handle_preschool")
    sign_in_for_admin(client, other)
    start = timezone.localdate() + datetime.timedelta(days=40)

    response = client.post(
        f"/handlaggning/arenden/{case.public_id}/erbjudande/",
        {
            "erbjudande-unit": str(municipal_unit().pk),
            "erbjudande-start_date": start.isoformat(),
            "erbjudande-answer_by": start.isoformat(),
        },
    )

    assert response.status_code == 404
    assert not case.offers.exists()


def test_the_queue_shows_offers_waiting_for_an_answer_and_moves_accepted_ones_on(
    client, case, lena, emma
):
    offer = offer_in(case, lena)
    sign_in_for_admin(client, lena)

    waiting = client.get("/handlaggning/forskola/?status=vantar-pa-svar").content.decode()
    assert case.reference in waiting
    assert f"Väntar på svar till {offer.answer_by:%Y-%m-%d}" in waiting
    assert "Erbjudande skickat" in waiting
    # The start page's preschool card counts it and links to the list.
    start = client.get("/handlaggning/").content.decode()
    card = re.search(r"Erbjudanden som väntar på svar</dt><dd><a href=\"([^\"]+)\">(\d+)<", start)
    assert card and card.groups() == ("/handlaggning/forskola/?status=vantar-pa-svar", "1")

    offers.accept(request_as(emma), offer)

    waiting = client.get("/handlaggning/forskola/?status=vantar-pa-svar").content.decode()
    assert case.reference not in waiting
    start = client.get("/handlaggning/").content.decode()
    assert '>0<span class="visually-hidden"> erbjudanden</span>' in start
    queue = client.get("/handlaggning/forskola/").content.decode()
    assert "Tackat ja – fatta placeringsbeslut" in queue


# The guardians ------------------------------------------------------------------------------


def test_the_applicant_accepts_after_confirming_and_gets_a_receipt(client, case, lena, emma):
    offer = offer_in(case, lena)
    Notification.objects.all().delete()
    client.force_login(emma)
    base = f"/mina-sidor/arenden/{case.public_id}/"

    html = client.get(base).content.decode()
    assert "Ni har fått ett erbjudande om plats" in html and offer.unit.name in html
    confirm = f"{base}erbjudande/{offer.public_id}/tacka-ja/"
    assert f'href="{confirm}"' in html
    assert "Ja, jag tackar ja till platsen" in client.get(confirm).content.decode()
    offer.refresh_from_db()
    assert offer.state == State.OFFERED  # looking is not answering

    response = client.post(confirm)

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.state == State.ACCEPTED and offer.answered_by == emma
    receipt = client.get(response["Location"]).content.decode()
    assert "Du har tackat ja till platsen." in receipt
    assert mails(Notification.Event.OFFER_ANSWERED) == [EMMA_MAIL, JONAS_MAIL]
    # Nobody has taken the case: the preschool administrators' mailbox is told.
    assert mails(Notification.Event.HANDLER_OFFER_ANSWERED) == [case.eservice.notification_email]
    assert case.log.filter(actor=emma, detail="tackade ja till erbjudandet").exists()
    case.refresh_from_db()
    assert case.is_open  # the placement decision is the handler's


def test_the_second_guardian_declines_and_then_the_applicant_sees_the_answer(
    client, case, lena, emma, jonas
):
    offer = offer_in(case, lena)
    client.force_login(jonas)
    url = f"/mina-sidor/arenden/{case.public_id}/erbjudande/{offer.public_id}/tacka-nej/"

    client.post(url, {"svar-reason": "Vi väntar på en plats närmare hemmet."})

    offer.refresh_from_db()
    assert offer.state == State.DECLINED and offer.answered_by == jonas
    assert offer.decline_reason == "Vi väntar på en plats närmare hemmet."
    assert case.log.filter(actor=jonas, role="medsökande").exists()

    # Emma's answer comes second: it does not count, and she is told, not shown an error.
    client.force_login(emma)
    response = client.post(
        f"/mina-sidor/arenden/{case.public_id}/erbjudande/{offer.public_id}/tacka-ja/",
        follow=True,
    )
    offer.refresh_from_db()
    assert offer.state == State.DECLINED
    html = response.content.decode()
    assert response.status_code == 200
    assert "Erbjudandet är redan besvarat" in html
    assert "Ni har tackat nej till platsen." in html and "av Jonas Karlsson" in html


def test_an_answer_on_a_stale_page_gets_a_clear_message_not_an_error(
    client, case, lena, emma, monkeypatch
):
    offer = offer_in(case, lena)
    client.force_login(emma)

    def answered_meanwhile(request, offer):
        raise services.CaseError("offer not open")

    monkeypatch.setattr(offers, "accept", answered_meanwhile)
    response = client.post(
        f"/mina-sidor/arenden/{case.public_id}/erbjudande/{offer.public_id}/tacka-ja/",
        follow=True,
    )

    assert response.status_code == 200
    assert "Erbjudandet hann ändras innan ditt svar kom fram" in response.content.decode()


def test_accepting_twice_is_refused_by_the_service(case, lena, emma, jonas):
    offer = offer_in(case, lena)
    offers.accept(request_as(emma), offer)

    with pytest.raises(services.CaseError):
        offers.decline(request_as(jonas), offer)


def test_a_resident_not_party_to_the_case_gets_404(client, case, lena, tolvan):
    offer = offer_in(case, lena)
    client.force_login(tolvan)
    base = f"/mina-sidor/arenden/{case.public_id}/erbjudande/{offer.public_id}/"

    assert client.get(base).status_code == 404
    assert client.get(f"{base}tacka-ja/").status_code == 404
    assert client.post(f"{base}tacka-ja/").status_code == 404
    offer.refresh_from_db()
    assert offer.state == State.OFFERED


def test_mina_sidor_lists_the_offer_for_both_guardians(client, case, lena, emma, jonas):
    offer_in(case, lena)

    for guardian in (emma, jonas):
        client.force_login(guardian)
        html = client.get("/mina-sidor/").content.decode()
        assert "Erbjudanden som väntar på svar" in html
        assert case.reference in html


# Reminder and lapse -------------------------------------------------------------------------


def test_an_offer_past_its_date_lapses_after_its_reminder(case, lena):
    offer = offer_in(case, lena)
    past = offer.answer_by + datetime.timedelta(days=1)

    assert offers.remind_and_lapse(offer.answer_by) == {"reminded": 0, "lapsed": 0}
    assert offers.remind_and_lapse(past) == {"reminded": 1, "lapsed": 0}
    assert offers.remind_and_lapse(past) == {"reminded": 0, "lapsed": 0}  # once
    assert mails(Notification.Event.OFFER_REMINDER) == [EMMA_MAIL, JONAS_MAIL]
    offer.refresh_from_db()
    assert offer.reminded_at is not None and offer.state == State.OFFERED

    # Five days after the reminder, by default.
    assert case.eservice.offer_grace_days == 5
    day = offers.lapse_date(offer)
    assert day == past + datetime.timedelta(days=5)
    before = day - datetime.timedelta(days=1)
    assert offers.remind_and_lapse(before) == {"reminded": 0, "lapsed": 0}
    assert offers.remind_and_lapse(day) == {"reminded": 0, "lapsed": 1}
    assert offers.remind_and_lapse(day) == {"reminded": 0, "lapsed": 0}

    offer.refresh_from_db()
    case.refresh_from_db()
    assert offer.state == State.LAPSED
    # Åmål's rule by default: the application is closed.
    assert case.status == Case.Status.CLOSED and case.closed_at is not None
    assert mails(Notification.Event.OFFER_LAPSED) == [EMMA_MAIL, JONAS_MAIL]
    assert case.events.filter(type=CaseEvent.Type.OFFER_REMINDED).count() == 1
    assert case.events.filter(type=CaseEvent.Type.OFFER_LAPSED).count() == 1
    assert CaseLog.objects.filter(case=case, role="system").count() == 2


def test_a_lapsed_offer_keeps_the_child_in_the_queue_by_that_rule(case, lena):
    EService.objects.filter(pk=case.eservice_id).update(
        offer_lapse_rule=EService.OfferLapse.KEEP_IN_QUEUE, offer_grace_days=1
    )
    offer = offer_in(case, lena)
    past = offer.answer_by + datetime.timedelta(days=1)

    assert offers.remind_and_lapse(past) == {"reminded": 1, "lapsed": 0}
    assert offers.remind_and_lapse(past + datetime.timedelta(days=1)) == {
        "reminded": 0,
        "lapsed": 1,
    }

    offer.refresh_from_db()
    case.refresh_from_db()
    assert offer.state == State.LAPSED
    assert case.is_open and case.offered_on is not None
    assert offers.can_offer(case)  # the handler can offer another place


def test_an_answered_offer_is_neither_reminded_nor_lapsed(case, lena, emma):
    offer = offer_in(case, lena)
    offers.accept(request_as(emma), offer)

    later = offer.answer_by + datetime.timedelta(days=30)
    assert offers.remind_and_lapse(later) == {"reminded": 0, "lapsed": 0}


def test_the_job_is_scheduled_daily(settings):
    assert settings.SCHEDULED_JOBS["remind_and_lapse_offers"] == {
        "call": "eservices.offers.remind_and_lapse",
        "at": "08:00",
    }


def test_the_demo_has_an_offer_waiting_for_an_answer(db):
    offer = PlacementOffer.objects.select_related("case", "unit").get(
        case__municipality__slug="fargelanda", state=State.OFFERED
    )

    assert offer.unit.name == "Förskolan Högsäter"
    assert offer.answer_by > timezone.localdate()
    assert offer.case.is_open and offer.case.offered_on is not None
    assert offer.case.deadline_state() == ""


def test_the_handler_withdraws_an_unanswered_offer_and_the_guardians_are_told(client, case, lena):
    offer = offer_in(case, lena)
    sign_in_for_admin(client, lena)

    response = client.post(
        f"/handlaggning/arenden/{case.public_id}/erbjudande/{offer.public_id}/aterkalla/",
        follow=True,
    )

    assert "Erbjudandet är återkallat." in response.content.decode()
    offer.refresh_from_db()
    case.refresh_from_db()
    assert offer.state == State.WITHDRAWN
    assert case.offered_on is None  # no offer made after all: the four months run again
    assert mails(Notification.Event.OFFER_WITHDRAWN) == [EMMA_MAIL, JONAS_MAIL]
    assert case.log.filter(actor=lena, detail="återkallade erbjudandet").exists()


def test_the_answer_page_in_english(client, case, lena, emma):
    offer = offer_in(case, lena)
    client.force_login(emma)

    html = client.get(
        f"/en/mina-sidor/arenden/{case.public_id}/erbjudande/{offer.public_id}/tacka-ja/"
    ).content.decode()

    assert "Accept the place" in html
    assert "Yes, I accept the place" in html


def test_a_single_guardian_is_not_told_about_a_second_one(client, emma):
    """Emma applies alone: the offer names the child and says nothing of two guardians."""
    client.force_login(emma)
    client.post(
        "/e-tjanster/forskola/ansok/?kommun=amal",
        {
            "submission_key": str(uuid.uuid4()),
            **preschool_answers(
                co_applicant_name="", co_applicant_number="", co_applicant_email=""
            ),
        },
    )
    case = Case.objects.get(applicant=emma)
    assert not case.co_applicant_number
    offer = offer_in(case, handler("amal", "handle_preschool"))
    base = f"/mina-sidor/arenden/{case.public_id}/"

    page = client.get(base).content.decode()
    confirm = client.get(f"{base}erbjudande/{offer.public_id}/tacka-ja/").content.decode()
    decline = client.get(f"{base}erbjudande/{offer.public_id}/tacka-nej/").content.decode()
    receipt = client.get(f"{base}erbjudande/{offer.public_id}/").content.decode()

    assert "Du bekräftar svaret på nästa sida." in page
    assert f"Åmåls kommun erbjuder {case.data['child_name']} en plats" in confirm
    for html in (page, confirm, decline, receipt):
        assert "vårdnadshavar" not in html.split("<main", 1)[1].split("</main>", 1)[0]
        assert "en av er" not in html
