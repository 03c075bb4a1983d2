"""Redis away: the cache answers as an empty one and the portal keeps serving
(portal/cache_backends.py)."""

import asyncio
import logging
import shutil
import socket
import subprocess
import threading
import time
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory, override_settings

from portal import cache_backends, throttle
from portal.cache_backends import TolerantRedisCache
from portal.tests.factories import PASSWORD, UserFactory


def free_port() -> int:
    """A port on the loopback where nothing listens (for a moment, which is all we need)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dead_redis_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


@pytest.fixture
def dead():
    return TolerantRedisCache(dead_redis_url(), {"OPTIONS": {"socket_connect_timeout": 0.5}})


@pytest.fixture(autouse=True)
def _warn_afresh(monkeypatch):
    # Every test sees its first warning, whatever an earlier test logged, and no pause left by
    # an earlier test's failures.
    monkeypatch.setattr(cache_backends, "_last_warning", None)
    monkeypatch.setattr(cache_backends, "_paused_until", {})


def test_every_call_answers_as_an_empty_cache(dead):
    assert dead.get("k") is None
    assert dead.get("k", "standard") == "standard"
    assert dead.get_many(["a", "b"]) == {}
    assert dead.set("k", 1) is None
    # An empty cache takes any add: locks and "used once" marks keep working.
    assert dead.add("k", 1) is True
    assert dead.touch("k") is False
    assert dead.has_key("k") is False
    assert "k" not in dead
    assert dead.delete("k") is False
    assert dead.delete_many(["a", "b"]) is None
    assert dead.clear() is False
    # The keys that could not be stored, as Django's API says.
    assert dead.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert dead.set_many({}) == []


def test_incr_and_decr_answer_with_the_delta(dead):
    assert dead.incr("k") == 1
    assert dead.incr("k", 5) == 5
    assert dead.decr("k") == -1


def test_get_or_set_computes_the_default(dead):
    assert dead.get_or_set("k", 42) == 42
    assert dead.get_or_set("k", lambda: "beräknat") == "beräknat"


def test_the_async_methods_answer_the_same(dead):
    async def calls():
        return (
            await dead.aget("k", "standard"),
            await dead.aset("k", 1),
            await dead.aincr("k", 3),
            await dead.adecr("k", 2),
            await dead.ahas_key("k"),
            await dead.aget_or_set("k", 7),
        )

    assert asyncio.run(calls()) == ("standard", None, 3, -2, False, 7)


def test_a_request_limit_fails_open(dead):
    request = RequestFactory().get("/sok/", REMOTE_ADDR="192.0.2.7")

    with mock.patch("portal.throttle.cache", dead):
        for _ in range(5):
            assert throttle.hit("test", request, limit=1, window=60) is None
        assert throttle.used("test", request, window=60) == 0


def test_a_warning_at_most_every_thirty_seconds(dead, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        dead.get("a")
        dead.set("b", 1)
        dead.incr("c")
    warnings = [record for record in caplog.records if record.name == "portal.cache"]
    assert len(warnings) == 1
    assert "Redis svarar inte" in warnings[0].getMessage()
    assert "portalen fortsätter utan cache" in warnings[0].getMessage()

    # Thirty seconds later the next failure is told again.
    cache_backends._last_warning -= cache_backends.WARNING_INTERVAL
    cache_backends._paused_until.clear()  # long over after thirty seconds
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        dead.get("a")
    assert len([r for r in caplog.records if r.name == "portal.cache"]) == 1


def test_a_dead_redis_answers_at_once(dead):
    started = time.monotonic()
    for _ in range(20):
        dead.get("k")

    assert time.monotonic() - started < 5


class SilentServer:
    """A server on a loopback port that takes connections and reads, and never answers: a
    Redis that hangs. It keeps every byte it was sent."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received = bytearray()
        self.connections = 0
        self.open = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            self.open.append(connection)
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection):
        while True:
            try:
                data = connection.recv(4096)
            except OSError:
                return
            if not data:
                return
            self.received.extend(data)

    def close(self):
        self.listener.close()
        for connection in self.open:
            connection.close()


