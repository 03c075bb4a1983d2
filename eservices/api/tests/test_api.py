"""The case API as a back-office system uses it: a token by client credentials, the new cases
of its municipality and e-services, one case with its answers and drawing, and the writes, each
idempotent, in the case's history and log under the system's name, with the resident's e-mail.
A case outside the client's municipality or e-services is a 404, whatever the id."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from oauth2_provider.models import AccessToken

from eservices.models import Case, CaseEvent, CaseLog, Notification

from .conftest import api_for
from .factories import BENGT_EMAIL, PDF, basic, building_permit

pytestmark = pytest.mark.django_db

Status = Case.Status


def case_url(case, action=""):
    url = reverse("case_api_case", args=[case.reference])
    return f"{url}{action}/" if action else url


def emails_to_bengt():
    """The e-mails queued for Bengt (sent once the change commits, which a test's rolled-back
    transaction never does; tests/case_api/test_mellerud_byggr.py sees them sent)."""
    return list(
        Notification.objects.filter(recipient=BENGT_EMAIL).exclude(
            event=Notification.Event.SUBMITTED
        )
    )


# Getting in --------------------------------------------------------------------------------


def test_a_token_is_given_for_client_credentials_and_lasts_an_hour(client, byggr):
    response = client.post(
        reverse("case_api_token"),
        {"grant_type": "client_credentials"},
        HTTP_AUTHORIZATION=basic(byggr[1], byggr[2]),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "cases"
    assert body["expires_in"] == 3600


def test_the_secret_is_stored_hashed_and_a_wrong_one_gets_no_token(client, byggr):
    registered, client_id, secret = byggr
    registered.application.refresh_from_db()
    assert registered.application.client_secret != secret
    assert secret not in registered.application.client_secret
    response = client.post(
        reverse("case_api_token"),
        {"grant_type": "client_credentials"},
        HTTP_AUTHORIZATION=basic(client_id, secret + "x"),
    )
    assert response.status_code == 401


def test_an_inactive_client_gets_no_token_and_its_tokens_stop_working(client, byggr, api, case):
    from eservices.api.credentials import save_client

    registered, client_id, secret = byggr
    registered.active = False
    save_client(registered)
    assert api.get(case_url(case)).status_code == 401
    response = client.post(
        reverse("case_api_token"),
        {"grant_type": "client_credentials"},
        HTTP_AUTHORIZATION=basic(client_id, secret),
    )
    assert response.status_code in (400, 401)


def test_other_grant_types_are_refused(client, byggr):
    response = client.post(
        reverse("case_api_token"),
        {"grant_type": "password", "username": "x", "password": "y"},
        HTTP_AUTHORIZATION=basic(byggr[1], byggr[2]),
    )
    assert response.status_code in (400, 401)


def test_without_a_token_the_answer_is_401_with_a_challenge(client, case):
    response = client.get(reverse("case_api_cases"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith('Bearer realm="cases"')
    assert response["Content-Type"] == "application/problem+json"
    response = client.get(reverse("case_api_cases"), HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401
    assert 'error="invalid_token"' in response["WWW-Authenticate"]


def test_a_token_without_the_scope_is_403(client, byggr):
    registered = byggr[0]
    AccessToken.objects.create(
        application=registered.application,
        user=registered.user,
        token="no-scope-token",
        scope="other",
        expires=timezone.now() + datetime.timedelta(hours=1),
    )
    response = client.get(reverse("case_api_cases"), HTTP_AUTHORIZATION="Bearer no-scope-token")
    assert response.status_code == 403
    assert "insufficient_scope" in response["WWW-Authenticate"]


# Reading -----------------------------------------------------------------------------------


def test_the_list_has_the_clients_new_cases_and_not_others(api, case):
    amal = building_permit(slug="amal")
    response = api.get(reverse("case_api_cases"), data={"unacknowledged": "true"})
    assert response.status_code == 200
    references = [row["reference"] for row in response.json()["results"]]
    assert case.reference in references
    assert amal.reference not in references
    assert all(row["municipality"] == "mellerud" for row in response.json()["results"])


def test_the_list_follows_changed_since_and_acknowledgement(api, case):
    since = (timezone.now() + datetime.timedelta(seconds=1)).isoformat()
    response = api.get(reverse("case_api_cases"), data={"changed_since": since})
    assert case.reference not in [r["reference"] for r in response.json()["results"]]
    assert api.post(case_url(case, "acknowledge"), key="ack-1").status_code == 200
    response = api.get(reverse("case_api_cases"), data={"unacknowledged": "true"})
    assert case.reference not in [r["reference"] for r in response.json()["results"]]
    response = api.get(reverse("case_api_cases"), data={"changed_since": "yesterday"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_case_comes_with_its_answers_applicant_and_drawing(api, case):
    response = api.get(case_url(case))
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == case.reference
    assert body["eservice"] == "bygglov"
    assert body["applicant"]["personal_identity_number"] == "196408233234"
    assert body["data"]["property_designation"] == "Mellerud Sunnanå 1:38"
    texts = [row.get("text") for section in body["answers"] for row in section["rows"]]
    assert "Mellerud Sunnanå 1:38" in texts
    (drawing,) = body["attachments"]
    assert drawing["name"] == "fasadritning.pdf"
    log = CaseLog.objects.filter(case=case, action=CaseLog.Action.VIEW).first()
    assert log.actor_label == "Mellerud ByggR (system)"
    assert log.role == "system"

    download = api.get(drawing["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="fasadritning.pdf"' in download["Content-Disposition"]
    logged = CaseLog.objects.filter(case=case, action=CaseLog.Action.DOWNLOAD).get()
    assert logged.actor_label == "Mellerud ByggR (system)"
    assert logged.detail == "fasadritning.pdf"


def test_another_municipalitys_client_gets_404_for_the_case_and_its_drawing(client, case):
    amal = api_for(client, "Åmål ByggR", "amal", "bygglov")
    drawing = case.attachments.get()
    for path in (
        case_url(case),
        reverse("case_api_attachment", args=[case.reference, drawing.public_id]),
    ):
        response = amal.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"
    response = amal.post(case_url(case, "status"), {"status": "handlaggs"}, key="k1")
    assert response.status_code == 404
    assert Case.objects.get(pk=case.pk).status == Status.SUBMITTED


def test_a_preschool_client_gets_404_for_a_building_permit(client, case):
    preschool = api_for(client, "Mellerud förskolesystem", "mellerud", "forskola")
    assert preschool.get(case_url(case)).status_code == 404
    assert preschool.post(case_url(case, "acknowledge"), key="k").status_code == 404
    listed = preschool.get(reverse("case_api_cases")).json()["results"]
    assert case.reference not in [row["reference"] for row in listed]


def test_a_draft_is_404(api, case):
    Case.objects.filter(pk=case.pk).update(status=Status.DRAFT)
    assert api.get(case_url(case)).status_code == 404


def test_a_file_of_another_case_or_no_file_is_404_through_this_case(api, case):
    other = building_permit(drawing="annan.pdf")
    file = other.attachments.get()
    for file_id in (file.public_id, "not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        response = api.get(reverse("case_api_attachment", args=[case.reference, file_id]))
        assert response.status_code == 404, file_id
        assert response["Content-Type"] == "application/problem+json"


# Writing -----------------------------------------------------------------------------------


def test_a_status_change_is_in_the_history_and_log_under_the_systems_name(api, case):
    response = api.post(case_url(case, "status"), {"status": "handlaggs"}, key="s-1")
    assert response.status_code == 200
    assert response.json()["status"] == "handlaggs"
    event = case.events.get(type=CaseEvent.Type.STATUS)
    assert event.actor.get_full_name() == "Mellerud ByggR (system)"
    log = CaseLog.objects.filter(case=case, action=CaseLog.Action.CHANGE).first()
    assert log.actor_label == "Mellerud ByggR (system)"
    assert log.role == "system"
    assert len(emails_to_bengt()) == 1


def test_a_write_without_an_idempotency_key_is_400(api, case):
    response = api.post(case_url(case, "status"), {"status": "handlaggs"})
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["detail"]
    assert Case.objects.get(pk=case.pk).status == Status.SUBMITTED


def test_the_same_key_again_changes_nothing_and_another_body_is_422(api, case):
    first = api.post(case_url(case, "status"), {"status": "handlaggs"}, key="same")
    again = api.post(case_url(case, "status"), {"status": "handlaggs"}, key="same")
    assert again.status_code == first.status_code == 200
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert case.events.filter(type=CaseEvent.Type.STATUS).count() == 1
    assert len(emails_to_bengt()) == 1
    other = api.post(case_url(case, "status"), {"status": "avslutad"}, key="same")
    assert other.status_code == 422
    assert Case.objects.get(pk=case.pk).status == Status.IN_PROGRESS


def test_a_transition_the_case_does_not_allow_is_409(api, case):
    api.post(case_url(case, "status"), {"status": "avslutad"}, key="close")
    response = api.post(case_url(case, "status"), {"status": "handlaggs"}, key="reopen")
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    response = api.post(case_url(case, "completion-requests"), {"body": "Ritning"}, key="c")
    assert response.status_code == 409


def test_bad_fields_are_400_not_500(api, case):
    for data in ({"status": 5}, {"status": "nonsense"}, {}):
        response = api.post(case_url(case, "status"), data, key=f"bad-{data}")
        assert response.status_code == 400, data
    response = api.client.post(
        case_url(case, "status"),
        "not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.token}",
        HTTP_IDEMPOTENCY_KEY="nj",
    )
    assert response.status_code == 400


def test_a_completion_request_and_a_message_reach_the_resident(api, case):
    response = api.post(
        case_url(case, "completion-requests"),
        {"body": "Situationsplanen saknas."},
        key="c-1",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "komplettering"
    assert len(emails_to_bengt()) == 1
    response = api.post(
        case_url(case, "messages"),
        {"body": "Se bifogad checklista.", "file": SimpleUploadedFile("lista.pdf", PDF)},
        key="m-1",
        json=False,
    )
    assert response.status_code == 201
    assert len(emails_to_bengt()) == 2
    assert [m["body"] for m in response.json()["messages"]] == [
        "Situationsplanen saknas.",
        "Se bifogad checklista.",
    ]
    assert response.json()["messages"][1]["attachments"][0]["name"] == "lista.pdf"


def test_a_decision_needs_a_real_pdf(api, case):
    response = api.post(
        case_url(case, "decision"),
        {
            "outcome": "bifall",
            "text": "Bygglov ges.",
            "document": SimpleUploadedFile("beslut.pdf", b"<html>not a pdf"),
        },
        key="d-bad",
        json=False,
    )
    assert response.status_code == 400
    assert "document" in response.json()["errors"]
    assert Case.objects.get(pk=case.pk).status == Status.SUBMITTED


def test_a_decision_with_its_pdf_is_recorded_once(api, case):
    def post():
        return api.post(
            case_url(case, "decision"),
            {
                "outcome": "bifall",
                "text": "Bygglov ges för tillbyggnaden.",
                "document": SimpleUploadedFile("beslut.pdf", PDF),
            },
            key="decision-1",
            json=False,
        )

    first = post()
    assert first.status_code == 200
    assert first.json()["decision"]["outcome"] == "bifall"
    assert first.json()["decision"]["document"]["name"] == "beslut.pdf"
    case.refresh_from_db()
    assert case.status == Status.DECIDED
    assert case.decided_by.case_api_client.name == "Mellerud ByggR"
    events = case.events.count()
    again = post()
    assert again.json() == first.json()
    assert case.events.count() == events
    assert len(emails_to_bengt()) == 1
    assert Notification.objects.filter(case=case, event=Notification.Event.STATUS).count() == 1


def test_the_existing_handler_path_keeps_its_role(case):
    from django.test import RequestFactory

    from eservices import services
    from portal.tests.factories import UserFactory

    request = RequestFactory().post("/")
    request.user = UserFactory(first_name="Erik", last_name="Magnusson")
    services.change_status(request, case, Status.IN_PROGRESS)
    log = CaseLog.objects.filter(case=case, action=CaseLog.Action.CHANGE).first()
    assert (log.role, log.actor_label) == ("handläggare", "Erik Magnusson")


def test_the_api_throttles_per_client(api, case, settings):
    settings.CASE_API_REQUESTS_PER_MINUTE = 2
    assert api.get(case_url(case)).status_code == 200
    assert api.get(case_url(case)).status_code == 200
    response = api.get(case_url(case))
    assert response.status_code == 429
    assert "Retry-After" in response


def test_a_token_in_the_query_string_is_not_accepted(client, api, case):
    response = client.get(case_url(case), data={"access_token": api.token})
    assert response.status_code == 401


def test_stored_answers_go_with_their_case_and_after_a_week(api, case, settings):
    from eservices.api.models import IdempotentRequest
    from eservices.api.retention import purge_old_records

    api.post(case_url(case, "status"), {"status": "handlaggs"}, key="kept")
    stored = IdempotentRequest.objects.get(key="kept")
    assert stored.case_id == case.pk
    assert purge_old_records()["idempotency_answers"] == 0
    IdempotentRequest.objects.filter(pk=stored.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.CASE_API_IDEMPOTENCY_DAYS + 1)
    )
    assert purge_old_records()["idempotency_answers"] == 1

    api.post(case_url(case, "status"), {"status": "avslutad"}, key="with-the-case")
    Case.objects.filter(pk=case.pk).delete()
    assert not IdempotentRequest.objects.filter(key="with-the-case").exists()


def test_the_stored_answers_are_in_the_personal_data_report():
    from eservices.personal_data import holdings

    (row,) = [h for h in holdings() if "idempotensnycklar" in str(h.label)]
    assert "7 dagar" in str(row.retention)
