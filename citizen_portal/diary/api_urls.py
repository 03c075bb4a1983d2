"""The diary as open data, under /api/v1/ (config/urls.py): language-neutral, outside the
language prefixes. The OpenAPI schema describes every /api/v1/ address."""

from django.urls import path

from . import api

urlpatterns = [
    path("diary/", api.diary_api, name="diary_api"),
    path("schema/", api.schema, name="api_schema"),
]
