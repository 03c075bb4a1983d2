"""Background work for citizen pages, run by django-tasks after the data is committed.

The submission is already stored when these run, so a failed e-mail loses nothing: it is
listed in the admin either way, and the task can be retried.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Locale


def _submission(submission_id):
    from .models import FormPageSubmission

    return (
        FormPageSubmission.objects.select_related("page")
        .prefetch_related("attachments")
        .get(pk=submission_id)
    )


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


@task()
def send_form_submission_email(submission_id: int):
    """Tell the receiving unit that a form was submitted: the reference, the answers, and for
    each attached file its name and the admin link (the file itself stays in the portal)."""
    from .attachments import admin_url

    submission = _submission(submission_id)
    page = submission.page.specific
    recipients = page.recipients()
    if not recipients:
        return
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
    EmailMessage(
        subject,
        "\n".join(lines),
        page.from_address or None,
        recipients,
        reply_to=reply_to,
    ).send()


@task()
def send_form_confirmation_email(submission_id: int):
    """The receipt by e-mail, for a resident who asked for it: the reference, the form's title
    and the date, never the answers (an e-mail can end up in the wrong inbox)."""
    submission = _submission(submission_id)
    page = submission.page.specific
    email_field = page.email_field()
    if not submission.confirmation_requested or email_field is None:
        return
    address = submission.form_data.get(email_field.clean_name)
    if not address:
        return
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
    EmailMessage(subject, "\n".join(lines), page.from_address or None, [address]).send()
