"""Retention (gallring): cases are deleted from the e-service once they are no longer needed
here (docs/eservices.md). The case record itself lives on in the municipality's case management
system and archive under its records management plan (dokumenthanteringsplan); what the
e-service keeps is the resident's copy, and personal data is not kept longer than needed
(GDPR art. 5.1 e).

* A closed or withdrawn case goes when its e-service's retention period (`retention_days`,
  counted from `closed_at`) has passed.
* A draft that was never sent goes when nobody has touched it for `DRAFT_RETENTION_DAYS`.

With the case go its history, messages, attachments (the files too) and notifications. Its
rows in the case log stay (their link is cleared, the reference kept) and one more is written
for the purge itself, so the log can still answer who saw the case and when it was removed.

Run daily by the portal's scheduler (`SCHEDULED_JOBS`), or `manage.py purge_cases`.
"""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import services
from .models import Case, CaseAttachment, CaseLog, EService

logger = logging.getLogger(__name__)

DRAFT_RETENTION_DAYS = 90


def purge_expired_cases(now: datetime.datetime | None = None) -> int:
    """Delete every case past its retention period, logging each. Returns how many went."""
    now = now or timezone.now()
    purged = 0
    for rule, detail in _rules(now):
        for pk in list(Case.objects.filter(rule).values_list("pk", flat=True)):
            purged += _purge(pk, rule, detail)
    if purged:
        logger.info("Purged %s cases past their retention period", purged)
    return purged


def _rules(now):
    """(which cases, why) pairs: closed cases per e-service, then old drafts."""
    for eservice in EService.objects.order_by("pk"):
        yield (
            Q(
                eservice=eservice,
                status__in=Case.FINAL_STATUSES,
                closed_at__lte=now - datetime.timedelta(days=eservice.retention_days),
            ),
            f"gallrat {eservice.retention_days} dagar efter att ärendet avslutades",
        )
    yield (
        Q(
            status=Case.Status.DRAFT,
            updated_at__lte=now - datetime.timedelta(days=DRAFT_RETENTION_DAYS),
        ),
        f"gallrat utkast som inte ändrats på {DRAFT_RETENTION_DAYS} dagar",
    )


@transaction.atomic
def _purge(pk, rule, detail) -> int:
    # Locked and checked again: the applicant may have just saved the draft.
    case = Case.objects.select_for_update().filter(rule, pk=pk).first()
    if case is None:
        return 0
    files = list(case.attachments.values_list("file", flat=True))
    counts = (
        f"{case.events.count()} händelser, {case.messages.count()} meddelanden, "
        f"{len(files)} bilagor, {case.notifications.count()} aviseringar"
    )
    services.log(None, case, CaseLog.Action.PURGE, f"{detail}: {counts}")
    case.delete()
    # The files go only once the rows are gone for good.
    transaction.on_commit(partial(_delete_files, files))
    return 1


def _delete_files(names):
    storage = CaseAttachment._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # a file left behind must not stop the purge
            logger.exception("Could not delete the purged case file %s", name)
