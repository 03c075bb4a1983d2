"""`/health/` is what the load balancer asks: 200 with JSON while the database answers, 503
when a check fails, and never the reason in detail."""

import pytest

from portal import health

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


def test_health_checks_the_cache_when_redis_is_configured(client, monkeypatch, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"

    def cache_down():
        raise ConnectionError("redis is down")

    monkeypatch.setattr(health, "check_cache", cache_down)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"status": "error"}
    assert response.json()["checks"]["database"]["status"] == "ok"


def test_health_does_not_check_a_cache_that_is_not_configured(client, settings):
    settings.REDIS_URL = ""

    assert "cache" not in client.get("/health/").json()["checks"]


def test_health_only_answers_get_and_head(client):
    assert client.post("/health/").status_code == 405
    # Load balancers often probe with HEAD.
    assert client.head("/health/").status_code == 200
