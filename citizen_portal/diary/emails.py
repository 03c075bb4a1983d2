"""The e-mails of a request for official documents: to the registrar, and the confirmation to
the requester. services.create_request writes them into the outbox (portal.outbox) in the
transaction that stores the request; the task worker sends them, and tries again while the mail
server is down."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal import outbox

from .models import DocumentRequest


def queue_request_emails(document_request: DocumentRequest) -> None:
    """Queue the e-mails of a request just stored."""
    reference = document_request.reference
    outbox.queue(
        registrar_email(document_request),
        kind="document-request",
        key=f"document-request:{reference}:registrar",
    )
    confirmation = confirmation_email(document_request)
    if confirmation is not None:
        outbox.queue(
            confirmation,
            kind="document-request-receipt",
            key=f"document-request:{reference}:receipt",
        )


def registrar_email(document_request: DocumentRequest) -> EmailMessage:
    """The request to the registrar of its register, or the municipality's address when the
    register has none, with a link to it in the admin."""
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
    return EmailMessage(subject, body, None, [document_request.registrar_email])


def confirmation_email(document_request: DocumentRequest) -> EmailMessage | None:
    """The confirmation to the requester that the request arrived: the reference and where it
    went, and nothing of the contact details they gave (an e-mail can be read by others)."""
    if not document_request.email:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Vi har tagit emot din begäran %(reference)s") % {
            "reference": document_request.reference
        }
        body = render_to_string(
            "diary/email/request_confirmation.txt", {"document_request": document_request}
        )
    return EmailMessage(subject, body, None, [document_request.email])
