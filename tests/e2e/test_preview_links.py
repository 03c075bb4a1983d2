"""In Chromium: an editor makes a preview link from the page editor, a visitor with no account
opens it in a browser of their own and sees the draft under the "not published" banner, the
editor revokes it, and the visitor's link then says it no longer works. The preview and the
"gone" page have no axe violations and no HTML errors."""

import time

import pytest
from playwright.sync_api import expect

from .checks import axe_violations, format_html_errors, format_violations, log_in, vnu_errors

pytestmark = pytest.mark.e2e

PASSWORD = "e2e-redaktör-lösenord"  # noqa: S105
LIVE_INTRO = "Så ansöker du om färdtjänst i dag."
DRAFT_INTRO = "Från nästa år ansöker du om färdtjänst direkt i e-tjänsten."
REVIEWER = "Anna Berg, Länsstyrelsen"


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def assert_accessible(page):
    html = page.content()  # before axe adds its script to the page
    assert_no_axe_violations(page)
    errors = vnu_errors(html)
    assert not errors, format_html_errors(errors)


def current_code(secret):
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


@pytest.fixture
def editor(django_db_blocker):
    """A committed administrator with an authenticator app; removed afterwards."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(
            "e2e-forhandsvisning", "e2e-forhandsvisning@example.org", PASSWORD
        )
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    yield user, secret
    with django_db_blocker.unblock():
        user.delete()


@pytest.fixture
def service_page(django_db_blocker, editor):
    """A committed, published service page in Mellerud with a newer draft; removed afterwards
    with its links."""
    from citizen_portal.models import DepartmentPage, ServicePage
    from citizen_portal.tests.factories import ServicePageFactory

    user, _ = editor
    with django_db_blocker.unblock():
        department = DepartmentPage.objects.live().filter(municipality__slug="mellerud").first()
        page = ServicePageFactory(
            parent=department, owner=user, title="Färdtjänst (e2e)", intro=LIVE_INTRO
        )
        page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
        page = ServicePage.objects.get(pk=page.pk)
        page.intro = DRAFT_INTRO
        page.save_revision(user=user)
    yield page
    with django_db_blocker.unblock():
        ServicePage.objects.get(pk=page.pk).delete()


def sign_in_to_admin(page, user, secret, next_url):
    log_in(page, user.username, PASSWORD, next_url=next_url)
    page.fill('input[name="code"]', current_code(secret))
    with page.expect_navigation():
        page.locator('main [type="submit"]').first.click()


def test_a_visitor_without_an_account_sees_the_draft_until_the_link_is_revoked(
    page, browser, editor, service_page
):
    user, secret = editor
    sign_in_to_admin(page, user, secret, f"/admin/pages/{service_page.pk}/edit/")

    # From the page editor's actions menu to the page's links.
    page.get_by_role("button", name="Handlingar", exact=True).click()
    page.get_by_role("link", name="Förhandsvisningslänkar").click()
    page.wait_for_url(f"**/admin/forhandsvisning/sida/{service_page.pk}/")
    page.get_by_label("För vem").fill(REVIEWER)
    page.get_by_label("Giltig i dagar").fill("3")
    page.get_by_role("button", name="Skapa länk").click()
    address = page.get_by_label("Förhandsvisningslänk").input_value()
    assert_no_axe_violations(page)
    assert "/forhandsvisning/" in address

    # The reviewer: a browser of their own, never signed in.
    reviewer = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    try:
        preview = reviewer.new_page()
        response = preview.goto(address)
        assert response.status == 200
        assert response.headers["x-robots-tag"] == "noindex, nofollow"
        banner = preview.get_by_role("region", name="Förhandsvisning – inte publicerad")
        expect(banner).to_be_visible()
        expect(preview.locator("main")).to_contain_text(DRAFT_INTRO)
        expect(preview.locator("main")).not_to_contain_text(LIVE_INTRO)
        assert_accessible(preview)

        # The editor revokes it.
        page.get_by_role("link", name="Tillbaka till sidans länkar").click()
        row = page.get_by_role("row").filter(has_text=REVIEWER)
        expect(row).to_contain_text("Giltig")
        assert_no_axe_violations(page)  # the admin's own HTML is Wagtail's: axe only
        row.get_by_role("button", name=f"Återkalla länken till {REVIEWER}").click()
        expect(page.get_by_text(f"Länken till {REVIEWER} är återkallad")).to_be_visible()
        expect(row).to_contain_text("Återkallad")

        # The same address, in the reviewer's browser, now says the link no longer works.
        response = preview.goto(address)
        assert response.status == 404
        expect(preview.get_by_role("heading", level=1)).to_have_text("Länken fungerar inte")
        expect(preview.locator("body")).not_to_contain_text(DRAFT_INTRO)
        assert_accessible(preview)
    finally:
        reviewer.close()
