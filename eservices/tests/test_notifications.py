"""E-mails about cases (eservices.notifications): a submission made while the e-mail service is
down is kept, and the e-mail goes out when it is back, once, with a link and no personal data."""

import datetime
import io

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from eservices import services
from eservices.models import Case, EService, Kind, Notification
from eservices.notifications import deliver_notification

from .factories import CHILD, EMMA, preschool_answers

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class MailServerDown(BaseEmailBackend):
    """An SMTP server that refuses every connection."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


def emmas_draft(emma):
    """A preschool application in Åmål, filled in and saved as a draft."""
    eservice = EService.objects.get(kind=Kind.PRESCHOOL, municipality__slug="amal")
    answers = preschool_answers(employer="Dalslands sjukhus")
    del answers["action"], answers["declaration"]
    return Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=emma,
        data={**answers, "applicant_name": "Emma Karlsson"},
    )


def submit(user, case):
    request = RequestFactory().post("/")
    request.user = user
    return services.submit(request, case)


def sweep() -> str:
    out = io.StringIO()
    call_command("send_notifications", stdout=out)
    return out.getvalue()


def test_a_submission_made_while_the_mail_server_is_down_is_kept_and_mailed_when_it_is_back(
    emma, settings, django_capture_on_commit_callbacks
):
    case = emmas_draft(emma)
    settings.OUTBOX_DELIVERY_BACKEND = "eservices.tests.test_notifications.MailServerDown"

    # The immediate task backend tries to send as soon as the submission is committed.
    with django_capture_on_commit_callbacks(execute=True):
        submit(emma, case)

    case = Case.objects.get(pk=case.pk)
    assert case.status == Case.Status.SUBMITTED
    assert case.reference and case.submitted_at
    assert case.data["child_number"] == "20240512-9806"
    notifications = list(Notification.objects.filter(case=case))
    recipients = {n.recipient for n in notifications}
    assert "emma.karlsson@example.se" in recipients
    assert len(notifications) == 3  # the applicant, the other guardian, the municipality
    for notification in notifications:
        assert notification.sent_at is None
        assert notification.next_attempt_at > timezone.now()
    # The first attempt found the server down; the others waited for the sweep instead of
    # keeping the resident waiting for it once per e-mail.
    assert sorted(n.attempts for n in notifications) == [0, 0, 1]
    failed = next(n for n in notifications if n.attempts == 1)
    assert failed.last_error.startswith("ConnectionRefusedError")
    assert mail.outbox == []

    # The mail server is back, but the pause before the next attempt has not passed.
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM
    assert "Skickade: 0." in sweep()
    assert mail.outbox == []

    # It has passed: the scheduler's next run sends each e-mail.
    Notification.objects.filter(case=case).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("run_scheduler", "--once", stdout=io.StringIO())

    sent = [message for message in mail.outbox if message.to[0] in recipients]
    assert sorted(message.to[0] for message in sent) == sorted(recipients)
    to_emma = next(m for m in sent if m.to == ["emma.karlsson@example.se"])
    link = settings.WAGTAILADMIN_BASE_URL + reverse("eservices_case", args=[case.public_id])
    assert link in to_emma.body
    assert case.reference in to_emma.subject
    personal = [
        "Emma",
        "Karlsson",
        "Alva",
        EMMA,
        "19900315-9861",
        CHILD,
        "20240512-9806",
        "070-123 45 67",
        "Dalslands sjukhus",
        "52000",
    ]
    for message in sent:
        text = f"{message.subject}\n{message.body}"
        for detail in personal:
            assert detail not in text, (message.to, detail)
    for notification in Notification.objects.filter(case=case):
        assert notification.sent_at is not None
        assert notification.attempts in (1, 2)
        assert notification.last_error == ""

    # A second sweep, or the original task run late, sends nothing twice.
    count = len(mail.outbox)
    assert "Skickade: 0." in sweep()
    for notification in notifications:
        assert deliver_notification.call(notification.pk) is False
    assert len(mail.outbox) == count


def test_a_submission_is_mailed_at_once_when_the_mail_server_answers(
    emma, django_capture_on_commit_callbacks
):
    case = emmas_draft(emma)

    with django_capture_on_commit_callbacks(execute=True):
        submit(emma, case)

    assert not Notification.objects.filter(case=case, sent_at__isnull=True).exists()
    assert [m.to for m in mail.outbox].count(["emma.karlsson@example.se"]) == 1


class CountingBackend(BaseEmailBackend):
    """A mail server that counts the connections made to it and keeps what it was sent."""

    opened = 0
    sent = []

    def open(self):
        CountingBackend.opened += 1
        return True

    def send_messages(self, email_messages):
        CountingBackend.sent += list(email_messages)
        return len(email_messages)


class RefusingAtConnect(BaseEmailBackend):
    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


def test_the_emails_of_one_submission_go_out_through_one_connection(
    emma, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY_BACKEND = f"{__name__}.CountingBackend"
    CountingBackend.opened, CountingBackend.sent = 0, []
    case = emmas_draft(emma)

    with django_capture_on_commit_callbacks(execute=True):
        submit(emma, case)

    notifications = Notification.objects.filter(case=case)
    assert notifications.count() >= 2
    assert CountingBackend.opened == 1
    assert len(CountingBackend.sent) == notifications.count()
    assert not notifications.filter(sent_at__isnull=True).exists()


def test_when_the_connection_is_refused_the_first_keeps_the_error_and_none_is_lost(
    emma, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY_BACKEND = f"{__name__}.RefusingAtConnect"
    case = emmas_draft(emma)

    with django_capture_on_commit_callbacks(execute=True):
        submit(emma, case)

    notifications = list(Notification.objects.filter(case=case).order_by("pk"))
    assert len(notifications) >= 2
    assert all(n.sent_at is None for n in notifications)
    assert "ConnectionRefusedError" in notifications[0].last_error
    assert notifications[0].attempts == 1
    assert all(n.next_attempt_at is not None for n in notifications)

    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM
    from django.core.cache import cache

    cache.clear()  # the pause after a failure has passed
    Notification.objects.filter(case=case).update(next_attempt_at=timezone.now())
    assert f"Skickade: {len(notifications)}." in sweep()
    assert not Notification.objects.filter(case=case, sent_at__isnull=True).exists()
