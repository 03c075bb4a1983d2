"""What happens to a case: every change goes through here, for residents and handlers alike.

Each function changes the case under a row lock, writes the history (`CaseEvent`), the access
log (`CaseLog`) and the e-mails to send (`Notification`) in one transaction, so a case never
changes without its trace and no notification is lost or sent for a change that was rolled back.
What an e-service does on top (a building permit's clock) is its kind's (eservices.kinds),
called here under the same lock.

Applying is `application_for_key` (the draft a form made before, if any) and `save_draft`
(what was typed, always, and with `submitting` a valid form is sent in the same transaction);
`submit` sends an existing draft. The views parse the request, call these and render.
"""

import os

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.accounts import user_display
from portal.audit.receivers import client_ip

from . import notifications
from .models import (
    Case,
    CaseAttachment,
    CaseEvent,
    CaseLog,
    CaseMessage,
    EService,
    Notification,
)

Status = Case.Status


class CaseError(Exception):
    """A change the case's state does not allow (someone acted on an old page)."""


class AlreadySent(Exception):
    """The form was sent before and its case is submitted (or was being made by a request at
    the same moment): the resident gets that case's receipt instead of a second case."""

    def __init__(self, case):
        super().__init__(case.public_id)
        self.case = case


def _handler_role(request) -> str:
    """In what capacity a change on the municipality's side is made: by a handler, or by a
    back-office system through the case API, whose request says so (eservices.api.auth; its
    `request.user` is the system's own account, so the history and the log name the system)."""
    return getattr(request, "case_role", None) or "handläggare"


def _tell_systems(case, event) -> None:
    """Queue webhooks to the back-office systems that follow the case (eservices.api), in this
    transaction; they are sent once it commits."""
    from .api.webhooks import queue

    queue(case, event)


def log(request, case, action, detail="", *, role=""):
    """Write who did what to which case. `request` may be None for the system's own work."""
    _log_entry(request, case, action, detail, role=role).save()


def _log_entry(request, case, action, detail="", *, role="") -> CaseLog:
    """The log row `log` writes, unsaved (for several rows in one INSERT)."""
    user = getattr(request, "user", None) if request is not None else None
    signed_in = user is not None and user.is_authenticated
    return CaseLog(
        case=case,
        case_reference=(case.reference or f"utkast {case.public_id}") if case else "",
        actor=user if signed_in else None,
        actor_label=user_display(user) if signed_in else "system",
        role=role,
        action=action,
        detail=detail[:300],
        ip_address=client_ip(request) if request is not None else None,
    )


def _lock(case) -> Case:
    return (
        Case.objects.select_for_update().select_related("eservice", "municipality").get(pk=case.pk)
    )


def _event(case, type, user=None, *, by_applicant=False, comment="", from_status="", to_status=""):
    event = _event_entry(
        case,
        type,
        user,
        by_applicant=by_applicant,
        comment=comment,
        from_status=from_status,
        to_status=to_status,
    )
    event.save()
    return event


def _event_entry(
    case, type, user=None, *, by_applicant=False, comment="", from_status="", to_status=""
) -> CaseEvent:
    """The history row `_event` writes, unsaved (for several rows in one INSERT)."""
    return CaseEvent(
        case=case,
        type=type,
        actor=user,
        by_applicant=by_applicant,
        comment=comment,
        from_status=from_status,
        to_status=to_status,
    )


def store_files(case, files, user, type, *, message=None, field_name=""):
    """Save uploaded files (already checked by the form) as the case's attachments."""
    from portal.files import detected_content_type

    stored = []
    for upload in files:
        attachment = CaseAttachment(
            case=case,
            message=message,
            type=type,
            field_name=field_name,
            original_name=os.path.basename(upload.name)[:255],
            content_type=detected_content_type(upload) or "application/octet-stream",
            size=upload.size,
            uploaded_by=user,
        )
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
        stored.append(attachment)
    return stored


# Applying --------------------------------------------------------------------------------
#
# Each new form carries a random token (`submission_key`). The draft made from it keeps the
# token, so the same form sent twice (a double click, a reload, two tabs) finds the same case
# instead of making a second one, and a form sent again after it was submitted gets the first
# send's receipt.


