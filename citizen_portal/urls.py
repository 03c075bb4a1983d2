"""Invånarportalen's own addresses beside its pages (config/urls.py includes this in both
languages): Mina sidor and the diary. The pages themselves are served from the page tree."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("mina-sidor/", views.my_pages, name="my_pages"),
    path("mina-sidor/logga-in/", views.my_pages_login, name="my_pages_login"),
    path("diarium/", include("citizen_portal.diary.urls")),
    path("sidfeedback/", include("citizen_portal.feedback.urls")),
]
