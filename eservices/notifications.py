"""E-mails about cases: on submission, on a new message and on a change of status.

A notification is a row written in the same transaction as the change it tells of
(`queue`). After the commit a background task sends it, one task and one connection to the mail
server for all the e-mails of one change (`deliver_notifications`), each row marked sent as soon
as the server has taken it; when the mail
server does not answer, the row keeps the error and the time of the next attempt, and
`deliver_due_notifications` (run every minute by the portal's scheduler, or
`manage.py send_notifications`) tries again with a growing pause, as for every other e-mail
(portal.outbox, whose delivery code this shares). Nothing is lost while the mail server is down,
and nothing is sent twice once it has gone.

An e-mail says that something happened and links to the case; it holds no personal details and
nothing of the case itself, which is read after logging in.
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from portal import outbox

logger = logging.getLogger(__name__)


def queue(case, event, recipients):
    """Store one notification per distinct address and send them once the change is committed."""
    queue_many(case, [(event, recipients)])


def queue_many(case, events):
    """`queue` for several [(event, recipients)] of one change: the rows in one INSERT, and
    after the commit one task that sends them all."""
    from .models import Notification

    rows = Notification.objects.bulk_create(
        [
            Notification(case=case, event=event, recipient=recipient)
            for event, recipients in events
            for recipient in dict.fromkeys(r for r in recipients if r)
        ]
    )
    if rows:
        transaction.on_commit(partial(_enqueue_all, [row.pk for row in rows]))


def _enqueue_all(pks):
    """Queue one delivery task for the notifications of a change. If the task queue cannot
    take it, the scheduler's sweep sends the rows (deliver_due_notifications)."""
    try:
        deliver_notifications.enqueue(pks)
    except Exception:
        logger.exception(
            "Could not queue notifications %s for the worker; the sweep sends them", pks
        )


def _url(name, *args):
    return f"{settings.WAGTAILADMIN_BASE_URL}{reverse(name, args=args)}"


# The e-mails to the guardians about offers of a place (eservices.offers).
OFFER_EVENTS = (
    "erbjudande",
    "erbjudande-pamint",
    "erbjudande-svar",
    "erbjudande-upphort",
    "erbjudande-tillbaka",
)


def message_for(notification):
    """(subject, body) in Swedish: what happened and where to read it, nothing more."""
    from .models import Notification

    case = notification.case
    event = Notification.Event
    service = case.eservice.get_kind_display().lower()
    words = case.kind_def.words
    reference = case.reference or ""
    if notification.event in (
        event.HANDLER_NEW_CASE,
        event.HANDLER_MESSAGE,
        event.HANDLER_OFFER_ANSWERED,
    ):
        link = _url("eservices_handler_case", case.public_id)
        if notification.event == event.HANDLER_NEW_CASE:
            subject = str(words.handler_new_case_subject) % {"reference": reference}
            first = str(words.handler_new_case)
        elif notification.event == event.HANDLER_OFFER_ANSWERED:
            subject = _("Erbjudandet är besvarat i ärende %(reference)s") % {"reference": reference}
            first = _(
                "En vårdnadshavare har svarat på erbjudandet om plats i ett ärende om "
                "%(service)s i %(municipality)s."
            )
        else:
            subject = _("Nytt meddelande i ärende %(reference)s") % {"reference": reference}
            first = _("Den sökande har skrivit i ett ärende om %(service)s i %(municipality)s.")
        lines = [
            first % {"service": service, "municipality": case.municipality.short_name},
            "",
            _("Öppna ärendet (inloggning med tvåstegsverifiering krävs):"),
            link,
        ]
        return subject, "\n".join(lines)

    if notification.event == event.DRAFT_REMINDER:
        from .retention import draft_removal_date

        lines = [
            _("Hej!"),
            "",
            _(
                "Du har ett utkast till en ansökan om %(service)s hos %(municipality)s som du "
                "inte har ändrat sedan %(changed)s. Utkast som ingen ändrar tas bort efter en "
                "tid, och det här tas bort den %(removal)s."
            )
            % {
                "service": service,
                "municipality": case.municipality.name,
                "changed": f"{timezone.localdate(case.updated_at):%Y-%m-%d}",
                "removal": f"{draft_removal_date(case):%Y-%m-%d}",
            },
            "",
            _(
                "Vill du behålla det, logga in på Mina sidor med e-legitimation och fortsätta "
                "med ansökan eller spara den igen:"
            ),
            _url("eservices_edit", case.public_id),
            "",
            _("Det här mejlet går inte att svara på."),
        ]
        return _("Ditt utkast tas snart bort"), "\n".join(lines)

    link = _url("eservices_case", case.public_id)
    if notification.event == event.SUBMITTED:
        subject = str(words.mail_received_subject) % {"reference": reference}
        first = str(words.mail_received)
    elif notification.event == event.MESSAGE:
        subject = _("Nytt meddelande i ditt ärende %(reference)s") % {"reference": reference}
        first = _("Du har fått ett meddelande från handläggaren i ditt ärende om %(service)s.")
    elif notification.event == event.CO_APPLICANT:
        subject = str(words.mail_confirm_subject) % {"service": service}
        first = str(words.mail_confirm)
    elif notification.event in OFFER_EVENTS:
        subject, first = _offer_text(notification, case, reference)
        # Already written out; the `%` below finds no placeholder left in it.
    else:
        subject = _("Ditt ärende %(reference)s har fått ny status") % {"reference": reference}
        first = _("Det har hänt något i ditt ärende om %(service)s hos %(municipality)s.")
    lines = [
        _("Hej!"),
        "",
        first % {"service": service, "municipality": case.municipality.name},
        "",
        _("Logga in på Mina sidor med e-legitimation för att läsa mer:"),
        link,
        "",
        _("Det här mejlet går inte att svara på. Skriv till handläggaren på Mina sidor."),
    ]
    return subject, "\n".join(lines)


