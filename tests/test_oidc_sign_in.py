"""Signing in against a standards-compliant OpenID Connect provider (oidc-provider-mock, whose ID
tokens carry no `kid`), and every way that can fail ending on a page, never a 500 (issue 17).

The provider runs on a free loopback port in this process; the portal is Django's test client,
which reaches the provider with `requests` like in production. The person's part at the
provider (choosing a subject, or cancelling) is a POST to its authorize endpoint.
"""

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
import oidc_provider_mock
import pytest
import requests
import werkzeug.serving
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from portal.audit.models import AuthEvent
from portal.identity import id_tokens

EMPLOYEE_LOGIN = "/accounts/oidc/medarbetare/login/"
CITIZEN_LOGIN = "/accounts/oidc/e-legitimation/login/"
ANNA = {
    "given_name": "Anna",
    "family_name": "Karlsson",
    "email": "anna.karlsson@amal.example",
    "municipality": "amal",
    "roles": ["larare"],
}


@pytest.fixture(scope="module")
def provider():
    """oidc-provider-mock on 127.0.0.1, any port: its base URL, which is also its issuer."""
    with serving(oidc_provider_mock.app()) as url:
        yield url


@pytest.fixture(scope="module")
def stale_provider():
    """The same provider, issuing ID tokens that expired two minutes ago."""
    with serving(oidc_provider_mock.app(access_token_max_age=timedelta(seconds=-120))) as url:
        yield url


class serving:
    def __init__(self, app):
        self.server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def use_provider(settings, server_url, provider_id="medarbetare", **app_settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": [
                {
                    "provider_id": provider_id,
                    "name": "Kommunens inloggning",
                    "client_id": "dalslandsportalen",
                    "secret": "hemlighet",
                    "settings": {
                        "server_url": server_url,
                        "scope": ["openid", "profile", "email"],
                        "oauth_pkce_enabled": True,
                        "fetch_userinfo": False,
                        **app_settings,
                    },
                }
            ],
        }
    }


@pytest.fixture
def employee_provider(provider, settings):
    from django.core.cache import cache

    cache.clear()  # the cached key set of another test's provider
    use_provider(settings, provider)
    requests.put(f"{provider}/users/anna", json=ANNA, timeout=5).raise_for_status()
    return provider


def start(client, login_url=EMPLOYEE_LOGIN) -> str:
    """The portal's redirect to the provider's authorize endpoint."""
    response = client.post(login_url, {"process": "login"})
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def at_provider(authorize_url, **form) -> str:
    """What the person does at the provider; the callback URL (path and query) it sends back."""
    response = requests.post(authorize_url, data=form, allow_redirects=False, timeout=5)
    assert response.status_code == 302, response.text[:500]
    location = urlsplit(response.headers["Location"])
    return f"{location.path}?{location.query}"


def failure(reason):
    return AuthEvent.objects.filter(event="login_failed", detail__reason=reason)


def assert_failed_cleanly(client, response, reason, text="Inloggningen kunde inte slutföras"):
    page = response.content.decode()
    assert response.status_code < 500
    assert text in page
    assert 'href="/accounts/login/"' in page  # a way to try again
    assert failure(reason).exists(), list(AuthEvent.objects.values_list("detail", flat=True))
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()


# --- Signing in -------------------------------------------------------------------------------


def test_an_employee_signs_in_with_an_id_token_without_kid(
    client, db, employee_provider, monkeypatch
):
    headers = []
    verify = id_tokens.verify_id_token

    def spy(id_token, **kwargs):
        headers.append(jwt.get_unverified_header(id_token))
        return verify(id_token, **kwargs)

    monkeypatch.setattr(id_tokens, "verify_id_token", spy)
    authorize_url = start(client)
    assert authorize_url.startswith(f"{employee_provider}/oauth2/authorize?")
    response = client.get(at_provider(authorize_url, sub="anna"))

    assert response.status_code == 302
    assert "kid" not in headers[0]
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    account = SocialAccount.objects.get(user=user, provider="medarbetare")
    assert account.uid == "anna"
    # The nonce the portal sent came back in the verified token.
    assert account.extra_data["id_token"]["nonce"]
    assert user.groups.filter(name__contains="Åmål").exists()


# --- Failures end on a page -------------------------------------------------------------------


def test_a_cancelled_sign_in_says_so(client, db, employee_provider):
    state = parse_qs(urlsplit(start(client)).query)["state"][0]

    response = client.get(
        "/accounts/oidc/medarbetare/login/callback/",
        {"error": "access_denied", "state": state},
        follow=True,
    )

    assert response.status_code == 200
    assert "Inloggningen avbröts" in response.content.decode()
    assert failure("cancelled").exists()
    assert not SocialAccount.objects.exists()


