"""The e-mail to a page's owner when a link on the page has turned broken (the daily link check,
citizen_portal.agencies.linkcheck): written into the outbox (portal.outbox) and sent by the task
worker."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _admin_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def broken_link_email(page, links, recipient: str) -> EmailMessage:
    """Tell the page's owner which links on it have stopped working, where to change them, and
    what residents see meanwhile."""
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
    return EmailMessage(subject=subject, body="\n".join(lines), to=[recipient])
