"""Cache-Control per kind of response (portal/cache_headers.py): shared only for an anonymous
visitor without a session, `private, no-store` for everything personal. The same rules through
a real Varnish: tests/deploy/test_varnish_privacy.py."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from citizen_portal.models import FormPage, ServicePage
from portal.cache_headers import is_personal_path
from portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "portal.vcl"


def cache_control(response) -> dict[str, str]:
    header = response.get("Cache-Control", "")
    directives = (part.strip().split("=", 1) for part in header.split(",") if part.strip())
    return {d[0].lower(): (d[1] if len(d) > 1 else "") for d in directives}


def assert_shared(response, *, s_maxage: str | None):
    directives = cache_control(response)
    assert "public" in directives, response.get("Cache-Control")
    assert not {"private", "no-store", "no-cache"} & set(directives)
    assert directives["max-age"] == "60"
    assert directives.get("s-maxage") == s_maxage


def assert_private(response):
    directives = cache_control(response)
    assert {"private", "no-store"} <= set(directives), response.get("Cache-Control")
    assert "public" not in directives
    assert "s-maxage" not in directives


def path_of(page) -> str:
    return urlsplit(page.full_url).path


@pytest.fixture
def service_path(db):
    return path_of(ServicePage.objects.live().filter(locale__language_code="sv").first())


@pytest.fixture
def employee(db):
    return UserFactory(
        first_name="Vendela",
        last_name="Cachesson",
        groups=[Group.objects.get(name="Medarbetare")],
    )


# --- Shared: anonymous, no session -----------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "head"])
def test_an_anonymous_page_is_shared_briefly_by_browsers_and_longer_by_varnish(
    client, service_path, method
):
    for path in (service_path, "/", "/en/"):
        response = getattr(client, method)(path)
        assert response.status_code == 200, path
        assert_shared(response, s_maxage="600")
        assert not response.cookies, path


@override_settings(PAGE_CACHE_MAX_AGE=30, PAGE_CACHE_SHARED_MAX_AGE=900)
def test_the_lifetimes_come_from_the_settings(client, service_path):
    directives = cache_control(client.get(service_path))
    assert directives["max-age"] == "30"
    assert directives["s-maxage"] == "900"


def test_views_that_no_publish_purges_are_shared_only_briefly(client):
    """Search results and the diary are not purged on publish: one minute, in Varnish too."""
    for path in ("/sok/?q=bygglov", "/diarium/", "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_shared(response, s_maxage=None)


def test_a_view_that_sets_its_own_cache_control_keeps_it(client):
    response = client.get("/sok/forslag/?q=byg")
    assert response["Cache-Control"] == "public, max-age=300"


# --- Private: a session, a user, a cookie, a form, a personal area ---------------------------


def test_a_signed_in_visitor_gets_every_page_private(client, employee, service_path):
    client.force_login(employee)
    for path in (service_path, "/", "/sok/?q=bygglov", "/medarbetare/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_private(response)


def test_a_request_with_a_session_cookie_is_private_even_without_a_user(client, service_path):
    client.cookies["sessionid"] = "an-expired-session"
    assert_private(client.get(service_path))


def test_a_request_with_authorization_is_private(client, service_path):
    assert_private(client.get(service_path, headers={"Authorization": "Basic dGVzdDp0ZXN0"}))


def test_a_page_with_a_csrf_form_is_private(client, db):
    """A web form renders a CSRF token and sets its cookie: shared, one visitor's token would
    reach the next."""
    response = client.get(path_of(FormPage.objects.live().first()))
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert_private(response)


def test_a_page_with_a_csrf_token_is_private_also_when_the_cookie_is_already_set(client, db):
    path = path_of(FormPage.objects.live().first())
    client.get(path)
    response = client.get(path)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert_private(response)


@pytest.mark.parametrize(
    "path",
    [
        "/mina-sidor/",
        "/en/mina-sidor/",
        "/mina-sidor/logga-in/",
        "/medarbetare/",
        "/admin/",
        "/accounts/login/",
        "/health/",
        "/e-tjanster/bygglov/ansok/",
        "/diarium/begar-ut/",
        "/forhandsvisning/not-a-token/",
    ],
)
def test_personal_areas_are_private_for_anonymous_visitors_too(client, db, path):
    assert_private(client.get(path))


def test_a_preview_link_is_private(client, db, service_path):
    from portal.previews.models import PreviewLink
    from portal.previews.services import hash_token

    page = ServicePage.objects.live().filter(locale__language_code="sv").first()
    token = "forhandsvisning-i-cachetestet"
    PreviewLink.objects.create(
        page=page,
        token_hash=hash_token(token),
        note="Granskare",
        created_by=UserFactory(),
        expires_at="2999-01-01T00:00:00Z",
    )
    response = client.get(f"/forhandsvisning/{token}/")
    assert response.status_code == 200
    assert_private(response)


def test_a_post_is_private(client, service_path):
    assert_private(client.post(service_path))


def test_an_error_page_is_private(client, db):
    response = client.get("/det-har-finns-inte/")
    assert response.status_code == 404
    assert_private(response)


# --- The VCL passes the same areas -----------------------------------------------------------


def vcl_pass_patterns() -> list[re.Pattern]:
    """The `req.url ~ "…"` patterns of vcl_recv in deploy/varnish/portal.vcl."""
    recv = VCL.read_text().split("sub vcl_recv", 1)[1].split("\nsub ", 1)[0]
    return [re.compile(pattern) for pattern in re.findall(r'req\.url ~ "([^"]+)"', recv)]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/3/view_draft/",
        "/accounts/login/",
        "/en/accounts/email/",
        "/mina-sidor/",
        "/mina-sidor/arenden/0b7a3c2e-5a4c-4a8e-9b61-3f0f0f0f0f0f/",
        "/medarbetare/",
        "/medarbetare/system/",
        "/handlaggning/",
        "/forhandsvisning/abc/",
        "/health/",
        "/i18n/setlang/",
        "/documents/1/plan.pdf",
        "/e-tjanster/bygglov/ansok/",
        "/en/e-tjanster/forskola/ansok/2/",
        "/diarium/begar-ut/",
        "/",
        "/en/",
        "/mellerud/",
        "/sok/",
        "/e-tjanster/",
        "/e-tjanster/bygglov/",
        "/diarium/",
        "/administration-och-ekonomi/",
        "/mina-sidorna-om-kommunen/",
    ],
)
def test_django_and_the_vcl_agree_on_the_personal_areas(path):
    patterns = vcl_pass_patterns()
    assert len(patterns) == 3, "the VCL's list of passed URLs changed: update PERSONAL_PATHS"
    in_vcl = any(pattern.search(path) for pattern in patterns)
    assert is_personal_path(path) == in_vcl, path
