"""The outbox: every e-mail the portal sends goes through a stored row, never out of a request.

    outbox.queue(EmailMessage(...), kind="form", key="form:F-2026-0042:unit")

stores the message (`OutgoingEmail`) in the transaction that caused it, so it is committed with
the submission, request or reminder it tells of and disappears with it on a rollback. After the
commit, the task `deliver_email` is queued; the task worker (`manage.py task_worker`) sends it.
When the mail server does not answer, the row keeps the error and the time of the next attempt,
and the scheduler's job `send_emails` (`deliver_due`) tries again with a growing pause. Nothing
is lost while the mail server is down, and nothing is sent twice once it is back: a row is sent
by whoever holds its lock, and marked sent in the same transaction.

E-mails about cases are stored as `eservices.Notification` rows (they belong to the case and
are purged with it) and sent with the same `attempt` and the same pauses.

Everything else Django, allauth and Wagtail send (sign-in codes, password resets, moderation
notices) reaches the outbox too: `EMAIL_BACKEND` is `OutboxEmailBackend`, which stores each
message, and the worker sends it with `OUTBOX_DELIVERY_BACKEND` (the environment's
`EMAIL_BACKEND`, SMTP by default).
"""

import datetime
import logging
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from email.utils import parseaddr
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, connections, transaction
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Minutes to wait before attempt 2, 3, …; the last pause repeats until the e-mail is sent.
RETRY_MINUTES = (1, 5, 15, 60, 240)
# After a failed attempt, newly queued e-mails wait this long for the sweep instead of each
# waiting for a mail server that has just timed out. Short: after a brief outage the worker
# sends again by itself, and the sweep has less to catch up with.
MAIL_DOWN_KEY = "portal:mail-server-down"
MAIL_DOWN_SECONDS = 20
# The sweep takes the due rows in batches of this many, batch after batch while each is sent
# in full, for at most this long, so that a backlog after an outage is sent in one run.
SWEEP_BATCH = 200
SWEEP_SECONDS = 45


def queue(message: EmailMessage, *, kind: str, key: str | None = None) -> OutgoingEmail | None:
    """Store `message` and send it after the commit. With a `key` that is already stored,
    nothing more is stored or sent (the first one stands). Attachments are not supported: an
    e-mail links to the portal, where the file is read after logging in."""
    if message.attachments:
        raise ValueError("The outbox sends no attachments: link to the file in the portal.")
    html = [
        content
        for content, mimetype in getattr(message, "alternatives", [])
        if mimetype == "text/html"
    ]
    fields = {
        "kind": kind,
        "subject": message.subject[:300],
        "body": message.body,
        "html_body": html[0] if html else "",
        "from_email": message.from_email or "",
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
    }
    if key is not None:
        try:
            with transaction.atomic():
                email = OutgoingEmail.objects.create(key=key, **fields)
        except IntegrityError:
            return None
    else:
        email = OutgoingEmail.objects.create(**fields)
    enqueue_on_commit(deliver_email, email.pk)
    return email


def enqueue_on_commit(delivery_task, pk) -> None:
    """Queue `delivery_task` for the row `pk` once the transaction commits; if the task queue
    cannot take it, the scheduler's sweep sends the row."""
    transaction.on_commit(partial(_enqueue, delivery_task, pk))


def _enqueue(delivery_task, pk) -> None:
    try:
        delivery_task.enqueue(pk)
    except Exception:
        logger.exception("Could not queue e-mail %s for the worker; the sweep will send it", pk)


def mail_server_down() -> bool:
    return bool(cache.get(MAIL_DOWN_KEY))


def postpone(model, pk) -> None:
    """Leave an unsent row to the sweep: the mail server was just found down."""
    model.objects.filter(pk=pk, sent_at__isnull=True).update(
        next_attempt_at=timezone.now() + datetime.timedelta(seconds=MAIL_DOWN_SECONDS)
    )


SENT_FIELDS = ["attempts", "sent_at", "last_error"]


