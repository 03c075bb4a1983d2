"""Storing a resident's answer, and reading the answers for the report and the review reminder.

The comment box says "Skriv inte personuppgifter", but people do. What is easy to recognise is
masked before anything is stored (GDPR art. 5.1 c, data minimisation): personnummer and
samordningsnummer (6 or 8 digits, an optional - or +, 4 digits; no checksum test, so a mistyped
number is masked too), e-mail addresses and Swedish phone numbers.
"""

import datetime
import re

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from .models import PageFeedback

PERSONAL_IDENTITY_NUMBER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# +46 or a leading 0, then 7–11 more digits with optional spaces or hyphens between them.
PHONE = re.compile(r"(?<![\w+])(?:\+46|0046|0)(?:[\s-]?\d){7,11}(?!\d)")


# Stored, and read by the editors in Swedish whatever the page's language: not translated.
REMOVED_PERSONAL_IDENTITY_NUMBER = "[personnummer borttaget]"
REMOVED_EMAIL = "[e-postadress borttagen]"
REMOVED_PHONE = "[telefonnummer borttaget]"


def mask_personal_data(text: str) -> str:
    """`text` with personal identity numbers, e-mail addresses and phone numbers replaced by a
    note in brackets. Personnummer first: its digits would otherwise pass for a phone number."""
    text = PERSONAL_IDENTITY_NUMBER.sub(REMOVED_PERSONAL_IDENTITY_NUMBER, text)
    text = EMAIL.sub(REMOVED_EMAIL, text)
    return PHONE.sub(REMOVED_PHONE, text)


def record_answer(page, *, helpful: bool, comment: str, language: str) -> PageFeedback:
    """Store one answer for `page` (a specific citizen page), with its municipality, and the
    comment masked. Nothing about who answered is kept."""
    return PageFeedback.objects.create(
        page=page,
        municipality_id=getattr(page, "municipality_id", None),
        language=language,
        helpful=helpful,
        comment=mask_personal_data(comment.strip()),
    )


# --- The review reminder --------------------------------------------------------------------


def unhelpful_thresholds() -> tuple[int, int, float]:
    """(days looked back, fewest answers, smallest share of "Nej") for "many said no"."""
    return (
        getattr(settings, "PAGE_FEEDBACK_UNHELPFUL_DAYS", 90),
        getattr(settings, "PAGE_FEEDBACK_UNHELPFUL_MIN_ANSWERS", 5),
        getattr(settings, "PAGE_FEEDBACK_UNHELPFUL_SHARE", 0.5),
    )


def unhelpful_pages(page_ids=None, today: datetime.date | None = None) -> list[dict]:
    """Pages where many answered "Nej" lately: at least the fewest answers in the period, and at
    least the share of them "Nej". Each as a dict with `page_id`, `answers`, `no`. Only among
    `page_ids` when given."""
    days, min_answers, share = unhelpful_thresholds()
    since = timezone.now() - datetime.timedelta(days=days)
    if today is not None:
        since = timezone.make_aware(
            datetime.datetime.combine(today - datetime.timedelta(days=days), datetime.time())
        )
    answers = PageFeedback.objects.filter(created_at__gte=since)
    if page_ids is not None:
        answers = answers.filter(page_id__in=page_ids)
    rows = (
        answers.values("page_id")
        .annotate(answers=Count("pk"), no=Count("pk", filter=Q(helpful=False)))
        .filter(answers__gte=min_answers)
        .order_by("page_id")
    )
    return [row for row in rows if row["no"] >= share * row["answers"]]
