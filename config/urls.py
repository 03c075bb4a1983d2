"""The root URLconf: each app's own `urls.py`, Wagtail, allauth and the language prefixes.
Swedish is served without a prefix, English under /en/ (`i18n_patterns`)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import security_headers
from portal.health import health
from portal.identity import idle as identity_idle
from portal.identity import logout as identity_logout
from search.sitemaps import PortalSitemap

urlpatterns = [
    path("health/", health, name="health"),
    # What the browsers' Content-Security-Policy blocked, logged (portal.security_headers).
    path("csp-rapport/", security_headers.csp_report, name="csp_report"),
    # Open data, language-neutral: outside i18n_patterns.
    path("api/v1/", include("citizen_portal.diary.api_urls")),
    # The case API for the municipalities' back-office systems (OAuth 2 client credentials).
    path("api/v1/", include("eservices.api.urls")),
    # Wagtail's own password form would skip the second factor: sign in through allauth.
    path(
        "admin/login/",
        RedirectView.as_view(url=settings.LOGIN_URL + "?next=/admin/", query_string=False),
    ),
    # The admin's "Log out" ends the session at the identity provider too.
    path("admin/logout/", identity_logout.logout),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # Preview links: a draft for a reviewer without an account. Outside i18n_patterns, as the
    # page shown speaks its own language (portal.previews).
    path("forhandsvisning/", include("portal.previews.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="theme/robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    # Mina sidor and the diary (steps 2 and 3); the citizen pages are in the tree.
    path("", include("citizen_portal.urls")),
    # Medarbetarportalen's views (catalogue, Mina system, documents); its pages are in the tree.
    path("medarbetare/", include("employee_portal.urls")),
    # Step 3: e-services (/e-tjanster/, cases on /mina-sidor/arenden/) and the handlers' views.
    path("", include("eservices.urls")),
    path("handlaggning/", include("eservices.handler_urls")),
    # allauth's logout, which also ends the session at the identity provider.
    path("accounts/logout/", identity_logout.logout, name="account_logout"),
    # A resident's session: how long is left, continue, and the logout after inactivity.
    path("accounts/session/", identity_idle.session_status, name="identity_session"),
    path("accounts/session/logout/", identity_idle.logout_idle, name="identity_logout_idle"),
    path("accounts/", include("allauth.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A database that cannot be reached answers 503 with Retry-After, anything else 500
# (portal/errors.py).
handler500 = "portal.errors.server_error"
