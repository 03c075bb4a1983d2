"""The case API for the municipalities' back-office systems, under /api/v1/cases/
(docs/case-api.md; the OpenAPI schema is at /api/v1/schema/).

Every case is looked up through `CaseApiClient.cases()`: its municipality's submitted cases in
its e-services, in the query, so any other reference or file id is a 404 problem, whatever it
is. Every read is written to the case's access log and every write goes through
eservices.services, which writes the history, the log and the resident's e-mails, all under the
client's system account ("Mellerud ByggR (system)"). Writes need an `Idempotency-Key`
(eservices.api.idempotency).
"""

import json
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, Max, OuterRef
from django.db.models.functions import Coalesce, Greatest
from django.http import JsonResponse
from django.urls import reverse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from eservices import offers, services
from eservices.answers import answer_sections
from eservices.files import attachment_response
from eservices.handler_forms import MAX_TEXT, DecisionForm
from eservices.models import Case, CaseAttachment, CaseLog
from portal.files import AttachmentField

from .auth import client_required, problem
from .idempotency import idempotent
from .models import CaseAcknowledgement

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
Status = Case.Status


def _json(data, status=200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _iso(value):
    return value.isoformat() if value else None


def _absolute(request, name, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def _cases(request):
    """The client's cases, with when each last changed (the case or its history) and whether
    the client has acknowledged it."""
    client = request.client
    return (
        client.cases()
        .select_related("eservice", "municipality")
        .annotate(
            changed_at=Greatest("updated_at", Coalesce(Max("events__at"), "updated_at")),
            acknowledged=Exists(
                CaseAcknowledgement.objects.filter(client=client, case=OuterRef("pk"))
            ),
        )
    )


def _get_case(request, reference) -> Case | None:
    return _cases(request).filter(reference=reference).first()


def _not_found():
    return problem(404, "Not Found", "No such case.")


def summary(request, case) -> dict:
    return {
        "reference": case.reference,
        "eservice": case.eservice.kind,
        "municipality": case.municipality.slug,
        "status": case.status,
        "status_label": str(Status(case.status).label),
        "submitted_at": _iso(case.submitted_at),
        "changed_at": _iso(case.changed_at),
        "acknowledged": case.acknowledged,
        "url": _absolute(request, "case_api_case", case.reference),
    }


def _attachment(request, case, attachment) -> dict:
    return {
        "id": str(attachment.public_id),
        "type": attachment.type,
        "name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "uploaded_at": _iso(attachment.uploaded_at),
        "download_url": _absolute(
            request, "case_api_attachment", case.reference, attachment.public_id
        ),
    }


def _person(name, number, email="", phone=""):
    return {"name": name, "personal_identity_number": number, "email": email, "phone": phone}


def detail(request, case) -> dict:
    data = case.data or {}
    identity = getattr(case.applicant, "citizen_identity", None)
    applicant = _person(
        data.get("applicant_name") or (identity.full_name if identity else ""),
        identity.personal_identity_number if identity else "",
        data.get("email") or "",
        data.get("phone") or "",
    )
    co_applicant = None
    if case.co_applicant_number:
        co_applicant = {
            **_person(
                case.co_applicant_name,
                case.co_applicant_number,
                data.get("co_applicant_email") or "",
            ),
            "confirmed_at": _iso(case.co_applicant_confirmed_at),
        }
    attachments = list(case.attachments.all())
    by_message = {}
    for attachment in attachments:
        if attachment.message_id:
            by_message.setdefault(attachment.message_id, []).append(attachment)
    decision = None
    if case.decided_at:
        document = next((a for a in attachments if a.type == CaseAttachment.Type.DECISION), None)
        decision = {
            "outcome": case.decision_outcome,
            "text": case.decision_text,
            "decided_at": _iso(case.decided_at),
            "document": _attachment(request, case, document) if document else None,
        }
    return {
        **summary(request, case),
        "eservice_name": str(case.kind_def.name),
        "deadline": _iso(case.deadline),
        "applicant": applicant,
        "co_applicant": co_applicant,
        "data": {k: v for k, v in data.items() if k != "declaration"},
        "answers": [
            {
                "heading": str(section["heading"]),
                "rows": [
                    {
                        "label": str(row["label"]),
                        **(
                            {"ranked": [str(item) for item in row["ranked"]]}
                            if "ranked" in row
                            else {"text": str(row["text"])}
                        ),
                    }
                    for row in section["rows"]
                ],
            }
            for section in answer_sections(case)
        ],
        "events": [
            {
                "type": event.type,
                "label": str(event.get_type_display()),
                "at": _iso(event.at),
                "by_applicant": event.by_applicant,
                "from_status": event.from_status,
                "to_status": event.to_status,
                "comment": event.comment,
            }
            for event in case.events.all()
        ],
        "messages": [
            {
                "from_applicant": message.from_applicant,
                "body": message.body,
                "sent_at": _iso(message.sent_at),
                "attachments": [
                    _attachment(request, case, a) for a in by_message.get(message.pk, [])
                ],
            }
            for message in case.messages.all()
        ],
        "attachments": [_attachment(request, case, a) for a in attachments],
        "decision": decision,
        "offers": [
            {
                "id": str(offer.public_id),
                "unit": offer.unit_id,
                "unit_name": offer.unit.name,
                "start_date": _iso(offer.start_date),
                "answer_by": _iso(offer.answer_by),
                "state": offer.state,
                "offered_at": _iso(offer.offered_at),
                "answered_at": _iso(offer.answered_at),
                "decline_reason": offer.decline_reason,
            }
            for offer in case.offers.select_related("unit").order_by("offered_at")
        ],
    }


class ListQuery(forms.Form):
    changed_since = forms.CharField(required=False)
    unacknowledged = forms.NullBooleanField(required=False)
    status = forms.MultipleChoiceField(choices=Status.choices, required=False)
    eservice = forms.CharField(required=False)
    page = forms.IntegerField(min_value=1, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)

    def clean_changed_since(self):
        value = self.cleaned_data["changed_since"]
        if not value:
            return None
        parsed = parse_datetime(value.replace(" ", "+"))
        if parsed is None or parsed.tzinfo is None:
            raise ValidationError(
                "An ISO 8601 date and time with its offset, e.g. 2026-12-07T10:00:00+01:00."
            )
        return parsed

    def clean_unacknowledged(self):
        raw = self.data.get("unacknowledged")
        if raw in (None, ""):
            return None
        if raw not in ("true", "false"):
            raise ValidationError("true or false.")
        return raw == "true"


def _bad_request(errors):
    return problem(
        400,
        "Bad Request",
        "A parameter or field is wrong.",
        errors={name: " ".join(str(m) for m in messages) for name, messages in errors.items()},
    )


@require_GET
@client_required
def case_list(request):
    """New and changed cases, the oldest change first, so that a system can poll with
    `changed_since` set to the last `changed_at` it saw."""
    query = ListQuery(request.GET)
    if not query.is_valid():
        return _bad_request(query.errors)
    data = query.cleaned_data
    cases = _cases(request)
    if data["changed_since"]:
        cases = cases.filter(changed_at__gt=data["changed_since"])
    if data["unacknowledged"] is not None:
        cases = cases.filter(acknowledged=not data["unacknowledged"])
    if data["status"]:
        cases = cases.filter(status__in=data["status"])
    if data["eservice"]:
        cases = cases.filter(eservice__kind=data["eservice"])
    page, page_size = data["page"] or 1, data["page_size"] or PAGE_SIZE
    start = (page - 1) * page_size
    rows = list(cases.order_by("changed_at", "pk")[start : start + page_size + 1])
    more, rows = len(rows) > page_size, rows[:page_size]
    params = {k: v for k, v in request.GET.lists() if k != "page"}

    def link(number):
        return request.build_absolute_uri(
            f"{reverse('case_api_cases')}?{urlencode({**params, 'page': number}, doseq=True)}"
        )

    return _json(
        {
            "next": link(page + 1) if more else None,
            "previous": link(page - 1) if page > 1 else None,
            "results": [summary(request, case) for case in rows],
        }
    )


def _log(request, case, action, detail):
    services.log(request, case, action, detail, role="system")


@require_GET
@client_required
def case_detail(request, reference):
    case = _get_case(request, reference)
    if case is None:
        return _not_found()
    case = (
        _cases(request)
        .select_related("applicant__citizen_identity")
        .prefetch_related("events", "messages", "attachments")
        .get(pk=case.pk)
    )
    _log(request, case, CaseLog.Action.VIEW, "ärendet (ärende-API)")
    return _json(detail(request, case))


@require_GET
@client_required
def attachment(request, reference, file_id):
    try:
        file_id = uuid.UUID(file_id)
    except ValueError:
        return problem(404, "Not Found", "No such file.")
    item = (
        CaseAttachment.objects.filter(
            case__in=request.client.cases(), case__reference=reference, public_id=file_id
        )
        .select_related("case")
        .first()
    )
    if item is None:
        return problem(404, "Not Found", "No such file.")
    response = attachment_response(item)
    _log(request, item.case, CaseLog.Action.DOWNLOAD, item.original_name)
    return response


# Writes ------------------------------------------------------------------------------------


def _payload(request) -> dict:
    """The fields of a JSON body or a form (multipart) body."""
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise ValidationError("The body is not JSON.") from None
        if not isinstance(body, dict):
            raise ValidationError("The body must be a JSON object.")
        return body
    return request.POST.dict()


def _text(payload, name, *, required=True, max_length=MAX_TEXT):
    value = payload.get(name, "")
    if not isinstance(value, str):
        raise ValidationError({name: "Must be a string."})
    value = value.strip()
    if required and not value:
        raise ValidationError({name: "Required."})
    if len(value) > max_length:
        raise ValidationError({name: f"At most {max_length} characters."})
    return value


def _conflict(case=None):
    detail_text = "The case's status does not allow this change."
    extra = {"case_status": case.status} if case is not None else {}
    return problem(409, "Conflict", detail_text, **extra)


def _case_response(request, reference, status=200):
    case = (
        _cases(request)
        .select_related("applicant__citizen_identity")
        .prefetch_related("events", "messages", "attachments")
        .get(reference=reference)
    )
    return status, detail(request, case)


def _write(action):
    """A write endpoint: the case looked up for the client, then `action(request, case,
    payload)` under the request's Idempotency-Key; a ValidationError is a 400 problem and a
    state the case does not allow (services.CaseError) a 409."""

    def view(request, reference):
        case = _get_case(request, reference)
        if case is None:
            return _not_found()
        try:
            payload = _payload(request)
        except ValidationError as exc:
            return _bad_request({"body": exc.messages})

        def act():
            try:
                return action(request, case, payload)
            except ValidationError as exc:
                errors = exc.message_dict if hasattr(exc, "error_dict") else {"body": exc.messages}
                return _bad_request(errors)
            except services.CaseError:
                return _conflict(Case.objects.get(pk=case.pk))

        return idempotent(request, case, act)

    view.__name__ = action.__name__
    view.__doc__ = action.__doc__
    return require_POST(client_required(view))


def _acknowledge(request, case, payload):
    """Take the case into the system: recorded for this client; the first time, the
    resident's history says the municipality's system has received it and the resident gets
    an e-mail (services.received_by_system)."""
    _acknowledgement, created = CaseAcknowledgement.objects.get_or_create(
        client=request.client, case=case
    )
    if created:
        services.received_by_system(request, case)
    return _case_response(request, case.reference)


def _date(payload, name, *, required=True):
    value = payload.get(name)
    if value in (None, "") and not required:
        return None
    day = parse_date(value) if isinstance(value, str) else None
    if day is None:
        raise ValidationError({name: "A date, YYYY-MM-DD."})
    return day


OFFER_ERRORS = {
    "unit": "Not one of the municipality's own units that take applications of this kind.",
    "start_date": "The start date is in the past.",
    "answer_by_past": "The answer-by date is in the past.",
    "answer_by_after_start": "The answer-by date is after the start date.",
}


def _offer(request, case, payload):
    """Offer a place (preschool): `unit` (a unit id of the municipality), `start_date` and
    optionally `answer_by` (default: the municipality's answer time)."""
    unit_id = payload.get("unit")
    if isinstance(unit_id, str) and unit_id.isdigit():
        unit_id = int(unit_id)
    if not isinstance(unit_id, int) or isinstance(unit_id, bool):
        raise ValidationError({"unit": "A unit id (an integer)."})
    start_date = _date(payload, "start_date")
    answer_by = _date(payload, "answer_by", required=False)
    unit = offers.offerable_units(case).filter(pk=unit_id).first()
    try:
        offers.make_offer(
            request,
            case,
            unit=unit,
            start_date=start_date,
            answer_by=answer_by,
            role=services._handler_role(request),
        )
    except offers.OfferError as error:
        if error.field:
            raise ValidationError({error.field: OFFER_ERRORS[error.code]}) from None
        raise
    return _case_response(request, case.reference, 201)


def _status(request, case, payload):
    """A new status among those the case's status allows; to ask for a completion use
    completion-requests."""
    status = _text(payload, "status", max_length=20)
    comment = _text(payload, "comment", required=False)
    allowed = (Status.IN_PROGRESS, Status.CLOSED)
    if status not in allowed:
        raise ValidationError(
            {"status": f"One of {', '.join(allowed)}; a completion is requested apart."}
        )
    services.change_status(request, case, status, comment)
    return _case_response(request, case.reference)


def _completion_request(request, case, payload):
    """Ask the applicant to complete the application: the body is what is missing."""
    body = _text(payload, "body")
    services.change_status(request, case, Status.AWAITING_COMPLETION, body)
    return _case_response(request, case.reference)


class _MessageFiles(forms.Form):
    file = AttachmentField(required=False)


def _message(request, case, payload):
    """A message to the applicant, with at most one file (PDF, JPEG or PNG)."""
    body = _text(payload, "body")
    files = _MessageFiles(files=request.FILES)
    if not files.is_valid():
        raise ValidationError({name: list(errors) for name, errors in files.errors.items()})
    upload = files.cleaned_data.get("file")
    services.handler_message(request, case, body, [upload] if upload else [])
    return _case_response(request, case.reference, 201)


def _decision(request, case, payload):
    """The decision: outcome, text and the decision document (a PDF)."""
    form = DecisionForm(payload, request.FILES)
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    if not form.cleaned_data.get("document"):
        raise ValidationError({"document": "The decision document (a PDF) is required."})
    services.decide(
        request,
        case,
        form.cleaned_data["outcome"],
        form.cleaned_data["text"],
        form.cleaned_data["document"],
    )
    return _case_response(request, case.reference)


acknowledge = _write(_acknowledge)
status = _write(_status)
completion_request = _write(_completion_request)
message = _write(_message)
decision = _write(_decision)
offer = _write(_offer)
