"""Editors for the browser tests: a committed user in one editor group with an authenticator
app, signed in to the admin with a password and a code, as single sign-on would put them there
from their role claims (test_second_factor.py). The fixture `member` (conftest.py) makes them."""

import time

from .checks import log_in

PASSWORD = "e2e-redaktör-lösenord"  # noqa: S105


def current_code(secret):
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def sign_in_to_admin(page, user, secret):
    log_in(page, user.username, PASSWORD, next_url="/admin/")
    assert "/accounts/2fa/authenticate/" in page.url
    page.fill('input[name="code"]', current_code(secret))
    with page.expect_navigation():
        page.locator('main [type="submit"]').first.click()
    assert page.url.endswith("/admin/"), page.url


def sign_out(page):
    page.goto("/accounts/logout/")
    page.locator("main").get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()
