"""Logging out at both ends (issue 17, item 3): the portal's logout ends the session at the
provider (RP-Initiated Logout 1.0), and a provider's logout token ends the portal's sessions
(Back-Channel Logout 1.0), checked as that standard says.

RP-initiated logout runs against oidc-provider-mock; in Chromium against the demo provider,
which keeps a session of its own (tests/e2e/test_sign_in.py). The back-channel tests sign their
logout tokens with a key served from a key set on loopback, as a provider would.
"""

import json
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache

from portal.audit.models import AuthEvent
from portal.identity import logout as identity_logout
from portal.identity.sessions import ProviderSession
from portal.identity.tests.test_id_tokens import Key
from tests import test_oidc_sign_in
from tests.test_oidc_sign_in import (
    ANNA,
    DISCOVERY,
    BrokenProvider,
    at_provider,
    start,
    use_provider,
)

# oidc-provider-mock on loopback with Anna, an employee in Åmål (the fixtures of the sign-in
# tests).
provider = test_oidc_sign_in.provider
employee_provider = test_oidc_sign_in.employee_provider

CLIENT_ID = "dalslandsportalen"  # use_provider's client


def sign_in(client, provider_url, sub="anna"):
    client.get(at_provider(start(client), sub=sub))
    assert "_auth_user_id" in client.session


# --- RP-initiated logout ----------------------------------------------------------------------


def test_logging_out_ends_the_session_at_the_provider(client, db, employee_provider):
    sign_in(client, employee_provider)
    session_key = client.session.session_key
    assert ProviderSession.objects.filter(session_key=session_key, subject="anna").exists()

    response = client.post("/accounts/logout/", {"next": "/"})

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}" == employee_provider
    assert location.path == "/oauth2/end_session"
    query = parse_qs(location.query)
    hint = jwt.decode(query["id_token_hint"][0], options={"verify_signature": False})
    assert hint["sub"] == "anna"
    assert hint["iss"] == employee_provider
    assert query["client_id"] == [CLIENT_ID]
    done = "http://testserver/accounts/oidc/medarbetare/logout/done/"
    assert query["post_logout_redirect_uri"] == [done]
    # The portal session ended at once, whatever the provider does next.
    assert "_auth_user_id" not in client.session
    assert not Session.objects.filter(session_key=session_key).exists()
    assert not ProviderSession.objects.exists()

    # The provider confirms and sends the browser back to the registered address.
    confirm = requests.get(response["Location"], timeout=5)
    assert confirm.status_code == 200
    back = requests.post(
        f"{employee_provider}/oauth2/end_session/confirm",
        data={"redirect_uri": done},
        allow_redirects=False,
        timeout=5,
    )
    assert back.headers["Location"] == done
    page = client.get("/accounts/oidc/medarbetare/logout/done/")
    assert page.status_code == 200
    assert "Du är utloggad från Dalslandsportalen och från kommunens inloggning" in page.text


def test_the_english_logout_comes_back_to_the_english_page(client, db, employee_provider):
    sign_in(client, employee_provider)

    response = client.post("/en/accounts/logout/")

    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["post_logout_redirect_uri"] == [
        "http://testserver/en/accounts/oidc/medarbetare/logout/done/"
    ]
    assert query["ui_locales"] == ["en"]
    page = client.get("/en/accounts/oidc/medarbetare/logout/done/")
    assert "You are logged out" in page.text


