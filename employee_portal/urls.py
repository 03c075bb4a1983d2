"""Medarbetarportalen's own views, under `/medarbetare/` before the page tree's routes."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("applikationer/", views.catalogue, name="employee_catalogue"),
    path("sok/", views.search, name="employee_search"),
    path("mina-system/lagg-till/", views.add_application, name="employee_my_systems_add"),
    path("mina-system/ta-bort/", views.remove_application, name="employee_my_systems_remove"),
    path("mina-system/flytta/", views.move_application, name="employee_my_systems_move"),
    path("dokument/", include("employee_portal.documents.urls")),
]
