from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from citizen_portal import views as citizen_views
from citizen_portal.attachments import form_attachment
from citizen_portal.diary import api as diary_api
from citizen_portal.diary import views as diary_views
from search import views as search_views
from search.sitemaps import PortalSitemap

from .health import health

urlpatterns = [
    path("health/", health, name="health"),
    # Open data, language-neutral: outside i18n_patterns.
    path("api/v1/diary/", diary_api.diary_api, name="diary_api"),
    path("api/v1/schema/", diary_api.schema, name="api_schema"),
    # Wagtail's own password form would skip the second factor: sign in through allauth.
    path(
        "admin/login/",
        RedirectView.as_view(url=settings.LOGIN_URL + "?next=/admin/", query_string=False),
    ),
    path("admin/forms/bilagor/<int:pk>/", form_attachment, name="form_attachment"),
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
    path("sok/", search_views.search, name="search"),
    path("sok/forslag/", search_views.suggestions, name="search_suggestions"),
    path("diarium/", diary_views.diary_search, name="diary_search"),
    # Before the case route, which would take `postlista` and `begar-ut` for a municipality.
    path("diarium/postlista/", diary_views.diary_postlista, name="diary_postlista"),
    path("diarium/begar-ut/", diary_views.diary_request, name="diary_request"),
    path(
        "diarium/begar-ut/kvitto/",
        diary_views.diary_request_receipt,
        name="diary_request_receipt",
    ),
    # Case numbers hold slashes and spaces (`KS 2025/123`): the last segment is a `path`.
    path(
        "diarium/<slug:municipality>/<str:register>/<path:case_number>/",
        diary_views.diary_case,
        name="diary_case",
    ),
    # Medarbetarportalen's views (catalogue, Mina system, documents); its pages are in the tree.
    path("medarbetare/", include("employee_portal.urls")),
    # Step 3: e-services (/e-tjanster/, cases on /mina-sidor/arenden/) and the handlers' views.
    path("", include("eservices.urls")),
    path("handlaggning/", include("eservices.handler_urls")),
    path("mina-sidor/", citizen_views.my_pages, name="my_pages"),
    path("mina-sidor/logga-in/", citizen_views.my_pages_login, name="my_pages_login"),
    path("accounts/", include("allauth.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
