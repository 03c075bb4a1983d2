"""The section "Sidor där många svarat att sidan inte hjälpte" in the content review reminder
(portal.review_emails, through the hook `portal_review_reminder_sections`): the owner's pages
where, in the last `PAGE_FEEDBACK_UNHELPFUL_DAYS` days, at least
`PAGE_FEEDBACK_UNHELPFUL_MIN_ANSWERS` answered and at least `PAGE_FEEDBACK_UNHELPFUL_SHARE` of
them said "Nej". A reminder is when the owner looks at the page anyway."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import services


def owners_pages(page):
    """The reminded page and the other live pages with the same owner."""
    if page.owner_id is None:
        return Page.objects.filter(pk=page.pk)
    return Page.objects.live().filter(owner_id=page.owner_id) | Page.objects.filter(pk=page.pk)


def unhelpful_pages_section(page) -> tuple[str, list[str]] | None:
    """(heading, lines) for the reminder about `page`, or None when no page qualifies."""
    pages = owners_pages(page)
    found = services.unhelpful_pages(page_ids=pages.values("pk"))
    if not found:
        return None
    days = services.unhelpful_thresholds()[0]
    titles = dict(
        Page.objects.filter(pk__in=[row["page_id"] for row in found]).values_list("pk", "title")
    )
    base = settings.WAGTAILADMIN_BASE_URL
    lines = [
        _("Svaren på frågan ”Var sidan till hjälp?” de senaste %(days)s dagarna:") % {"days": days}
    ]
    for row in sorted(found, key=lambda row: titles.get(row["page_id"], "")):
        lines.append(
            _("”%(title)s”: %(no)s av %(answers)s svarade Nej. Redigera: %(url)s")
            % {
                "title": titles.get(row["page_id"], ""),
                "no": row["no"],
                "answers": row["answers"],
                "url": base + reverse("wagtailadmin_pages:edit", args=[row["page_id"]]),
            }
        )
    lines.append(
        _("Kommentarerna finns i rapporten Sidfeedback: %(url)s")
        % {"url": base + reverse("feedback_report")}
    )
    return _("Sidor där många svarat att sidan inte hjälpte"), lines
