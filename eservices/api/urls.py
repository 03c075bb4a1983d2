"""The case API under /api/v1/ (config/urls.py), outside the language prefixes: the token
endpoint of django-oauth-toolkit (client credentials only; none of its other views is routed)
and the cases. The OpenAPI schema at /api/v1/schema/ describes them (eservices.api.schema)."""

from django.urls import path
from oauth2_provider.views import TokenView

from . import views

urlpatterns = [
    path("oauth/token/", TokenView.as_view(), name="case_api_token"),
    path("cases/", views.case_list, name="case_api_cases"),
    path("cases/<str:reference>/", views.case_detail, name="case_api_case"),
    path(
        "cases/<str:reference>/attachments/<str:file_id>/",
        views.attachment,
        name="case_api_attachment",
    ),
    path("cases/<str:reference>/acknowledge/", views.acknowledge, name="case_api_acknowledge"),
    path("cases/<str:reference>/status/", views.status, name="case_api_status"),
    path("cases/<str:reference>/messages/", views.message, name="case_api_messages"),
    path(
        "cases/<str:reference>/completion-requests/",
        views.completion_request,
        name="case_api_completion_requests",
    ),
    path("cases/<str:reference>/decision/", views.decision, name="case_api_decision"),
    path("cases/<str:reference>/offers/", views.offer, name="case_api_offers"),
]
