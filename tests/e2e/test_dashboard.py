"""In Chromium, through the OpenID Connect provider: a teacher in Åmål on the pedagogical network
and a building-permit handler in Mellerud sign in, each sees their own applications, news and
driftinformation on the dashboard, and each adds an optional application to Mina system. The
dashboard, the catalogue and a news page have no axe violations and no HTML errors, also at a
phone's width."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .checks import axe_violations, format_html_errors, format_violations, vnu_errors

pytestmark = pytest.mark.e2e


def assert_accessible(page):
    html = page.content()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    errors = vnu_errors(html)
    assert not errors, format_html_errors(errors)


def sign_in(page, idp_url, name):
    page.goto("/medarbetare/")
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    page.wait_for_url(f"{idp_url}/valj-testperson/**")
    page.get_by_role("button", name=f"Logga in som {name}").click()
    page.wait_for_url(lambda url: not url.startswith(idp_url))
    assert urlsplit(page.url).path == "/medarbetare/"


def log_out(page):
    page.goto("/accounts/logout/")
    page.locator("main").get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()


def my_systems(page):
    return page.get_by_role("region", name="Mina system").locator("ol.my-systems")


def news(page):
    return page.get_by_role("region", name="Nyheter för dig")


def add_to_my_systems(page, name):
    """Add `name` from "Lägg till fler system" by keyboard: focus its button, press Enter."""
    assert name not in my_systems(page).inner_text()
    button = page.get_by_role("button", name=f"Lägg till {name}")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".message--success")).to_have_text(f"{name} tillagd i Mina system.")
    expect(my_systems(page)).to_contain_text(name)
    expect(page.get_by_role("button", name=f"Lägg till {name}")).to_have_count(0)
    # The choice is kept: it is there on the next visit too.
    page.reload()
    expect(my_systems(page)).to_contain_text(name)


def test_a_teacher_in_amal_on_the_pedagogical_network(page, identity_providers):
    sign_in(page, identity_providers, "Sara Lindqvist")

    systems = my_systems(page)
    for name in ("Lärplattformen", "Elevregister och schema", "E-post och kalender"):
        expect(systems).to_contain_text(name)
    for name in ("Bygglovssystemet", "Ekonomisystemet", "Verksamhetssystem för socialtjänsten"):
        expect(systems).not_to_contain_text(name)

    expect(news(page)).to_contain_text("Fortbildning i lärplattformens nya bedömningsstöd")
    expect(news(page)).to_contain_text("Ny rutin för tjänsteresor i Åmåls kommun")
    expect(news(page)).not_to_contain_text("Nya beslutsmallar i bygglovssystemet")
    expect(news(page)).not_to_contain_text("Tillfälliga arbetsplatser")
    notices = page.get_by_role("region", name="Driftinformation")
    expect(notices).to_contain_text("Inloggningen till lärplattformen går långsamt")
    expect(notices).not_to_contain_text("Bygglovssystemet stängt för underhåll i Mellerud")
    expect(notices).not_to_contain_text("Avbrott i e-post och kalender")  # it has ended
    assert_accessible(page)

    add_to_my_systems(page, "Webbkarta och GIS")

    page.set_viewport_size({"width": 360, "height": 780})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Fortbildning i lärplattformens nya bedömningsstöd").click()
    expect(page.locator("h1")).to_have_text("Fortbildning i lärplattformens nya bedömningsstöd")
    assert_accessible(page)

    page.goto("/medarbetare/applikationer/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Bygglovssystemet")  # browsable: all of it
    assert_accessible(page)
    log_out(page)


def test_a_building_permit_handler_in_mellerud(page, identity_providers):
    sign_in(page, identity_providers, "Erik Magnusson")

    systems = my_systems(page)
    for name in ("Bygglovssystemet", "Webbkarta och GIS", "E-post och kalender"):
        expect(systems).to_contain_text(name)
    for name in ("Lärplattformen", "Elevregister och schema"):
        expect(systems).not_to_contain_text(name)

    expect(news(page)).to_contain_text("Nya beslutsmallar i bygglovssystemet")
    expect(news(page)).to_contain_text("Tillfälliga arbetsplatser")
    expect(news(page)).not_to_contain_text("Fortbildning i lärplattformens nya bedömningsstöd")
    expect(news(page)).not_to_contain_text("Ny rutin för tjänsteresor i Åmåls kommun")
    notices = page.get_by_role("region", name="Driftinformation")
    expect(notices).to_contain_text("Bygglovssystemet stängt för underhåll i Mellerud")
    assert_accessible(page)

    add_to_my_systems(page, "Ärende- och dokumenthantering")

    # The teacher's news cannot be opened by its address either.
    response = page.goto("/medarbetare/nyheter/bedomningsstod-i-larplattformen/")
    assert response.status == 404
    log_out(page)
