"""In Chromium, against a real OpenID Connect provider (the demo provider in a subprocess):
employees sign in by single sign-on and get the groups their claims give, residents sign in
with e-ID and see Mina sidor, and every broken or refused exchange ends on a clear page with no
account created. The pages on the way have no axe violations and no HTML errors."""

import re
import time
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


def accounts(provider_id):
    from allauth.socialaccount.models import SocialAccount

    return SocialAccount.objects.filter(provider=provider_id)


def group_names(uid):
    from django.contrib.auth.models import Group

    return set(
        Group.objects.filter(
            user__socialaccount__provider="medarbetare", user__socialaccount__uid=uid
        ).values_list("name", flat=True)
    )


def events(event, **filters):
    from portal.audit.models import AuthEvent

    return AuthEvent.objects.filter(event=event, **filters)


def pick(page, idp_url, name):
    """At the provider's test-person picker, sign in as `name`; wait to be back at the portal."""
    page.wait_for_url(f"{idp_url}/valj-testperson/**")
    page.get_by_role("button", name=f"Logga in som {name}").click()
    page.wait_for_url(lambda url: not url.startswith(idp_url))


def change_then_pick(page, idp_url, name, fill):
    """At the picker, change what the next login says about `name` (`fill(page)`), then sign in."""
    page.wait_for_url(f"{idp_url}/valj-testperson/**")
    page.get_by_role("link", name=f"Ändra uppgifter före inloggning för {name}").click()
    fill(page)
    page.get_by_role("button", name="Spara och logga in").click()
    page.wait_for_url(lambda url: not url.startswith(idp_url))


def log_out(page):
    page.goto("/accounts/logout/")
    page.locator("main").get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()


