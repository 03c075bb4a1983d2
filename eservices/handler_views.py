"""The handlers' side of the e-services, under `/handlaggning/` (docs/eservices-handling.md).

* `/handlaggning/`: one card per e-service the handler may handle in their municipality, with
  how many cases wait at each step and how many are past or near their deadline;
* `/handlaggning/<kind>/`: the queue, open cases by default, most urgent deadline first;
* `/handlaggning/arenden/<id>/`: everything about one case, and small forms to take it on,
  change its status, request a completion, write to the applicant and record the decision;
* `/handlaggning/arenden/<id>/bilagor/<id>/`: one of the case's files, as a download.

Who sees what is decided in the query: every case is looked up through
`Case.objects.for_handler`, so a case of another municipality, of an e-service the handler
does not handle, or a resident's draft, is 404 (not 403: its existence is not confirmed).
Signed-in users without any case-handling permission get 403; the second factor is demanded
before any of this by portal.accounts.RequireSecondFactorMiddleware, and a session without
one gets 403 here. Every view of a case and
every download is written to the case's access log; every change goes through
eservices.services, which writes the history, the log and the e-mails with it.
"""

import datetime
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.accounts import used_second_factor
from portal.identity.models import EmployeeProfile
from portal.personnummer import InvalidPersonalIdentityNumber, PersonalIdentityNumber

from . import kinds, offers, services
from .answers import answer_sections
from .files import attachment_response
from .handler_forms import (
    CompletionRequestForm,
    DecisionForm,
    HandlerMessageForm,
    OfferForm,
    StatusForm,
)
from .models import Case, CaseLog, PlacementOffer

ROLE = "handläggare"
PER_PAGE = 50
MAX_QUERY_LENGTH = 40
OPEN_CASES = ""
ALL_CASES = "alla"
# The queue's filter for preschool cases whose offer of a place waits for an answer.
AWAITING_ANSWER = "vantar-pa-svar"
Status = Case.Status


# Access --------------------------------------------------------------------------------------


def permitted_kinds(user) -> list[kinds.EServiceKind]:
    """The e-services the user may handle, in the registry's order."""
    return [kind for kind in kinds.all() if user.has_perm(kind.handle_permission)]


