"""Background work for requests for official documents, run by django-tasks after the request
is committed (services.create_request). Each task reads the stored request, so a retry after a
failed e-mail sends what was asked for, and a failure raises so the worker logs it."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import DocumentRequest


def _load(request_id: int) -> DocumentRequest:
    return DocumentRequest.objects.select_related("municipality", "register").get(pk=request_id)


@task()
def send_request_to_registrar(request_id: int):
    """Send the request to the registrar of its register, or the municipality's address when
    the register has none, with a link to it in the admin."""
    document_request = _load(request_id)
    with translation.override(settings.LANGUAGE_CODE):
        admin_path = reverse("document_requests:edit", args=[document_request.pk])
        subject = _("Begäran om allmän handling %(reference)s") % {
            "reference": document_request.reference
        }
        body = render_to_string(
            "diary/email/request_registrar.txt",
            {
                "document_request": document_request,
                "admin_url": settings.WAGTAILADMIN_BASE_URL + admin_path,
            },
        )
    send_mail(subject, body, None, [document_request.registrar_email])


@task()
def send_request_confirmation(request_id: int):
    """Confirm to the requester that the request arrived: the reference and where it went, and
    nothing of the contact details they gave (an e-mail can be read by others)."""
    document_request = _load(request_id)
    if not document_request.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Vi har tagit emot din begäran %(reference)s") % {
            "reference": document_request.reference
        }
        body = render_to_string(
            "diary/email/request_confirmation.txt", {"document_request": document_request}
        )
    send_mail(subject, body, None, [document_request.email])
