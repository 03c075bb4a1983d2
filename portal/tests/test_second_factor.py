"""The Wagtail admin opens only after a second factor (strategy 6.4)."""

import time

import pytest
from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core.management import CommandError, call_command
from django.urls import reverse

from portal.demo import DEMO_TOTP_SECRET

from .factories import PASSWORD, UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def test_an_administrator_without_a_second_factor_is_led_to_set_one_up(client):
    user = UserFactory(is_superuser=True)
    client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password once more before a second factor may be added.
    confirm = client.get(response["Location"], follow=True)
    assert confirm.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert "kräver tvåstegsverifiering" in confirm.text
    client.post(confirm.redirect_chain[-1][0], {"password": PASSWORD})
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate.status_code == 200
    assert 'name="code"' in activate.text


def test_a_session_that_did_not_use_the_second_factor_must_confirm_it(client):
    user = UserFactory(is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2Fadmin%2Fpages%2F"


def test_password_then_authenticator_code_opens_the_admin(client):
    user = UserFactory(is_superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)

    response = client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302, "half signed in must not open the admin"

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302

    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_wagtails_own_login_form_leads_to_the_portal_login(client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_an_anonymous_visitor_to_the_admin_is_sent_to_the_portal_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")


def test_an_employee_without_admin_access_is_not_asked_for_a_second_factor(employee_client):
    assert employee_client.get("/medarbetare/").status_code == 200


def test_a_signed_in_administrator_reaches_the_admin(client):
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    assert client.get("/admin/").status_code == 200


def test_the_demo_administrator_has_the_demo_authenticator(client, settings, capsys):
    settings.DEBUG = True
    call_command("demo_totp", "admin")
    code = capsys.readouterr().out.strip()

    assert code == current_code(DEMO_TOTP_SECRET)
    client.post(reverse("account_login"), {"login": "admin", "password": "dalsland-demo-2026"})
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.get("/admin/").status_code == 200


def test_demo_totp_refuses_outside_the_demo(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("demo_totp", "admin")


def test_a_privileged_session_ends_after_idle_time(client, settings):
    settings.PRIVILEGED_SESSION_IDLE_TIMEOUT = 900
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    client.get("/admin/")

    assert client.session.get_expiry_age() == 900
    assert not client.session.get_expire_at_browser_close()


def test_an_employee_session_keeps_the_ordinary_lifetime(employee_client, settings):
    employee_client.get("/medarbetare/")

    assert employee_client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


SINGLE_SIGN_ON = {
    "openid_connect": {
        "provider_class": "portal.identity.provider.PortalOpenIDConnectProvider",
        "APPS": [
            {
                "provider_id": "medarbetare",
                "name": "Kommunens inloggning",
                "client_id": "portal",
                "secret": "s",
                "settings": {"server_url": "https://login.dalsland.example"},
            }
        ],
    }
}


def test_with_single_sign_on_a_password_opens_only_for_break_glass_administrators(client, settings):
    from portal.audit.models import AuthEvent

    settings.SOCIALACCOUNT_PROVIDERS = SINGLE_SIGN_ON
    UserFactory(username="lokal-medarbetare")

    response = client.post(
        "/accounts/login/?next=/medarbetare/",
        {"login": "lokal-medarbetare", "password": PASSWORD},
        follow=True,
    )

    assert "_auth_user_id" not in client.session
    assert "bara till för reservadministratörer" in response.content.decode()
    refused = AuthEvent.objects.filter(event="login_refused").latest("timestamp")
    assert refused.username == "lokal-medarbetare"
    assert refused.detail["reason"] == "password_login_not_allowed"


def test_with_single_sign_on_a_superuser_still_signs_in_with_a_password(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = SINGLE_SIGN_ON
    UserFactory(username="reserv", is_superuser=True, is_staff=True)

    client.post("/accounts/login/", {"login": "reserv", "password": PASSWORD})

    assert "_auth_user_id" in client.session
