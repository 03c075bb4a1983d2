"""Security headers on every kind of response (portal/security_headers.py, docs/operations.md
"Security headers"): one address of each page type and view, anonymous and signed in, errors
and the JSON API, each checked for the whole set."""

import json

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from wagtail.models import Page

from config.urls import urlpatterns as portal_urlpatterns
from portal.identity.models import CitizenIdentity, EmployeeProfile
from portal.models import Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin
from portal.tests.settings_probe import PRODUCTION, start

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("a server error for the header check")


def nonce_view(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">0</script>')


# This module is also the URLconf of the tests that need a view of their own.
urlpatterns = [
    path("trasig/", broken_view),
    path("med-nonce/", nonce_view),
    *portal_urlpatterns,
]

DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_security_headers(response, *, framed_by_self=False):
    address = response.request["PATH_INFO"]
    where = f"{address} ({response.status_code})"
    # Only the Wagtail admin runs Wagtail's inline scripts (portal/security_headers.py).
    admin = address.startswith("/admin/")
    csp = policy(response)
    assert csp["default-src"] == ["'self'"], where
    assert csp["object-src"] == ["'none'"], where
    assert csp["base-uri"] == ["'self'"], where
    # No nonce: the header is the same for every visitor, so a cached page may keep it.
    assert "nonce-" not in response["Content-Security-Policy"], where
    if admin:
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"], where
    else:
        assert csp["script-src"] == ["'self'"], where
        assert csp["style-src"] == ["'self'"], where
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], where
    if framed_by_self:
        assert csp["frame-ancestors"] == ["'self'"], where
        assert response["X-Frame-Options"] == "SAMEORIGIN", where
    else:
        assert csp["frame-ancestors"] == ["'none'"], where
        assert response["X-Frame-Options"] == "DENY", where
    permissions = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
    for feature in DENIED_FEATURES:
        assert permissions[feature] == "()", (where, feature)
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer"), where
    assert response["X-Content-Type-Options"] == "nosniff", where


def live_path(model_name: str) -> str:
    page = Page.objects.live().filter(content_type__model=model_name).first()
    assert page, f"the demo has no live {model_name}"
    return page.url


CITIZEN_PAGES = [
    "/",  # CitizenHomePage
    "/en/",
    "/mellerud/",  # MunicipalityPage
    "/mellerud/barn-och-utbildning/",  # DepartmentPage
    "/mellerud/barn-och-utbildning/forskola/",  # ServicePage
    "/barn-och-utbildning/",  # TopicPage
    "/nyheter/",  # NewsIndexPage
    "/mellerud/kontakt/",  # ContactPage
    "/tillganglighetsredogorelse/",  # AccessibilityStatementPage
    "/bengtsfors/samhallsbyggnad/gor-en-felanmalan/",  # FormPage
    "/myndigheter/",  # AgencyIndexPage
    "/livshandelser/",  # LifeEventIndexPage
    "/livshandelser/flytta-till-dalsland/",  # LifeEventGuidePage
    "/sok/?q=förskola",
    "/sok/forslag/?q=fö",
    "/diarium/?q=bygglov",
    "/e-tjanster/",
    "/api/v1/diary/",
    "/api/v1/schema/",
    "/sitemap.xml",
    "/robots.txt",
    "/health/",
    "/mina-sidor/",  # anonymous: sent to log in
    "/medarbetare/",  # anonymous: sent to log in
    "/handlaggning/",  # anonymous: sent to log in
    "/admin/login/",  # to allauth's login
    "/admin/",  # anonymous: sent to log in
    "/accounts/login/",
    "/finns-inte/",  # 404
    "/en/does-not-exist/",
]


@pytest.mark.parametrize("address", CITIZEN_PAGES)
def test_every_anonymous_response_carries_the_security_headers(client, address):
    response = client.get(address)

    assert response.status_code in (200, 302, 404), address
    assert_security_headers(response)


def test_a_news_article_carries_the_security_headers(client):
    response = client.get(live_path("newspage"))

    assert response.status_code == 200
    assert_security_headers(response)


def test_a_cached_page_has_the_same_header_for_every_visitor(client):
    first = client.get("/mellerud/")
    second = Client().get("/mellerud/")

    assert "public" in first["Cache-Control"]
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]


