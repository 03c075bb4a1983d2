"""Signing in against OpenID Connect providers the project did not write (issue 17).

* django-oauth-toolkit in OIDC mode (`tests/identity_providers/dot_idp`, in a subprocess): ID
  tokens with a `kid`, several keys in the key set, and key rotation between two logins, for
  employees (`medarbetare`) and residents (`e-legitimation`).
* oidc-provider-mock (in a thread), whose ID tokens carry no `kid`: a resident all the way to
  Mina sidor. Employees against it are in `tests/test_oidc_sign_in.py`.

The portal is Django's test client, which reaches the providers with `requests` as in
production; the person's part at the provider (picking a test person) is done with `requests`.
Each provider starts once for the module.
"""

import threading
from urllib.parse import parse_qs, urljoin, urlsplit

import jwt
import oidc_provider_mock
import pytest
import requests
import werkzeug.serving
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core.cache import cache

from portal.audit.models import AuthEvent
from portal.identity import id_tokens
from portal.identity.config import PROVIDERS
from portal.models import Department, Municipality
from tests.identity_providers.dot_idp.persons import (
    CLIENTS,
    PERSONAL_IDENTITY_NUMBER_CLAIM,
    PERSONS,
)
from tests.identity_providers.dot_server import (
    key_state,
    rotate_keys,
    run_dot_idp,
    set_claims,
    sign_with_retired_key,
)

EMPLOYEE_LOGIN = "/accounts/oidc/medarbetare/login/"
CITIZEN_LOGIN = "/accounts/oidc/e-legitimation/login/"
MY_PAGES = "/mina-sidor/"


# --- The providers ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dot(tmp_path_factory):
    """django-oauth-toolkit's issuer URL; its clients accept the test client's callbacks."""
    with run_dot_idp(tmp_path_factory.mktemp("dot-idp")) as issuer:
        yield issuer


@pytest.fixture(scope="module")
def mock_provider():
    """oidc-provider-mock on 127.0.0.1, any port: its base URL, which is also its issuer."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def app(provider_id, server_url, client_id, secret):
    return {
        "provider_id": provider_id,
        "name": PROVIDERS[provider_id]["name"],
        "client_id": client_id,
        "secret": secret,
        "settings": {
            "server_url": server_url,
            "scope": PROVIDERS[provider_id]["scope"].split(),
            "oauth_pkce_enabled": True,
            "fetch_userinfo": False,
        },
    }


def use_apps(settings, *apps):
    cache.clear()  # the key set another test's provider left in the cache
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {**settings.SOCIALACCOUNT_PROVIDERS["openid_connect"], "APPS": apps}
    }


@pytest.fixture
def dot_provider(dot, settings):
    """Both of the portal's providers on django-oauth-toolkit, starting from a fresh signing
    key that the key set publishes alone (whatever an earlier test did to the keys)."""
    rotate_keys(dot, keep_old=False)
    use_apps(settings, *(app(pid, dot, *CLIENTS[pid]) for pid in ("medarbetare", "e-legitimation")))
    return dot


@pytest.fixture
def key_sets_fetched(monkeypatch):
    """The key-set URLs the portal fetched, in order."""
    fetched = []
    fetch = id_tokens.fetch_key_set

    def spy(jwks_uri):
        fetched.append(jwks_uri)
        return fetch(jwks_uri)

    monkeypatch.setattr(id_tokens, "fetch_key_set", spy)
    return fetched


@pytest.fixture
def id_token_headers(monkeypatch):
    """The headers of the ID tokens the portal checked, in order."""
    headers = []
    verify = id_tokens.verify_id_token

    def spy(id_token, **kwargs):
        headers.append(jwt.get_unverified_header(id_token))
        return verify(id_token, **kwargs)

    monkeypatch.setattr(id_tokens, "verify_id_token", spy)
    return headers


# --- The steps of a sign-in -------------------------------------------------------------------


def start(client, login_url=EMPLOYEE_LOGIN, next_url=None) -> str:
    """The portal's redirect to the provider's authorize endpoint."""
    data = {"process": "login", **({"next": next_url} if next_url else {})}
    response = client.post(login_url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def callback_path(response) -> str:
    assert response.status_code == 302, response.text[:500]
    location = urlsplit(response.headers["Location"])
    assert location.netloc == "testserver", response.headers["Location"]
    return f"{location.path}?{location.query}"


def pick_at_dot(authorize_url, person) -> str:
    """At django-oauth-toolkit: sent to its sign-in page, pick a test person, sent back to the
    authorize endpoint, which answers the portal's callback (path and query)."""
    with requests.Session() as browser:
        response = browser.get(authorize_url, allow_redirects=False, timeout=10)
        assert response.status_code == 302, response.text[:500]
        login_url = urljoin(authorize_url, response.headers["Location"])
        assert urlsplit(login_url).path == "/login/"
        response = browser.post(login_url, {"person": person}, allow_redirects=False, timeout=10)
        assert response.status_code == 302, response.text[:500]
        response = browser.get(
            urljoin(authorize_url, response.headers["Location"]), allow_redirects=False, timeout=10
        )
        return callback_path(response)