def test_a_cancel_without_state_still_ends_on_a_page(client, db, employee_provider):
    # oidc-provider-mock leaves the state out when the person cancels (RFC 6749 4.1.2.1 wants
    # it). Nothing happens either way: the person is told they cancelled, and the audit trail
    # has the provider's answer.
    response = client.get(at_provider(start(client), action="deny"))

    assert_failed_cleanly(client, response, "provider_access_denied", "Inloggningen avbröts")
    assert "Du avbröt inloggningen" in response.content.decode()


def test_a_reused_callback_is_refused(client, db, employee_provider):
    callback = at_provider(start(client), sub="anna")
    client.get(callback)
    client.logout()
    SocialAccount.objects.all().delete()

    response = client.get(callback)

    assert_failed_cleanly(client, response, "state_invalid")


def test_an_error_from_the_token_endpoint(client, db, employee_provider):
    callback = at_provider(start(client), sub="anna")
    forged = callback.replace("code=", "code=x", 1)

    assert_failed_cleanly(client, client.get(forged), "token_endpoint_error")


def test_an_id_token_from_another_issuer(client, db, employee_provider, settings):
    use_provider(
        settings,
        employee_provider,
        openid_configuration_overrides={"issuer": "https://login.elsewhere.example"},
    )

    response = client.get(at_provider(start(client), sub="anna"))

    assert_failed_cleanly(client, response, "id_token_issuer")


def test_an_id_token_for_another_login_is_refused_by_its_nonce(client, db, employee_provider):
    authorize_url = start(client)
    nonce = parse_qs(urlsplit(authorize_url).query)["nonce"][0]
    # As if the code came from an authorization request the portal did not make for this login.
    other = authorize_url.replace(f"nonce={nonce}", "nonce=a-nonce-from-another-login")

    response = client.get(at_provider(other, sub="anna"))

    assert_failed_cleanly(client, response, "id_token_nonce")


def test_an_expired_id_token(client, db, stale_provider, settings):
    use_provider(settings, stale_provider)
    requests.put(f"{stale_provider}/users/anna", json=ANNA, timeout=5).raise_for_status()

    response = client.get(at_provider(start(client), sub="anna"))

    assert_failed_cleanly(client, response, "id_token_expired")


def test_a_key_set_that_cannot_be_fetched(client, db, employee_provider, settings):
    use_provider(
        settings,
        employee_provider,
        openid_configuration_overrides={"jwks_uri": f"{employee_provider}/no-such-key-set"},
    )

    response = client.get(at_provider(start(client), sub="anna"))

    assert_failed_cleanly(
        client, response, "id_token_key_set_unavailable", "Inloggningen fungerar inte just nu"
    )


