"""The residents' side of the e-services: what each municipality offers (/e-tjanster/),
applying with drafts, and following one's cases on Mina sidor.

Every case is looked up through `Case.objects.for_applicant(request.user)`: a case that is not
the resident's own does not exist for them (404), whoever guesses its address. Every look and
every change is written to the case's log.
"""

import json
import uuid
from collections import defaultdict
from functools import partial

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal import lookups
from portal.identity.citizens import citizen_identity, e_id_login
from portal.models import Municipality

from . import kinds, offers, services
from .answers import answer_sections, choice_labels, ranked_unit_ids
from .files import attachment_response
from .forms import CompletionForm, DeclineOfferForm, MessageForm, WithdrawForm
from .models import Case, CaseAttachment, CaseLog, EService, PlacementOffer, Unit


def _kind(slug) -> kinds.EServiceKind:
    """The e-service of a URL's slug; 404 for one that is not registered."""
    kind = kinds.find(slug)
    if kind is None:
        raise Http404
    return kind


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def citizen_required(view):
    """E-ID login required: others are sent to the e-ID login and back here afterwards."""

    def wrapped(request, *args, **kwargs):
        identity = citizen_identity(request)
        if identity is None:
            return e_id_login(
                request,
                _(
                    "Du är inloggad som medarbetare. E-tjänsterna är till för dig som "
                    "invånare: logga in med e-legitimation."
                ),
            )
        request.identity = identity
        # Case.objects.for_applicant reads it from the user: not fetched twice.
        request.user.citizen_identity = identity
        return _private(view(request, *args, **kwargs))

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return never_cache(wrapped)


# Public pages ----------------------------------------------------------------------------


def _offered():
    """{municipality: [e-services]} for the open e-services, in the municipalities' order."""
    offered = defaultdict(list)
    for eservice in EService.objects.filter(active=True).select_related(
        "municipality", "service_page"
    ):
        offered[eservice.municipality].append(eservice)
    return dict(offered)


def _usable(request, eservices):
    """The e-services the signed-in resident can use: without a Swedish number (a foreign
    e-ID), not those that need one. Everyone else sees them all."""
    identity = citizen_identity(request)
    return [eservice for eservice in eservices if eservice.open_to(identity)]


def index(request):
    offered = {
        municipality: usable
        for municipality, eservices in _offered().items()
        if (usable := _usable(request, eservices))
    }
    municipalities = sorted(offered, key=lambda m: (m.sort_order, m.name))
    return render(
        request,
        "eservices/index.html",
        {
            "page_title": _("E-tjänster"),
            "municipalities": [(m, offered[m]) for m in municipalities],
            # For a foreign e-ID, only the e-services they can use (the others need a number).
            "kinds": [
                kind
                for kind in kinds.all()
                if any(e.kind == kind.slug for usable in offered.values() for e in usable)
            ]
            if _is_foreign(request)
            else kinds.all(),
            "foreign_eid": _is_foreign(request),
        },
    )


def _is_foreign(request) -> bool:
    identity = citizen_identity(request)
    return identity is not None and not identity.has_swedish_number


def start(request, kind):
    kind = _kind(kind)
    offered = list(
        EService.objects.filter(kind=kind.slug, active=True)
        .select_related("municipality", "service_page")
        .order_by("municipality__sort_order", "municipality__name")
    )
    eservices = _usable(request, offered)
    return render(
        request,
        "eservices/start.html",
        {
            "page_title": kind.name,
            "kind": kind,
            "eservices": eservices,
            # For a foreign e-ID: the municipalities whose e-service needs a Swedish number.
            "not_usable": [eservice for eservice in offered if eservice not in eservices],
        },
    )


# Applying ---------------------------------------------------------------------------------


def _eservice_for(kind, municipality_slug) -> EService | None:
    """The municipality's active e-service of this kind, with its municipality: from memory
    after the first time, until an e-service or a municipality is saved (portal/lookups.py)."""
    if not municipality_slug or "\x00" in municipality_slug:
        # No slug holds a NUL, and PostgreSQL refuses to look one up.
        return None
    eservice = lookups.remembered(
        EService,
        ("eservice", kind.slug, municipality_slug),
        lambda: EService.objects.filter(
            kind=kind.slug, active=True, municipality__slug=municipality_slug
        ).first(),
    )
    if eservice is not None:
        eservice.municipality = lookups.municipality_by_id(eservice.municipality_id)
    return eservice