def sign_in_at_dot(client, person, login_url=EMPLOYEE_LOGIN, next_url=None):
    return client.get(pick_at_dot(start(client, login_url, next_url), person))


def signed_in_user(client):
    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


def failure(reason):
    return AuthEvent.objects.filter(event="login_failed", detail__reason=reason)


def group_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


# --- Employees --------------------------------------------------------------------------------


def test_an_employee_signs_in_with_a_kid_among_several_published_keys(
    client, db, dot_provider, id_token_headers
):
    amal = Municipality.objects.get(slug="amal")
    department, _ = Department.objects.get_or_create(
        municipality=amal,
        slug="barn-och-utbildning",
        defaults={"name": "Barn- och utbildningsförvaltningen"},
    )
    # A rotation that keeps the old key: two keys in the set, the token must say which.
    keys = rotate_keys(dot_provider, keep_old=True)
    assert len(keys["published"]) == 2

    response = sign_in_at_dot(client, "sara-lindqvist")

    assert response.status_code == 302
    assert id_token_headers[0]["kid"] == keys["signing"]
    user = signed_in_user(client)
    account = SocialAccount.objects.get(user=user, provider="medarbetare")
    assert account.uid == "sara-lindqvist"
    token = account.extra_data["id_token"]
    assert token["nonce"] and token["iss"] == dot_provider
    assert "email_verified" not in token  # as Entra ID and AD FS send it
    assert (user.first_name, user.last_name, user.email) == (
        "Sara",
        "Lindqvist",
        "sara.lindqvist@amal.example",
    )
    assert {
        "Medarbetare",
        "Kommun – Åmål",
        f"Förvaltning – Åmål – {department.name}",
        "Roll – Lärare",
        "Nätverk – pedagogiskt nätverk",
    } <= group_names(user)
    profile = user.employee_profile
    assert (profile.municipality, profile.department) == (amal, department)
    assert (profile.roles, profile.network) == (["larare"], "pedagogiskt")
    assert AuthEvent.objects.filter(event="login_succeeded", user=user).exists()


def test_a_role_taken_away_at_the_provider_is_gone_at_the_next_sign_in(client, db, dot_provider):
    sign_in_at_dot(client, "johan-berg")
    user = signed_in_user(client)
    assert "Roll – Socialsekreterare" in group_names(user)
    client.logout()

    set_claims(dot_provider, "johan-berg", roles=["registrator"])
    try:
        sign_in_at_dot(client, "johan-berg")
    finally:
        set_claims(dot_provider, "johan-berg", roles=PERSONS["johan-berg"]["roles"])

    assert signed_in_user(client) == user
    groups = group_names(user)
    assert "Roll – Socialsekreterare" not in groups
    assert "Roll – Registrator" in groups and "Kommun – Dals-Ed" in groups


# --- Residents --------------------------------------------------------------------------------


