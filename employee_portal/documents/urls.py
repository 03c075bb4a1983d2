"""The document register, included at `/medarbetare/dokument/` (employee_portal/urls.py)."""

from django.urls import path

from . import views

app_name = "employee_documents"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/fil/", views.download, name="download"),
]
