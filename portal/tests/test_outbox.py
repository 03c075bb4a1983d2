"""The outbox (portal.outbox): an e-mail is stored with what caused it, sent after the commit,
kept with its error while the mail server is down, tried again by the sweep, sent once, and
deleted some time after it went. tests/test_mail_server_down.py runs it with the real worker
and a real SMTP server."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from portal import health, outbox
from portal.models import OutgoingEmail

pytestmark = pytest.mark.django_db

SEND = "django.core.mail.backends.locmem.EmailBackend.send_messages"


@pytest.fixture(autouse=True)
def _no_mail_down_mark():
    cache.delete(outbox.MAIL_DOWN_KEY)
    yield
    cache.delete(outbox.MAIL_DOWN_KEY)


def message(to="anna.andersson@example.org", subject="Vi har tagit emot ditt formulär"):
    return EmailMessage(subject, "Ditt referensnummer är F-2026-00042.", None, [to])


def test_an_email_is_stored_and_sent_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        stored = outbox.queue(message(), kind="form-receipt")
        assert mail.outbox == [], "nothing is sent before the commit"
    assert len(callbacks) == 1
    stored.refresh_from_db()
    assert stored.sent_at is not None and stored.attempts == 1
    (sent,) = mail.outbox
    assert sent.to == ["anna.andersson@example.org"]
    assert sent.subject == "Vi har tagit emot ditt formulär"


def test_a_rollback_stores_and_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        sid = transaction.savepoint()
        outbox.queue(message(), kind="form-receipt")
        transaction.savepoint_rollback(sid)
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


def test_the_same_key_gives_one_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = outbox.queue(message(), kind="form", key="form:F-2026-00042:unit")
        again = outbox.queue(message(), kind="form", key="form:F-2026-00042:unit")
    assert first is not None and again is None
    assert OutgoingEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_attachments_are_refused():
    with_file = message()
    with_file.attach("beslut.pdf", b"%PDF-1.7", "application/pdf")
    with pytest.raises(ValueError, match="no attachments"):
        outbox.queue(with_file, kind="form")


def test_a_failure_is_kept_with_its_error_and_the_sweep_sends_it_once_the_pause_is_over(
    django_capture_on_commit_callbacks,
):
    with (
        mock.patch(SEND, side_effect=ConnectionRefusedError(111, "Connection refused")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        first = outbox.queue(message("a@example.org"), kind="form-receipt")
        second = outbox.queue(message("b@example.org"), kind="form-receipt")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.sent_at is None and first.attempts == 1
    assert first.last_error.startswith("ConnectionRefusedError")
    assert first.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
    # The server was just found down: the second did not wait for it, it waits for the sweep.
    assert second.attempts == 0 and second.next_attempt_at > timezone.now()

    assert outbox.deliver_due() == {"sent": 0, "failed": 0}, "not before the pause is over"
    later = timezone.now() + datetime.timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert outbox.deliver_due() == {"sent": 2, "failed": 0}
        assert outbox.deliver_due() == {"sent": 0, "failed": 0}, "sent once"
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert not OutgoingEmail.objects.filter(sent_at=None).exists()


def test_the_pause_grows_with_each_failed_attempt():
    email = OutgoingEmail.objects.create(kind="form", subject="Ämne", body="Text", to=["a@x.se"])
    pauses = []
    with mock.patch(SEND, side_effect=TimeoutError("timed out")):
        for _ in range(7):
            before = timezone.now()
            outbox.deliver_email.call(email.pk, sweep=True)
            email.refresh_from_db()
            pauses.append(round((email.next_attempt_at - before).total_seconds() / 60))
    assert pauses == [1, 5, 15, 60, 240, 240, 240]
    assert email.attempts == 7 and email.sent_at is None


def test_the_sweep_stops_at_the_first_failure():
    for address in ("a@x.se", "b@x.se", "c@x.se"):
        OutgoingEmail.objects.create(kind="form", subject="Ämne", body="Text", to=[address])
    with mock.patch(SEND, side_effect=TimeoutError("timed out")) as send:
        assert outbox.deliver_due() == {"sent": 0, "failed": 1}
    assert send.call_count == 1, "each further try would wait for the timeout too"


def test_sent_emails_are_deleted_after_the_days_kept(settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    now = timezone.now()
    old = OutgoingEmail.objects.create(
        kind="form", subject="s", body="svar", to=["a@x.se"], sent_at=now - datetime.timedelta(31)
    )
    recent = OutgoingEmail.objects.create(
        kind="form", subject="s", body="svar", to=["a@x.se"], sent_at=now - datetime.timedelta(29)
    )
    unsent = OutgoingEmail.objects.create(
        kind="form",
        subject="s",
        body="svar",
        to=["a@x.se"],
        created_at=now - datetime.timedelta(90),
    )
    assert outbox.purge_sent() == 1
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) >= {recent.pk, unsent.pk}
    assert not OutgoingEmail.objects.filter(pk=old.pk).exists()


@override_settings(
    HEALTH_WORKER_STALE_AFTER=300,
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_health_reports_a_worker_that_leaves_tasks_waiting(client):
    from django_tasks_db.models import DBTaskResult

    outbox.deliver_email.enqueue(12345)
    assert client.get("/health/").json()["checks"]["worker"]["status"] == "ok", "just queued"

    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=6))
    response = client.get("/health/")
    assert response.status_code == 200, "reported, the web servers stay in rotation"
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["worker"]["status"] == "error"
    assert health.waiting_tasks() == 1


@override_settings(EMAIL_BACKEND="portal.outbox.OutboxEmailBackend")
def test_what_django_and_allauth_send_goes_through_the_outbox(django_capture_on_commit_callbacks):
    from django.core.mail import send_mail

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_mail(
            "Din inloggningskod",
            "Koden är 482913.",
            None,
            ["emma.karlsson@example.se"],
            html_message="<p>Koden är <b>482913</b>.</p>",
        )
        EmailMessage(
            "Ny sida att granska", "Text", None, [], bcc=["webbredaktion@dalsland.example"]
        ).send()
    assert mail.outbox == [], "stored, not sent inside the request"
    stored, hidden = OutgoingEmail.objects.filter(kind="other").order_by("pk")
    assert stored.to == ["emma.karlsson@example.se"] and stored.sent_at is None
    assert hidden.to == [] and hidden.bcc == ["webbredaktion@dalsland.example"]
    assert "<b>482913</b>" in stored.html_body

    for callback in callbacks:  # the commit: the worker sends it
        callback()
    sent, sent_hidden = mail.outbox
    assert sent_hidden.bcc == ["webbredaktion@dalsland.example"], "a blind copy stays blind"
    assert sent.subject == "Din inloggningskod"
    assert sent.alternatives[0][0] == "<p>Koden är <b>482913</b>.</p>"
    stored.refresh_from_db()
    assert stored.sent_at is not None


def test_an_email_has_the_same_message_id_on_every_attempt(settings):
    settings.DEFAULT_FROM_EMAIL = "Dalslandsportalen <noreply@dalslandsportalen.se>"
    stored = outbox.queue(message(), kind="form-receipt")
    first = outbox.message_of(stored).message()["Message-ID"]
    assert (
        first == outbox.message_of(OutgoingEmail.objects.get(pk=stored.pk)).message()["Message-ID"]
    )
    assert (
        first == f"<utkorg.{stored.pk}.{int(stored.created_at.timestamp())}@dalslandsportalen.se>"
    )
    with mock.patch(SEND, return_value=1):
        outbox.deliver_email.call(stored.pk)
    other = outbox.queue(message(), kind="form-receipt")
    assert outbox.message_of(other).message()["Message-ID"] != first


def test_an_email_sent_just_before_the_database_went_away_is_marked_when_it_is_back():
    """The relay took the e-mail, then the commit failed: the row is marked sent once the
    database answers again, so the sweep does not send it a second time."""
    from django.db.utils import OperationalError

    stored = outbox.queue(message(), kind="form-receipt")

    def commit_fails():
        raise OperationalError("server closed the connection unexpectedly")

    update = OutgoingEmail.objects.filter(pk=stored.pk).update
    calls = []

    def away_once(queryset, **fields):
        calls.append(fields)
        if len(calls) == 1:
            raise OperationalError("could not connect to server: Connection refused")
        return update.__func__(queryset, **fields)

    with (
        mock.patch.object(outbox.time, "sleep") as sleep,
        mock.patch("django.db.models.query.QuerySet.update", away_once),
    ):
        try:
            with outbox.sending(OutgoingEmail) as sent, transaction.atomic():
                row = OutgoingEmail.objects.select_for_update().get(pk=stored.pk)
                assert outbox.attempt(row, outbox.message_of(row), sent=sent)
                commit_fails()
        except OperationalError:
            pass
        else:
            raise AssertionError("the failed commit must be raised")
    assert len(mail.outbox) == 1
    assert sleep.call_count == 1  # waited once for the database
    stored.refresh_from_db()
    assert stored.sent_at is not None and stored.attempts == 1
    assert outbox.deliver_due() == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1, "not sent again"


def test_the_sweep_sends_a_backlog_batch_after_batch(monkeypatch):
    monkeypatch.setattr(outbox, "SWEEP_BATCH", 3)
    for n in range(7):
        OutgoingEmail.objects.create(kind="form", subject=f"Kvitto {n}", body="…", to=["a@b.se"])
    assert outbox.deliver_due() == {"sent": 7, "failed": 0}
    assert len(mail.outbox) == 7