def message_id(prefix: str, row) -> str:
    """The Message-ID of the e-mail of a stored row: the same on every attempt, so a mail
    server or mailbox that got it before (the worker stopped between the server's "250 OK" and
    marking the row sent) can tell a resend from a new message."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{prefix}.{row.pk}.{int(row.created_at.timestamp())}@{domain}>"


# How long a worker that has sent an e-mail keeps trying to mark its row sent while the
# database does not answer, before it gives up (and the e-mail may be sent again).
MARK_SENT_PATIENCE_SECONDS = 300


class SentWhileAway(list):
    """The rows sent inside one transaction (`sending`), until that transaction commits."""


@contextmanager
def sending(model):
    """Around the transaction that locks a row, sends its e-mail and marks it sent: if the
    database goes away after the mail server said "250 OK" but before the commit, the mark is
    lost with the transaction, and the sweep would send the e-mail again. So the rows that were
    sent are kept here and marked once the database answers again. Yields the list `attempt`
    adds each sent row to."""
    sent = SentWhileAway()
    try:
        yield sent
    except (OperationalError, InterfaceError):
        if sent:
            mark_sent_when_back(model, list(sent))
        raise


def mark_sent_when_back(model, rows) -> None:
    """Mark `rows` sent, trying again every second while the database does not answer."""
    deadline = time.monotonic() + MARK_SENT_PATIENCE_SECONDS
    connection = connections[model.objects.db]
    while True:
        try:
            if not connection.in_atomic_block:  # a broken connection is opened again
                connection.close_if_unusable_or_obsolete()
            for row in rows:
                model.objects.filter(pk=row.pk, sent_at__isnull=True).update(
                    sent_at=row.sent_at, attempts=row.attempts, last_error=""
                )
        except (OperationalError, InterfaceError):
            if time.monotonic() > deadline:
                logger.error(
                    "%s %s were sent but could not be marked sent: they may be sent again",
                    model.__name__,
                    [row.pk for row in rows],
                )
                return
            if not connection.in_atomic_block:
                connection.close()
            time.sleep(1)
            continue
        logger.warning(
            "%s %s were sent while the database was away, and are now marked sent",
            model.__name__,
            [row.pk for row in rows],
        )
        return


def attempt(row, message: EmailMessage, connection=None, save=True, sent=None) -> bool:
    """Send `message` for the locked, unsent `row` (an OutgoingEmail or a Notification: fields
    attempts, sent_at, next_attempt_at, last_error) and record the outcome on the row. Call it
    inside the transaction that holds the row's lock, within `sending`, whose list is `sent`.
    With `connection` (open, shared by several e-mails), the message goes through it instead of
    a connection of its own. Without `save`, a sent row is left for the caller to save
    (SENT_FIELDS); a failure is always saved."""
    message.connection = connection or get_connection(settings.OUTBOX_DELIVERY_BACKEND)
    try:
        message.send()
    except Exception as exc:  # refused, timed out, no route: try again later
        record_failure(row, exc)
        return False
    row.attempts += 1
    row.sent_at = timezone.now()
    row.last_error = ""
    if sent is not None:
        sent.append(row)
    cache.delete(MAIL_DOWN_KEY)
    if save:
        row.save(update_fields=SENT_FIELDS)
    return True


def record_failure(row, exc: Exception) -> None:
    """Keep on `row` that sending failed with `exc`, and when to try again; tell the other
    deliveries that the mail server is down, so they leave their rows to the sweep."""
    cache.set(MAIL_DOWN_KEY, True, MAIL_DOWN_SECONDS)
    row.attempts += 1
    pause = RETRY_MINUTES[min(row.attempts, len(RETRY_MINUTES)) - 1]
    row.next_attempt_at = timezone.now() + datetime.timedelta(minutes=pause)
    row.last_error = f"{type(exc).__name__}: {exc}"[:300]
    row.save(update_fields=["attempts", "next_attempt_at", "last_error"])
    logger.warning(
        "%s %s not sent (attempt %s), next in %s min: %s",
        type(row).__name__,
        row.pk,
        row.attempts,
        pause,
        type(exc).__name__,
    )


def message_of(email: OutgoingEmail) -> EmailMessage:
    message = EmailMultiAlternatives(
        email.subject,
        email.body,
        email.from_email or None,
        email.to,
        cc=email.cc or None,
        bcc=email.bcc or None,
        reply_to=email.reply_to or None,
        headers={"Message-ID": message_id("utkorg", email)},
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


class OutboxEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND: every message sent with Django's mail functions (allauth's sign-in codes
    and password resets, Wagtail's notices) is stored in the outbox, in the transaction of the
    request, and sent by the worker. A message with attachments, which the outbox cannot store,
    is sent at once with OUTBOX_DELIVERY_BACKEND."""

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            if message.attachments:
                logger.warning("An e-mail with attachments was sent at once: %s", message.subject)
                message.connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND)
                sent += message.send(fail_silently=self.fail_silently)
            else:
                queue(message, kind="other")
                sent += 1
        return sent


@task()
def deliver_email(email_id: int, sweep: bool = False) -> bool:
    """Send one stored e-mail if it is still unsent. Outside the sweep, while the mail server
    was just found down, leave it to the sweep."""
    if not sweep and mail_server_down():
        postpone(OutgoingEmail, email_id)
        return False
    with sending(OutgoingEmail) as sent, transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at__isnull=True)
            .first()
        )
        if email is None:
            return False
        return attempt(email, message_of(email), sent=sent)


def sweep(due_ids: Iterable[int], deliver: Callable[..., bool]) -> dict:
    """Try the due rows one by one; stop at the first failure, since the mail server is down
    and each further try would wait for its timeout (the rest wait for the next sweep)."""
    sent = tried = 0
    for pk in due_ids:
        tried += 1
        if deliver(pk, sweep=True):
            sent += 1
        elif mail_server_down():
            break
    return {"sent": sent, "failed": tried - sent}


def sweep_in_batches(due: Callable[[int], list[int]], deliver: Callable[..., bool]) -> dict:
    """`sweep` over `due(SWEEP_BATCH)` again and again, while each batch is sent in full and
    SWEEP_SECONDS have not passed."""
    started = time.monotonic()
    total = {"sent": 0, "failed": 0}
    while True:
        batch = due(SWEEP_BATCH)
        result = sweep(batch, deliver)
        total["sent"] += result["sent"]
        total["failed"] += result["failed"]
        if (
            len(batch) < SWEEP_BATCH
            or result["failed"]
            or time.monotonic() - started > SWEEP_SECONDS
        ):
            return total


def deliver_due() -> dict:
    """The scheduler's job `send_emails`: every unsent e-mail whose next attempt is due."""

    def due(limit):
        return list(
            OutgoingEmail.objects.filter(sent_at__isnull=True, next_attempt_at__lte=timezone.now())
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )

    return sweep_in_batches(due, deliver_email.call)


def purge_sent(now: datetime.datetime | None = None) -> int:
    """Delete e-mails sent more than OUTBOX_KEEP_SENT_DAYS days ago: a form's e-mail holds the
    resident's answers, which the form submission keeps as long as its own retention says."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
