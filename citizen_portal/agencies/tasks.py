"""Background work of the link check (citizen_portal.agencies.linkcheck, docs/agencies.md): the
daily check, and the e-mail to a page's owner when a link on the page has turned broken."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task
from wagtail.models import Page

from portal.review import reminder_recipient

from .linkcheck import run_link_check
from .models import LinkCheck


@task()
def check_links_task() -> dict:
    """The daily link check, for the scheduler (SCHEDULED_JOBS). Returns what it did."""
    return run_link_check()


def _admin_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


@task()
def send_broken_link_notice(page_id: int, link_ids: list[int]):
    """Tell the page's owner which links on it have stopped working, where to change them, and
    what residents see meanwhile. Nothing is sent if the page has been unpublished or the links
    work again by the time the task runs."""
    page = Page.objects.filter(pk=page_id, live=True).select_related("owner").first()
    if page is None:
        return
    links = list(
        LinkCheck.objects.filter(pk__in=link_ids, ok=False, occurrences__page=page).order_by("url")
    )
    recipient = reminder_recipient(page)
    if not links or recipient is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("Hej!"),
            "",
            ngettext(
                "En länk på sidan ”%(title)s” fungerar inte längre:",
                "%(count)s länkar på sidan ”%(title)s” fungerar inte längre:",
                len(links),
            )
            % {"title": page.title, "count": len(links)},
            "",
        ]
        for link in links:
            lines.append(f"- {link.url}")
            lines.append(f"  {link.problem}")
            if link.redirected_to:
                lines.append("  " + _("Leder till: %(url)s") % {"url": link.redirected_to})
        lines += [
            "",
            _(
                "Byt ut eller ta bort länken. Tills den fungerar igen står det ”(länken fungerar "
                "inte just nu)” bredvid den för invånarna."
            ),
            "",
            _("Redigera sidan: %(url)s")
            % {"url": _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))},
            _("Alla trasiga länkar: %(url)s")
            % {"url": _admin_url(reverse("agencies_broken_links"))},
            "",
            _(
                "Du får det här meddelandet för att du är ägare till sidan. Länkkontrollen körs "
                "varje natt, och du får bara ett meddelande per trasig länk."
            ),
        ]
        subject = _("Trasig länk på sidan ”%(title)s”") % {"title": page.title}
    EmailMessage(subject=subject, body="\n".join(lines), to=[recipient]).send()
