"""Retention (gallring) of requests for official documents: a handled request, with the
requester's contact details, is kept `DOCUMENT_REQUEST_RETENTION_DAYS` days (365 by default)
after it was marked *Hanterad*, then the daily scheduled job `purge_document_requests` deletes
it (docs/diary-requests.md).

An open request is never purged: it still waits for the registrar, and the admin lists it as
overdue. A request the municipality must keep is registered in its diary under the board's
document management plan; the portal's copy is not kept longer than needed (GDPR art. 5.1 e).
Each municipality whose requests were purged gets one row in the audit trail
(portal.audit.access.record_purge): how many, the cut-off, never the contact details. Running
it again removes nothing more.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.audit.access import record_purge
from portal.models import Municipality

from .models import DocumentRequest

KIND = "diary.documentrequest"


def retention_days() -> int:
    return settings.DOCUMENT_REQUEST_RETENTION_DAYS


def cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Requests handled before this moment are past their retention."""
    return (now or timezone.now()) - datetime.timedelta(days=retention_days())


def expired(before: datetime.datetime):
    """The handled requests past their retention (one handled before `handled_at` was
    recorded counts from when it came in)."""
    handled = DocumentRequest.objects.filter(status=DocumentRequest.Status.HANDLED)
    return handled.filter(
        Q(handled_at__lt=before) | Q(handled_at__isnull=True, created_at__lt=before)
    )


def purge_expired_requests(now: datetime.datetime | None = None) -> int:
    """Delete every handled request past its retention. Returns how many went."""
    before = cutoff(now)
    purged = 0
    municipality_ids = expired(before).values_list("municipality_id", flat=True).distinct()
    for municipality in Municipality.objects.filter(pk__in=list(municipality_ids)).order_by("pk"):
        purged += _purge_municipality(municipality, before)
    return purged


@transaction.atomic
def _purge_municipality(municipality: Municipality, before: datetime.datetime) -> int:
    deleted = expired(before).filter(municipality=municipality).delete()[1]
    count = deleted.get(DocumentRequest._meta.label, 0)
    if count:
        record_purge(
            kind=KIND,
            count=count,
            cutoff=before,
            retention=f"{retention_days()} dagar efter att begäran hanterades",
            municipality=municipality.short_name,
        )
    return count
