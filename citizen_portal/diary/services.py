"""Requests for official documents (TF 2 kap.): storing one, then telling the registrar.

The request and its e-mails (in the outbox, portal.outbox) are committed together, and the task
worker sends the e-mails afterwards: a mail server that is down delays them but never loses the
request, which the registrar also sees in the admin.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal import throttle

from .models import DocumentRequest

# A person asks for a handful of documents at a time; a script asks for hundreds. Per client
# address, through the cache (shared by every web process when REDIS_URL is set).
REQUESTS_PER_WINDOW = 10
WINDOW_SECONDS = 600
SCOPE = "diary-request"
REFERENCE_ATTEMPTS = 5


def is_throttled(request) -> bool:
    """Whether this client address has already sent REQUESTS_PER_WINDOW requests in the
    current window."""
    return throttle.used(SCOPE, request, window=WINDOW_SECONDS) >= REQUESTS_PER_WINDOW


def count_request(request) -> None:
    """Count one stored request against the client's address."""
    throttle.hit(SCOPE, request, limit=REQUESTS_PER_WINDOW, window=WINDOW_SECONDS)


def create_request(**fields) -> DocumentRequest:
    """Store a request with the next reference of the year, and with it, in the outbox, the
    e-mail to the registrar and, when the requester gave an address, their confirmation."""
    from .emails import queue_request_emails

    created_at = timezone.now()
    year = timezone.localtime(created_at).year
    attempts_left = REFERENCE_ATTEMPTS
    while True:
        try:
            with transaction.atomic():
                document_request = DocumentRequest.objects.create(
                    reference=DocumentRequest.next_reference(year),
                    created_at=created_at,
                    **fields,
                )
                queue_request_emails(document_request)
            return document_request
        except IntegrityError:
            # Someone else took the reference in the meantime: take the next one.
            attempts_left -= 1
            if not attempts_left:
                raise


def set_status(document_request: DocumentRequest, user) -> None:
    """Keep handled_at and handled_by in step with the status a registrar set: stamped when it
    becomes handled, cleared when it is opened again."""
    if document_request.status == DocumentRequest.Status.HANDLED:
        if document_request.handled_at is None:
            document_request.handled_at = timezone.now()
            document_request.handled_by = user
    else:
        document_request.handled_at = None
        document_request.handled_by = None
