"""In Chromium: logging out of Mina sidor also ends the session at the provider (RP-initiated
logout with the ID token as hint, back to the registered address), so the next person at a
shared computer is asked who they are instead of being signed in as the last one.

Against the demo provider (allauth's IdP, which checks the hint and the registered address).
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .test_sign_in import assert_accessible, pick

pytestmark = pytest.mark.e2e


def test_logging_out_of_mina_sidor_ends_the_e_id_session_too(page, identity_providers):
    idp = identity_providers
    page.goto("/mina-sidor/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    pick(page, idp, "Tolvan Tolvansson")
    expect(page.get_by_text("Hej Tolvan!")).to_be_visible()

    page.locator("main").get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/accounts/oidc/e-legitimation/logout/done/**")
    expect(page.locator("h1")).to_have_text("Du är utloggad")
    expect(page.get_by_text("och från din e-legitimation")).to_be_visible()
    assert_accessible(page)

    # The next person opens Mina sidor and signs in: the provider asks who they are.
    page.goto("/mina-sidor/")
    assert urlsplit(page.url).path == "/mina-sidor/logga-in/"
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    page.wait_for_url(f"{idp}/valj-testperson/**")
    expect(page.get_by_role("button", name="Logga in som Tolvan Tolvansson")).to_be_visible()