class BrokenProvider:
    """A provider on loopback that answers each path with a body, after a delay in seconds:
    `{"/.well-known/openid-configuration": (body, delay), ...}`; 404 for other paths."""

    def __init__(self, routes: dict[str, tuple[bytes, float]]):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body, delay = routes.get(urlsplit(self.path).path, (None, 0))
                time.sleep(delay)
                try:
                    self.send_response(404 if body is None else 200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(body or b"")
                except OSError:  # the portal gave up waiting
                    pass

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


DISCOVERY = "/.well-known/openid-configuration"


@pytest.mark.parametrize(
    "body",
    [
        b"<html>Service Unavailable</html>",
        json.dumps({"issuer": "https://x.example"}).encode(),
        b"[1, 2, 3]",
    ],
)
def test_a_broken_discovery_document(client, db, settings, body):
    with BrokenProvider({DISCOVERY: (body, 0)}) as url:
        use_provider(settings, url)
        response = client.post(EMPLOYEE_LOGIN, {"process": "login"})

    assert_failed_cleanly(
        client, response, "discovery_invalid", "Inloggningen fungerar inte just nu"
    )


def test_a_provider_too_slow_to_answer(client, db, settings):
    settings.SOCIALACCOUNT_REQUESTS_TIMEOUT = 0.3
    with BrokenProvider({DISCOVERY: (b"{}", 1)}) as url:
        use_provider(settings, url)
        response = client.post(EMPLOYEE_LOGIN, {"process": "login"})

    assert_failed_cleanly(
        client, response, "provider_timeout", "Inloggningen fungerar inte just nu"
    )


@pytest.mark.parametrize(
    ("token_answer", "reason"),
    [
        ((b"{}", 1), "provider_timeout"),
        ((b"<html>Bad Gateway</html>", 0), "token_endpoint_error"),
        (
            (json.dumps({"access_token": "a", "token_type": "Bearer"}).encode(), 0),
            "id_token_missing",
        ),
    ],
)
def test_a_token_endpoint_that_fails(client, db, settings, token_answer, reason):
    settings.SOCIALACCOUNT_REQUESTS_TIMEOUT = 0.3
    routes = {"/token": token_answer}
    with BrokenProvider(routes) as url:
        routes[DISCOVERY] = (
            json.dumps(
                {
                    "issuer": url,
                    "authorization_endpoint": f"{url}/authorize",
                    "token_endpoint": f"{url}/token",
                    "jwks_uri": f"{url}/jwks",
                }
            ).encode(),
            0,
        )
        use_provider(settings, url)
        state = parse_qs(urlsplit(start(client)).query)["state"][0]
        response = client.get(
            "/accounts/oidc/medarbetare/login/callback/", {"code": "c", "state": state}
        )

    text = "Inloggningen kunde inte slutföras"
    if reason == "provider_timeout":
        text = "Inloggningen fungerar inte just nu"
    assert_failed_cleanly(client, response, reason, text)


def test_a_provider_that_goes_down_during_the_sign_in(client, db, employee_provider, settings):
    callback = at_provider(start(client), sub="anna")
    # Nothing listens on port 9 (discard); the callback reads the discovery document first.
    use_provider(settings, "http://127.0.0.1:9")

    response = client.get(callback)

    assert_failed_cleanly(
        client, response, "provider_unreachable", "Inloggningen fungerar inte just nu"
    )


def test_a_citizen_is_sent_back_to_the_e_id_sign_in(client, db, settings):
    use_provider(settings, "http://127.0.0.1:9", provider_id="e-legitimation")

    response = client.post(CITIZEN_LOGIN, {"process": "login"})
    page = response.content.decode()

    assert response.status_code < 500
    assert "Tjänsten för e-legitimation svarar inte" in page
    assert 'href="/mina-sidor/logga-in/"' in page
    assert failure("provider_unreachable").exists()


def test_the_error_page_in_english(client, db, employee_provider):
    callback = at_provider(start(client), sub="anna")
    client.get(callback)
    client.logout()

    response = client.get(f"/en{callback}")

    assert response.status_code < 500
    assert "The login could not be completed" in response.content.decode()


# --- Claims that real directories send --------------------------------------------------------

BENGT = {
    "given_name": "Bengt",
    "family_name": "Olsson",
    "email": "bengt.olsson@mellerud.example",
    "municipality": "mellerud",
    "roles": ["bygglovshandlaggare"],
}


def test_an_address_without_email_verified_is_trusted_from_the_municipalities_provider(
    client, db, employee_provider
):
    from allauth.account.models import EmailAddress

    # Entra ID and AD FS send no `email_verified` unless told to. In Chromium, such a handler
    # sets up TOTP and opens the queue: tests/e2e/test_second_factor.py.
    assert "email_verified" not in BENGT
    requests.put(f"{employee_provider}/users/bengt", json=BENGT, timeout=5).raise_for_status()
    client.get(at_provider(start(client), sub="bengt"))

    assert EmailAddress.objects.get(email=BENGT["email"]).verified


def test_a_provider_that_says_the_address_is_unverified_is_believed(client, db, employee_provider):
    from allauth.account.models import EmailAddress

    unverified = {**BENGT, "email_verified": False}
    requests.put(f"{employee_provider}/users/bengt", json=unverified, timeout=5).raise_for_status()
    client.get(at_provider(start(client), sub="bengt"))

    assert not EmailAddress.objects.get(email=BENGT["email"]).verified


def test_an_operator_may_distrust_the_addresses_of_a_provider(
    client, db, employee_provider, settings
):
    from allauth.account.models import EmailAddress

    use_provider(settings, employee_provider, trust_email=False)
    requests.put(f"{employee_provider}/users/bengt", json=BENGT, timeout=5).raise_for_status()
    client.get(at_provider(start(client), sub="bengt"))

    assert not EmailAddress.objects.get(email=BENGT["email"]).verified


def test_an_account_from_before_the_address_was_trusted_is_verified_at_its_next_sign_in(
    client, db, employee_provider, settings
):
    from allauth.account.models import EmailAddress

    requests.put(f"{employee_provider}/users/bengt", json=BENGT, timeout=5).raise_for_status()
    use_provider(settings, employee_provider, trust_email=False)
    client.get(at_provider(start(client), sub="bengt"))
    client.logout()
    assert not EmailAddress.objects.get(email=BENGT["email"]).verified

    use_provider(settings, employee_provider)  # trusted, as by default
    client.get(at_provider(start(client), sub="bengt"))

    assert EmailAddress.objects.get(email=BENGT["email"]).verified


def test_the_discovery_document_is_read_once_for_many_sign_ins(
    client, db, employee_provider, monkeypatch
):
    """Kept in the cache (portal.identity.views DISCOVERY_SECONDS): the second and third
    sign-in, and their callbacks, do not ask the provider for it again."""
    asked = []
    real_get = requests.Session.get

    def counting_get(session, url, *args, **kwargs):
        asked.append(url)
        return real_get(session, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "get", counting_get)
    for _ in range(3):
        client.logout()
        callback = at_provider(start(client), sub="anna")
        response = client.get(callback)
        assert response.status_code == 302, response.content.decode()[:500]
        assert "_auth_user_id" in client.session

    assert [url for url in asked if url.endswith(DISCOVERY)] == [employee_provider + DISCOVERY]