def assert_greeted_on_my_pages(client, response, given_name, masked, number):
    assert response.status_code == 302
    assert response["Location"] == MY_PAGES
    page = client.get(MY_PAGES)
    html = page.content.decode()
    assert page.status_code == 200
    assert f"Hej {given_name}!" in html
    assert masked in html
    assert number not in html
    user = signed_in_user(client)
    assert user.citizen_identity.personal_identity_number == number
    account = SocialAccount.objects.get(user=user, provider="e-legitimation")
    # The number is kept once, on the citizen identity, not in allauth's copy of the token.
    assert PERSONAL_IDENTITY_NUMBER_CLAIM not in account.extra_data["id_token"]
    assert not user.groups.exists()


def test_a_resident_signs_in_with_e_id_and_mina_sidor_greets_them(client, db, dot_provider):
    authorize_url = start(client, CITIZEN_LOGIN, next_url=MY_PAGES)
    query = parse_qs(urlsplit(authorize_url).query)
    assert query["client_id"] == [CLIENTS["e-legitimation"][0]]
    assert "https://id.oidc.se/scope/naturalPersonNumber" in query["scope"][0].split()

    response = client.get(pick_at_dot(authorize_url, "tolvan-tolvansson"))

    assert_greeted_on_my_pages(client, response, "Tolvan", "19121212-****", "191212121212")


def test_a_resident_signs_in_against_oidc_provider_mock(client, db, mock_provider, settings):
    use_apps(settings, app("e-legitimation", mock_provider, "dalslandsportalen", "hemlighet"))
    # oidc-provider-mock 0.3 takes the claims of a subject through its users endpoint; its
    # authorize form only takes the subject.
    requests.put(
        f"{mock_provider}/users/bengt",
        json={
            "given_name": "Bengt",
            "family_name": "Andersson",
            PERSONAL_IDENTITY_NUMBER_CLAIM: "196408233234",
        },
        timeout=5,
    ).raise_for_status()
    authorize_url = start(client, CITIZEN_LOGIN, next_url=MY_PAGES)

    response = requests.post(authorize_url, {"sub": "bengt"}, allow_redirects=False, timeout=5)
    response = client.get(callback_path(response))

    assert_greeted_on_my_pages(client, response, "Bengt", "19640823-****", "196408233234")


# --- Key rotation -----------------------------------------------------------------------------


@pytest.mark.parametrize("keep_old", [True, False], ids=["old-key-kept", "old-key-dropped"])
def test_the_provider_rotates_its_key_between_two_logins(
    client, db, dot_provider, key_sets_fetched, id_token_headers, keep_old
):
    first = sign_in_at_dot(client, "sara-lindqvist")
    assert first.status_code == 302 and "_auth_user_id" in client.session
    assert len(key_sets_fetched) == 1  # then cached
    client.logout()

    keys = rotate_keys(dot_provider, keep_old=keep_old)
    assert (id_token_headers[0]["kid"] in keys["published"]) is keep_old
    second = sign_in_at_dot(client, "sara-lindqvist")

    assert second.status_code == 302
    assert "_auth_user_id" in client.session
    assert id_token_headers[1]["kid"] == keys["signing"] != id_token_headers[0]["kid"]
    # The cached set lacked the new key id: fetched again, once.
    assert len(key_sets_fetched) == 2
    assert SocialAccount.objects.filter(uid="sara-lindqvist").count() == 1
    assert not AuthEvent.objects.filter(event="login_failed").exists()


def test_a_token_signed_with_a_key_no_longer_published_fails_cleanly(
    client, db, dot_provider, key_sets_fetched
):
    rotate_keys(dot_provider, keep_old=False)  # the previous key is withdrawn
    sign_in_at_dot(client, "johan-berg")  # the portal caches the set with the new key only
    client.logout()
    keys = sign_with_retired_key(dot_provider)
    assert keys["signing"] not in keys["published"]
    assert key_state(dot_provider) == keys

    response = sign_in_at_dot(client, "sara-lindqvist")

    page = response.content.decode()
    assert response.status_code < 500
    assert "Inloggningen kunde inte slutföras" in page
    assert 'href="/accounts/login/"' in page
    assert failure("id_token_unknown_key").exists()
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.filter(uid="sara-lindqvist").exists()
    assert not get_user_model().objects.filter(first_name="Sara").exists()
    # Fetched again once in case the provider had rotated, then refused.
    assert len(key_sets_fetched) == 2