def _offer_text(notification, case, reference):
    """(subject, first line) of an e-mail to the guardians about an offer of a place: what
    happened and, while it can be answered, by when (eservices.offers)."""
    from .models import Notification, PlacementOffer

    event = Notification.Event
    offer = case.offers.order_by("-offered_at", "-pk").first()
    names = {
        "municipality": case.municipality.name,
        "service": case.eservice.get_kind_display().lower(),
    }
    if notification.event == event.OFFER:
        subject = _("Erbjudande om plats, ärende %(reference)s") % {"reference": reference}
        first = _(
            "%(municipality)s erbjuder ert barn en plats. Logga in och tacka ja eller nej senast "
            "%(date)s."
        ) % {**names, "date": f"{offer.answer_by:%Y-%m-%d}" if offer else ""}
    elif notification.event == event.OFFER_REMINDER:
        from .offers import lapse_date

        day = lapse_date(offer) if offer else None
        subject = _("Påminnelse: svara på erbjudandet om plats, ärende %(reference)s") % {
            "reference": reference
        }
        first = _(
            "Ni har inte svarat på erbjudandet om plats från %(municipality)s. Svara senast "
            "%(date)s, annars upphör erbjudandet."
        ) % {**names, "date": f"{day:%Y-%m-%d}" if day else ""}
    elif notification.event == event.OFFER_ANSWERED:
        subject = _("Erbjudandet om plats är besvarat, ärende %(reference)s") % {
            "reference": reference
        }
        if offer is not None and offer.state == PlacementOffer.State.ACCEPTED:
            first = _("Erbjudandet om plats i %(service)s är antaget. Kommunen fortsätter nu.")
        else:
            first = _("Erbjudandet om plats i %(service)s är avböjt.")
        first %= names
    elif notification.event == event.OFFER_LAPSED:
        subject = _("Erbjudandet om plats har upphört, ärende %(reference)s") % {
            "reference": reference
        }
        first = (
            _("Ingen svarade på erbjudandet om plats från %(municipality)s, så det har upphört.")
            % names
        )
    else:
        subject = _("Erbjudandet om plats är återkallat, ärende %(reference)s") % {
            "reference": reference
        }
        first = _("%(municipality)s har återkallat erbjudandet om plats i %(service)s.") % names
    return subject, first


def email_of(notification, subject, body) -> EmailMessage:
    return EmailMessage(
        subject,
        body,
        to=[notification.recipient],
        headers={"Message-ID": outbox.message_id("arende", notification)},
    )


@task()
def deliver_notification(notification_id: int, sweep: bool = False) -> bool:
    """Send one notification if it is still unsent; on failure keep it for the next attempt.
    Outside the sweep, while the mail server was just found down, leave it for the sweep."""
    return _deliver(notification_id, sweep=sweep)


@task()
def deliver_notifications(notification_ids: list[int]) -> int:
    """Send the notifications of one change (an application: the applicant, the second
    guardian, the municipality's mailbox) through one connection to the mail server. When the
    server does not answer, the first keeps the error and the rest are left to the sweep, so
    the worker waits for the timeout once. Each row is locked, sent and marked sent in a
    transaction of its own, so that a worker stopped half-way has marked what it sent.
    Returns how many were sent."""
    from .models import Notification

    if outbox.mail_server_down():
        for pk in notification_ids:
            outbox.postpone(Notification, pk)
        return 0
    connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND)
    try:
        connection.open()
    except Exception as exc:  # refused, timed out: the first keeps the error, the rest wait
        unsent = Notification.objects.filter(pk__in=notification_ids, sent_at__isnull=True)
        first = unsent.order_by("pk").first()
        if first is not None:
            outbox.record_failure(first, exc)
            for pk in notification_ids:
                if pk != first.pk:
                    outbox.postpone(Notification, pk)
        return 0
    try:
        sent = 0
        for pk in sorted(notification_ids):
            if outbox.mail_server_down():  # the one before failed: the sweep sends the rest
                outbox.postpone(Notification, pk)
                continue
            sent += _deliver(pk, sweep=True, connection=connection)
        return sent
    finally:
        connection.close()


def _deliver(notification_id, *, sweep=False, connection=None) -> bool:
    from .models import Notification

    if not sweep and outbox.mail_server_down():
        outbox.postpone(Notification, notification_id)
        return False

    with outbox.sending(Notification) as sent, transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("case__eservice", "case__municipality")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None or notification.case is None:
            return False
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = message_for(notification)
        return outbox.attempt(
            notification, email_of(notification, subject, body), connection=connection, sent=sent
        )


def deliver_due_notifications() -> dict:
    """Try every unsent notification whose next attempt is due. Returns sent/failed counts."""
    from .models import Notification

    def due(limit):
        return list(
            Notification.objects.filter(
                sent_at__isnull=True, case__isnull=False, next_attempt_at__lte=timezone.now()
            )
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )

    return outbox.sweep_in_batches(due, deliver_notification.call)
