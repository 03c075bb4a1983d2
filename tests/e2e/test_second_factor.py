"""In Chromium: an administrator reaches the Wagtail admin only with password and authenticator
code, and an administrator without a second factor is led to set one up. The pages on the way
have no axe violations and no HTML errors."""

import time

import pytest

from .checks import (
    axe_violations,
    format_html_errors,
    format_violations,
    log_in,
    vnu_errors,
)

pytestmark = pytest.mark.e2e

PASSWORD = "e2e-administratör-lösenord"  # noqa: S105


@pytest.fixture
def administrator(django_db_blocker):
    """A committed superuser, with or without an authenticator app; removed afterwards."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    created = []

    def make(username, with_totp):
        with django_db_blocker.unblock():
            user = get_user_model().objects.create_superuser(
                username, f"{username}@example.org", PASSWORD
            )
            created.append(user)
            secret = generate_totp_secret() if with_totp else None
            if secret:
                TOTP.activate(user, secret)
        return user, secret

    yield make
    with django_db_blocker.unblock():
        for user in created:
            user.delete()


def current_code(secret):
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def assert_accessible(page):
    html = page.content()  # before axe adds its script to the page
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    errors = vnu_errors(html)
    assert not errors, format_html_errors(errors)


def test_password_and_authenticator_code_open_the_admin(page, administrator):
    user, secret = administrator("e2e-admin-totp", with_totp=True)

    log_in(page, user.username, PASSWORD, next_url="/admin/")

    assert "/accounts/2fa/authenticate/" in page.url
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_accessible(page)
    page.fill('input[name="code"]', current_code(secret))
    with page.expect_navigation():
        page.locator('main [type="submit"]').first.click()
    assert page.url.endswith("/admin/")
    assert page.locator("body").inner_text().strip(), "the admin did not render"


def test_an_administrator_without_a_second_factor_is_led_to_set_one_up(page, administrator):
    user, _ = administrator("e2e-admin-no-mfa", with_totp=False)

    log_in(page, user.username, PASSWORD, next_url="/admin/")

    # allauth asks for the password again before a second factor may be added.
    assert "/accounts/reauthenticate/" in page.url
    assert "tvåstegsverifiering" in page.locator("main").inner_text()
    assert_accessible(page)
    page.fill('input[name="password"]', PASSWORD)
    with page.expect_navigation():
        page.locator('main [type="submit"]').first.click()

    assert "/accounts/2fa/totp/activate/" in page.url
    assert page.locator('input[name="code"]').count() == 1
    assert_accessible(page)


@pytest.fixture
def municipal_provider(settings, django_db_blocker):
    """oidc-provider-mock as the municipalities' provider, with a building-permit handler in
    Mellerud whose ID token has no `email_verified`, as Entra ID and AD FS send it. The accounts
    it creates are removed afterwards."""
    import oidc_provider_mock
    import requests
    from allauth.socialaccount.models import SocialAccount
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from tests.test_oidc_sign_in import BENGT, serving, use_provider

    with serving(oidc_provider_mock.app()) as url:
        cache.clear()  # a key set cached from another provider
        use_provider(settings, url)
        requests.put(f"{url}/users/bengt", json=BENGT, timeout=5).raise_for_status()
        yield url
    with django_db_blocker.unblock():
        get_user_model().objects.filter(pk__in=SocialAccount.objects.values("user_id")).delete()


def test_an_sso_handler_without_email_verified_sets_up_totp_and_opens_the_queue(
    page, municipal_provider
):
    page.goto("/handlaggning/")
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in med kommunens konto").click()
    assert page.url.startswith(municipal_provider)
    page.fill('input[name="sub"]', "bengt")
    with page.expect_navigation(url="**/accounts/2fa/totp/activate/"):
        page.get_by_role("button", name="Authorize").click()

    # No "verify your e-mail address first": the municipality's directory vouches for it.
    main = page.locator("main").inner_text()
    assert "verifierat din e" not in main
    assert "tvåstegsverifiering" in main
    assert_accessible(page)
    secret = page.input_value("#authenticator_secret")
    page.fill('input[name="code"]', current_code(secret))
    with page.expect_navigation():
        page.locator('main form:has(input[name="code"]) [type="submit"]').first.click()

    page.goto("/handlaggning/")
    assert page.url.endswith("/handlaggning/")
    assert page.locator("h1").inner_text().strip()
    assert "Bygglov" in page.locator("main").inner_text()
