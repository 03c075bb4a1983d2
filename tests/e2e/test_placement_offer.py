"""An offer of a preschool place in Chromium, by keyboard, through the demo identity provider:
Emma Karlsson has applied for a place for Alva in Färgelanda with Jonas Karlsson as the second
guardian, and Jonas has confirmed on Mina sidor; Lena Olsson, preschool administrator in
Färgelanda, offers a place in one of the municipality's own preschools on the case page; Emma
finds the offer on Mina sidor, accepts it after a confirming step and gets a receipt; Jonas sees
the accepted offer on his Mina sidor; Lena's queue no longer lists the case among offers waiting
for an answer and shows it as accepted, ready for the placement decision. Every page has no
axe-core violations and no HTML errors (vnu.jar).

The application itself is made in the database (applying is the journey of test_eservices.py);
the cases are deleted afterwards, before the identity provider's accounts."""

import datetime
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .test_eservices import (  # noqa: F401 - eservice_cases is a fixture
    Pages,
    activate,
    choose_option,
    date_digits,
    eservice_cases,
    handler_signs_in,
    resident_signs_in,
    tab_to,
    type_into,
)

pytestmark = pytest.mark.e2e

JONAS = "198807079937"


def emmas_application(emma_user):
    """Emma's submitted application for Alva in Färgelanda, naming Jonas (not yet confirmed)."""
    from django.test import RequestFactory
    from django.utils import timezone

    from eservices import services
    from eservices.models import Case, EService

    eservice = EService.objects.get(kind="forskola", municipality__slug="fargelanda")
    start = timezone.localdate() + datetime.timedelta(days=150)
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=emma_user,
        co_applicant_number=JONAS,
        co_applicant_name="Jonas Karlsson",
        data={
            "child_name": "Alva Karlsson",
            "child_number": "202405129806",
            "care_type": "forskola",
            "start_date": start.isoformat(),
            "units": [],
            "occupation": "arbetar",
            "employer": "Färgelanda kommun",
            "email": "emma@example.org",
            "co_applicant_name": "Jonas Karlsson",
            "co_applicant_number": JONAS,
            "co_applicant_email": "jonas@example.org",
            "household_income": 32000,
            "applicant_name": "Emma Karlsson",
        },
    )
    request = RequestFactory().post("/")
    request.user = emma_user
    return services.submit(request, case)


def test_emma_accepts_an_offered_place_and_jonas_and_the_handler_see_it(
    new_context,
    identity_providers,
    eservice_cases,  # noqa: F811
):
    from django.utils import timezone

    from eservices import offers
    from eservices.models import Case, PlacementOffer

    idp = identity_providers
    pages = Pages()

    # Emma signs in; her application is on file.
    emma_context = new_context()
    emma = emma_context.new_page()
    emma.goto("/mina-sidor/")
    resident_signs_in(emma, pages, idp, "Emma Karlsson")
    from django.contrib.auth import get_user_model

    emma_user = get_user_model().objects.get(citizen_identity__given_name="Emma")
    case = emmas_application(emma_user)
    case_path = f"/mina-sidor/arenden/{case.public_id}/"

    # Jonas confirms that he stands behind it.
    jonas = new_context().new_page()
    jonas.goto("/mina-sidor/")
    resident_signs_in(jonas, pages, idp, "Jonas Karlsson")
    jonas.goto(case_path)
    activate(jonas, jonas.get_by_role("button", name="Jag står bakom ansökan"))
    case.refresh_from_db()
    assert not case.awaits_co_applicant

    # Lena offers a place.
    unit = offers.offerable_units(case).filter(type="forskola").first()
    assert unit is not None, "the demo has municipal preschools in Färgelanda"
    lena_context = new_context()
    lena = lena_context.new_page()
    handler_signs_in(lena, pages, idp, "Lena Olsson")
    lena.goto(f"/handlaggning/arenden/{case.public_id}/")
    pages.check(lena, "Lena: the case before the offer")
    unit_field = lena.locator('select[name="erbjudande-unit"]')
    tab_to(lena, unit_field)
    choose_option(lena, unit_field, unit.name)
    today = timezone.localdate()
    start = today + datetime.timedelta(days=60)
    start_field = lena.locator('input[name="erbjudande-start_date"]')
    type_into(lena, start_field, date_digits(lena_context, start))
    expect(start_field).to_have_value(start.isoformat())
    answer_by = today + datetime.timedelta(days=14)  # the municipality's answer time
    expect(lena.locator('input[name="erbjudande-answer_by"]')).to_have_value(answer_by.isoformat())
    activate(lena, lena.get_by_role("button", name="Erbjud platsen"))
    expect(lena.locator("main")).to_contain_text("Erbjudandet är skickat.")
    pages.check(lena, "Lena: the offer made")
    offer = PlacementOffer.objects.get(case=case)
    assert offer.unit == unit and offer.start_date == start and offer.answer_by == answer_by

    lena.goto("/handlaggning/forskola/?status=vantar-pa-svar")
    expect(lena.get_by_role("link", name=case.reference, exact=True)).to_be_visible()
    expect(lena.locator("main")).to_contain_text(f"Väntar på svar till {answer_by:%Y-%m-%d}")
    pages.check(lena, "Lena: offers waiting for an answer")

    # Emma finds the offer on Mina sidor and accepts it.
    emma.goto("/mina-sidor/")
    expect(emma.get_by_role("region", name="Erbjudanden som väntar på svar")).to_be_visible()
    pages.check(emma, "Emma: Mina sidor with the offer")
    activate(emma, emma.locator(f'.alert a[href="{case_path}"]'))
    expect(emma.locator("main")).to_contain_text("Ni har fått ett erbjudande om plats")
    pages.check(emma, "Emma: the case with the offer")
    activate(emma, emma.get_by_role("link", name="Tacka ja"))
    assert urlsplit(emma.url).path.endswith("/tacka-ja/")
    pages.check(emma, "Emma: confirm the answer")
    activate(emma, emma.get_by_role("button", name="Ja, jag tackar ja till platsen"))
    expect(emma.locator("main")).to_contain_text("Du har tackat ja till platsen.")
    pages.check(emma, "Emma: receipt")
    offer.refresh_from_db()
    assert offer.state == PlacementOffer.State.ACCEPTED and offer.answered_by == emma_user

    # Jonas sees the answer.
    jonas.goto(case_path)
    offer_box = jonas.locator(".case-offer")
    expect(offer_box).to_contain_text("Tackat ja")
    expect(offer_box).to_contain_text("av Emma Karlsson")
    expect(jonas.get_by_role("link", name="Tacka ja")).to_have_count(0)
    pages.check(jonas, "Jonas: the accepted offer")

    # Lena's queue moves it on: not waiting any more, accepted and ready for the decision.
    lena.goto("/handlaggning/forskola/?status=vantar-pa-svar")
    expect(lena.get_by_role("link", name=case.reference, exact=True)).to_have_count(0)
    lena.goto("/handlaggning/forskola/")
    row = lena.locator("tr", has=lena.get_by_role("link", name=case.reference, exact=True))
    expect(row).to_contain_text("Tackat ja – fatta placeringsbeslut")
    expect(row).to_contain_text("Erbjudande skickat")
    pages.check(lena, "Lena: the queue after the answer")
    assert Case.objects.get(pk=case.pk).is_open

    pages.assert_valid_html()
