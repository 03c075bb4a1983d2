"""Webhooks to a system's own HTTP server on loopback: a resident submits, completes or writes;
the system gets a POST signed as Standard Webhooks says, checked here with the `standardwebhooks`
package (an implementation we did not write), carrying no personal data. A delivery that fails
is kept with its error and tried again by the scheduler's sweep."""

import datetime
import http.server
import json
import socket
import threading

import pytest
from django.test import RequestFactory
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from eservices import services
from eservices.api.models import WebhookDelivery
from eservices.api.webhooks import deliver_due_webhooks
from eservices.models import Case

from .factories import building_permit, make_client

pytestmark = pytest.mark.django_db


class Receiver:
    """An HTTP server on a free loopback port that records what it is sent and answers with
    the statuses it is given, in turn (then 200)."""

    def __init__(self, statuses=()):
        self.received = []
        self.statuses = list(statuses)
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                receiver.received.append((dict(self.headers), self.rfile.read(length)))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/portal"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def hooked(receiver):
    return make_client("Mellerud ByggR", "mellerud", "bygglov", webhook_url=receiver.url)[0]


def verified(client, headers, body):
    """The payload, if the signature checks out with the client's secret."""
    lowered = {name.lower(): value for name, value in headers.items()}
    return Webhook(client.webhook_secret).verify(body, lowered)


def test_a_submitted_application_is_posted_signed_and_without_personal_data(
    hooked, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = building_permit()
    (headers, body) = receiver.received[0]
    payload = verified(hooked, headers, body)
    assert payload["type"] == "case.submitted"
    assert payload["data"] == {
        "reference": case.reference,
        "url": f"http://127.0.0.1:8000/api/v1/cases/{case.reference}/",
    }
    assert set(payload) == {"type", "timestamp", "data"}
    assert "Bengt" not in body.decode() and "196408233234" not in body.decode()
    delivery = WebhookDelivery.objects.get(client=hooked)
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert headers["webhook-id"] == delivery.message_id


def test_a_forged_signature_does_not_verify(hooked, receiver, django_capture_on_commit_callbacks):
    from standardwebhooks.webhooks import WebhookVerificationError

    with django_capture_on_commit_callbacks(execute=True):
        building_permit()
    headers, body = receiver.received[0]
    with pytest.raises(WebhookVerificationError):
        verified(hooked, headers, body.replace(b"submitted", b"completed"))


def test_a_completion_and_a_message_from_the_resident_are_posted(
    hooked, receiver, django_capture_on_commit_callbacks
):
    case = building_permit()
    request = RequestFactory().post("/")
    request.user = case.applicant
    Case.objects.filter(pk=case.pk).update(status=Case.Status.AWAITING_COMPLETION)
    with django_capture_on_commit_callbacks(execute=True):
        services.applicant_message(request, case, "Här är situationsplanen.", completion=True)
        services.applicant_message(request, case, "Och en fråga.")
    types = [verified(hooked, h, b)["type"] for h, b in receiver.received]
    assert types == ["case.completed", "case.message"]


def test_only_clients_covering_the_case_get_it(receiver, django_capture_on_commit_callbacks):
    make_client("Åmål ByggR", "amal", "bygglov", webhook_url=receiver.url)
    make_client("Mellerud förskolesystem", "mellerud", "forskola", webhook_url=receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        building_permit()
    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_a_failed_delivery_is_kept_and_tried_again_by_the_sweep(
    hooked, receiver, django_capture_on_commit_callbacks
):
    receiver.statuses = [500]
    with django_capture_on_commit_callbacks(execute=True):
        building_permit()
    delivery = WebhookDelivery.objects.get(client=hooked)
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert delivery.attempts == 1
    assert delivery.last_error == "HTTP 500"
    assert delivery.next_attempt_at > timezone.now()
    assert deliver_due_webhooks() == {"delivered": 0, "failed": 0}  # not yet due

    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert deliver_due_webhooks() == {"delivered": 1, "failed": 0}
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.attempts == 2
    assert len(receiver.received) == 2
    # The same message id both times, so the system can drop the duplicate it may have seen.
    assert receiver.received[0][0]["webhook-id"] == receiver.received[1][0]["webhook-id"]


def test_an_unreachable_system_is_given_up_after_the_last_attempt(
    settings, django_capture_on_commit_callbacks
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_client(
        "Mellerud ByggR", "mellerud", "bygglov", webhook_url=f"http://127.0.0.1:{port}/"
    )[0]
    settings.CASE_API_WEBHOOK_MAX_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=True):
        building_permit()
    delivery = WebhookDelivery.objects.get(client=client)
    assert delivery.attempts == 1
    assert "ConnectionError" in delivery.last_error
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    deliver_due_webhooks()
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert json.loads(json.dumps(delivery.payload))["type"] == "case.submitted"


def test_the_scheduler_sweeps_due_webhooks_every_minute():
    from portal import scheduler

    jobs = {job.name: job for job in scheduler.load_jobs()}
    assert jobs["send_webhooks"].func is deliver_due_webhooks
    assert jobs["send_webhooks"].every == datetime.timedelta(minutes=1)
    assert jobs["purge_case_api_records"].at is not None