def application_for_key(user, key) -> Case | None:
    """The draft an earlier send of the form with token `key` made; None for a new form.

    Raises AlreadySent when that case is submitted already, and Case.DoesNotExist when the
    token is another resident's (their case does not exist for this one)."""
    existing = Case.objects.filter(submission_key=key).first()
    if existing is None:
        return None
    if existing.applicant_id != user.pk:
        raise Case.DoesNotExist
    if existing.status != Status.DRAFT:
        raise AlreadySent(existing)
    return existing


def application_files(case) -> int:
    """How many files are kept with the application (a draft's drawings)."""
    if case is None:
        return 0
    return case.attachments.filter(type=CaseAttachment.Type.APPLICATION).count()


def _route(eservice, form, identity=None) -> EService:
    """The e-service the application goes to: the one it was started in or, when the answers
    name the municipality (a building permit's property), that municipality's. A municipality
    that does not offer the e-service, or whose e-service needs a Swedish number the
    applicant (`identity`, a foreign e-ID) does not have, is an error on the form."""
    municipality = form.answered_municipality() or eservice.municipality
    if municipality == eservice.municipality:
        moved = eservice
    else:
        moved = (
            EService.objects.filter(kind=eservice.kind, active=True, municipality=municipality)
            .select_related("municipality")
            .first()
        )
        if moved is None:
            form.refuse_municipality(municipality)
            return eservice
    if not moved.open_to(identity):
        # The draft stays where it was started, so the applicant can still change the answers.
        form.refuse_foreign_eid(municipality)
        return eservice
    return moved


def save_draft(
    request, eservice, form, *, case=None, key, submitting=False, automatic=False
) -> tuple[Case, EService]:
    """Keep what was typed in the bound application `form` as a draft, valid or not, so that
    nothing is lost: in `case`, or in a new draft carrying the form's token `key`. Files that
    passed their checks are kept with it even if something else is wrong, so they need not be
    chosen again. With `submitting` and a valid form, the draft is submitted in the same
    transaction (as `submit` does), so a submission is one commit. Returns the case and the
    e-service it now belongs to (the answers may move it to another municipality's). With
    `automatic`, the save is the form's own while the resident types, and is logged as such.

    The form is validated here; `form.is_valid()` afterwards says whether it could be (and,
    with `submitting`, was) submitted. Raises AlreadySent when the case was submitted meanwhile
    (the same form sent twice), and Case.DoesNotExist when the token belongs to someone else."""
    form.is_valid()
    eservice = _route(eservice, form, getattr(request, "identity", None))
    try:
        with transaction.atomic():
            events = []
            if case is None:
                case = Case.objects.create(
                    eservice=eservice,
                    municipality=eservice.municipality,
                    applicant=request.user,
                    submission_key=key,
                    data=form.raw_data(),
                )
                events.append(
                    _event_entry(case, CaseEvent.Type.CREATED, request.user, by_applicant=True)
                )
            else:
                case = Case.objects.select_for_update().get(pk=case.pk)
                if case.status != Status.DRAFT:
                    raise AlreadySent(case)
                case.eservice, case.municipality = eservice, eservice.municipality
                case.data = form.raw_data()
                case.save()
            logs = [
                _log_entry(
                    request,
                    case,
                    CaseLog.Action.CHANGE,
                    "sparade utkast automatiskt" if automatic else "sparade utkast",
                    role="sökande",
                )
            ]
            for name in form.file_field_names:
                if name not in form.errors and form.cleaned_data.get(name):
                    store_files(
                        case,
                        form.cleaned_data[name],
                        request.user,
                        CaseAttachment.Type.APPLICATION,
                        field_name=name,
                    )
            if submitting and form.is_valid():
                _submit(request, case, form, events, logs)
            else:
                CaseEvent.objects.bulk_create(events)
                CaseLog.objects.bulk_create(logs)
    except IntegrityError:
        # The same form sent twice at the same moment: the other request made the case.
        existing = Case.objects.filter(submission_key=key, applicant=request.user).first()
        if existing is None:
            raise Case.DoesNotExist from None
        raise AlreadySent(existing) from None
    return case, eservice


@transaction.atomic
def submit(request, case, form=None) -> Case:
    """Send in a draft; with `form` (the application form, valid), its cleaned answers become
    the case's data. Sending again (a second click, a reloaded page) changes nothing."""
    case = _lock(case)
    if case.status != Status.DRAFT:
        return case
    _submit(request, case, form)
    return case


