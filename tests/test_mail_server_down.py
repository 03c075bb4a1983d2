"""The mail server is down: a form submission, a request for documents and an e-service
application are all accepted without waiting for it, and once it is back every e-mail arrives
exactly once.

The parts are real: django-tasks-db stores the tasks, the portal's `task_worker` command runs
them (in this process, on the test's database), Django's SMTP backend talks to a real SMTP
server (aiosmtpd), and "down" is a server that accepts connections and never answers, the
worst case for whoever waits for it. The pauses before the next attempt are passed by moving
the clock of the sweep.
"""

import datetime
import email
import email.policy
import socket
import threading
import time
import uuid
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from citizen_portal.diary.models import Register
from citizen_portal.forms import CONFIRMATION_NAME
from citizen_portal.models import FormPage
from citizen_portal.tests.test_forms import parking_data
from eservices.models import Notification
from eservices.notifications import deliver_due_notifications
from eservices.tests.factories import EMMA, make_citizen, preschool_answers
from portal.models import OutgoingEmail
from portal.outbox import deliver_due
from tests.processes import free_port

pytestmark = pytest.mark.django_db

SMTP = "django.core.mail.backends.smtp.EmailBackend"
DELIVERY_TASKS = ["portal.outbox.deliver_email", "eservices.notifications.deliver_notifications"]
TIMEOUT = 3  # EMAIL_TIMEOUT: what anyone who talked to the silent server would wait


class SilentServer:
    """A mail server that has hung: it accepts connections and never says a word."""

    def __init__(self, port):
        self.sock = socket.create_server(("127.0.0.1", port))
        self.sock.settimeout(0.1)
        self.connections = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections.append(conn)

    def close(self):
        self.stopped.set()
        self.thread.join(timeout=5)
        self.sock.close()
        for conn in self.connections:
            conn.close()


class Inbox:
    """aiosmtpd's handler: every message the server accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((tuple(envelope.rcpt_tos), str(message["Subject"]).strip()))
        return "250 OK"


@pytest.fixture(autouse=True)
def _clean_cache():
    """The throttles and the "mail server down" mark live in the cache, not the database."""
    cache.clear()
    yield
    cache.clear()


def run_worker():
    """The task worker (`task_worker`, django-tasks-db's worker): every ready task, then it
    stops. It runs inside the test's transaction, so it must not close the connection between
    tasks as a worker process does."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _worker_command()


def _worker_command():
    call_command(
        "task_worker",
        "--batch",
        "--no-reload",
        "--no-startup-delay",
        "--queue-name",
        "*",
        "--interval",
        "0",
        verbosity=0,
    )


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def submit_all_three(client, emma, capture):
    """A form with a receipt, a request for a document with a confirmation, and a preschool
    application; returns each response and how long it took."""
    parking = FormPage.objects.get(locale__language_code="sv", slug="ansok-om-parkeringstillstand")
    register = Register.objects.filter(municipality__slug="amal").first()
    document_request = {
        "municipality": "amal",
        "register": str(register.pk),
        "case_number": "",
        "description": "Bygglovsbeslutet för Kasen 4 från maj 2026.",
        "access": "electronic",
        "name": "Zelda Zylofon",
        "email": "zelda@example.org",
        "postal_address": "",
        "phone": "",
        "website": "",
    }
    application = {"submission_key": str(uuid.uuid4()), **preschool_answers()}
    posts = [
        (None, parking.url, parking_data(parking, **{CONFIRMATION_NAME: "on"})),
        (None, "/diarium/begar-ut/", document_request),
        (emma, "/e-tjanster/forskola/ansok/?kommun=amal", application),
    ]
    results = []
    for user, url, data in posts:
        if user is not None:
            client.force_login(user)
        with capture(execute=True):
            started = time.monotonic()
            response = client.post(url, data)
            results.append((url, response, time.monotonic() - started))
    return results


def test_with_the_mail_server_down_everything_is_accepted_and_mailed_once_when_it_is_back(
    client, settings, django_capture_on_commit_callbacks
):
    emma = make_citizen("emma", EMMA, "Emma", "Karlsson")
    port = free_port()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.OUTBOX_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, TIMEOUT

    silent = SilentServer(port)
    try:
        results = submit_all_three(client, emma, django_capture_on_commit_callbacks)
        for url, response, seconds in results:
            assert response.status_code == 302, (url, response.content.decode()[:3000])
            # Nobody's request talked to the mail server, so nobody waited for it.
            assert seconds < TIMEOUT, (url, seconds)
        assert silent.connections == []

        emails = list(OutgoingEmail.objects.filter(sent_at=None))
        notifications = list(Notification.objects.filter(sent_at=None))
        assert sorted(e.kind for e in emails) == [
            "document-request",
            "document-request-receipt",
            "form",
            "form-receipt",
        ]
        assert {"emma.karlsson@example.se"} <= {n.recipient for n in notifications}
        assert len(notifications) >= 2, "the applicant and the municipality"
        expected = sorted(
            [(tuple(e.to), e.subject) for e in emails]
            + [((n.recipient,), None) for n in notifications]
        )
        deliveries = DBTaskResult.objects.ready().filter(task_path__in=DELIVERY_TASKS)
        # A task per stored e-mail, and one for all the notifications of the application.
        assert deliveries.count() == len(emails) + 1, "a task for the worker per change"

        # The worker takes the tasks: the first e-mail waits for the silent server and fails;
        # the others are left to the sweep instead of each waiting as long.
        run_worker()
        assert DBTaskResult.objects.ready().count() == 0
        assert len(silent.connections) == 1
        assert not OutgoingEmail.objects.filter(sent_at__isnull=False).exists()
        assert not Notification.objects.filter(sent_at__isnull=False).exists()
    finally:
        silent.close()

    # The mail server is back on the same address; the scheduler sweeps every minute.
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        later = timezone.now() + datetime.timedelta(hours=1)
        with mock.patch("django.utils.timezone.now", return_value=later):
            for _ in range(3):
                deliver_due()
                deliver_due_notifications()
        run_worker()
    finally:
        controller.stop()

    assert not OutgoingEmail.objects.filter(sent_at=None).exists()
    assert not Notification.objects.filter(sent_at=None).exists()
    assert sorted(to for to, _ in inbox.messages) == sorted(to for to, _ in expected), "once each"
    for to, subject in expected:
        if subject is not None:
            assert (to, subject) in inbox.messages
