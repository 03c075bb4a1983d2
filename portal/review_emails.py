"""The reminder e-mail of the content review (portal.review, docs/content-review.md): written
into the outbox (portal.outbox) by the daily review and sent by the task worker."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def _admin_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def _location(page) -> str:
    """Where the page sits, by its ancestors' titles: "Medarbetarportalen › Nyheter"."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return " › ".join(ancestor.title for ancestor in ancestors)


def review_reminder_email(page, recipient: str) -> EmailMessage:
    """Remind the page's owner that its date is near: what, where, when, what happens then, and
    the links to edit it or to confirm it in one click."""
    from . import review

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
        ]
        for heading, section_lines in review.reminder_sections(page):
            lines += [heading, *section_lines, ""]
        lines += [
            _("Det här meddelandet går inte att svara på."),
        ]
        subject = _("Granska sidan ”%(title)s” senast %(date)s") % {
            "title": page.title,
            "date": date,
        }
    return EmailMessage(subject, "\n".join(lines), None, [recipient])