def test_a_provider_without_end_session_keeps_the_portals_own_logout(
    client, db, employee_provider, settings
):
    use_provider(
        settings,
        employee_provider,
        openid_configuration_overrides={"end_session_endpoint": ""},
    )
    sign_in(client, employee_provider)

    response = client.post("/accounts/logout/", {"next": "/"})

    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_a_provider_that_is_down_at_logout_still_logs_the_person_out(
    client, db, employee_provider, settings
):
    sign_in(client, employee_provider)
    use_provider(settings, "http://127.0.0.1:9")  # nothing listens

    response = client.post("/accounts/logout/", {"next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/oidc/medarbetare/logout/done/?lokal=1"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "kunde inte nå inloggningstjänsten" in page.text
    assert "Stäng alla webbläsarfönster" in page.text


def test_a_password_login_logs_out_as_before(client, db):
    from portal.tests.factories import PASSWORD, UserFactory

    user = UserFactory(is_superuser=True)
    client.force_login(user)
    assert client.session.get(identity_logout.SESSION_KEY) is None

    response = client.post("/accounts/logout/", {"next": "/"})

    assert response["Location"] == "/"
    assert PASSWORD  # the break-glass account signs in with a password, not a provider


def test_a_refused_login_keeps_no_id_token(client, db, employee_provider):
    refused = {**ANNA, "municipality": "goteborg"}
    requests.put(f"{employee_provider}/users/nils", json=refused, timeout=5).raise_for_status()

    response = client.get(at_provider(start(client), sub="nils"))

    assert response.status_code == 403
    assert identity_logout.PENDING_SESSION_KEY not in client.session
    assert not ProviderSession.objects.exists()


# --- Back-channel logout --------------------------------------------------------------------


@pytest.fixture(scope="module")
def provider_key():
    return Key(kid="logout-1")


@pytest.fixture
def key_set_provider(provider_key, settings):
    """A provider on loopback with a discovery document and a key set: its issuer URL."""
    routes = {}
    with BrokenProvider(routes) as url:
        routes[DISCOVERY] = (
            json.dumps(
                {
                    "issuer": url,
                    "authorization_endpoint": f"{url}/authorize",
                    "token_endpoint": f"{url}/token",
                    "jwks_uri": f"{url}/jwks",
                    "backchannel_logout_supported": True,
                    "backchannel_logout_session_supported": True,
                }
            ).encode(),
            0,
        )
        routes["/jwks"] = (json.dumps({"keys": [provider_key.jwk]}).encode(), 0)
        cache.clear()
        use_provider(settings, url, provider_id="e-legitimation")
        yield url


def logout_token(key, issuer, *, omit=(), _headers=None, **claims):
    now = int(time.time())
    payload = {
        "iss": issuer,
        "aud": CLIENT_ID,
        "iat": now,
        "exp": now + 120,
        "jti": str(uuid.uuid4()),
        "sub": "subject-of-karin",
        "sid": "provider-session-1",
        "events": {identity_logout.BACKCHANNEL_EVENT: {}},
        **claims,
    }
    for name in omit:
        payload.pop(name, None)
    headers = {"kid": "logout-1", "typ": "logout+jwt", **(_headers or {})}
    return jwt.encode(payload, key.private, algorithm="RS256", headers=headers)


def signed_in_resident(client, issuer, *, sub="subject-of-karin", sid="provider-session-1"):
    """A resident signed in through the provider, as portal.identity.logout records it."""
    user = get_user_model().objects.create_user(f"karin-{uuid.uuid4().hex[:6]}")
    client.force_login(user)
    ProviderSession.objects.create(
        provider_id="e-legitimation",
        issuer=issuer,
        subject=sub,
        sid=sid,
        session_key=client.session.session_key,
        user=user,
    )
    return user


def post_logout_token(client, token):
    return client.post("/accounts/oidc/e-legitimation/logout/backchannel/", {"logout_token": token})


def test_a_logout_token_with_the_session_id_ends_that_session(
    client, db, key_set_provider, provider_key, django_user_model
):
    from django.test import Client

    signed_in_resident(client, key_set_provider)
    other_browser = Client()
    signed_in_resident(other_browser, key_set_provider, sid="provider-session-2")

    response = post_logout_token(Client(), logout_token(provider_key, key_set_provider))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "_auth_user_id" not in client.session
    assert client.get("/mina-sidor/").status_code == 302  # sent to sign in again
    # The same person's other session, at another provider session, goes on.
    assert "_auth_user_id" in other_browser.session
    event = AuthEvent.objects.get(event="logged_out", detail__reason="backchannel_logout")
    assert event.detail["sessions"] == 1


def test_a_logout_token_with_only_the_subject_ends_all_of_that_persons_sessions(
    client, db, key_set_provider, provider_key
):
    from django.test import Client

    signed_in_resident(client, key_set_provider)
    other_browser = Client()
    signed_in_resident(other_browser, key_set_provider, sid="provider-session-2")
    token = logout_token(provider_key, key_set_provider, omit=("sid",))

    assert post_logout_token(Client(), token).status_code == 200

    assert "_auth_user_id" not in client.session
    assert "_auth_user_id" not in other_browser.session


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"omit": ("events",)}, "missing_claim"),
        ({"events": {"http://schemas.openid.net/event/other": {}}}, "events"),
        ({"omit": ("sid", "sub")}, "missing_sid_and_sub"),
        ({"nonce": "n-0S6"}, "nonce"),
        ({"omit": ("jti",)}, "missing_claim"),
        ({"aud": "another-client"}, "audience"),
        ({"iss": "https://login.elsewhere.example"}, "issuer"),
        ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 3700}, "expired"),
        ({"_headers": {"typ": "at+jwt"}}, "wrong_type"),
    ],
)
def test_a_logout_token_that_fails_a_check_is_refused(
    client, db, key_set_provider, provider_key, change, reason
):
    from django.test import Client

    signed_in_resident(client, key_set_provider)
    change = dict(change)
    omit = change.pop("omit", ())
    token = logout_token(provider_key, key_set_provider, omit=omit, **change)

    response = post_logout_token(Client(), token)

    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": f"logout_token_{reason}",
    }
    assert "_auth_user_id" in client.session
    assert AuthEvent.objects.filter(
        event="logout_refused", detail__reason=f"logout_token_{reason}"
    ).exists()