def test_a_hanging_redis_is_left_alone_after_its_first_timeout():
    silent = SilentServer()
    try:
        backend = TolerantRedisCache(
            f"redis://127.0.0.1:{silent.port}/0",
            {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.3}},
        )

        assert backend.get("kommun", "saknas") == "saknas"  # waits for its timeout
        asked = (silent.connections, bytes(silent.received))
        # It connected and spoke (redis-py's hello first), and got no answer.
        assert asked[0] >= 1 and asked[1]

        # Every call in the next few seconds answers without asking the hanging server.
        for _ in range(20):
            assert backend.get("kommun", "saknas") == "saknas"
            assert backend.incr("räknare") == 1
            assert backend.add("lås", 1) is True
        # Another thread's cache instance for the same Redis is spared too.
        other = TolerantRedisCache(
            f"redis://127.0.0.1:{silent.port}/0",
            {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.3}},
        )
        assert other.get("kommun") is None
        assert (silent.connections, bytes(silent.received)) == asked

        # After the pause it is asked again.
        cache_backends._paused_until.clear()
        assert backend.get("kommun", "saknas") == "saknas"
        assert len(silent.received) > len(asked[1])
    finally:
        silent.close()


# --- A real Redis that stops and starts again ---------------------------------------------------


class RedisServer:
    """A private redis-server on its own port, without persistence."""

    def __init__(self, port: int):
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command line
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


def test_a_redis_that_stops_and_starts_again(redis_server):
    backend = TolerantRedisCache(
        f"redis://127.0.0.1:{redis_server.port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1}},
    )
    backend.retry_after = 0.5
    backend.set("kommun", "Mellerud")
    assert backend.get("kommun") == "Mellerud"
    # Errors Django raises on purpose still come through.
    with pytest.raises(ValueError):
        backend.incr("finns-inte")
    with pytest.raises(ValueError):
        asyncio.run(backend.aincr("finns-inte"))

    redis_server.stop()

    assert backend.get("kommun", "saknas") == "saknas"
    assert backend.incr("räknare") == 1
    backend.set("kommun", "Åmål")  # nothing raised

    redis_server.start()
    # Redis is asked again once the pause after its failure is over.
    time.sleep(backend.retry_after)

    # The client reconnects by itself (the restarted server kept nothing: no persistence).
    assert backend.get("kommun") is None
    backend.set("kommun", "Bengtsfors")
    assert backend.get("kommun") == "Bengtsfors"
    assert backend.add("räknare", 0) is True
    assert backend.incr("räknare") == 1


def test_request_limits_count_again_with_a_real_redis(redis_server):
    backend = TolerantRedisCache(f"redis://127.0.0.1:{redis_server.port}/0", {})
    request = RequestFactory().get("/sok/", REMOTE_ADDR="192.0.2.8")

    with mock.patch("portal.throttle.cache", backend):
        assert throttle.hit("test", request, limit=1, window=60) is None
        assert throttle.hit("test", request, limit=1, window=60) is not None


# --- Whole requests, with the portal's cache pointing at a Redis that is not there -----------


@pytest.fixture
def redis_away():
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "portal.cache_backends.TolerantRedisCache",
                "LOCATION": dead_redis_url(),
                "KEY_PREFIX": "dalslandsportalen",
                "OPTIONS": {"socket_connect_timeout": 0.5},
            }
        },
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    ):
        # Django's setting_changed receiver has replaced the cache handler's connections.
        assert isinstance(caches["default"], TolerantRedisCache)
        yield


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/", "/en/", "/mellerud/", "/sok/?q=förskola", "/e-tjanster/"])
def test_pages_are_served_without_redis(redis_away, address):
    response = Client().get(address)

    assert response.status_code == 200, address


@pytest.mark.django_db
def test_a_signed_in_visitor_stays_signed_in_without_redis(redis_away):
    client = Client()
    user = UserFactory()
    client.force_login(user)

    response = client.get("/mina-sidor/")

    assert response.status_code in (200, 302)
    # The session was read from the database: still the same person.
    assert response.wsgi_request.user == user


@pytest.mark.django_db
def test_a_search_under_its_limit_without_redis(redis_away, settings):
    settings.SEARCH_REQUESTS_PER_MINUTE = 1

    for _ in range(3):
        assert Client().get("/sok/?q=förskola").status_code == 200


@pytest.mark.django_db
def test_signing_in_without_redis(redis_away):
    # allauth's rate limits lock with cache.add(): an add that failed would answer 429.
    user = UserFactory()
    client = Client()

    response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
