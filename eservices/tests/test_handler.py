"""The handlers' views under /handlaggning/: who gets in, who sees which case, and that every
action goes through eservices.services and leaves its trace (history, access log, e-mails)."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eservices import services
from eservices.models import (
    Case,
    CaseAttachment,
    CaseEvent,
    CaseLog,
    CaseMessage,
    EService,
    Kind,
    Notification,
    Unit,
)
from portal.identity.models import CitizenIdentity, EmployeeProfile
from portal.models import Municipality
from portal.tests.factories import MunicipalityFactory, UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db

Status = Case.Status
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def personnummer(serial: int) -> str:
    """A valid twelve-digit personnummer born 1985-05-05, one per serial number."""
    nine = f"850505{serial:03d}"
    total = 0
    for i, digit in enumerate(nine):
        product = int(digit) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return f"19{nine}{(10 - total % 10) % 10}"


_serials = iter(range(100, 999))


def citizen(given="Tove", family="Sökandesson"):
    user = UserFactory()
    CitizenIdentity.objects.create(
        user=user,
        personal_identity_number=personnummer(next(_serials)),
        given_name=given,
        family_name=family,
    )
    return user


def handler(slug="amal", *codenames):
    """An employee of the municipality with these case-handling permissions."""
    user = UserFactory(first_name="Hanna", last_name="Handläggare")
    EmployeeProfile.objects.create(user=user, municipality=Municipality.objects.get(slug=slug))
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="eservices", codename__in=codenames)
    )
    return user


def make_case(kind, slug="amal", *, data=None, submit=True, **fields):
    municipality = Municipality.objects.get(slug=slug)
    eservice, _ = EService.objects.get_or_create(
        kind=kind,
        municipality=municipality,
        defaults={"notification_email": f"{kind}@{slug}.example.org"},
    )
    applicant = citizen()
    case = Case.objects.create(
        eservice=eservice,
        municipality=municipality,
        applicant=applicant,
        data={"email": "sokande@example.org", **(data or {})},
        **fields,
    )
    if submit:
        request = RequestFactory().post("/")
        request.user = applicant
        case = services.submit(request, case)
    return case


def attach(case, name="ritning.pdf", content=PDF):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return services.store_files(case, [upload], case.applicant, CaseAttachment.Type.APPLICATION)[0]


def case_url(case, action=""):
    path = reverse("eservices_handler_case", args=[case.public_id])
    return f"{path}{action}/" if action else path


@pytest.fixture
def amal_handler():
    """Handles building permits and preschool in Åmål."""
    return handler("amal", "handle_building_permit", "handle_preschool")


@pytest.fixture
def handler_client(client, amal_handler):
    return sign_in_for_admin(client, amal_handler)


# Who gets in ---------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    case = make_case(Kind.BUILDING_PERMIT)
    file = attach(case)
    paths = [
        reverse("eservices_handler_index"),
        reverse("eservices_handler_queue", args=["bygglov"]),
        case_url(case),
        reverse("eservices_handler_attachment", args=[case.public_id, file.public_id]),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"/accounts/login/?next={path}"


def test_a_signed_in_user_who_handles_no_eservice_is_refused(client):
    case = make_case(Kind.BUILDING_PERMIT)
    client.force_login(handler("amal"))

    assert client.get(reverse("eservices_handler_index")).status_code == 403
    assert client.get(reverse("eservices_handler_queue", args=["bygglov"])).status_code == 403
    assert client.get(case_url(case)).status_code == 403


def test_a_handler_who_has_not_used_the_second_factor_is_sent_to_confirm_it(client):
    user = handler("amal", "handle_building_permit")
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)

    response = client.get("/handlaggning/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2Fhandlaggning%2F"


def test_a_handler_without_a_second_factor_is_led_to_set_one_up(client):
    client.force_login(handler("amal", "handle_preschool"))

    response = client.get("/handlaggning/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_nothing_a_handler_sees_is_cached(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)
    for path in ("/handlaggning/", "/handlaggning/bygglov/", case_url(case)):
        response = handler_client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == "private, no-store"


# Which cases ---------------------------------------------------------------------------------


def test_another_municipalitys_case_does_not_exist_for_the_handler(handler_client):
    case = make_case(Kind.BUILDING_PERMIT, "mellerud")
    file = attach(case)

    assert handler_client.get(case_url(case)).status_code == 404
    download = reverse("eservices_handler_attachment", args=[case.public_id, file.public_id])
    assert handler_client.get(download).status_code == 404
    posts = {
        "tilldela": {},
        "status": {"status-status": Status.IN_PROGRESS},
        "komplettering": {"komplettering-comment": "Situationsplan saknas."},
        "meddelande": {"meddelande-body": "Hej"},
        "beslut": {"beslut-outcome": "bifall", "beslut-text": "Bygglov ges."},
    }
    for action, data in posts.items():
        assert handler_client.post(case_url(case, action), data).status_code == 404, action

    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert case.assigned_to is None
    assert not CaseMessage.objects.filter(case=case).exists()
    assert not CaseLog.objects.filter(case=case, role="handläggare").exists()


def test_a_draft_does_not_exist_for_the_handler(handler_client):
    draft = make_case(Kind.BUILDING_PERMIT, submit=False)

    assert handler_client.get(case_url(draft)).status_code == 404
    assert handler_client.post(case_url(draft, "tilldela")).status_code == 404


def test_a_building_permit_handler_does_not_see_preschool_cases(client):
    sign_in_for_admin(client, handler("amal", "handle_building_permit"))
    case = make_case(Kind.PRESCHOOL, data={"start_date": "2030-01-15"})

    assert client.get(case_url(case)).status_code == 404
    assert client.get(reverse("eservices_handler_queue", args=["forskola"])).status_code == 404
    index = client.get(reverse("eservices_handler_index")).content.decode()
    assert reverse("eservices_handler_queue", args=["bygglov"]) in index
    assert reverse("eservices_handler_queue", args=["forskola"]) not in index


def test_the_queue_lists_only_the_handlers_municipality(handler_client):
    own = make_case(Kind.BUILDING_PERMIT, "amal")
    other = make_case(Kind.BUILDING_PERMIT, "mellerud")

    html = handler_client.get(reverse("eservices_handler_queue", args=["bygglov"])).content
    html = html.decode()

    assert own.reference in html
    assert case_url(own) in html
    assert other.reference not in html


def test_the_queue_filters_by_status_mine_and_reference(handler_client, amal_handler):
    mine = make_case(Kind.BUILDING_PERMIT)
    request = RequestFactory().post("/")
    request.user = amal_handler
    services.assign(request, mine, amal_handler)
    new = make_case(Kind.BUILDING_PERMIT)
    queue = reverse("eservices_handler_queue", args=["bygglov"])

    html = handler_client.get(queue, {"status": Status.SUBMITTED}).content.decode()
    assert new.reference in html and mine.reference not in html
    html = handler_client.get(queue, {"mina": "1"}).content.decode()
    assert mine.reference in html and new.reference not in html
    html = handler_client.get(queue, {"q": new.reference[-5:]}).content.decode()
    assert new.reference in html and mine.reference not in html


def test_the_queue_searches_a_reference_typed_with_a_nul_or_a_quote(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)
    queue = reverse("eservices_handler_queue", args=["bygglov"])

    with_nul = handler_client.get(queue, {"q": case.reference[:-2] + "\x00" + case.reference[-2:]})
    quoted = handler_client.get(queue, {"q": f'"{case.reference}'})

    assert with_nul.status_code == 200
    assert case.reference in with_nul.content.decode()
    assert quoted.status_code == 200


def test_the_queue_takes_the_same_number_of_queries_for_more_cases(handler_client):
    queue = reverse("eservices_handler_queue", args=["bygglov"])
    make_case(Kind.BUILDING_PERMIT)
    handler_client.get(queue)
    with CaptureQueriesContext(connection) as few:
        handler_client.get(queue)
    for _ in range(4):
        case = make_case(Kind.BUILDING_PERMIT, co_applicant_number=personnummer(7))
        request = RequestFactory().post("/")
        request.user = case.applicant
        services.assign(request, case, UserFactory())
    with CaptureQueriesContext(connection) as many:
        response = handler_client.get(queue)

    assert "Väntar på medsökande" in response.content.decode()
    assert len(many) == len(few)


def test_a_building_permit_past_its_deadline_is_flagged_with_the_fee_reduction(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)
    # Ten weeks and nine days ago: two started weeks late.
    started = timezone.localdate() - datetime.timedelta(weeks=10, days=9)
    Case.objects.filter(pk=case.pk).update(clock_started_on=started)
    on_time = make_case(Kind.BUILDING_PERMIT)

    html = handler_client.get(reverse("eservices_handler_queue", args=["bygglov"])).content
    html = html.decode()

    assert "handler-queue__row--past" in html
    assert "Tidsfristen har passerat" in html
    assert "9 dagar för sent" in html
    assert "avgiften sätts ned med 2/5" in html
    # The late case comes first, before the one with ten weeks left.
    assert html.index(case.reference) < html.index(on_time.reference)

    detail = handler_client.get(case_url(case)).content.decode()
    assert "Tidsfristen har passerat." in detail
    assert "avgiften sätts ned med 2/5" in detail


def test_the_start_page_counts_cases_and_deadlines(client):
    # A municipality of its own, so that no demo case is counted.
    slug = MunicipalityFactory().slug
    sign_in_for_admin(client, handler(slug, "handle_building_permit"))
    make_case(Kind.BUILDING_PERMIT, slug)
    late = make_case(Kind.BUILDING_PERMIT, slug)
    Case.objects.filter(pk=late.pk).update(
        clock_started_on=timezone.localdate() - datetime.timedelta(weeks=11)
    )
    make_case(Kind.BUILDING_PERMIT, "mellerud")

    html = client.get(reverse("eservices_handler_index")).content.decode()

    assert "1 ärende har passerat tidsfristen" in html
    assert f'{reverse("eservices_handler_queue", args=["bygglov"])}?status=inskickad">2<' in html


# One case ------------------------------------------------------------------------------------


def test_the_case_page_shows_the_application_and_logs_the_view(handler_client):
    unit = Unit.objects.create(
        municipality=Municipality.objects.get(slug="amal"),
        type=Unit.Type.PRESCHOOL,
        name="Förskolan Solrosen",
    )
    case = make_case(
        Kind.PRESCHOOL,
        data={
            "child_name": "Lilla Sökandesson",
            "child_number": personnummer(42),
            "care_type": "forskola",
            "start_date": "2030-01-15",
            "units": [unit.pk],
            "mon_from": "07:30",
            "mon_to": "16:00",
            "favourite_colour": "blå",
        },
    )
    identity = case.applicant.citizen_identity

    response = handler_client.get(case_url(case))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Tove Sökandesson" in html
    assert identity.number.display in html
    assert "Förskolan Solrosen" in html
    assert "Måndag" in html and "07:30–16:00" in html
    assert "Erbjudande senast" in html and "2030-01-15" in html
    assert "<dd>Lilla Sökandesson</dd>" in html
    assert f"<dd>{personnummer(42)[:8]}-{personnummer(42)[8:]}</dd>" in html
    assert "<dd>Förskola</dd>" in html  # the care type by its label
    assert "<dt>favourite_colour</dt><dd>blå</dd>" in html  # a key without a label is shown
    log = CaseLog.objects.get(case=case, action=CaseLog.Action.VIEW)
    assert log.role == "handläggare"
    assert log.actor.employee_profile.municipality.slug == "amal"


def test_an_attachment_is_downloaded_safely_and_logged(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)
    file = attach(case, "fasad.pdf")

    response = handler_client.get(
        reverse("eservices_handler_attachment", args=[case.public_id, file.public_id])
    )

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert CaseLog.objects.filter(
        case=case, action=CaseLog.Action.DOWNLOAD, detail__contains="fasad.pdf"
    ).exists()


def test_a_file_of_another_case_is_not_found_through_this_one(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)
    other = attach(make_case(Kind.BUILDING_PERMIT, "mellerud"))

    response = handler_client.get(
        reverse("eservices_handler_attachment", args=[case.public_id, other.public_id])
    )

    assert response.status_code == 404


def test_assign_to_me(handler_client, amal_handler):
    case = make_case(Kind.BUILDING_PERMIT)

    response = handler_client.post(case_url(case, "tilldela"), follow=True)

    case.refresh_from_db()
    assert case.assigned_to == amal_handler
    assert case.status == Status.IN_PROGRESS
    assert CaseEvent.objects.filter(case=case, type=CaseEvent.Type.ASSIGNED).exists()
    assert CaseLog.objects.filter(case=case, action=CaseLog.Action.CHANGE).exists()
    assert "Ärendet är nu ditt." in response.content.decode()
    assert response.redirect_chain[-1][0] == case_url(case)


def test_change_status_with_a_comment(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)

    response = handler_client.post(
        case_url(case, "status"),
        {"status-status": Status.IN_PROGRESS, "status-comment": "Granskning påbörjad."},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    event = CaseEvent.objects.get(case=case, type=CaseEvent.Type.STATUS)
    assert event.comment == "Granskning påbörjad."
    assert Notification.objects.filter(
        case=case, event=Notification.Event.STATUS, recipient="sokande@example.org"
    ).exists()


def test_an_illegal_status_change_is_refused(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)

    response = handler_client.post(case_url(case, "status"), {"status-status": Status.DECIDED})

    assert response.status_code == 200
    assert "Ärendet kan inte få den statusen nu" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert not CaseEvent.objects.filter(case=case, type=CaseEvent.Type.STATUS).exists()


def test_a_status_change_the_case_no_longer_allows_is_refused_with_a_message(
    handler_client, monkeypatch
):
    case = make_case(Kind.BUILDING_PERMIT)

    def changed_meanwhile(*args, **kwargs):
        raise services.CaseError("transition not allowed")

    monkeypatch.setattr(services, "change_status", changed_meanwhile)
    response = handler_client.post(
        case_url(case, "status"), {"status-status": Status.IN_PROGRESS}, follow=True
    )

    assert "Ärendet har ändrats av någon annan" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_a_completion_request_stops_the_clock_and_tells_the_applicant_what_is_missing(
    handler_client,
):
    case = make_case(Kind.BUILDING_PERMIT)

    response = handler_client.post(
        case_url(case, "komplettering"), {"komplettering-comment": "Situationsplan saknas."}
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.AWAITING_COMPLETION
    assert case.clock_started_on is None  # asked within three weeks of receipt
    assert CaseEvent.objects.filter(case=case, type=CaseEvent.Type.COMPLETION_REQUESTED).exists()
    message = CaseMessage.objects.get(case=case)
    assert message.body == "Situationsplan saknas." and not message.from_applicant
    assert Notification.objects.filter(case=case, event=Notification.Event.STATUS).exists()
    html = handler_client.get(case_url(case)).content.decode()
    assert "Tiden står still" in html


def test_a_completion_request_needs_to_say_what_is_missing(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)

    by_form = handler_client.post(case_url(case, "komplettering"), {"komplettering-comment": ""})
    by_status = handler_client.post(
        case_url(case, "status"), {"status-status": Status.AWAITING_COMPLETION}
    )

    for response in (by_form, by_status):
        html = response.content.decode()
        assert response.status_code == 200
        assert 'class="error-summary"' in html
        assert "form-field--error" in html
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_a_message_to_the_applicant_with_a_file(handler_client):
    case = make_case(Kind.PRESCHOOL, data={"start_date": "2030-01-15"})
    upload = SimpleUploadedFile("information.pdf", PDF, content_type="application/pdf")

    response = handler_client.post(
        case_url(case, "meddelande"),
        {"meddelande-body": "Välkommen på besök.", "meddelande-attachment": upload},
    )

    assert response.status_code == 302
    message = CaseMessage.objects.get(case=case)
    assert message.body == "Välkommen på besök."
    attachment = message.attachments.get()
    assert attachment.type == CaseAttachment.Type.MESSAGE
    assert attachment.original_name == "information.pdf"
    assert Notification.objects.filter(case=case, event=Notification.Event.MESSAGE).exists()
    assert CaseEvent.objects.filter(case=case, type=CaseEvent.Type.MESSAGE).exists()


def test_a_decision_without_a_file_gets_a_generated_pdf(handler_client, amal_handler):
    case = make_case(Kind.BUILDING_PERMIT)

    response = handler_client.post(
        case_url(case, "beslut"),
        {"beslut-outcome": Case.Outcome.APPROVED, "beslut-text": "Bygglov ges för garaget."},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.DECIDED
    assert case.decision_outcome == Case.Outcome.APPROVED
    assert case.decided_by == amal_handler
    decision = CaseAttachment.objects.get(case=case, type=CaseAttachment.Type.DECISION)
    assert decision.content_type == "application/pdf"
    with decision.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert CaseEvent.objects.filter(case=case, type=CaseEvent.Type.DECIDED).exists()
    assert CaseLog.objects.filter(case=case, detail="beslut: Bifall").exists()
    assert Notification.objects.filter(case=case, event=Notification.Event.STATUS).exists()


def test_a_decision_document_must_be_a_pdf_and_the_text_is_kept(handler_client):
    case = make_case(Kind.BUILDING_PERMIT)
    image = SimpleUploadedFile("beslut.png", PNG, content_type="image/png")

    response = handler_client.post(
        case_url(case, "beslut"),
        {
            "beslut-outcome": Case.Outcome.REJECTED,
            "beslut-text": "Åtgärden strider mot detaljplanen.",
            "beslut-document": image,
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Beslutsdokumentet måste vara en PDF-fil." in html
    assert 'href="#id_beslut-document"' in html  # the error summary links to the field
    assert "Åtgärden strider mot detaljplanen." in html
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_no_decision_while_the_co_applicant_has_not_confirmed(handler_client):
    case = make_case(
        Kind.PRESCHOOL, data={"start_date": "2030-01-15"}, co_applicant_number=personnummer(3)
    )

    page = handler_client.get(case_url(case)).content.decode()
    response = handler_client.post(
        case_url(case, "beslut"), {"beslut-outcome": "bifall", "beslut-text": "Plats erbjuds."}
    )

    assert "Väntar på medsökande" in page
    assert case_url(case, "beslut") not in page
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
