"""Offers of a preschool place (erbjudande om plats): made, answered, reminded of, lapsed.

Skollagen (2010:800) 8 kap. 14 §: the municipality must offer a place within four months of the
application. The promise is kept by the offer: `make_offer` records the day on the case
(`Case.offered_on`), which stops the four-month clock. A declined or lapsed offer does not start
it again (the guardians said no to a place that was offered); a withdrawn offer does, as the
municipality took it back.

* `make_offer`: a handler on the case page, or a back-office system through the case API,
  offers a place in one of the municipality's own units, with a start date and an answer-by date
  (by default the e-service's `offer_answer_days` ahead).
* `accept` / `decline`: either guardian answers on Mina sidor, signed in with e-ID; the first
  answer counts and the other guardian then sees it. Accepting does not decide the case: the
  placement decision is the handler's (an exercise of public authority, after checking the
  schedule and the income), so an accepted offer moves the case on in the handler's queue.
* `withdraw`: the handler takes an unanswered offer back.
* `remind_and_lapse`: daily. The day after the answer-by date both guardians are reminded; the
  e-service's `offer_grace_days` after the reminder the offer lapses, and by `offer_lapse_rule`
  the application is closed or the child stays in the queue.

Each function changes the case under its row lock and writes the history (`CaseEvent`), the
access log (`CaseLog`) and the e-mails in the same transaction, as eservices.services does; an
offer no longer in the state the page showed raises services.CaseError.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from portal.accounts import user_display

from . import notifications
from .models import Case, CaseEvent, CaseLog, EService, Notification, PlacementOffer, Unit
from .services import CaseError, _applicant_recipients, _event, _lock, _tell_systems, log

logger = logging.getLogger(__name__)

State = PlacementOffer.State
Status = Case.Status
# The e-service whose cases get offers (eservices.kinds.preschool).
KIND = "forskola"
UNIT_TYPES = (Unit.Type.PRESCHOOL, Unit.Type.PEDAGOGICAL_CARE, Unit.Type.AFTER_SCHOOL)
DEFAULT_ANSWER_DAYS = 14


class OfferError(CaseError):
    """An offer that cannot be made as asked: `field` names what is wrong ("unit",
    "start_date", "answer_by", or "" for the case itself), `code` says why."""

    def __init__(self, code, field=""):
        super().__init__(code)
        self.code = code
        self.field = field


def offerable_units(case):
    """The units a place in this case can be offered at: the case's municipality's own (not
    independent) preschools, pedagogical care and after-school centres that are open."""
    return Unit.objects.filter(
        municipality_id=case.municipality_id,
        organiser=Unit.Organiser.MUNICIPAL,
        active=True,
        type__in=UNIT_TYPES,
    ).order_by("type", "name")


def default_answer_by(case, today: datetime.date | None = None) -> datetime.date:
    """The answer-by date the handler's form suggests: the e-service's answer time ahead."""
    today = today or timezone.localdate()
    days = getattr(case.eservice, "offer_answer_days", None) or DEFAULT_ANSWER_DAYS
    return today + datetime.timedelta(days=days)


def can_offer(case) -> bool:
    """Whether a place can be offered in the case now (for showing the form)."""
    return (
        case.eservice.kind == KIND
        and case.is_open
        and not case.awaits_co_applicant
        and not case.offers.filter(state=State.OFFERED).exists()
    )


def open_offer(case) -> PlacementOffer | None:
    return case.offers.filter(state=State.OFFERED).select_related("unit").first()


def _actor(request):
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


def _lock_offer(offer) -> tuple[Case, PlacementOffer]:
    case = _lock(offer.case)
    offer = PlacementOffer.objects.select_related("unit").get(pk=offer.pk)
    return case, offer


@transaction.atomic
def make_offer(
    request,
    case,
    *,
    unit,
    start_date: datetime.date,
    answer_by: datetime.date | None = None,
    role: str = "handläggare",
) -> PlacementOffer:
    """Offer a place in `case` at `unit` from `start_date`, to be answered by `answer_by`
    (default: the e-service's answer time from today). `request` carries the actor: a
    handler, or none (a back-office system through the case API, logged as "system" with
    `role`). Raises OfferError (a services.CaseError) when the case or the values do not
    allow it: not a preschool case, not open, the second guardian has not confirmed, an offer
    already awaits an answer, a unit not the municipality's own, dates in the past or an
    answer-by date after the start."""
    case = _lock(case)
    today = timezone.localdate()
    if case.eservice.kind != KIND:
        raise OfferError("not_preschool")
    if not case.is_open:
        raise OfferError("not_open")
    if case.awaits_co_applicant:
        raise OfferError("co_applicant")
    if case.offers.filter(state=State.OFFERED).exists():
        raise OfferError("already_offered")
    if unit is None or not offerable_units(case).filter(pk=unit.pk).exists():
        raise OfferError("unit", "unit")
    if start_date is None or start_date < today:
        raise OfferError("start_date", "start_date")
    if answer_by is None:
        answer_by = min(default_answer_by(case, today), start_date)
    if answer_by < today:
        raise OfferError("answer_by_past", "answer_by")
    if answer_by > start_date:
        raise OfferError("answer_by_after_start", "answer_by")

    actor = _actor(request)
    offer = PlacementOffer.objects.create(
        case=case,
        unit=unit,
        start_date=start_date,
        answer_by=answer_by,
        offered_by=actor,
        offered_by_label=user_display(actor) if actor else "system",
    )
    previous = case.status
    if case.offered_on is None:
        case.offered_on = today  # the four-month clock stops (skollagen 8 kap. 14 §)
    if case.status in (Status.SUBMITTED, Status.COMPLETED):
        case.status = Status.IN_PROGRESS
    case.save()
    _event(
        case,
        CaseEvent.Type.OFFERED,
        actor,
        comment=_describe(offer),
        from_status=previous if previous != case.status else "",
        to_status=case.status if previous != case.status else "",
    )
    log(request, case, CaseLog.Action.CHANGE, f"erbjöd plats: {_describe(offer)}", role=role)
    notifications.queue(case, Notification.Event.OFFER, _applicant_recipients(case))
    return offer


def _describe(offer) -> str:
    return (
        f"{offer.unit.name}, start {offer.start_date:%Y-%m-%d}, "
        f"svar senast {offer.answer_by:%Y-%m-%d}"
    )


def _role(request, case) -> str:
    actor = _actor(request)
    return "sökande" if actor is not None and actor.pk == case.applicant_id else "medsökande"


def _answer(request, offer, state, event_type, reason="") -> PlacementOffer:
    case, offer = _lock_offer(offer)
    if offer.state != State.OFFERED or not case.is_open:
        raise CaseError("offer not open")
    offer.state = state
    offer.answered_at = timezone.now()
    offer.answered_by = _actor(request)
    offer.decline_reason = reason[:300]
    offer.save()
    _event(case, event_type, offer.answered_by, by_applicant=True, comment=offer.unit.name)
    what = "tackade ja" if state == State.ACCEPTED else "tackade nej"
    _tell_systems(case, "offer.answered")
    log(request, case, CaseLog.Action.CHANGE, f"{what} till erbjudandet", role=_role(request, case))
    handler = case.assigned_to
    notifications.queue_many(
        case,
        [
            (Notification.Event.OFFER_ANSWERED, _applicant_recipients(case)),
            (
                Notification.Event.HANDLER_OFFER_ANSWERED,
                [handler.email if handler and handler.email else case.eservice.notification_email],
            ),
        ],
    )
    return offer


@transaction.atomic
def accept(request, offer) -> PlacementOffer:
    """A guardian accepts the offer (signed in with e-ID: the view sees to it). The case stays
    open for the handler's placement decision. CaseError if it was answered, withdrawn or
    lapsed meanwhile."""
    return _answer(request, offer, State.ACCEPTED, CaseEvent.Type.OFFER_ACCEPTED)


@transaction.atomic
def decline(request, offer, reason="") -> PlacementOffer:
    """A guardian declines the offer, with an optional `reason`. The case stays open: the
    handler decides whether to offer another place or to close it; the four-month clock does
    not start again. CaseError if it was answered, withdrawn or lapsed meanwhile."""
    return _answer(request, offer, State.DECLINED, CaseEvent.Type.OFFER_DECLINED, reason)


@transaction.atomic
def withdraw(request, offer, *, role: str = "handläggare") -> PlacementOffer:
    """The handler takes an unanswered offer back. Without another offer made in the case, the
    four-month clock runs again from the application, as if none had been made."""
    case, offer = _lock_offer(offer)
    if offer.state != State.OFFERED:
        raise CaseError("offer not open")
    offer.state = State.WITHDRAWN
    offer.ended_at = timezone.now()
    offer.save()
    kept = case.offers.exclude(state=State.WITHDRAWN).order_by("offered_at").first()
    case.offered_on = timezone.localdate(kept.offered_at) if kept else None
    case.save()
    _event(case, CaseEvent.Type.OFFER_WITHDRAWN, _actor(request), comment=offer.unit.name)
    log(request, case, CaseLog.Action.CHANGE, "återkallade erbjudandet", role=role)
    notifications.queue(case, Notification.Event.OFFER_WITHDRAWN, _applicant_recipients(case))
    return offer


# The scheduler's job ---------------------------------------------------------------------


def lapse_date(offer) -> datetime.date | None:
    """The day an unanswered offer lapses: the e-service's grace days (at least one) after its
    reminder, which is sent the day after the answer-by date or, if the job was late, later."""
    if offer.reminded_at is None:
        return None
    grace = max(1, offer.case.eservice.offer_grace_days)
    reminded = max(
        timezone.localdate(offer.reminded_at), offer.answer_by + datetime.timedelta(days=1)
    )
    return reminded + datetime.timedelta(days=grace)


def remind_and_lapse(today: datetime.date | None = None) -> dict:
    """Daily (settings.SCHEDULED_JOBS "remind_and_lapse_offers"). Remind both guardians of each
    offer unanswered after its answer-by date, once; lapse each offer reminded of the
    e-service's grace days ago and still unanswered, by the e-service's rule. Safe to run
    twice a day or on two servers: each offer is changed under its case's row lock and only
    from the state it was found in. Returns how many were reminded and lapsed."""
    today = today or timezone.localdate()
    reminded = lapsed = 0
    due = PlacementOffer.objects.filter(
        state=State.OFFERED, reminded_at__isnull=True, answer_by__lt=today
    ).values_list("pk", flat=True)
    for pk in list(due):
        reminded += _remind(pk, today)
    waiting = PlacementOffer.objects.filter(
        state=State.OFFERED, reminded_at__isnull=False
    ).select_related("case__eservice")
    for offer in list(waiting):
        day = lapse_date(offer)
        if day is not None and day <= today:
            lapsed += _lapse(offer.pk)
    if reminded or lapsed:
        logger.info("Placement offers: %s reminded, %s lapsed", reminded, lapsed)
    return {"reminded": reminded, "lapsed": lapsed}


@transaction.atomic
def _remind(pk, today) -> int:
    offer = PlacementOffer.objects.select_related("case").get(pk=pk)
    case, offer = _lock_offer(offer)
    if offer.state != State.OFFERED or offer.reminded_at is not None or offer.answer_by >= today:
        return 0
    offer.reminded_at = timezone.now()
    offer.save(update_fields=["reminded_at"])
    _event(case, CaseEvent.Type.OFFER_REMINDED, comment=offer.unit.name)
    log(None, case, CaseLog.Action.CHANGE, "påminde om erbjudandet", role="system")
    notifications.queue(case, Notification.Event.OFFER_REMINDER, _applicant_recipients(case))
    return 1


@transaction.atomic
def _lapse(pk) -> int:
    offer = PlacementOffer.objects.select_related("case").get(pk=pk)
    case, offer = _lock_offer(offer)
    if offer.state != State.OFFERED or offer.reminded_at is None:
        return 0
    now = timezone.now()
    offer.state = State.LAPSED
    offer.ended_at = now
    offer.save(update_fields=["state", "ended_at"])
    _event(case, CaseEvent.Type.OFFER_LAPSED, comment=offer.unit.name)
    detail = "erbjudandet upphörde utan svar"
    if case.eservice.offer_lapse_rule == EService.OfferLapse.CLOSE and case.is_open:
        previous = case.status
        case.status = Status.CLOSED
        case.closed_at = now
        case.save()
        _event(case, CaseEvent.Type.STATUS, from_status=previous, to_status=case.status)
        detail += "; ansökan avslutad"
    else:
        detail += "; barnet står kvar i kön"
    log(None, case, CaseLog.Action.CHANGE, detail, role="system")
    notifications.queue(case, Notification.Event.OFFER_LAPSED, _applicant_recipients(case))
    return 1
