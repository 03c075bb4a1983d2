"""Included in both languages (citizen_portal/urls.py): /sidfeedback/<page id>/ and
/en/sidfeedback/<page id>/."""

from django.urls import path

from . import views

urlpatterns = [path("<int:page_id>/", views.submit, name="page_feedback")]