def test_a_logout_token_signed_by_someone_else_is_refused(client, db, key_set_provider):
    from django.test import Client

    signed_in_resident(client, key_set_provider)
    forger = Key(kid="logout-1")

    response = post_logout_token(Client(), logout_token(forger, key_set_provider))

    assert response.status_code == 400
    assert "_auth_user_id" in client.session


def test_an_unsigned_logout_token_is_refused(client, db, key_set_provider):
    from django.test import Client

    signed_in_resident(client, key_set_provider)
    now = int(time.time())
    token = jwt.encode(
        {
            "iss": key_set_provider,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 60,
            "jti": "j",
            "sid": "provider-session-1",
            "events": {identity_logout.BACKCHANNEL_EVENT: {}},
        },
        None,
        algorithm="none",
    )

    response = post_logout_token(Client(), token)

    assert response.status_code == 400
    assert response.json()["error_description"] == "logout_token_algorithm_not_allowed"
    assert "_auth_user_id" in client.session


def test_a_replayed_logout_token_is_not_acted_on_again(client, db, key_set_provider, provider_key):
    from django.test import Client

    token = logout_token(provider_key, key_set_provider)
    assert post_logout_token(Client(), token).status_code == 200
    signed_in_resident(client, key_set_provider)  # signed in again afterwards

    response = post_logout_token(Client(), token)

    assert response.status_code == 400
    assert response.json()["error_description"] == "logout_token_replayed"
    assert "_auth_user_id" in client.session


def test_a_logout_token_without_a_token_or_for_an_unknown_provider(client, db, key_set_provider):
    assert post_logout_token(client, "").status_code == 400
    assert (
        client.post(
            "/accounts/oidc/no-such-provider/logout/backchannel/", {"logout_token": "x"}
        ).status_code
        == 404
    )
    assert client.get("/accounts/oidc/e-legitimation/logout/backchannel/").status_code == 405


def test_signing_in_records_the_provider_session(client, db, employee_provider):
    sign_in(client, employee_provider)

    row = ProviderSession.objects.get()
    assert row.session_key == client.session.session_key
    assert row.issuer == employee_provider
    assert row.subject == "anna"
    assert row.provider_id == "medarbetare"