def _latest_contact(user) -> dict:
    """The e-mail and phone of the resident's latest application, to save them typing again."""
    latest = Case.objects.filter(applicant=user).order_by("-created_at").values("data").first()
    data = latest["data"] if latest else {}
    return {key: data.get(key, "") for key in ("email", "phone") if data.get(key)}


@citizen_required
def apply(request, kind):
    kind = _kind(kind)
    identity = request.identity
    if identity.protected_identity:
        return _protected(request, kind)
    if kind.municipality_from_answers:
        # The answers decide the municipality (a building permit's property); any open
        # e-service of the kind starts the form, one the resident can use if there is one.
        eservice = _eservice_for(kind, request.GET.get("kommun"))
        if eservice is None:
            offered = list(
                EService.objects.filter(kind=kind.slug, active=True).select_related("municipality")
            )
            eservice = next((e for e in offered if e.open_to(identity)), None) or next(
                iter(offered), None
            )
        if eservice is None:
            raise Http404
    else:
        eservice = _eservice_for(kind, request.GET.get("kommun"))
        if eservice is None:
            return redirect("eservices_start", kind=kind.slug)
    if not eservice.open_to(identity):
        return _needs_swedish_number(request, kind, eservice)
    if request.method == "POST":
        return _handle_post(request, eservice, case=None)
    form = kind.form_class(
        initial=_latest_contact(request.user),
        municipality=eservice.municipality,
        applicant_number=identity.personal_identity_number or "",
    )
    return _render_form(request, eservice, form, case=None, submission_key=uuid.uuid4())


@citizen_required
def edit(request, case_id):
    if request.method == "POST" and request.POST.get("action") == AUTOSAVE:
        # A background save that set out before the application was sent: nothing to do.
        sent = Case.objects.filter(public_id=case_id, applicant=request.user).exclude(
            status=Case.Status.DRAFT
        )
        if sent.exists():
            return JsonResponse({"saved": False, "sent": True})
    case = _own_draft(request, case_id)
    if not case.eservice.open_to(request.identity):
        # The e-service came to need a Swedish number after the draft was saved.
        return _needs_swedish_number(request, case.kind_def, case.eservice)
    if request.method == "POST":
        return _handle_post(request, case.eservice, case=case)
    form = case.kind_def.form_class(
        initial=case.data,
        municipality=case.municipality,
        applicant_number=request.identity.personal_identity_number or "",
    )
    return _render_form(request, case.eservice, form, case=case, submission_key=case.submission_key)


def _own_draft(request, case_id) -> Case:
    return get_object_or_404(
        Case.objects.select_related("eservice", "municipality"),
        public_id=case_id,
        applicant=request.user,
        status=Case.Status.DRAFT,
    )


def _protected(request, kind):
    municipalities = Municipality.objects.order_by("sort_order", "name")
    return render(
        request,
        "eservices/protected.html",
        {"page_title": kind.name, "kind": kind, "municipalities": municipalities},
    )


def _needs_swedish_number(request, kind, eservice):
    """For a resident signed in with a foreign e-ID and no Swedish number, at an e-service
    that needs one: how to apply instead, and where, rather than a form that cannot be sent."""
    return render(
        request,
        "eservices/needs_swedish_number.html",
        {
            "page_title": kind.name,
            "kind": kind,
            "eservice": eservice,
            "municipality": eservice.municipality,
            "identity": request.identity,
        },
    )


def _render_form(request, eservice, form, *, case, submission_key, status=200):
    kind = eservice.kind_def
    stored = list(case.attachments.filter(type=CaseAttachment.Type.APPLICATION)) if case else []
    return render(
        request,
        "eservices/apply.html",
        {
            "page_title": kind.form_title
            or _("Ansök: %(service)s") % {"service": str(kind.name).lower()},
            "kind": kind,
            "eservice": eservice,
            "form": form,
            "case": case,
            "stored_files": stored,
            "submission_key": submission_key,
        },
        status=status,
    )


