"""Retention (gallring) of web-form submissions: each form page keeps its residents' answers
and attached files for `FormPage.retention_days` days (365 unless the editor sets another
period), then the daily scheduled job `purge_form_submissions` deletes them (docs/forms.md).

What the municipality must keep longer is registered in its case management system, which is
where the record lives under the board's document management plan (dokumenthanteringsplan);
the portal's copy is not kept longer than needed (GDPR art. 5.1 e).

The files go with their rows (`citizen_portal.models.delete_attachment_file`); a file that is
already gone is no error. Each form whose purge removed something leaves one row in the audit
trail (portal.audit.access.record_purge) with the form, the municipality, how many and the
cut-off, never the answers. Running it again removes nothing more.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from portal.audit.access import record_purge

from .models import FormAttachment, FormPage, FormPageSubmission

logger = logging.getLogger(__name__)

KIND = "citizen_portal.formpagesubmission"


def cutoff_for(form: FormPage, now: datetime.datetime) -> datetime.datetime:
    """Submissions sent before this moment are past the form's retention."""
    return now - datetime.timedelta(days=form.retention_days)


def purge_expired_submissions(now: datetime.datetime | None = None) -> int:
    """Delete every submission past its form's retention, with its files. Returns how many."""
    now = now or timezone.now()
    purged = 0
    for form in FormPage.objects.select_related("municipality").order_by("pk"):
        purged += _purge_form(form, cutoff_for(form, now))
    return purged


@transaction.atomic
def _purge_form(form: FormPage, cutoff: datetime.datetime) -> int:
    expired = FormPageSubmission.objects.filter(page_id=form.pk, submit_time__lt=cutoff)
    files = FormAttachment.objects.filter(submission__in=expired).count()
    # Django deletes the attachments row by row first, so each one's file goes with it.
    deleted = expired.delete()[1].get(FormPageSubmission._meta.label, 0)
    if deleted:
        record_purge(
            kind=KIND,
            count=deleted,
            cutoff=cutoff,
            retention=f"{form.retention_days} dagar",
            attachments=files,
            form=form.pk,
            form_title=form.title,
            municipality=form.municipality.short_name if form.municipality_id else "",
        )
    return deleted
