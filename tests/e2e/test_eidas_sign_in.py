"""In Chromium, through the demo provider: a Norwegian resident signs in with a foreign e-ID
through the eIDAS node (no Swedish number), reaches Mina sidor, and at an e-service that needs a
Swedish number reads how to apply instead. The pages have no axe violations and no HTML
errors."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .checks import axe_violations, format_html_errors, format_violations, vnu_errors

pytestmark = pytest.mark.e2e


def assert_accessible(page):
    html = page.content()  # before axe adds its script to the page
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    errors = vnu_errors(html)
    assert not errors, format_html_errors(errors)


def test_a_foreign_e_id_signs_in_and_is_told_where_a_swedish_number_is_needed(
    page, identity_providers
):
    idp = identity_providers
    page.goto("/mina-sidor/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    page.wait_for_url(f"{idp}/valj-testperson/**")
    expect(page.get_by_text("NO:0586*******")).to_be_visible()
    page.get_by_role("button", name="Logga in som Kari Nordmann").click()
    page.wait_for_url(lambda url: not url.startswith(idp))

    assert urlsplit(page.url).path == "/mina-sidor/"
    expect(page.get_by_text("Hej Kari!")).to_be_visible()
    expect(page.get_by_text("Utländsk e-legitimation (NO)")).to_be_visible()
    assert "05868907693" not in page.content()
    assert_accessible(page)

    from allauth.socialaccount.models import SocialAccount

    identity = SocialAccount.objects.get(
        provider="e-legitimation", uid="kari-nordmann"
    ).user.citizen_identity
    assert identity.personal_identity_number is None
    assert identity.foreign_identifier == "NO:05868907693"

    page.goto("/e-tjanster/forskola/ansok/?kommun=dals-ed")
    expect(
        page.get_by_role("heading", name="E-tjänsten behöver ett svenskt personnummer")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Kontakta Dals-Eds kommun")).to_be_visible()
    assert page.locator("form[enctype]").count() == 0
    assert_accessible(page)

    page.goto("/e-tjanster/")
    expect(page.get_by_text("Du har loggat in med en utländsk e-legitimation.")).to_be_visible()
    assert_accessible(page)
