"""`/health/` is what the load balancer asks: 200 with JSON while the database answers, 503
when a check fails, and never the reason in detail."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal import health, scheduler
from portal.models import ScheduledJob

pytestmark = pytest.mark.django_db


def test_health_answers_200_with_json_when_the_database_answers(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_when_the_database_check_fails(client, monkeypatch):
    def database_down():
        raise ConnectionError("could not connect to server at 10.0.0.5 password=hunter2")

    monkeypatch.setattr(health, "check_database", database_down)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body == {"status": "error", "checks": {"database": {"status": "error"}}}
    assert b"hunter2" not in response.content


def test_health_reports_redis_down_without_taking_the_server_out(client, monkeypatch, settings):
    """The portal serves without Redis (portal/cache_backends.py), and every server shares it:
    its loss is "degraded", not 503, or the load balancer would take out every server at once."""
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"

    def cache_down():
        raise ConnectionError("redis is down")

    monkeypatch.setattr(health, "check_cache", cache_down)

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == {"status": "error"}
    assert response.json()["checks"]["database"]["status"] == "ok"


def test_health_does_not_check_a_cache_that_is_not_configured(client, settings):
    settings.REDIS_URL = ""

    assert "cache" not in client.get("/health/").json()["checks"]


def test_health_only_answers_get_and_head(client):
    assert client.post("/health/").status_code == 405
    # Load balancers often probe with HEAD.
    assert client.head("/health/").status_code == 200


HERE = "portal.tests.test_health"


def every_minute():
    return None


@pytest.fixture
def scheduled(settings):
    """A scheduler checked by `/health/` with one job every minute and one daily job."""
    settings.HEALTH_SCHEDULER_STALE_AFTER = 600
    settings.SCHEDULED_JOBS = {
        "often": {"call": f"{HERE}.every_minute", "every": 60},
        "nightly": {"call": f"{HERE}.every_minute", "at": "03:00"},
    }


def due(name, seconds_ago):
    ScheduledJob.objects.update_or_create(
        name=name, defaults={"next_run_at": timezone.now() - timedelta(seconds=seconds_ago)}
    )


def test_health_does_not_check_the_scheduler_unless_configured(client, settings):
    settings.HEALTH_SCHEDULER_STALE_AFTER = 0
    due("publish_scheduled", 10 * 24 * 3600)

    response = client.get("/health/")

    assert response.status_code == 200
    assert "scheduler" not in response.json()["checks"]


def test_health_is_ok_while_the_scheduler_runs_its_jobs(client, scheduled):
    scheduler.run_due_jobs()  # both run now and are next due in the future
    due("often", 2 * 60 + 590)  # late, but within two periods and the margin
    due("nightly", 5 * 24 * 3600)  # daily jobs are not what tells a stopped scheduler

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["checks"]["scheduler"]["status"] == "ok"


def test_health_is_ok_before_the_scheduler_ever_ran(client, scheduled):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["checks"]["scheduler"]["status"] == "ok"


def test_health_reports_a_stopped_scheduler_without_taking_the_server_out(
    client, scheduled, caplog
):
    due("often", 2 * 60 + 610)  # not started for three periods and the margin

    response = client.get("/health/")

    # Every server shares the scheduler: it is reported, and the server stays in rotation.
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["scheduler"] == {"status": "error"}
    assert body["checks"]["database"]["status"] == "ok"
    # Which job is late goes to the log, for the operator.
    assert "often" in caplog.text
    assert "often" not in response.content.decode()

    scheduler.run_due_jobs()  # the scheduler is back

    assert client.get("/health/").json()["status"] == "ok"
