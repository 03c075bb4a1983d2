"""Background work of the portal core: the daily content review and its reminder e-mails
(portal.review, docs/content-review.md), run by django-tasks."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Page

from . import review


@task()
def review_content_task() -> dict:
    """The daily review: queue reminders for pages whose date is near, then unpublish those
    whose date has passed. Returns what it did, for the command to print."""
    reminders = review.send_reminders()
    return {**reminders, "unpublished": review.unpublish_stale()}


def _admin_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def _location(page) -> str:
    """Where the page sits, by its ancestors' titles: "Medarbetarportalen › Nyheter"."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return " › ".join(ancestor.title for ancestor in ancestors)


@task()
def send_review_reminder(page_id: int, review_by: str):
    """Remind the page's owner that its date is near: what, where, when, what happens then, and
    the links to edit it or to confirm it in one click. Nothing is sent if the page has been
    confirmed, moved to another date or unpublished since the reminder was queued."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    page = page.specific
    if not page.live or page.review_by.isoformat() != review_by:
        return
    recipient = review.reminder_recipient(page)
    if recipient is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        date = date_format(page.review_by, "DATE_FORMAT")
        day_after = date_format(page.review_by + datetime.timedelta(days=1), "DATE_FORMAT")
        confirm_url = _admin_url(
            reverse("portal_review_confirm_link", args=[review.make_token(page)])
        )
        edit_url = _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        lines = [
            _("Hej!"),
            "",
            _("Sidan ”%(title)s” ska granskas senast %(date)s.")
            % {"title": page.title, "date": date},
            _("Sidtyp: %(type)s") % {"type": page.specific_class._meta.verbose_name},
            _("Plats: %(location)s") % {"location": _location(page)},
        ]
        # The portal's configured address (PORTAL_BASE_URL), as for the admin links: the
        # Site record's host name need not be the one people use.
        url_parts = page.get_url_parts()
        if url_parts:
            lines.append(_("Adress: %(url)s") % {"url": _admin_url(url_parts[2])})
        lines += [
            "",
            _(
                "Om ingen bekräftar sidan avpubliceras den automatiskt den %(date)s. Den syns då "
                "inte längre i portalen och hamnar i rapporten Inaktuellt innehåll tills någon "
                "bekräftar den eller ändrar den."
            )
            % {"date": day_after},
            "",
            _("Stämmer innehållet fortfarande? Bekräfta med ett klick:"),
            _("Ja, sidan stämmer fortfarande: %(url)s") % {"url": confirm_url},
            _(
                "Bekräftar du före datumet blir nästa granskningsdatum %(next)s. Du behöver vara "
                "inloggad i redigeringsverktyget, och länken gäller i %(days)s dagar."
            )
            % {
                "next": date_format(review.next_review_date(page, page.review_by), "DATE_FORMAT"),
                "days": review.link_max_age().days,
            },
            "",
            _("Behöver sidan ändras? Redigera den här: %(url)s") % {"url": edit_url},
            "",
            _("Det här meddelandet går inte att svara på."),
        ]
        subject = _("Granska sidan ”%(title)s” senast %(date)s") % {
            "title": page.title,
            "date": date,
        }
    EmailMessage(subject, "\n".join(lines), None, [recipient]).send()