def handler_required(view):
    """Anonymous visitors are sent to log in; signed-in users who handle no e-service get 403;
    nothing answered is kept by a browser cache or a proxy."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not permitted_kinds(request.user):
            raise PermissionDenied
        if not used_second_factor(request):
            # portal.accounts.RequireSecondFactorMiddleware has asked every handler it knows of
            # for their second factor before this; a case-handling permission it does not know
            # (a new e-service's) must not open residents' cases without one.
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


def handler_cases(request):
    return Case.objects.for_handler(request.user).select_related(
        "eservice", "municipality", "assigned_to"
    )


def get_case(request, case_id) -> Case:
    """The case, if this handler may see it; 404 otherwise, whatever the reason."""
    return get_object_or_404(
        handler_cases(request).select_related("applicant__citizen_identity", "decided_by"),
        public_id=case_id,
    )


def case_url(case) -> str:
    return reverse("eservices_handler_case", args=[case.public_id])


# Deadlines -----------------------------------------------------------------------------------


@dataclass
class Deadline:
    """A case's time limit as the handler needs to see it (the rule is the case's kind's)."""

    kind: str
    label: str  # what the last day is called: "Beslut senast", "Erbjudande senast"
    rule: str  # the rule, in words, with its law
    template: str  # the time-limit box on the case page
    date: datetime.date | None
    days_left: int | None
    state: str  # "past", "near" or ""
    weeks_late: int
    reduction_fifths: int
    received: datetime.date | None
    clock_started_on: datetime.date | None
    clock_stopped: bool
    decided_on: datetime.date | None
    ended: bool
    # More dates the limit is counted from: [(label, date)] (a preschool's desired start).
    facts: list = field(default_factory=list)
    # What asking for a completion does to the limit (a building permit's three weeks).
    completion_note: str = ""
    # Preschool: the day a place was offered, which keeps the four-month promise.
    offered_on: datetime.date | None = None

    @property
    def days_late(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


def deadline_of(case, today=None) -> Deadline:
    today = today or timezone.localdate()
    kind = case.kind_def
    received = timezone.localdate(case.submitted_at) if case.submitted_at else None
    return Deadline(
        kind=kind.slug,
        label=kind.deadline_label,
        rule=kind.deadline_rule,
        template=kind.deadline_template,
        date=case.deadline,
        days_left=case.days_left(today),
        state=case.deadline_state(today),
        weeks_late=case.weeks_late(today),
        reduction_fifths=case.fee_reduction_fifths(today),
        received=received,
        clock_started_on=case.clock_started_on,
        clock_stopped=kind.clock_stopped(case),
        decided_on=timezone.localdate(case.decided_at) if case.decided_at else None,
        # A case closed or withdrawn without a decision has no time limit left to keep.
        ended=case.status in Case.FINAL_STATUSES and not case.decided_at,
        facts=kind.deadline_facts(case),
        completion_note=kind.completion_note(case, today),
        offered_on=case.offered_on,
    )


def _sort_key(case):
    deadline = case.deadline
    return (deadline is None, deadline or datetime.date.max, case.submitted_at)


# The handler's start page and the queue ------------------------------------------------------


@handler_required
def index(request):
    """One card per e-service the handler may handle: how many cases at each step, how many
    past or near their deadline, and for preschool how many offers of a place wait for an
    answer. Three queries whatever the number of cases."""
    profile = (
        EmployeeProfile.objects.select_related("municipality").filter(user=request.user).first()
    )
    if profile is not None:
        request.user.employee_profile = profile  # for Case.objects.for_handler below
    permitted = permitted_kinds(request.user)
    cases = Case.objects.for_handler(request.user)
    by_status = {
        (row["eservice__kind"], row["status"]): row["n"]
        for row in cases.order_by().values("eservice__kind", "status").annotate(n=Count("pk"))
    }
    today = timezone.localdate()
    cards = {
        kind.slug: {
            "kind": kind.slug,
            "label": kind.name,
            "counts": [
                (Status(status).label, status, by_status.get((kind.slug, status), 0))
                for status in Case.OPEN_STATUSES
            ],
            "past": 0,
            "near": 0,
            "mine": 0,
            "awaiting_answer": None,
        }
        for kind in permitted
    }
    if offers.KIND in cards:
        cards[offers.KIND]["awaiting_answer"] = PlacementOffer.objects.filter(
            case__in=cases.filter(status__in=Case.OPEN_STATUSES, eservice__kind=offers.KIND),
            state=PlacementOffer.State.OFFERED,
        ).count()
    open_cases = cases.filter(status__in=Case.OPEN_STATUSES).select_related("eservice")
    for case in open_cases:
        card = cards[case.eservice.kind]
        state = case.deadline_state(today)
        if state:
            card[state] += 1
        if case.assigned_to_id == request.user.pk:
            card["mine"] += 1
    return render(
        request,
        "eservices/handler/index.html",
        {
            "page_title": _("Handläggning av e-tjänster"),
            "municipality": profile.municipality if profile is not None else None,
            "cards": list(cards.values()),
            "awaiting_answer": AWAITING_ANSWER,
        },
    )


@handler_required
def queue(request, kind):
    """The cases of one e-service, most urgent first: by deadline, then by when they came in.

    Sorted in Python, as the deadline follows each e-service's rule (four months, or the
    desired start if later; ten weeks from a complete application), which is its kind's
    (eservices.kinds) and reached through Case.deadline. The list is bounded by
    one municipality's cases of one e-service within their retention period, a few hundred.
    """
    service = kinds.find(kind)
    if service is None or service not in permitted_kinds(request.user):
        raise Http404
    cases = handler_cases(request).filter(eservice__kind=kind)

    status = request.GET.get("status", OPEN_CASES)
    offering = kind == offers.KIND
    if status == ALL_CASES:
        pass
    elif status == AWAITING_ANSWER and offering:
        cases = cases.filter(offers__state=PlacementOffer.State.OFFERED)
    elif status in Status.values and status != Status.DRAFT:
        cases = cases.filter(status=status)
    else:
        status = OPEN_CASES
        cases = cases.filter(status__in=Case.OPEN_STATUSES)
    mine = request.GET.get("mina") == "1"
    if mine:
        cases = cases.filter(assigned_to=request.user)
    # Without spaces or NUL characters (PostgreSQL refuses a string holding one).
    query = "".join(request.GET.get("q", "").replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    if query:
        cases = cases.filter(reference__icontains=query)

    rows = sorted(cases, key=_sort_key)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("sida"))
    today = timezone.localdate()
    latest_offers = _latest_offers(page) if offering else {}
    entries = [
        {
            "case": case,
            "deadline": deadline_of(case, today),
            "offer": latest_offers.get(case.pk),
        }
        for case in page
    ]
    return render(
        request,
        "eservices/handler/queue.html",
        {
            "page_title": service.name,
            "kind": kind,
            "results_page": page,
            "entries": entries,
            "statuses": [(s, label) for s, label in Status.choices if s != Status.DRAFT],
            "selected_status": status,
            "open_cases": OPEN_CASES,
            "all_cases": ALL_CASES,
            "awaiting_answer": AWAITING_ANSWER if offering else "",
            "mine": mine,
            "query": query,
            "filtered": bool(status != OPEN_CASES or mine or query),
        },
    )


def _latest_offers(cases) -> dict:
    """{case id: its latest offer of a place} for a page of the queue, in one query."""
    latest = {}
    for offer in PlacementOffer.objects.filter(case__in=list(cases)).order_by("offered_at", "pk"):
        latest[offer.case_id] = offer
    return latest


# One case ------------------------------------------------------------------------------------


def _forms(case, bound=None):
    """The action forms for the case's page, unbound unless one came back with errors."""
    return {
        "status_form": StatusForm(case=case, prefix="status"),
        "completion_form": CompletionRequestForm(prefix="komplettering"),
        "message_form": HandlerMessageForm(prefix="meddelande"),
        "decision_form": DecisionForm(prefix="beslut"),
        "offer_form": OfferForm(case=case, prefix="erbjudande")
        if case.eservice.kind == offers.KIND
        else None,
        **(bound or {}),
    }


def render_case(request, case, bound=None):
    """The case's page, logged as viewed: every time the handler sees the applicant's data."""
    services.log(request, case, CaseLog.Action.VIEW, "visade ärendet", role=ROLE)
    identity = getattr(case.applicant, "citizen_identity", None)
    co_applicant_number = ""
    if case.co_applicant_number:
        try:
            co_applicant_number = PersonalIdentityNumber(case.co_applicant_number).display
        except InvalidPersonalIdentityNumber:
            co_applicant_number = case.co_applicant_number
    in_final = case.status in Case.FINAL_STATUSES
    context = {
        "case": case,
        "kind": case.eservice.kind,
        "page_title": case.reference,
        "applicant_name": (identity.full_name if identity else "")
        or case.applicant.get_full_name()
        or _("Namn saknas"),
        "applicant_number": identity.number.display if identity and identity.number else "",
        # A foreign e-ID without a Swedish number: the handler identifies the applicant by the
        # eIDAS node's identifier and the country of the e-ID.
        "applicant_foreign_identifier": identity.foreign_identifier
        if identity and not identity.number
        else "",
        "applicant_country": identity.foreign_country if identity else "",
        "co_applicant_number": co_applicant_number,
        "answers": answer_sections(case),
        "deadline": deadline_of(case),
        "attachments": list(case.attachments.all()),
        "case_messages": list(
            case.messages.select_related("sender").prefetch_related("attachments")
        ),
        "events": list(case.events.select_related("actor")),
        "can_assign": not in_final and case.assigned_to_id != request.user.pk,
        "transitions": Case.HANDLER_TRANSITIONS.get(case.status, ()),
        "can_request_completion": Status.AWAITING_COMPLETION
        in Case.HANDLER_TRANSITIONS.get(case.status, ()),
        "can_message": not in_final,
        "can_decide": case.is_open and not case.awaits_co_applicant,
        "offers": list(case.offers.select_related("unit", "answered_by"))
        if case.eservice.kind == offers.KIND
        else [],
        "can_offer": offers.can_offer(case) if case.eservice.kind == offers.KIND else False,
        "error_form": next((form for form in (bound or {}).values() if form.errors), None),
        **_forms(case, bound),
    }
    return render(request, "eservices/handler/case.html", context)


@handler_required
def case_detail(request, case_id):
    return render_case(request, get_case(request, case_id))


STALE = gettext_lazy(
    "Ärendet har ändrats av någon annan medan du arbetade, så ändringen gjordes inte. Läs "
    "igenom ärendet igen och försök på nytt."
)


def _act(request, case, perform, done):
    """Run a change through eservices.services; a state the case no longer has (someone
    else acted first) becomes a message, not an error page. Back to the case either way."""
    try:
        perform()
    except services.CaseError:
        messages.error(request, STALE)
    else:
        messages.success(request, done)
    return redirect(case_url(case))


@handler_required
@require_POST
def assign(request, case_id):
    case = get_case(request, case_id)
    if case.status in Case.FINAL_STATUSES:
        messages.error(request, _("Ärendet är avslutat och kan inte tilldelas."))
        return redirect(case_url(case))
    if case.assigned_to_id == request.user.pk:
        messages.info(request, _("Ärendet är redan ditt."))
        return redirect(case_url(case))
    return _act(
        request,
        case,
        lambda: services.assign(request, case, request.user),
        _("Ärendet är nu ditt."),
    )


@handler_required
@require_POST
def change_status(request, case_id):
    case = get_case(request, case_id)
    form = StatusForm(request.POST, case=case, prefix="status")
    if not form.is_valid():
        return render_case(request, case, {"status_form": form})
    to_status = form.cleaned_data["status"]
    return _act(
        request,
        case,
        lambda: services.change_status(request, case, to_status, form.cleaned_data["comment"]),
        _("Ärendet har nu statusen %(status)s.") % {"status": Status(to_status).label},
    )


@handler_required
@require_POST
def request_completion(request, case_id):
    case = get_case(request, case_id)
    if Status.AWAITING_COMPLETION not in Case.HANDLER_TRANSITIONS.get(case.status, ()):
        messages.error(request, _("Det går inte att begära komplettering i ärendet nu."))
        return redirect(case_url(case))
    form = CompletionRequestForm(request.POST, prefix="komplettering")
    if not form.is_valid():
        return render_case(request, case, {"completion_form": form})
    return _act(
        request,
        case,
        lambda: services.change_status(
            request, case, Status.AWAITING_COMPLETION, form.cleaned_data["comment"]
        ),
        _("Kompletteringen är begärd. Den sökande har fått ett meddelande om vad som saknas."),
    )


@handler_required
@require_POST
def message(request, case_id):
    case = get_case(request, case_id)
    if case.status in Case.FINAL_STATUSES:
        messages.error(request, _("Ärendet är avslutat. Det går inte att skriva i det."))
        return redirect(case_url(case))
    form = HandlerMessageForm(request.POST, request.FILES, prefix="meddelande")
    if not form.is_valid():
        return render_case(request, case, {"message_form": form})
    attachment = form.cleaned_data.get("attachment")
    return _act(
        request,
        case,
        lambda: services.handler_message(
            request, case, form.cleaned_data["body"], [attachment] if attachment else []
        ),
        _("Meddelandet är skickat."),
    )


@handler_required
@require_POST
def decide(request, case_id):
    case = get_case(request, case_id)
    if not case.is_open:
        messages.error(request, _("Ärendet är inte öppet. Det går inte att besluta i det."))
        return redirect(case_url(case))
    if case.awaits_co_applicant:
        messages.error(
            request,
            _(
                "Den andra vårdnadshavaren har inte bekräftat ansökan ännu. Beslut kan fattas "
                "när båda står bakom den."
            ),
        )
        return redirect(case_url(case))
    form = DecisionForm(request.POST, request.FILES, prefix="beslut")
    if not form.is_valid():
        return render_case(request, case, {"decision_form": form})
    return _act(
        request,
        case,
        lambda: services.decide(
            request,
            case,
            form.cleaned_data["outcome"],
            form.cleaned_data["text"],
            form.cleaned_data.get("document"),
        ),
        _("Beslutet är registrerat och den sökande har fått besked."),
    )


@handler_required
def attachment(request, case_id, file_id):
    """One of the case's files, as a download (never inline: a file is not trusted to be
    what it says). Found through the case, so only a case the handler may see gives files."""
    case = get_case(request, case_id)
    stored = get_object_or_404(case.attachments, public_id=file_id)
    response = attachment_response(stored)
    detail = f"{stored.get_type_display()}: {stored.original_name}"
    services.log(request, case, CaseLog.Action.DOWNLOAD, detail, role=ROLE)
    return response


OFFER_ERRORS = {
    "unit": gettext_lazy("Välj en av kommunens enheter i listan."),
    "start_date": gettext_lazy("Startdatumet har redan varit. Välj ett senare datum."),
    "answer_by_past": gettext_lazy("Sista svarsdagen har redan varit. Välj ett senare datum."),
    "answer_by_after_start": gettext_lazy("Sista svarsdagen kan inte vara efter startdatumet."),
}


@handler_required
@require_POST
def offer(request, case_id):
    """Offer a place (eservices.offers.make_offer). A wrong value comes back on the form with
    what was typed; a case that no longer allows an offer gets a message."""
    case = get_case(request, case_id)
    if case.eservice.kind != offers.KIND:
        raise Http404
    if not offers.can_offer(case):
        messages.error(request, _("Det går inte att erbjuda en plats i ärendet nu."))
        return redirect(case_url(case))
    form = OfferForm(request.POST, case=case, prefix="erbjudande")
    if not form.is_valid():
        return render_case(request, case, {"offer_form": form})
    try:
        offers.make_offer(
            request,
            case,
            unit=form.cleaned_data["unit"],
            start_date=form.cleaned_data["start_date"],
            answer_by=form.cleaned_data["answer_by"],
            role=ROLE,
        )
    except offers.OfferError as error:
        if error.field:
            form.add_error(error.field, OFFER_ERRORS.get(error.code, STALE))
            return render_case(request, case, {"offer_form": form})
        messages.error(request, STALE)
    else:
        messages.success(
            request,
            _("Erbjudandet är skickat. Vårdnadshavarna svarar på Mina sidor senast %(date)s.")
            % {"date": f"{form.cleaned_data['answer_by']:%Y-%m-%d}"},
        )
    return redirect(case_url(case))


@handler_required
@require_POST
def withdraw_offer(request, case_id, offer_id):
    case = get_case(request, case_id)
    offer = get_object_or_404(case.offers, public_id=offer_id)
    return _act(
        request,
        case,
        lambda: offers.withdraw(request, offer, role=ROLE),
        _("Erbjudandet är återkallat. Vårdnadshavarna har fått besked."),
    )