def _handle_post(request, eservice, case):
    """Save what was typed as a draft (always) and, in the same transaction, submit it if asked
    and valid (eservices.services: application_for_key, save_draft).

    A new form carries a random `submission_key`; the draft made from it keeps that key, so the
    same form sent twice (a double click, a reload) finds the same case instead of a second,
    and a form sent again after it was submitted shows the first send's receipt."""
    identity = request.identity
    submitting = request.POST.get("action") == "submit"
    autosaving = request.POST.get("action") == AUTOSAVE
    try:
        key = uuid.UUID(request.POST.get("submission_key", ""))
    except ValueError:
        key = uuid.uuid4()
    try:
        if case is None:
            case = services.application_for_key(request.user, key)
        form = eservice.kind_def.form_class(
            request.POST,
            request.FILES,
            municipality=eservice.municipality,
            applicant_number=identity.personal_identity_number or "",
            stored_files=services.application_files(case),
        )
        case, eservice = services.save_draft(
            request, eservice, form, case=case, key=key, submitting=submitting, automatic=autosaving
        )
    except services.AlreadySent as sent:
        if autosaving:  # a save that arrived after the application was sent: nothing to do
            return JsonResponse({"saved": False, "sent": True})
        return redirect("eservices_receipt", case_id=sent.case.public_id)
    except Case.DoesNotExist:
        raise Http404 from None

    if autosaving:
        return _autosaved(case, refused=form.refuses_null_characters())

    if not submitting and form.refuses_null_characters():
        form.show_only_null_character_errors()
        messages.info(
            request,
            _(
                "Utkastet är sparat utan null-tecknen, som inte är tillåtna. Kontrollera fälten "
                "som är markerade."
            ),
        )
        return _render_form(request, eservice, form, case=case, submission_key=key, status=400)
    if not submitting:
        messages.success(
            request,
            _("Utkastet är sparat. Du hittar det under Mina sidor och kan fortsätta när du vill."),
        )
        return redirect("eservices_edit", case_id=case.public_id)
    if not form.is_valid():
        messages.info(
            request,
            _("Ansökan är inte inskickad. Det du har skrivit är sparat som ett utkast."),
        )
        return _render_form(request, eservice, form, case=case, submission_key=key, status=400)
    return redirect("eservices_receipt", case_id=case.public_id)


# The `action` of a save the form's script makes in the background while the resident types
# (eservices/static/eservices/autosave.js); answered with JSON instead of a page.
AUTOSAVE = "autosave"


def _autosaved(case, *, refused: bool) -> JsonResponse:
    """What the form's script announces after a background save: the time, in the page's
    language, and where the draft lives now (the form then posts there)."""
    saved_at = timezone.localtime(case.updated_at)
    # Swedish writes "kl. 14.32" (Språkrådet), English "14:32".
    time_format = "%H.%M" if translation.get_language() == "sv" else "%H:%M"
    time_text = saved_at.strftime(time_format)
    if refused:
        message = _("Utkastet sparades kl. %(time)s utan null-tecknen, som inte är tillåtna.") % {
            "time": time_text
        }
    else:
        message = _("Utkastet sparades kl. %(time)s.") % {"time": time_text}
    return JsonResponse(
        {
            "saved": True,
            "message": message,
            "edit_url": reverse("eservices_edit", kwargs={"case_id": case.public_id}),
        }
    )


@require_POST
@citizen_required
def delete_draft(request, case_id):
    case = _own_draft(request, case_id)
    services.log(request, case, CaseLog.Action.CHANGE, "tog bort utkast", role="sökande")
    for attachment in case.attachments.all():
        attachment.file.delete(save=False)
    case.delete()
    messages.success(request, _("Utkastet är borttaget."))
    return redirect("my_pages")


# Following a case ------------------------------------------------------------------------


def _case_for(request, case_id) -> Case:
    return get_object_or_404(
        Case.objects.for_applicant(request.user).select_related(
            "eservice", "municipality", "applicant"
        ),
        public_id=case_id,
    )


