"""Following a case on Mina sidor: only one's own cases exist, every look is logged, and the
applicant can answer, complete, withdraw and read the decision; the second guardian confirms."""

import json
import re
import uuid

import pytest
from django.test import RequestFactory

from eservices import services
from eservices.models import Case, CaseAttachment, CaseLog, Kind
from portal.identity.models import EmployeeProfile
from portal.models import Municipality
from portal.tests.factories import UserFactory

from .factories import building_answers, drawing, preschool_answers

APPLY_PRESCHOOL = "/e-tjanster/forskola/ansok/?kommun=amal"


def submit_preschool(client, user, **overrides):
    client.force_login(user)
    client.post(
        APPLY_PRESCHOOL,
        {"submission_key": str(uuid.uuid4()), **preschool_answers(**overrides)},
    )
    return Case.objects.filter(applicant=user).latest("created_at")


def submit_permit(client, user):
    client.force_login(user)
    client.post(
        "/e-tjanster/bygglov/ansok/",
        {"submission_key": str(uuid.uuid4()), **building_answers(), "drawings": [drawing()]},
    )
    return Case.objects.filter(applicant=user).latest("created_at")


def handler_request(municipality_slug="amal"):
    """A request as a handler of the municipality would make it, for services.*."""
    user = UserFactory(username=f"handler-{municipality_slug}-{uuid.uuid4().hex[:6]}")
    EmployeeProfile.objects.create(
        user=user, municipality=Municipality.objects.get(slug=municipality_slug)
    )
    request = RequestFactory().post("/")
    request.user = user
    return request


@pytest.fixture
def emmas_case(client, emma):
    return submit_preschool(client, emma)


def case_urls(case):
    base = f"/mina-sidor/arenden/{case.public_id}"
    return [f"{base}/", f"{base}/kvitto/"]


def test_another_resident_gets_404_for_the_case_its_files_and_messages(client, emma, tolvan):
    case = submit_permit(client, tolvan)
    handler = handler_request("mellerud")
    services.handler_message(handler, case, "Vi behöver en fasadritning mot norr.")
    attachment = case.attachments.get()
    client.force_login(emma)

    for url in case_urls(case):
        assert client.get(url).status_code == 404, url
    base = f"/mina-sidor/arenden/{case.public_id}"
    assert client.get(f"{base}/bilagor/{attachment.public_id}/").status_code == 404
    assert client.post(f"{base}/meddelande/", {"msg-body": "Hej"}).status_code == 404
    assert client.post(f"{base}/aterkalla/", {"withdraw-confirm": "on"}).status_code == 404
    assert client.post(f"{base}/bekrafta/").status_code == 404
    assert client.get(f"{base}/andra/").status_code == 404

    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED
    assert case.messages.count() == 1
    # The answers in the 404 pages give nothing away.
    html = client.get(f"{base}/").content.decode()
    assert "Sunnanå" not in html and case.reference not in html


