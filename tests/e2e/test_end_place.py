"""Ending a place (uppsägning) in Chromium, by keyboard, through the demo identity provider:
Emma Karlsson ends Elias's fritidshem place in Färgelanda with a last day past the notice period
and gets a receipt with the last day; Jonas Karlsson, the second guardian, confirms on Mina
sidor; Lena Olsson, Färgelanda's preschool administrator, finds the notice in her queue with its
last day and opens it. Every page has no axe-core violations.

The cases are deleted afterwards, before the identity provider's accounts."""

import datetime
import re
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
    open_from_queue,
    resident_signs_in,
    tab_to,
    tick,
    type_into,
)

pytestmark = pytest.mark.e2e


def test_a_parent_ends_a_fritidshem_place_and_both_guardians_stand_behind_it(
    new_context,
    identity_providers,
    eservice_cases,  # noqa: F811
):
    from django.utils import translation
    from django.utils.formats import date_format

    from eservices.kinds import long_date
    from eservices.models import Case, Unit

    idp = identity_providers
    pages = Pages()
    unit = (
        Unit.objects.filter(
            municipality__slug="fargelanda", type="fritidshem", organiser="kommunal", active=True
        )
        .order_by("name")
        .first()
    )
    assert unit is not None, "the demo has municipal fritidshem in Färgelanda"
    last_day = datetime.date.today() + datetime.timedelta(days=45)

    emma_context = new_context()
    emma = emma_context.new_page()
    emma.goto("/e-tjanster/uppsagning/ansok/?kommun=fargelanda")
    resident_signs_in(emma, pages, idp, "Emma Karlsson")
    assert urlsplit(emma.url).path == "/e-tjanster/uppsagning/ansok/"
    pages.check(emma, "Emma: the notice form")

    type_into(emma, emma.get_by_label("Barnets för- och efternamn"), "Elias Karlsson")
    type_into(emma, emma.get_by_label("Barnets personnummer"), "20200318-9814")
    # Into the radio group with Tab, then to the third choice with the arrow keys.
    tab_to(emma, emma.locator('input[name="care_type"]').first)
    fritidshem = emma.locator('input[name="care_type"][value="fritidshem"]')
    for _ in range(3):
        if fritidshem.is_checked():
            break
        emma.keyboard.press("ArrowDown")
    expect(fritidshem).to_be_checked()
    unit_field = emma.locator('select[name="unit"]')
    tab_to(emma, unit_field)
    choose_option(emma, unit_field, unit.name)
    last_day_field = emma.get_by_label("Barnets sista dag")
    type_into(emma, last_day_field, date_digits(emma_context, last_day))
    expect(last_day_field).to_have_value(last_day.isoformat())
    type_into(emma, emma.locator('input[name="email"]'), "emma@example.org")
    type_into(emma, emma.locator('input[name="co_applicant_name"]'), "Jonas Karlsson")
    type_into(emma, emma.locator('input[name="co_applicant_number"]'), "19880707-9937")
    tick(emma, emma.locator('input[name="declaration"]'))
    activate(emma, emma.get_by_role("button", name="Skicka uppsägningen"))

    assert re.search(r"/kvitto/$", urlsplit(emma.url).path), emma.url
    with translation.override("sv"):
        written = long_date(last_day)  # "21 januari 2027"
    expect(emma.locator("main")).to_contain_text(f"Barnets sista dag är {written}.")
    pages.check(emma, "Emma: receipt")
    case = Case.objects.get(
        applicant__citizen_identity__given_name="Emma", eservice__kind="uppsagning"
    )
    assert case.awaits_co_applicant

    # Jonas confirms on Mina sidor.
    jonas = new_context().new_page()
    jonas.goto("/mina-sidor/")
    resident_signs_in(jonas, pages, idp, "Jonas Karlsson")
    jonas.goto("/mina-sidor/")
    activate(jonas, jonas.locator(f'a[href="/mina-sidor/arenden/{case.public_id}/"]').first)
    pages.check(jonas, "Jonas: the notice to confirm")
    expect(jonas.locator("main")).to_contain_text("har sagt upp barnets plats")
    activate(jonas, jonas.get_by_role("button", name="Jag står bakom uppsägningen"))
    case.refresh_from_db()
    assert case.co_applicant_confirmed_at is not None and not case.awaits_co_applicant
    pages.check(jonas, "Jonas: confirmed")

    # Lena, Färgelanda's preschool administrator, finds it in her queue by its last day.
    lena = new_context().new_page()
    handler_signs_in(lena, pages, idp, "Lena Olsson")
    lena.goto("/handlaggning/uppsagning/")
    row = lena.get_by_role("row").filter(has=lena.get_by_role("link", name=case.reference))
    expect(row).to_contain_text(f"Barnets sista dag {last_day:%Y-%m-%d}")
    open_from_queue(lena, pages, "Lena", "uppsagning", case.reference)
    expect(lena.get_by_role("heading", name="Uppsägning", exact=True)).to_be_visible()
    with translation.override("sv"):
        weekday_date = date_format(last_day, "l j F Y")  # "torsdag 21 januari 2027"
    expect(lena.locator("main")).to_contain_text(weekday_date)
    expect(lena.locator("main")).to_contain_text(unit.name)
    pages.assert_valid_html()
