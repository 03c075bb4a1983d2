"""A preschool system offers a place through the case API (eservices.offers under the system's
name), and a back-office system's acknowledgement shows in the resident's history once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from eservices import offers
from eservices.models import Case, CaseEvent, CaseLog, EService, Notification, PlacementOffer, Unit

from .conftest import api_for
from .test_api import case_url, emails_to_bengt
from .test_schema import check

pytestmark = pytest.mark.django_db


@pytest.fixture
def preschool_case(db):
    """A submitted preschool application in Mellerud by a single guardian."""
    from django.test import RequestFactory

    from eservices import services
    from eservices.tests.factories import TOLVAN, make_citizen

    parent = make_citizen("tolvan", TOLVAN, "Tolvan", "Tolvansson")
    eservice = EService.objects.get(kind="forskola", municipality__slug="mellerud")
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=parent,
        data={
            "child_name": "Nils Berg",
            "child_number": "202303159873",
            "care_type": "forskola",
            "start_date": (timezone.localdate() + datetime.timedelta(days=120)).isoformat(),
            "email": "tolvan@example.se",
        },
    )
    request = RequestFactory().post("/")
    request.user = parent
    return services.submit(request, case)


@pytest.fixture
def preschool_api(client):
    return api_for(client, "Mellerud Procapita", "mellerud", "forskola")


def own_unit():
    return Unit.objects.filter(
        municipality__slug="mellerud", type="forskola", organiser="kommunal", active=True
    ).first()


def offer_body(**changes):
    start = timezone.localdate() + datetime.timedelta(days=60)
    body = {"unit": own_unit().pk, "start_date": start.isoformat()}
    body.update(changes)
    return body


def test_a_system_offers_a_place_and_both_are_told(preschool_api, preschool_case):
    response = preschool_api.post(case_url(preschool_case, "offers"), offer_body(), key="o-1")

    assert response.status_code == 201, response.content
    (offer,) = response.json()["offers"]
    assert offer["unit"] == own_unit().pk
    assert offer["state"] == "erbjuden"
    stored = PlacementOffer.objects.get(case=preschool_case)
    assert stored.offered_by.get_full_name() == "Mellerud Procapita (system)"
    assert Notification.objects.filter(case=preschool_case, event=Notification.Event.OFFER).exists()
    log = CaseLog.objects.filter(case=preschool_case, role="system").last()
    assert log.actor_label == "Mellerud Procapita (system)"
    # The four-month clock stops at the offer.
    preschool_case.refresh_from_db()
    assert preschool_case.offered_on == timezone.localdate()

    # The same key again: the same answer and still one offer.
    again = preschool_api.post(case_url(preschool_case, "offers"), offer_body(), key="o-1")
    assert again.status_code == 201 and again.json() == response.json()
    assert PlacementOffer.objects.filter(case=preschool_case).count() == 1
    # A second offer while the first waits: 409.
    second = preschool_api.post(case_url(preschool_case, "offers"), offer_body(), key="o-2")
    assert second.status_code == 409


def test_a_wrong_unit_or_date_is_a_400_naming_the_field(preschool_api, preschool_case):
    other = Unit.objects.filter(municipality__slug="amal", type="forskola").first()
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()

    cases = [
        (offer_body(unit=other.pk), "unit"),
        (offer_body(unit="förskolan"), "unit"),
        (offer_body(start_date=yesterday), "start_date"),
        (offer_body(start_date="1 maj"), "start_date"),
        (offer_body(answer_by=yesterday), "answer_by"),
    ]
    for index, (body, field) in enumerate(cases):
        response = preschool_api.post(case_url(preschool_case, "offers"), body, key=f"bad-{index}")
        assert response.status_code == 400, (body, response.content)
        assert field in response.json()["errors"], response.json()
    assert not PlacementOffer.objects.filter(case=preschool_case).exists()


def test_no_offer_on_a_building_permit_and_none_across_municipalities(
    client, api, case, preschool_case
):
    # Bengt's building permit, through Mellerud's ByggR: not a preschool case.
    response = api.post(case_url(case, "offers"), offer_body(), key="o-1")
    assert response.status_code == 409
    # Åmål's preschool system does not see Mellerud's preschool case.
    amal = api_for(client, "Åmål Procapita", "amal", "forskola")
    response = amal.post(case_url(preschool_case, "offers"), offer_body(), key="o-1")
    assert response.status_code == 404
    assert not PlacementOffer.objects.filter(case__in=[case, preschool_case]).exists()


def test_a_guardians_answer_goes_to_the_system_as_a_webhook(preschool_api, preschool_case):
    from django.test import RequestFactory

    from eservices.api.models import CaseApiClient, WebhookDelivery

    CaseApiClient.objects.filter(name="Mellerud Procapita").update(
        webhook_url="https://procapita.mellerud.example/webhooks"
    )
    preschool_api.post(case_url(preschool_case, "offers"), offer_body(), key="o-1")
    offer = PlacementOffer.objects.get(case=preschool_case)
    request = RequestFactory().post("/")
    request.user = preschool_case.applicant

    offers.accept(request, offer)

    (delivery,) = WebhookDelivery.objects.filter(event="offer.answered")
    assert delivery.payload["data"]["reference"] == preschool_case.reference
    assert "Nils" not in str(delivery.payload)


def test_acknowledging_shows_in_the_residents_history_once(api, case, byggr):
    assert api.post(case_url(case, "acknowledge"), key="a-1").status_code == 200
    assert api.post(case_url(case, "acknowledge"), key="a-2").status_code == 200

    (received,) = CaseEvent.objects.filter(case=case, type=CaseEvent.Type.RECEIVED)
    assert received.actor.get_full_name() == "Mellerud ByggR (system)"
    assert [n.event for n in emails_to_bengt()] == [Notification.Event.STATUS]
    # The status stays: the system sets it when the work starts.
    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED


def test_the_offer_answers_match_the_schema(client, preschool_api, preschool_case):
    spec = client.get(reverse("api_schema")).json()
    path = "/api/v1/cases/{reference}/offers/"
    url = case_url(preschool_case, "offers")

    check(spec, path, "post", preschool_api.post(url, offer_body(unit="x"), key="s-1"))
    check(spec, path, "post", preschool_api.post(url, offer_body(), key="s-2"))
    check(spec, path, "post", preschool_api.post(url, offer_body(), key="s-3"))  # 409
