"""The e-mails of a form submission: to the receiving unit, and the receipt for a resident who
asked for one. They are written into the outbox (portal.outbox) in the transaction that stores
the submission, and the task worker sends them; a mail server that is down delays them and
loses nothing, and the submission is listed in the admin either way.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal import outbox


def _answer_text(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is True:
        return _("Ja")
    if value is False:
        return _("Nej")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if value is None:
        return ""
    return str(value)


def queue_form_emails(submission) -> None:
    """Queue the e-mails of a submission just stored (its attachments included)."""
    unit = form_submission_email(submission)
    if unit is not None:
        outbox.queue(unit, kind="form", key=f"form:{submission.reference}:unit")
    receipt = form_confirmation_email(submission)
    if receipt is not None:
        outbox.queue(receipt, kind="form-receipt", key=f"form:{submission.reference}:receipt")


def form_submission_email(submission) -> EmailMessage | None:
    """Tell the receiving unit that a form was submitted: the reference, the answers, and for
    each attached file its name and the admin link (the file itself stays in the portal)."""
    from .attachments import admin_url

    page = submission.page.specific
    recipients = page.recipients()
    if not recipients:
        return None
    data = submission.form_data
    attachments = {a.field_name: a for a in submission.attachments.all()}
    # Staff read the portal in Swedish, whichever language the resident used: the labels come
    # from the Swedish page (a translation's fields keep the same names).
    swedish = page.get_translation_or_none(Locale.get_default()) or page
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("Referensnummer: %(reference)s") % {"reference": submission.reference},
            _("Formulär: %(title)s") % {"title": swedish.title},
            _("Inskickat: %(time)s")
            % {"time": date_format(timezone.localtime(submission.submit_time), "DATETIME_FORMAT")},
            "",
        ]
        if page.locale_id != swedish.locale_id:
            lines.insert(
                3,
                _("Skickat från sidan på %(language)s.")
                % {"language": str(page.locale.get_display_name()).lower()},
            )
        for field in swedish.get_form_fields():
            if field.field_type == "file":
                attachment = attachments.get(field.clean_name)
                if attachment is None:
                    lines.append(f"{field.label}: {_('(ingen fil)')}")
                else:
                    lines.append(f"{field.label}: {attachment.original_name}")
                    lines.append(
                        "  "
                        + _("Hämta filen (kräver inloggning): %(url)s")
                        % {"url": admin_url(attachment)}
                    )
            else:
                lines.append(f"{field.label}: {_answer_text(data.get(field.clean_name, ''))}")
        subject = f"{swedish.subject or swedish.title} ({submission.reference})"
    reply_to = []
    email_field = page.email_field()
    if email_field is not None and data.get(email_field.clean_name):
        reply_to = [data[email_field.clean_name]]
    return EmailMessage(
        subject,
        "\n".join(lines),
        page.from_address or None,
        recipients,
        reply_to=reply_to,
    )


def form_confirmation_email(submission) -> EmailMessage | None:
    """The receipt by e-mail, for a resident who asked for it: the reference, the form's title
    and the date, never the answers (an e-mail can end up in the wrong inbox)."""
    page = submission.page.specific
    email_field = page.email_field()
    if not submission.confirmation_requested or email_field is None:
        return None
    address = submission.form_data.get(email_field.clean_name)
    if not address:
        return None
    with translation.override(page.locale.language_code):
        received = date_format(timezone.localtime(submission.submit_time), "DATE_FORMAT")
        unit = page.receiving_unit()
        lines = [
            _("Hej!"),
            "",
            _("Vi har tagit emot ditt formulär ”%(title)s” den %(date)s.")
            % {"title": page.title, "date": received},
            _("Ditt referensnummer är %(reference)s.") % {"reference": submission.reference},
        ]
        if unit:
            lines.append(_("Det handläggs av %(unit)s.") % {"unit": unit})
        lines += [
            "",
            _("Ange referensnumret om du kontaktar oss om det du skickade."),
            _("Det här meddelandet går inte att svara på."),
        ]
        subject = _("Vi har tagit emot ditt formulär (%(reference)s)") % {
            "reference": submission.reference
        }
    return EmailMessage(subject, "\n".join(lines), page.from_address or None, [address])