def _role(request, case) -> str:
    return "sökande" if case.applicant_id == request.user.pk else "medsökande"


@citizen_required
def receipt(request, case_id):
    case = _case_for(request, case_id)
    if case.status == Case.Status.DRAFT:
        return redirect("eservices_edit", case_id=case.public_id)
    services.log(request, case, CaseLog.Action.VIEW, "kvitto", role=_role(request, case))
    return render(
        request,
        "eservices/receipt.html",
        {"page_title": case.kind_def.words.receipt_title, "case": case, **_case_context(case)},
    )


def _case_context(case) -> dict:
    """What the resident's pages show of a case: the answers (with unit names and the labels
    of the choices made) and the time limit, as the case's kind tells them."""
    kind = case.kind_def
    unit_ids = ranked_unit_ids(kind, case.data)
    units = Unit.objects.in_bulk(unit_ids) if unit_ids else {}
    labels = choice_labels(kind)
    deadline = case.deadline
    return {
        "kind": kind,
        "ranked_units": [units[pk] for pk in unit_ids if pk in units],
        "deadline": deadline,
        "deadline_notice": kind.deadline_notice(case, deadline) if deadline else "",
        "next_steps": kind.next_steps(case),
        "choice_labels": {
            key: labels[key].get(str(value), value)
            for key, value in case.data.items()
            if key in labels
        },
        "answers_template": kind.answers_template,
        # Called by the template that shows it (the generic answers), not for every page.
        "answers": partial(answer_sections, case),
    }


@citizen_required
def case_detail(request, case_id):
    case = _case_for(request, case_id)
    if case.status == Case.Status.DRAFT:
        return redirect("eservices_edit", case_id=case.public_id)
    services.log(request, case, CaseLog.Action.VIEW, "ärendet", role=_role(request, case))
    completion = case.status == Case.Status.AWAITING_COMPLETION
    form = (CompletionForm if completion else MessageForm)(prefix="msg")
    return _render_case(request, case, form)


def _render_case(request, case, form, withdraw_form=None, status=200):
    events = [e for e in case.events.all() if e.visible_to_applicant]
    return render(
        request,
        "eservices/case_detail.html",
        {
            "page_title": _("Ärende %(reference)s") % {"reference": case.reference},
            "case": case,
            "events": events,
            "case_messages": case.messages.select_related("sender").prefetch_related("attachments"),
            "attachments": case.attachments.filter(message__isnull=True),
            "decision_documents": case.attachments.filter(type=CaseAttachment.Type.DECISION),
            "form": form,
            "withdraw_form": withdraw_form or WithdrawForm(prefix="withdraw"),
            "completion": case.status == Case.Status.AWAITING_COMPLETION,
            "is_applicant": case.applicant_id == request.user.pk,
            "must_confirm": case.names_as_co_applicant(request.identity)
            and case.co_applicant_confirmed_at is None,
            "offers": list(
                case.offers.exclude(state=PlacementOffer.State.WITHDRAWN).select_related("unit")
            ),
            **_case_context(case),
        },
        status=status,
    )


@require_POST
@citizen_required
def message(request, case_id):
    case = _case_for(request, case_id)
    completion = case.status == Case.Status.AWAITING_COMPLETION
    form = (CompletionForm if completion else MessageForm)(
        request.POST, request.FILES, prefix="msg"
    )
    if not case.is_open:
        messages.error(request, _("Ärendet är avslutat. Kontakta kommunen om du har frågor."))
        return redirect("eservices_case", case_id=case.public_id)
    if not form.is_valid():
        return _render_case(request, case, form, status=400)
    try:
        services.applicant_message(
            request,
            case,
            form.cleaned_data["body"],
            form.cleaned_data["files"],
            completion=completion,
        )
    except services.CaseError:
        messages.error(request, _("Ärendet har ändrats. Läs det igen och försök på nytt."))
        return redirect("eservices_case", case_id=case.public_id)
    messages.success(
        request,
        _("Kompletteringen är inskickad. Handläggaren fortsätter med ditt ärende.")
        if completion
        else _("Meddelandet är skickat till handläggaren."),
    )
    return redirect("eservices_case", case_id=case.public_id)


