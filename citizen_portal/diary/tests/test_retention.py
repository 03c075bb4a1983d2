"""Retention of requests for documents (citizen_portal.diary.retention): a handled request is
kept DOCUMENT_REQUEST_RETENTION_DAYS after it was handled, an open one until it is handled; the
purge says so once in the audit trail; the data-protection officer's report shows the rule,
the count and the oldest date; and every showing of a request to staff is in the audit trail.

Each test makes its own register (made-up words), so the seeded demo requests change nothing
it asserts beyond counts taken before and after."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from citizen_portal.diary.models import DocumentRequest
from citizen_portal.diary.retention import purge_expired_requests
from portal.audit.models import AuthEvent
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import RegisterFactory
from .test_requests import make_request, registrar_in

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/personuppgifter/"
ADMIN_URL = "/admin/begaran-om-handlingar/"
RETENTION = 40


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.DOCUMENT_REQUEST_RETENTION_DAYS = RETENTION


@pytest.fixture
def register(db):
    return RegisterFactory(registrar_email="registrator.zyl@amal.se")


def handled(register, *, days_ago: int, **fields) -> DocumentRequest:
    handled_at = timezone.now() - timedelta(days=days_ago)
    document_request = make_request(
        register, created_at=handled_at - timedelta(days=1), status="handled", **fields
    )
    DocumentRequest.objects.filter(pk=document_request.pk).update(handled_at=handled_at)
    return document_request


def report_row(client) -> list[str]:
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    for row in BeautifulSoup(response.content, "html.parser").select("table tbody tr"):
        heading = row.find("th", scope="row").get_text(" ", strip=True)
        if heading.startswith("Begäranden om allmänna handlingar"):
            return [heading] + [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
    pytest.fail("no row for document requests in the report")


def test_the_purge_removes_handled_requests_past_retention_and_keeps_the_rest(client, register):
    old = handled(register, days_ago=RETENTION + 5, name="Zelda Zylofon")
    recent = handled(register, days_ago=RETENTION - 5)
    open_old = make_request(register, created_at=timezone.now() - timedelta(days=RETENTION * 3))
    purged_elsewhere = DocumentRequest.objects.filter(
        status="handled", handled_at__lt=timezone.now() - timedelta(days=RETENTION)
    ).exclude(pk=old.pk)
    expected = 1 + purged_elsewhere.count()
    sign_in_for_admin(client, UserFactory(is_superuser=True))
    before = report_row(client)
    assert f"{RETENTION} dagar efter att begäran hanterades" in before[1]
    assert before[3] == str(DocumentRequest.objects.count())
    oldest = min(DocumentRequest.objects.values_list("created_at", flat=True))
    assert before[4] == timezone.localtime(oldest).date().isoformat()

    assert purge_expired_requests() == expected

    assert not DocumentRequest.objects.filter(pk=old.pk).exists()
    assert DocumentRequest.objects.filter(pk=recent.pk).exists()
    assert DocumentRequest.objects.filter(pk=open_old.pk).exists()
    events = AuthEvent.objects.filter(event=AuthEvent.Event.PURGED)
    event = events.get(detail__municipality=register.municipality.short_name)
    assert event.detail["kind"] == "diary.documentrequest"
    assert event.detail["count"] >= 1
    assert "Zelda" not in str(event.detail)
    assert sum(e.detail["count"] for e in events) == expected
    after = report_row(client)
    assert after[3] == str(DocumentRequest.objects.count())
    assert int(after[3]) == int(before[3]) - expected

    assert purge_expired_requests() == 0
    assert events.count() == len({e.detail["municipality"] for e in events})


def test_a_registrars_views_of_a_request_are_in_the_audit_trail(client, register):
    document_request = make_request(register, created_at=timezone.now())
    registrar = registrar_in("amal")
    sign_in_for_admin(client, registrar)
    viewed = AuthEvent.objects.filter(event=AuthEvent.Event.DATA_VIEWED, user=registrar)

    assert client.get(f"{ADMIN_URL}edit/{document_request.pk}/").status_code == 200
    assert client.get(f"{ADMIN_URL}inspect/{document_request.pk}/").status_code == 200
    assert client.get(ADMIN_URL, REMOTE_ADDR="192.0.2.45").status_code == 200

    edit, inspect, listing = viewed.order_by("pk")
    for event in (edit, inspect):
        assert event.detail["kind"] == "diary.documentrequest"
        assert event.detail["object_id"] == document_request.pk
        assert event.detail["reference"] == document_request.reference
    assert (edit.detail["view"], inspect.detail["view"]) == ("redigera", "visa")
    assert listing.detail["view"] == "lista"
    assert listing.detail["object_id"] is None
    assert listing.detail["count"] >= 1
    assert listing.ip_address == "192.0.2.45"


def test_another_municipalitys_request_is_404_and_not_logged_as_seen(client, register):
    document_request = make_request(register, created_at=timezone.now())
    registrar = registrar_in("mellerud")
    sign_in_for_admin(client, registrar)

    assert client.get(f"{ADMIN_URL}edit/{document_request.pk}/").status_code == 404
    assert not AuthEvent.objects.filter(
        event=AuthEvent.Event.DATA_VIEWED, detail__object_id=document_request.pk
    ).exists()


def test_the_scheduler_runs_the_purge_as_a_nightly_job(register, settings):
    from portal.scheduler import run_due_jobs

    settings.SCHEDULED_JOBS = {
        "purge_document_requests": {
            "call": "citizen_portal.diary.retention.purge_expired_requests",
            "at": "03:50",
        }
    }
    old = handled(register, days_ago=RETENTION + 1)

    assert run_due_jobs() == ["purge_document_requests"]

    assert not DocumentRequest.objects.filter(pk=old.pk).exists()
