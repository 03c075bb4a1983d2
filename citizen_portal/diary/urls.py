"""The diary's pages, under /diarium/ (citizen_portal/urls.py): search, the postlista, a case,
and requests for official documents."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.diary_search, name="diary_search"),
    # Before the case route, which would take `postlista` and `begar-ut` for a municipality.
    path("postlista/", views.diary_postlista, name="diary_postlista"),
    path("begar-ut/", views.diary_request, name="diary_request"),
    path("begar-ut/kvitto/", views.diary_request_receipt, name="diary_request_receipt"),
    # Case numbers hold slashes and spaces (`KS 2025/123`): the last segment is a `path`.
    path(
        "<slug:municipality>/<str:register>/<path:case_number>/",
        views.diary_case,
        name="diary_case",
    ),
]