@citizen_required
def withdraw(request, case_id):
    case = _case_for(request, case_id)
    if case.applicant_id != request.user.pk:
        raise Http404
    if request.method != "POST":
        return redirect("eservices_case", case_id=case.public_id)
    form = WithdrawForm(request.POST, prefix="withdraw")
    if not case.can_withdraw:
        messages.error(request, _("Ansökan kan inte återkallas längre."))
        return redirect("eservices_case", case_id=case.public_id)
    if not form.is_valid():
        completion = case.status == Case.Status.AWAITING_COMPLETION
        message_form = (CompletionForm if completion else MessageForm)(prefix="msg")
        return _render_case(request, case, message_form, withdraw_form=form, status=400)
    services.withdraw(request, case, form.cleaned_data["reason"])
    messages.success(request, _("Ansökan är återkallad."))
    return redirect("eservices_case", case_id=case.public_id)


@require_POST
@citizen_required
def confirm(request, case_id):
    case = _case_for(request, case_id)
    if not case.names_as_co_applicant(request.identity):
        raise Http404
    services.confirm_co_applicant(request, case)
    messages.success(request, _("Tack! Du har bekräftat ansökan."))
    return redirect("eservices_case", case_id=case.public_id)


# Answering an offer of a place ----------------------------------------------------------
#
# Either guardian answers, signed in with e-ID (citizen_required), after a page that asks them
# to confirm: the offer is shown again with what the answer means. The first answer counts;
# the other guardian then sees it. eservices.offers makes the change under the case's lock.

ANSWERS = {"tacka-ja": "accept", "tacka-nej": "decline"}


def _offer_for(request, case_id, offer_id) -> tuple[Case, PlacementOffer]:
    """The offer, through a case the resident may see (applicant or co-applicant): 404 for
    anyone else, whoever guesses its address."""
    case = _case_for(request, case_id)
    offer = get_object_or_404(
        case.offers.exclude(state=PlacementOffer.State.WITHDRAWN).select_related("unit"),
        public_id=offer_id,
    )
    return case, offer


