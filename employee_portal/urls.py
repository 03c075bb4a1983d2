"""Medarbetarportalen's own views, under `/medarbetare/` before the page tree's routes."""

from django.urls import include, path

urlpatterns = [
    path("dokument/", include("employee_portal.documents.urls")),
]
