"""The public address of a preview link, outside i18n_patterns: the page it shows speaks its
own language (config/urls.py includes this at /forhandsvisning/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<str:token>/", views.preview, name="preview_link"),
]
