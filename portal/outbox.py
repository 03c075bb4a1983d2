"""The outbox: every e-mail the portal sends goes through a stored row, never out of a request.

    outbox.queue(EmailMessage(...), kind="form", key="form:F-2026-0042:unit")

stores the message (`OutgoingEmail`) in the transaction that caused it, so it is committed with
the submission, request or reminder it tells of and disappears with it on a rollback. After the
commit, the task `deliver_email` is queued; the task worker (`manage.py db_worker`) sends it.
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
from collections.abc import Callable, Iterable
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Minutes to wait before attempt 2, 3, …; the last pause repeats until the e-mail is sent.
RETRY_MINUTES = (1, 5, 15, 60, 240)
# After a failed attempt, newly queued e-mails wait this long for the sweep instead of each
# waiting for a mail server that has just timed out.
MAIL_DOWN_KEY = "portal:mail-server-down"
MAIL_DOWN_SECONDS = 60


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


def attempt(row, message: EmailMessage, connection=None, save=True) -> bool:
    """Send `message` for the locked, unsent `row` (an OutgoingEmail or a Notification: fields
    attempts, sent_at, next_attempt_at, last_error) and record the outcome on the row. Call it
    inside the transaction that holds the row's lock. With `connection` (open, shared by
    several e-mails), the message goes through it instead of a connection of its own. Without
    `save`, a sent row is left for the caller to save (SENT_FIELDS, several rows at once); a
    failure is always saved."""
    message.connection = connection or get_connection(settings.OUTBOX_DELIVERY_BACKEND)
    try:
        message.send()
    except Exception as exc:  # refused, timed out, no route: try again later
        record_failure(row, exc)
        return False
    row.attempts += 1
    cache.delete(MAIL_DOWN_KEY)
    row.sent_at = timezone.now()
    row.last_error = ""
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
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at__isnull=True)
            .first()
        )
        if email is None:
            return False
        return attempt(email, message_of(email))


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


def deliver_due(limit: int = 200) -> dict:
    """The scheduler's job `send_emails`: every unsent e-mail whose next attempt is due."""
    due = (
        OutgoingEmail.objects.filter(sent_at__isnull=True, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sweep(list(due), deliver_email.call)


def purge_sent(now: datetime.datetime | None = None) -> int:
    """Delete e-mails sent more than OUTBOX_KEEP_SENT_DAYS days ago: a form's e-mail holds the
    resident's answers, which the form submission keeps as long as its own retention says."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
