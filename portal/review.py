"""Review dates: reminders before a page's date, unpublishing past it, "still valid".

Every page type built on `portal.models.ReviewedPageMixin` takes part, in either portal. The
daily job (`manage.py review_content`, portal.tasks.review_content_task) reminds owners
`CONTENT_REVIEW_REMINDER_DAYS` before the date and unpublishes pages whose date has passed; the
stale-content report in the admin lists both (docs/content-review.md). Confirming a page
publishes the content that was live, with its date moved on, and keeps a newer draft a draft.
"""

import calendar
import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.models import ReviewedPageMixin

logger = logging.getLogger(__name__)

UNPUBLISHED = "portal.review.unpublished"
CONFIRMED = "portal.review.confirmed"
# Keeps these tokens apart from every other signed value made with SECRET_KEY.
TOKEN_SALT = "portal.review.still-valid"  # noqa: S105 (a salt, not a secret)


class NotReviewable(Exception):
    """The page is neither live nor unpublished for its date: there is nothing to confirm."""


class OutdatedDate(Exception):
    """The confirmation was for a date the page no longer has: someone was quicker."""


def reminder_days() -> int:
    return getattr(settings, "CONTENT_REVIEW_REMINDER_DAYS", 14)


def link_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "CONTENT_REVIEW_LINK_MAX_AGE_DAYS", 60))


def reviewed_page_models() -> list[type[Page]]:
    """Every concrete page type with a review date, in any app."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, ReviewedPageMixin)
    ]


def add_months(date: datetime.date, months: int) -> datetime.date:
    """`date` moved `months` calendar months on; the 31st becomes the month's last day."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return date.replace(
        year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1])
    )


def next_review_date(page, today: datetime.date | None = None) -> datetime.date:
    """The date a confirmation today gives: the interval from the old date, or from today when
    that has passed, so a late confirmation still buys a whole interval."""
    today = today or timezone.localdate()
    return add_months(max(today, page.review_by), page.review_interval_months)


def reminder_sections(page) -> list[tuple[str, list[str]]]:
    """More for the reminder about `page` from the apps that know something about it, through
    the Wagtail hook `portal_review_reminder_sections` (so portal imports no domain app): each
    hook returns (heading, lines) or None. Page feedback adds the owner's pages that many said
    did not help (citizen_portal.feedback.reminders)."""
    from wagtail import hooks

    sections = []
    for fn in hooks.get_hooks("portal_review_reminder_sections"):
        section = fn(page)
        if section:
            sections.append(section)
    return sections


def reminder_recipient(page) -> str | None:
    owner = page.owner
    if owner is not None and owner.is_active and owner.email:
        return owner.email
    return getattr(settings, "CONTENT_REVIEW_FALLBACK_EMAIL", "") or None


# --- The daily job --------------------------------------------------------------------------


def send_reminders(today: datetime.date | None = None) -> dict[str, list[str]]:
    """Queue one reminder per live page whose date lies within the reminder days and whose owner
    has not been reminded for that date. Returns the titles reminded and those skipped for want
    of an address (they are tried again the next day, and the report lists them)."""
    from portal import outbox
    from portal.review_emails import review_reminder_email

    today = today or timezone.localdate()
    last_day = today + datetime.timedelta(days=reminder_days())
    done = {"reminded": [], "no_recipient": []}
    for model in reviewed_page_models():
        pages = (
            model.objects.live()
            .filter(review_by__gte=today, review_by__lte=last_day)
            .exclude(reminded_for=F("review_by"))
            .select_related("owner")
            .order_by("review_by", "pk")
        )
        for page in pages:
            recipient = reminder_recipient(page)
            if recipient is None:
                logger.warning(
                    "No one to remind about page %s (review by %s): the owner has no e-mail "
                    "address and CONTENT_REVIEW_FALLBACK_EMAIL is empty.",
                    page.pk,
                    page.review_by,
                )
                done["no_recipient"].append(page.title)
                continue
            # The e-mail is stored with reminded_for: a run that fails stores neither, and the
            # next run reminds again.
            with transaction.atomic():
                model.objects.filter(pk=page.pk).update(reminded_for=page.review_by)
                outbox.queue(review_reminder_email(page, recipient), kind="review-reminder")
            done["reminded"].append(page.title)
    return done


def unpublish_stale(today: datetime.date | None = None) -> list[str]:
    """Unpublish every live page whose date has passed, through Wagtail's unpublish action so
    the page history says why. The revision that was live is kept for "still valid"."""
    today = today or timezone.localdate()
    titles = []
    for model in reviewed_page_models():
        for page in model.objects.live().filter(review_by__lt=today).order_by("pk"):
            page.stale_revision_id = page.live_revision_id
            page.stale_since = timezone.now()
            # Saves the whole page, the two fields above with it.
            UnpublishPageAction(page, log_action=UNPUBLISHED).execute(skip_permission_checks=True)
            titles.append(page.title)
    return titles