def test_a_draft_is_the_applicants_alone(client, emma, tolvan):
    client.force_login(emma)
    client.post(
        APPLY_PRESCHOOL, {"submission_key": str(uuid.uuid4()), **preschool_answers(action="save")}
    )
    draft = Case.objects.get(applicant=emma)
    client.force_login(tolvan)

    assert client.get(f"/mina-sidor/arenden/{draft.public_id}/andra/").status_code == 404
    response = client.post(
        f"/mina-sidor/arenden/{draft.public_id}/andra/",
        {"submission_key": str(draft.submission_key), **preschool_answers()},
    )
    assert response.status_code == 404
    # Reusing someone's form token does not take over their draft either.
    response = client.post(
        APPLY_PRESCHOOL, {"submission_key": str(draft.submission_key), **preschool_answers()}
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == Case.Status.DRAFT and draft.applicant == emma


def test_guessed_identifiers_reveal_nothing(client, emmas_case, tolvan):
    client.force_login(tolvan)

    for url in (
        f"/mina-sidor/arenden/{uuid.uuid4()}/",
        f"/mina-sidor/arenden/{emmas_case.pk}/",
        f"/mina-sidor/arenden/{emmas_case.reference}/",
        f"/mina-sidor/arenden/{emmas_case.public_id}/bilagor/{uuid.uuid4()}/",
    ):
        assert client.get(url).status_code == 404, url
    # Another case's random id, real but not one's own, answers exactly like a made-up one.
    guess = uuid.uuid4()
    made_up = client.get(f"/mina-sidor/arenden/{guess}/")
    real = client.get(f"/mina-sidor/arenden/{emmas_case.public_id}/")
    assert made_up.status_code == real.status_code == 404

    # The pages differ only in the address they repeat (the language switch links to it), in
    # the CSRF token of the logout form, masked afresh for every answer (Django's BREACH
    # protection), and in the seconds the session has left: none says anything about the case.
    def same(response, identifier):
        html = response.content.decode().replace(str(identifier), "ID")
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
        return re.sub(r'data-(idle|max)-left="[0-9]+"', "LEFT", html)

    assert same(made_up, guess) == same(real, emmas_case.public_id)


def test_every_look_at_a_case_is_logged(client, emmas_case, emma):
    client.force_login(emma)
    client.get(f"/mina-sidor/arenden/{emmas_case.public_id}/")

    entry = CaseLog.objects.filter(case=emmas_case, action=CaseLog.Action.VIEW).latest("pk")
    assert entry.actor == emma
    assert entry.role == "sökande"
    assert entry.ip_address == "127.0.0.1"


def test_the_second_guardian_confirms_in_their_own_login(client, emmas_case, jonas):
    client.force_login(jonas)

    mina_sidor = client.get("/mina-sidor/").content.decode()
    assert "Ansökningar som väntar på dig" in mina_sidor
    assert str(emmas_case.public_id) in mina_sidor
    html = client.get(f"/mina-sidor/arenden/{emmas_case.public_id}/").content.decode()
    assert "Jag står bakom ansökan" in html
    assert "Återkalla ansökan" not in html  # only the applicant withdraws

    client.post(f"/mina-sidor/arenden/{emmas_case.public_id}/bekrafta/")

    emmas_case.refresh_from_db()
    assert emmas_case.co_applicant == jonas
    assert emmas_case.co_applicant_confirmed_at is not None
    assert (
        client.post(
            f"/mina-sidor/arenden/{emmas_case.public_id}/aterkalla/", {"withdraw-confirm": "on"}
        ).status_code
        == 404
    )


def test_the_handler_cannot_decide_before_the_second_guardian_confirms(emmas_case):
    handler = handler_request("amal")

    with pytest.raises(services.CaseError):
        services.decide(handler, emmas_case, Case.Outcome.APPROVED, "Plats erbjuds.")


def test_a_request_for_completion_is_answered_with_files(client, tolvan):
    case = submit_permit(client, tolvan)
    handler = handler_request("mellerud")
    services.change_status(
        handler, case, Case.Status.AWAITING_COMPLETION, "Fasadritning mot norr saknas."
    )
    case.refresh_from_db()
    assert case.clock_started_on is None  # requested within three weeks: the clock restarts

    html = client.get(f"/mina-sidor/arenden/{case.public_id}/").content.decode()
    assert "Handläggaren behöver fler uppgifter från dig" in html
    assert "Fasadritning mot norr saknas." in html

    client.post(
        f"/mina-sidor/arenden/{case.public_id}/meddelande/",
        {"msg-body": "Här är fasadritningen.", "msg-files": [drawing("fasad-norr.pdf")]},
    )

    case.refresh_from_db()
    assert case.status == Case.Status.COMPLETED
    assert case.clock_started_on is not None
    completion = case.attachments.get(type=CaseAttachment.Type.COMPLETION)
    assert completion.original_name == "fasad-norr.pdf"


def test_an_empty_message_is_refused_in_swedish(client, emmas_case, emma):
    client.force_login(emma)

    response = client.post(
        f"/mina-sidor/arenden/{emmas_case.public_id}/meddelande/", {"msg-body": ""}
    )

    assert response.status_code == 400
    assert "Skriv ett meddelande." in response.content.decode()
    assert emmas_case.messages.count() == 0


def test_withdrawing_needs_confirmation_and_closes_the_case(client, emmas_case, emma):
    client.force_login(emma)
    url = f"/mina-sidor/arenden/{emmas_case.public_id}/aterkalla/"

    response = client.post(url, {"withdraw-reason": "Vi har flyttat."})
    assert response.status_code == 400
    assert "Kryssa i att du vill återkalla ansökan" in response.content.decode()
    assert "Vi har flyttat." in response.content.decode()

    client.post(url, {"withdraw-reason": "Vi har flyttat.", "withdraw-confirm": "on"})
    emmas_case.refresh_from_db()
    assert emmas_case.status == Case.Status.WITHDRAWN
    assert emmas_case.closed_at is not None
    assert emmas_case.events.filter(type="aterkallad", comment="Vi har flyttat.").exists()


def test_the_decision_and_its_document_reach_the_applicant(client, tolvan):
    case = submit_permit(client, tolvan)
    handler = handler_request("mellerud")
    services.decide(handler, case, Case.Outcome.APPROVED, "Bygglov beviljas för tillbyggnaden.")

    html = client.get(f"/mina-sidor/arenden/{case.public_id}/").content.decode()
    assert "Beslut: Bifall" in html
    assert "Bygglov beviljas för tillbyggnaden." in html
    document = case.attachments.get(type=CaseAttachment.Type.DECISION)
    response = client.get(f"/mina-sidor/arenden/{case.public_id}/bilagor/{document.public_id}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert CaseLog.objects.filter(case=case, action=CaseLog.Action.DOWNLOAD, actor=tolvan).exists()


def test_my_data_is_downloadable_as_json_with_only_my_cases(client, emma, tolvan):
    submit_permit(client, tolvan)
    case = submit_preschool(client, emma)

    response = client.get("/mina-sidor/mina-uppgifter.json")

    assert response["Content-Disposition"] == 'attachment; filename="mina-uppgifter.json"'
    data = json.loads(response.content)
    assert data["person"]["namn"] == "Emma Karlsson"
    assert [c["arendenummer"] for c in data["arenden"]] == [case.reference]
    assert data["arenden"][0]["uppgifter"]["child_name"] == "Alva Karlsson"
    assert response["Cache-Control"].startswith("private")


def test_mina_sidor_lists_my_cases_with_their_status(client, emmas_case, emma):
    client.force_login(emma)

    html = client.get("/mina-sidor/").content.decode()

    assert emmas_case.reference in html
    assert "Inskickad" in html
    assert emmas_case.eservice.kind == Kind.PRESCHOOL