def _submit(request, case, form, events=(), logs=()) -> None:
    """Submit the locked draft `case`, writing its history, its log and its notifications
    (with the `events` and `logs` rows not yet written, all in one INSERT each)."""
    if form is not None:
        # The identity the view looked up (eservices.views.citizen_required), if it did.
        identity = getattr(request, "identity", None) or request.user.citizen_identity
        case.data = {**form.serialised(), "applicant_name": identity.full_name}
        if form.cleaned_data.get("co_applicant_number"):
            case.co_applicant_number = form.cleaned_data["co_applicant_number"]
            case.co_applicant_name = form.cleaned_data["co_applicant_name"]
    now = timezone.now()
    case.status = Status.SUBMITTED
    case.submitted_at = now
    case.reference = case.make_reference()
    case.kind_def.on_submitted(case)
    case.save()
    CaseEvent.objects.bulk_create(
        [
            *events,
            _event_entry(
                case,
                CaseEvent.Type.SUBMITTED,
                request.user,
                by_applicant=True,
                to_status=case.status,
            ),
        ]
    )
    CaseLog.objects.bulk_create(
        [
            *logs,
            _log_entry(request, case, CaseLog.Action.CHANGE, "skickade in ansökan", role="sökande"),
        ]
    )
    notifications.queue_many(
        case,
        [
            (Notification.Event.SUBMITTED, [case.data.get("email")]),
            (Notification.Event.CO_APPLICANT, [case.data.get("co_applicant_email")]),
            (Notification.Event.HANDLER_NEW_CASE, [case.eservice.notification_email]),
        ],
    )
    _tell_systems(case, "case.submitted")


@transaction.atomic
def confirm_co_applicant(request, case) -> Case:
    case = _lock(case)
    if case.co_applicant_confirmed_at is None and case.status in Case.OPEN_STATUSES:
        case.co_applicant = request.user
        case.co_applicant_confirmed_at = timezone.now()
        case.save()
        _event(case, CaseEvent.Type.CO_APPLICANT_CONFIRMED, request.user, by_applicant=True)
        log(request, case, CaseLog.Action.CHANGE, "medsökande bekräftade", role="medsökande")
    return case


@transaction.atomic
def withdraw(request, case, reason="") -> Case:
    case = _lock(case)
    if not case.can_withdraw:
        raise CaseError("not withdrawable")
    previous = case.status
    case.status = Status.WITHDRAWN
    case.closed_at = timezone.now()
    case.save()
    _event(
        case,
        CaseEvent.Type.WITHDRAWN,
        request.user,
        by_applicant=True,
        comment=reason,
        from_status=previous,
        to_status=case.status,
    )
    log(request, case, CaseLog.Action.CHANGE, "återkallade ansökan", role="sökande")
    return case


@transaction.atomic
def applicant_message(request, case, body, files=(), *, completion=False) -> CaseMessage:
    """A message from the applicant; with `completion`, the answer to a request for completion,
    which also moves the case on and, for a building permit, restarts its clock."""
    case = _lock(case)
    if not case.is_open:
        raise CaseError("closed")
    message = CaseMessage.objects.create(
        case=case, sender=request.user, from_applicant=True, body=body
    )
    store_files(
        case,
        files,
        request.user,
        CaseAttachment.Type.COMPLETION if completion else CaseAttachment.Type.MESSAGE,
        message=message,
    )
    completed = completion and case.status == Status.AWAITING_COMPLETION
    if completed:
        case.status = Status.COMPLETED
        case.kind_def.on_completion_received(case)
        case.save()
        _event(
            case,
            CaseEvent.Type.COMPLETED,
            request.user,
            by_applicant=True,
            from_status=Status.AWAITING_COMPLETION,
            to_status=case.status,
        )
    else:
        _event(case, CaseEvent.Type.MESSAGE, request.user, by_applicant=True)
    log(
        request,
        case,
        CaseLog.Action.CHANGE,
        "skickade komplettering" if completion else "skickade meddelande",
        role="sökande",
    )
    handler = case.assigned_to
    if handler and handler.email:
        recipients = [handler.email]
    else:
        recipients = [case.eservice.notification_email]
    notifications.queue(case, Notification.Event.HANDLER_MESSAGE, recipients)
    _tell_systems(case, "case.completed" if completed else "case.message")
    return message


# Handler ---------------------------------------------------------------------------------


def _applicant_recipients(case):
    return [case.data.get("email"), case.data.get("co_applicant_email")]


