"""How long the answers are kept: `PAGE_FEEDBACK_RETENTION_MONTHS` (24 by default), then the
daily scheduled job `purge_page_feedback` deletes them. The report needs no more than that, and
an answer that may still hold something personal despite the masking should not stay forever."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import PageFeedback


def retention_months() -> int:
    return getattr(settings, "PAGE_FEEDBACK_RETENTION_MONTHS", 24)


def purge_old_feedback(now: datetime.datetime | None = None) -> int:
    """Delete the answers older than the retention period; returns how many."""
    from portal.review import add_months

    now = now or timezone.now()
    cutoff_date = add_months(now.date(), -retention_months())
    cutoff = now.replace(year=cutoff_date.year, month=cutoff_date.month, day=cutoff_date.day)
    deleted, _ = PageFeedback.objects.filter(created_at__lt=cutoff).delete()
    return deleted