def test_an_employee_signs_in_by_single_sign_on_and_a_removed_role_removes_the_group(
    page, identity_providers
):
    idp = identity_providers
    page.goto("/medarbetare/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    pick(page, idp, "Maja Gustafsson")

    assert urlsplit(page.url).path == "/medarbetare/"
    expect(page.locator("h1")).to_have_text(re.compile("Medarbetarportalen"))
    first = group_names("maja-gustafsson")
    assert {
        "Medarbetare",
        "Kommun – Färgelanda",
        "Roll – Redaktör",
        "Roll – Granskare",
        "Redaktörer – Färgelanda",
        "Granskare – Färgelanda",
        "Nätverk – administrativt nätverk",
    } <= first
    assert any(name.startswith("Förvaltning – Färgelanda – ") for name in first)

    log_out(page)
    page.goto("/medarbetare/")
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    change_then_pick(page, idp, "Maja Gustafsson", lambda p: p.get_by_label("Redaktör").uncheck())

    assert urlsplit(page.url).path == "/medarbetare/"
    second = group_names("maja-gustafsson")
    assert "Roll – Redaktör" not in second
    # The role's group goes, and the editor group it gave (portal.identity.editor_groups).
    gone = {"Roll – Redaktör", "Redaktörer – Färgelanda"}
    assert second == first - gone
    user_id = accounts("medarbetare").get(uid="maja-gustafsson").user_id
    change = events("role_changed", user_id=user_id).latest("timestamp")
    assert change.detail["removed"] == sorted(gone) and change.detail["added"] == []
    assert events("login_succeeded", user_id=user_id).count() == 2


def test_a_resident_signs_in_with_e_id_and_is_greeted_with_the_number_masked(
    page, identity_providers
):
    idp = identity_providers
    page.goto("/mina-sidor/")
    assert urlsplit(page.url).path == "/mina-sidor/logga-in/"
    assert_accessible(page)
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    pick(page, idp, "Tolvan Tolvansson")

    assert urlsplit(page.url).path == "/mina-sidor/"
    expect(page.get_by_text("Hej Tolvan!")).to_be_visible()
    expect(page.get_by_text("19121212-****")).to_be_visible()
    html = page.content()
    assert "191212121212" not in html and "19121212-1212" not in html
    assert_accessible(page)
    identity = accounts("e-legitimation").get(uid="tolvan-tolvansson").user.citizen_identity
    assert identity.personal_identity_number == "191212121212"
    assert not identity.user.groups.exists()


def test_an_employee_signing_in_with_e_id_gets_a_separate_citizen_session(page, identity_providers):
    idp = identity_providers
    page.goto("/medarbetare/")
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    pick(page, idp, "Sara Lindqvist")
    assert urlsplit(page.url).path == "/medarbetare/"

    page.goto("/mina-sidor/")
    expect(page.get_by_text("Du är inloggad som medarbetare")).to_be_visible()
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    pick(page, idp, "Emma Karlsson")
    assert urlsplit(page.url).path == "/mina-sidor/"

    employee = accounts("medarbetare").get(uid="sara-lindqvist").user
    citizen = accounts("e-legitimation").get(uid="emma-karlsson").user
    assert employee != citizen
    response = page.goto("/medarbetare/")
    assert response.status == 403  # the employee session ended when the citizen's began


def test_an_invalid_personal_identity_number_is_refused_with_no_account(page, identity_providers):
    idp = identity_providers
    page.goto("/mina-sidor/logga-in/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    change_then_pick(
        page,
        idp,
        "Bengt Andersson",
        lambda p: p.get_by_label("Personnummer eller samordningsnummer").fill("196408233235"),
    )

    expect(page.locator("h1")).to_have_text("Inloggningen nekades")
    expect(page.get_by_text("inte ett giltigt personnummer")).to_be_visible()
    assert "196408233235" not in page.content()
    assert_accessible(page)
    assert not accounts("e-legitimation").filter(uid="bengt-andersson").exists()
    refusal = events("login_refused").latest("timestamp")
    assert refusal.detail["reason"] == "invalid_personal_identity_number"
    assert "196408233235" not in str(refusal.detail)


def test_a_wrong_state_ends_on_the_error_page_with_no_account(page, identity_providers):
    idp = identity_providers
    page.goto("/mina-sidor/logga-in/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    page.wait_for_url(f"{idp}/valj-testperson/**")
    # The provider will send back a state the portal never issued (a forged or crossed login).
    page.eval_on_selector_all(
        'input[name="next"]',
        """inputs => inputs.forEach(input => {
            const url = new URL(input.value, location.origin);
            url.searchParams.set("state", "forfalskad-state");
            input.value = url.pathname + url.search;
        })""",
    )
    with page.expect_request(re.compile(r"/login/callback/\?.*state=forfalskad-state")):
        pick(page, idp, "Gunnel Ek")

    expect(page.locator("h1")).to_have_text("Inloggningen kunde inte slutföras")
    assert_accessible(page)
    assert not accounts("e-legitimation").filter(uid="gunnel-ek").exists()
    assert events("login_failed", detail__provider="e-legitimation").exists()


def test_a_tampered_id_token_ends_on_the_error_page_with_no_account(page, identity_providers):
    idp = identity_providers
    page.goto("/medarbetare/")
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    change_then_pick(
        page,
        idp,
        "Oskar Lund",
        lambda p: p.get_by_label(re.compile("manipulerad ID-token")).check(),
    )

    expect(page.locator("h1")).to_have_text("Inloggningen kunde inte slutföras")
    assert not accounts("medarbetare").filter(uid="oskar-lund").exists()
    assert events("login_failed", detail__provider="medarbetare").exists()


def current_code(secret):
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def test_an_editor_from_single_sign_on_must_set_up_a_second_factor_before_the_admin(
    page, identity_providers
):
    idp = identity_providers
    page.goto("/admin/")
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    pick(page, idp, "Karin Nyström")

    # Signed in, an editor, but no second factor: led to set up an authenticator app.
    assert urlsplit(page.url).path == "/accounts/2fa/totp/activate/"
    expect(
        page.get_by_text("Administrationen och handläggningen kräver tvåstegsverifiering")
    ).to_be_visible()
    assert_accessible(page)
    page.goto("/admin/pages/")
    assert urlsplit(page.url).path == "/accounts/2fa/totp/activate/"

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label(re.compile("Autentiseringskod")).fill(current_code(secret))
    page.locator("main").get_by_role("button", name="Aktivera").click()
    page.wait_for_load_state()
    page.goto("/admin/")

    assert urlsplit(page.url).path == "/admin/"
    expect(page.locator("body")).to_contain_text("Karin")
    user = accounts("medarbetare").get(uid="karin-nystrom").user
    assert events("mfa_added", user=user).exists()


def test_a_passkey_opens_the_admin_through_chromiums_virtual_authenticator(
    page, identity_providers, live_url, settings
):
    """Passkeys need a host name, not an IP address: this test uses localhost throughout."""
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # http://localhost, as in the demo
    idp = identity_providers
    portal = live_url.replace("127.0.0.1", "localhost")
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    # First visit: sign in through the identity provider and add a passkey.
    page.goto(f"{portal}/admin/")
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    pick(page, idp, "Peter Holmberg")
    page.goto(f"{portal}/accounts/2fa/webauthn/add/")
    assert_accessible(page)
    page.locator("main input[name='name']").fill("Arbetsdatorn")
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    user = accounts("medarbetare").get(uid="peter-holmberg").user
    assert user.authenticator_set.filter(type="webauthn").exists()

    # A new session: single sign-on again, then the passkey opens the admin.
    page.context.clear_cookies()
    page.goto(f"{portal}/admin/")
    page.get_by_role("button", name="Logga in med kommunens konto").click()
    pick(page, idp, "Peter Holmberg")
    # allauth asks for the second factor as part of the sign-in, the passkey among the choices.
    assert urlsplit(page.url).path == "/accounts/2fa/authenticate/"
    assert_accessible(page)
    page.locator("main").get_by_role("button", name=re.compile("säkerhetsnyckel", re.I)).click()
    page.wait_for_url(f"{portal}/admin/**")
    expect(page.locator("body")).to_contain_text("Peter")
    assert events("mfa_used", user=user).exists()
