"""The handlers' addresses, under /handlaggning/ (config/urls.py). Behind the second factor
(portal.accounts.SECOND_FACTOR_PATHS); cases and files by their random ids."""

from django.urls import path

from . import handler_views as views

urlpatterns = [
    path("", views.index, name="eservices_handler_index"),
    path("arenden/<uuid:case_id>/", views.case_detail, name="eservices_handler_case"),
    path("arenden/<uuid:case_id>/tilldela/", views.assign, name="eservices_handler_assign"),
    path("arenden/<uuid:case_id>/status/", views.change_status, name="eservices_handler_status"),
    path(
        "arenden/<uuid:case_id>/komplettering/",
        views.request_completion,
        name="eservices_handler_completion",
    ),
    path("arenden/<uuid:case_id>/meddelande/", views.message, name="eservices_handler_message"),
    path("arenden/<uuid:case_id>/beslut/", views.decide, name="eservices_handler_decide"),
    path("arenden/<uuid:case_id>/erbjudande/", views.offer, name="eservices_handler_offer"),
    path(
        "arenden/<uuid:case_id>/erbjudande/<uuid:offer_id>/aterkalla/",
        views.withdraw_offer,
        name="eservices_handler_withdraw_offer",
    ),
    path(
        "arenden/<uuid:case_id>/bilagor/<uuid:file_id>/",
        views.attachment,
        name="eservices_handler_attachment",
    ),
    # Last, so that "arenden/" is never taken for an e-service.
    path("<slug:kind>/", views.queue, name="eservices_handler_queue"),
]