@transaction.atomic
def assign(request, case, user) -> Case:
    case = _lock(case)
    case.assigned_to = user
    if case.status == Status.SUBMITTED:
        case.status = Status.IN_PROGRESS
    case.save()
    _event(case, CaseEvent.Type.ASSIGNED, request.user, comment=user_display(user))
    detail = f"handläggare: {user_display(user)}"
    log(request, case, CaseLog.Action.CHANGE, detail, role=_handler_role(request))
    return case


@transaction.atomic
def received_by_system(request, case) -> Case:
    """A back-office system has taken the case in (eservices.api: acknowledge): the resident's
    history says so and the resident gets an e-mail, once per system. The status does not
    change; the system sets it when the work starts."""
    case = _lock(case)
    if case.status in Case.FINAL_STATUSES:
        raise CaseError("closed")
    _event(case, CaseEvent.Type.RECEIVED, request.user)
    log(request, case, CaseLog.Action.CHANGE, "tog emot ärendet", role=_handler_role(request))
    notifications.queue(case, Notification.Event.STATUS, _applicant_recipients(case))
    return case


@transaction.atomic
def change_status(request, case, to_status, comment="") -> Case:
    case = _lock(case)
    allowed = Case.HANDLER_TRANSITIONS.get(case.status, ())
    if to_status not in allowed:
        raise CaseError("transition not allowed")
    previous = case.status
    case.status = to_status
    if to_status == Status.AWAITING_COMPLETION:
        case.completion_requested_at = timezone.now()
        case.kind_def.on_completion_requested(case)
    if to_status in Case.FINAL_STATUSES:
        case.closed_at = timezone.now()
    case.save()
    _event(
        case,
        CaseEvent.Type.COMPLETION_REQUESTED
        if to_status == Status.AWAITING_COMPLETION
        else CaseEvent.Type.STATUS,
        request.user,
        comment=comment,
        from_status=previous,
        to_status=to_status,
    )
    if to_status == Status.AWAITING_COMPLETION and comment:
        CaseMessage.objects.create(
            case=case, sender=request.user, from_applicant=False, body=comment
        )
    log(
        request,
        case,
        CaseLog.Action.CHANGE,
        f"status: {Status(previous).label} → {Status(to_status).label}",
        role=_handler_role(request),
    )
    notifications.queue(case, Notification.Event.STATUS, _applicant_recipients(case))
    return case


@transaction.atomic
def handler_message(request, case, body, files=()) -> CaseMessage:
    case = _lock(case)
    if case.status in Case.FINAL_STATUSES:
        raise CaseError("closed")
    message = CaseMessage.objects.create(
        case=case, sender=request.user, from_applicant=False, body=body
    )
    store_files(case, files, request.user, CaseAttachment.Type.MESSAGE, message=message)
    _event(case, CaseEvent.Type.MESSAGE, request.user)
    log(request, case, CaseLog.Action.CHANGE, "skickade meddelande", role=_handler_role(request))
    notifications.queue(case, Notification.Event.MESSAGE, _applicant_recipients(case))
    return message


@transaction.atomic
def decide(request, case, outcome, text, document=None) -> Case:
    """Record the decision. The decision document is the handler's PDF if given, otherwise one
    the portal writes from the decision text (eservices.documents)."""
    from .documents import decision_pdf

    case = _lock(case)
    if case.status not in Case.OPEN_STATUSES:
        raise CaseError("not open")
    if case.awaits_co_applicant:
        raise CaseError("co-applicant has not confirmed")
    previous = case.status
    case.status = Status.DECIDED
    case.decision_outcome = outcome
    case.decision_text = text
    case.decided_at = timezone.now()
    case.decided_by = request.user
    case.save()
    if document is None:
        from django.core.files.base import ContentFile

        document = ContentFile(decision_pdf(case), name=f"beslut-{case.reference}.pdf")
    store_files(case, [document], request.user, CaseAttachment.Type.DECISION)
    _event(
        case,
        CaseEvent.Type.DECIDED,
        request.user,
        comment=Case.Outcome(outcome).label,
        from_status=previous,
        to_status=case.status,
    )
    detail = f"beslut: {Case.Outcome(outcome).label}"
    log(request, case, CaseLog.Action.CHANGE, detail, role=_handler_role(request))
    notifications.queue(case, Notification.Event.STATUS, _applicant_recipients(case))
    return case