# --- "Still valid" --------------------------------------------------------------------------


def _with_review_date(page, review_by: datetime.date):
    page.review_by = review_by
    page.reminded_for = None
    page.stale_since = None
    page.stale_revision = None
    return page


def confirm_still_valid(
    page, user, today: datetime.date | None = None, *, for_date: datetime.date | None = None
):
    """The owner says the page is still right: its date moves on by its interval and the
    content that was live is published again (or stays published) with the new date.

    A draft newer than that content is kept as the latest draft, with the new date too: the
    confirmation is about what readers saw, not about unfinished edits. With `for_date` (the
    date the user was shown), OutdatedDate if the page has another date by now. Returns the
    page."""
    if not page.permissions_for_user(user).can_publish():
        raise PermissionDenied
    with transaction.atomic():
        # One confirmation at a time per page: a double click must not move the date twice.
        Page.objects.select_for_update().filter(pk=page.pk).first()
        page = Page.objects.get(pk=page.pk).specific
        if for_date is not None and page.review_by != for_date:
            raise OutdatedDate
        new_date = next_review_date(page, today)
        if page.live:
            # A live page's row holds the live content; drafts are only in revisions.
            published_content = page
            newer_draft = (
                page.latest_revision
                if page.has_unpublished_changes and page.latest_revision_id != page.live_revision_id
                else None
            )
        elif page.stale_since is not None:
            # An editor saving a draft of an unpublished page writes it into the row, so the
            # content that was live comes from the revision kept when it was unpublished.
            stale_revision = page.stale_revision
            if stale_revision is not None:
                published_content = page.with_content_json(stale_revision.content)
                newer_draft = (
                    page.latest_revision if page.latest_revision_id != stale_revision.pk else None
                )
            else:
                published_content, newer_draft = page, None
        else:
            raise NotReviewable
        _with_review_date(published_content, new_date)
        revision = published_content.save_revision(user=user)
        revision.publish(user=user)
        if newer_draft is not None:
            current = Page.objects.get(pk=page.pk).specific
            draft = _with_review_date(current.with_content_json(newer_draft.content), new_date)
            # Drafts may lack required fields until they are published: no validation here.
            draft.save_revision(user=user, clean=False)
        log(instance=page, action=CONFIRMED, user=user, data={"review_by": new_date.isoformat()})
    return Page.objects.get(pk=page.pk).specific


def make_token(page) -> str:
    """The one-click link's token: this page and the date it was reminded about."""
    return signing.dumps(
        {"page": page.pk, "review_by": page.review_by.isoformat()}, salt=TOKEN_SALT
    )


def read_token(token: str) -> tuple[int, datetime.date]:
    """(page id, date) from a token; signing.SignatureExpired past the link's age,
    signing.BadSignature when it was altered."""
    data = signing.loads(token, salt=TOKEN_SALT, max_age=link_max_age())
    try:
        return int(data["page"]), datetime.date.fromisoformat(data["review_by"])
    except (KeyError, TypeError, ValueError) as error:
        raise signing.BadSignature("Malformed review token") from error


# --- The report -----------------------------------------------------------------------------


def _editable_by(model, user):
    pages = model.objects.all()
    if user is None or user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages.filter(pk__in=editable.values("pk"))


def _collect(user, *conditions, **filters) -> list:
    found = []
    for model in reviewed_page_models():
        found += _editable_by(model, user).filter(*conditions, **filters).select_related("owner")
    return sorted(found, key=lambda page: (page.review_by, page.title))


def stale_pages(user=None, today: datetime.date | None = None) -> list:
    """Pages past their date: those the job unpublished, and live ones it has not reached yet.
    Only pages `user` may edit, when a user is given."""
    today = today or timezone.localdate()
    return _collect(user, Q(live=True) | Q(stale_since__isnull=False), review_by__lt=today)


def due_pages(user=None, today: datetime.date | None = None) -> list:
    """Live pages whose date lies within the reminder days."""
    today = today or timezone.localdate()
    return _collect(
        user,
        live=True,
        review_by__gte=today,
        review_by__lte=today + datetime.timedelta(days=reminder_days()),
    )


def publishable_ids(user, pages) -> set[int]:
    """Of `pages`, the ids of those `user` may publish, in one query."""
    if user.is_superuser:
        return {page.pk for page in pages}
    publishable = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return set(publishable.filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True))


def may_edit_pages(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, {"change", "publish"})


LOG_ACTION_LABELS = {
    UNPUBLISHED: (
        _("Avpublicering efter granskningsdatum"),
        _("Avpublicerad automatiskt: granskningsdatumet hade passerat"),
    ),
    CONFIRMED: (
        _("Bekräftad som aktuell"),
        _("Bekräftad: innehållet stämmer fortfarande, nytt granskningsdatum"),
    ),
}