@citizen_required
def answer_offer(request, case_id, offer_id, answer):
    """GET: the confirming step for "Tacka ja" or "Tacka nej"; POST: the answer, then the
    receipt. An offer answered, withdrawn or lapsed meanwhile gets a message, not an error."""
    if answer not in ANSWERS:
        raise Http404
    case, offer = _offer_for(request, case_id, offer_id)
    role = _role(request, case)
    if not offer.is_open:
        messages.info(request, _("Erbjudandet är redan besvarat eller gäller inte längre."))
        return redirect("eservices_offer_receipt", case_id=case.public_id, offer_id=offer.public_id)
    accepting = ANSWERS[answer] == "accept"
    form = DeclineOfferForm(request.POST or None, prefix="svar") if not accepting else None
    if request.method == "POST" and (accepting or form.is_valid()):
        try:
            if accepting:
                offers.accept(request, offer)
            else:
                offers.decline(request, offer, form.cleaned_data["reason"])
        except services.CaseError:
            messages.error(
                request,
                _(
                    "Erbjudandet hann ändras innan ditt svar kom fram, så svaret sparades inte. "
                    "Här ser du hur det är nu."
                ),
            )
        return redirect("eservices_offer_receipt", case_id=case.public_id, offer_id=offer.public_id)
    services.log(request, case, CaseLog.Action.VIEW, "erbjudande att besvara", role=role)
    return render(
        request,
        "eservices/offer_answer.html",
        {
            "page_title": _("Tacka ja till platsen") if accepting else _("Tacka nej till platsen"),
            "case": case,
            "offer": offer,
            "accepting": accepting,
            "answer": answer,
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )


@citizen_required
def offer_receipt(request, case_id, offer_id):
    """Where the offer stands: the receipt after answering, and what the other guardian sees."""
    case, offer = _offer_for(request, case_id, offer_id)
    services.log(request, case, CaseLog.Action.VIEW, "erbjudande", role=_role(request, case))
    return render(
        request,
        "eservices/offer_receipt.html",
        {
            "page_title": _("Erbjudande om plats"),
            "case": case,
            "offer": offer,
            "answered_by_me": offer.answered_by_id == request.user.pk,
            "lapse_date": offers.lapse_date(offer),
        },
    )


@citizen_required
def attachment(request, case_id, file_id):
    case = _case_for(request, case_id)
    item = get_object_or_404(case.attachments, public_id=file_id)
    services.log(
        request, case, CaseLog.Action.DOWNLOAD, item.original_name, role=_role(request, case)
    )
    return attachment_response(item)


# My data ---------------------------------------------------------------------------------


@citizen_required
def my_data(request):
    """Everything the e-services hold about the resident, as JSON (GDPR art. 15 and 20)."""
    identity = request.identity
    cases = (
        Case.objects.for_applicant(request.user)
        .select_related("eservice", "municipality")
        .prefetch_related("events", "messages", "attachments")
        .order_by("created_at")
    )
    payload = {
        "hamtat": timezone.now().isoformat(timespec="seconds"),
        "person": {
            "namn": identity.full_name,
            "personnummer": identity.number.display if identity.number else None,
            **(
                {
                    "utlandsk_e_legitimation": {
                        "land": identity.foreign_country,
                        "identitet": identity.foreign_identifier,
                    }
                }
                if identity.foreign_identifier
                else {}
            ),
        },
        "arenden": [
            {
                "arendenummer": case.reference,
                "e_tjanst": case.eservice.get_kind_display(),
                "kommun": case.municipality.name,
                "status": case.get_status_display(),
                "roll": "sökande" if case.applicant_id == request.user.pk else "medsökande",
                "skapat": case.created_at.isoformat(timespec="seconds"),
                "inskickat": case.submitted_at.isoformat(timespec="seconds")
                if case.submitted_at
                else None,
                "uppgifter": case.data,
                "historik": [
                    {
                        "tid": event.at.isoformat(timespec="seconds"),
                        "handelse": event.get_type_display(),
                        "kommentar": event.comment,
                    }
                    for event in case.events.all()
                    if event.visible_to_applicant
                ],
                "meddelanden": [
                    {
                        "tid": m.sent_at.isoformat(timespec="seconds"),
                        "fran": "du" if m.from_applicant else "handläggaren",
                        "text": m.body,
                    }
                    for m in case.messages.all()
                ],
                "bilagor": [
                    {"filnamn": a.original_name, "typ": a.get_type_display(), "storlek": a.size}
                    for a in case.attachments.all()
                ],
                "beslut": {
                    "utfall": case.get_decision_outcome_display(),
                    "text": case.decision_text,
                    "datum": case.decided_at.isoformat(timespec="seconds"),
                }
                if case.decided_at
                else None,
            }
            for case in cases
        ],
    }
    for case in cases:
        role = _role(request, case)
        services.log(request, case, CaseLog.Action.EXPORT, "mina uppgifter", role=role)
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mina-uppgifter.json"'
    return response


def my_cases(user) -> dict:
    """For Mina sidor: the resident's drafts, open and finished cases, and cases waiting for
    their confirmation as co-applicant."""
    cases = list(
        Case.objects.for_applicant(user)
        .select_related("eservice", "municipality")
        .order_by("-updated_at")
    )
    identity = user.citizen_identity
    to_confirm = [
        c
        for c in cases
        if c.names_as_co_applicant(identity) and c.co_applicant_confirmed_at is None and c.is_open
    ]
    waiting = {c.pk: c for c in cases if c.is_open}
    to_answer = [
        (waiting[offer.case_id], offer)
        for offer in PlacementOffer.objects.filter(
            case__in=list(waiting), state=PlacementOffer.State.OFFERED
        ).order_by("answer_by")
    ]
    return {
        "to_answer": to_answer,
        "drafts": [c for c in cases if c.status == Case.Status.DRAFT],
        "open_cases": [c for c in cases if c.is_open or c.status == Case.Status.DECIDED],
        "finished_cases": [c for c in cases if c.status in Case.FINAL_STATUSES],
        "to_confirm": to_confirm,
    }
