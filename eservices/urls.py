"""The residents' addresses: /e-tjanster/ (what each municipality offers, applying) and the
cases on Mina sidor (/mina-sidor/arenden/…). Cases and files are addressed by random ids,
never by running numbers, so an address reveals nothing and cannot be guessed."""

from django.urls import path

from . import views

urlpatterns = [
    path("e-tjanster/", views.index, name="eservices_index"),
    path("e-tjanster/<slug:kind>/", views.start, name="eservices_start"),
    path("e-tjanster/<slug:kind>/ansok/", views.apply, name="eservices_apply"),
    path("mina-sidor/mina-uppgifter.json", views.my_data, name="eservices_my_data"),
    path("mina-sidor/arenden/<uuid:case_id>/", views.case_detail, name="eservices_case"),
    path("mina-sidor/arenden/<uuid:case_id>/andra/", views.edit, name="eservices_edit"),
    path("mina-sidor/arenden/<uuid:case_id>/kvitto/", views.receipt, name="eservices_receipt"),
    path(
        "mina-sidor/arenden/<uuid:case_id>/meddelande/",
        views.message,
        name="eservices_message",
    ),
    path(
        "mina-sidor/arenden/<uuid:case_id>/aterkalla/",
        views.withdraw,
        name="eservices_withdraw",
    ),
    path(
        "mina-sidor/arenden/<uuid:case_id>/ta-bort/",
        views.delete_draft,
        name="eservices_delete_draft",
    ),
    path(
        "mina-sidor/arenden/<uuid:case_id>/bekrafta/",
        views.confirm,
        name="eservices_confirm",
    ),
    path(
        "mina-sidor/arenden/<uuid:case_id>/erbjudande/<uuid:offer_id>/",
        views.offer_receipt,
        name="eservices_offer_receipt",
    ),
    path(
        "mina-sidor/arenden/<uuid:case_id>/erbjudande/<uuid:offer_id>/<slug:answer>/",
        views.answer_offer,
        name="eservices_answer_offer",
    ),
    path(
        "mina-sidor/arenden/<uuid:case_id>/bilagor/<uuid:file_id>/",
        views.attachment,
        name="eservices_attachment",
    ),
]
