"""Retention (gallring): cases are deleted from the e-service once they are no longer needed
here (docs/eservices.md). The case record itself lives on in the municipality's case management
system and archive under its records management plan (dokumenthanteringsplan); what the
e-service keeps is the resident's copy, and personal data is not kept longer than needed
(GDPR art. 5.1 e).

* A closed or withdrawn case goes when its e-service's retention period (`retention_days`,
  counted from `closed_at`) has passed.
* A draft that was never sent goes when nobody has touched it for `DRAFT_RETENTION_DAYS`.
  `DRAFT_REMINDER_DAYS` before that, the resident gets an e-mail saying when, at the address
  the draft gives (`remind_about_old_drafts`, daily); a draft changed since is reminded of
  again before its own date.

With the case go its history, messages, attachments (the files too) and notifications. Its
rows in the case log stay (their link is cleared, the reference kept) and one more is written
for the purge itself, so the log can still answer who saw the case and when it was removed.

Run daily by the portal's scheduler (`SCHEDULED_JOBS`), or `manage.py purge_cases`.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import services
from .models import Case, CaseAttachment, CaseLog, EService

logger = logging.getLogger(__name__)

DRAFT_RETENTION_DAYS = 90
DRAFT_REMINDER_DAYS = 7


def draft_removal_date(draft: Case) -> datetime.date:
    """The day an untouched draft is purged: the first nightly purge (SCHEDULED_JOBS
    "purge_cases", 03:00) at or after its last change plus DRAFT_RETENTION_DAYS. A draft last
    changed at 02:30 goes at 03:00 ninety days later; one changed at 14:30, the night after."""
    due = timezone.localtime(draft.updated_at + datetime.timedelta(days=DRAFT_RETENTION_DAYS))
    purge = settings.SCHEDULED_JOBS.get("purge_cases", {}).get("at", "03:00")
    hour, minute = (int(part) for part in purge.split(":"))
    if due.time() <= datetime.time(hour, minute):
        return due.date()
    return due.date() + datetime.timedelta(days=1)


def remind_about_old_drafts(now: datetime.datetime | None = None) -> int:
    """E-mail each resident whose draft is DRAFT_REMINDER_DAYS from its purge, once per last
    change, where the draft has an e-mail address. Returns how many were reminded."""
    from django.db.models import Exists, OuterRef

    from . import notifications
    from .models import Notification

    now = now or timezone.now()
    due = (
        Case.objects.filter(
            status=Case.Status.DRAFT,
            updated_at__lte=now
            - datetime.timedelta(days=DRAFT_RETENTION_DAYS - DRAFT_REMINDER_DAYS),
            updated_at__gt=now - datetime.timedelta(days=DRAFT_RETENTION_DAYS),
        )
        .exclude(
            Exists(
                Notification.objects.filter(
                    case=OuterRef("pk"),
                    event=Notification.Event.DRAFT_REMINDER,
                    created_at__gte=OuterRef("updated_at"),
                )
            )
        )
        .select_related("eservice", "municipality")
    )
    reminded = 0
    for draft in due:
        address = (draft.data or {}).get("email")
        if not address:
            continue
        with transaction.atomic():
            notifications.queue(draft, Notification.Event.DRAFT_REMINDER, [address])
        reminded += 1
    if reminded:
        logger.info("Reminded %s residents of drafts about to be purged", reminded)
    return reminded


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