def test_mina_sidor_for_a_signed_in_resident(client):
    user = UserFactory(username="tolvan")
    CitizenIdentity.objects.create(
        user=user,
        personal_identity_number="191212121212",
        given_name="Tolvan",
        family_name="Tolvansson",
    )
    client.force_login(user)

    for address in ("/mina-sidor/", "/mina-sidor/mina-uppgifter.json", "/", "/e-tjanster/"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert_security_headers(response)


def test_the_employee_portal_for_a_signed_in_employee(employee_client):
    for address in ("/medarbetare/", "/medarbetare/it-support-och-felanmalan/"):
        response = employee_client.get(address)
        assert response.status_code == 200, address
        assert_security_headers(response)


def test_the_handlers_queue(client):
    from django.contrib.auth.models import Permission

    user = UserFactory(first_name="Hanna", last_name="Handläggare")
    EmployeeProfile.objects.create(user=user, municipality=Municipality.objects.get(slug="amal"))
    user.user_permissions.add(Permission.objects.get(codename="handle_building_permit"))
    sign_in_for_admin(client, user)

    for address in ("/handlaggning/", "/handlaggning/bygglov/"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert_security_headers(response)


def test_a_refusal_403(client):
    client.force_login(UserFactory())

    response = client.get("/handlaggning/")

    assert response.status_code == 403
    assert_security_headers(response)


def test_the_wagtail_admin_allows_inline_code_and_only_its_preview_is_framed(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    sign_in_for_admin(client, admin)
    home = Page.objects.get(url_path="/dalslandsportalen/")

    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert_security_headers(dashboard)

    editor = client.get(f"/admin/pages/{home.pk}/edit/")
    assert editor.status_code == 200
    assert_security_headers(editor)

    # The preview panel's iframe shows the portal's own preview view.
    preview = client.get(f"/admin/pages/{home.pk}/edit/preview/")
    assert preview.status_code == 200
    assert_security_headers(preview, framed_by_self=True)

    # The userbar on a public page, for the signed-in editor: the public page's policy.
    page = client.get("/mellerud/")
    assert b"wagtail-userbar" in page.content
    assert_security_headers(page)


@pytest.mark.urls(__name__)
def test_a_server_error(client):
    client.raise_request_exception = False

    response = client.get("/trasig/")

    assert response.status_code == 500
    assert b"theme/css/error.css" in response.content
    assert b"<style" not in response.content
    assert_security_headers(response)


def test_the_csrf_failure_page(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/login/", {"login": "x", "password": "y"})

    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()
    assert b"<style" not in response.content
    assert_security_headers(response)


@pytest.mark.urls(__name__)
def test_a_response_that_uses_a_nonce_is_never_cached(client):
    response = client.get("/med-nonce/")

    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in policy(response)["script-src"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_production_sends_hsts_over_https(client, settings):
    shown = start(
        "config.settings.production",
        script=(
            "import json, django; from django.conf import settings; django.setup(); "
            "print(json.dumps([settings.SECURE_HSTS_SECONDS, "
            "settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_SSL_REDIRECT]))"
        ),
        **PRODUCTION,
    )
    assert shown.returncode == 0, shown.stderr
    seconds, subdomains, redirect = json.loads(shown.stdout)
    assert seconds >= 31536000
    assert redirect is True
    settings.SECURE_HSTS_SECONDS = seconds
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = subdomains

    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == f"max-age={seconds}; includeSubDomains"
    assert_security_headers(response)


def report(blocked="inline", document="https://portal.example/sok/?q=Tolvan+Tolvansson"):
    return json.dumps(
        {
            "csp-report": {
                "document-uri": document,
                "blocked-uri": blocked,
                "effective-directive": "script-src-elem",
                "source-file": "https://portal.example/sok/?q=Tolvan",
                "line-number": 12,
            }
        }
    )


def test_the_policy_names_the_report_address(client):
    assert policy(client.get("/"))["report-uri"] == ["/csp-rapport/"]


def test_a_violation_report_is_logged_without_the_query(client, caplog):
    response = client.post("/csp-rapport/", report(), content_type="application/csp-report")

    assert response.status_code == 204
    assert "private" in response["Cache-Control"]
    [record] = [r for r in caplog.records if r.name == "portal.security_headers"]
    message = record.getMessage()
    assert "script-src-elem" in message
    assert "https://portal.example/sok/" in message
    assert "Tolvan" not in message


def test_violation_reports_are_throttled_per_client(client, caplog, settings):
    settings.CSP_REPORTS_PER_MINUTE = 3
    for _ in range(5):
        response = client.post("/csp-rapport/", report(), content_type="application/csp-report")
        assert response.status_code == 204

    assert len([r for r in caplog.records if r.name == "portal.security_headers"]) == 3


def test_a_report_that_is_not_json_is_ignored(client, caplog):
    response = client.post("/csp-rapport/", "{nej", content_type="application/csp-report")

    assert response.status_code == 204
    assert not [r for r in caplog.records if r.name == "portal.security_headers"]


def test_a_reported_preview_token_is_not_logged(client, caplog):
    token = "Zq8v3KxJ0pL7mN2bV5cX9wR4"
    client.post(
        "/csp-rapport/",
        report(document=f"https://portal.example/forhandsvisning/{token}/"),
        content_type="application/csp-report",
    )

    [record] = [r for r in caplog.records if r.name == "portal.security_headers"]
    assert token not in record.getMessage()
    assert "https://portal.example/forhandsvisning/…/" in record.getMessage()
