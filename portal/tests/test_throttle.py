"""The fixed-window counter the API, web forms and document requests limit robots with."""

from django.core.cache import cache
from django.test import RequestFactory

from portal import throttle


def test_hits_within_the_limit_pass_and_the_next_is_told_how_long_to_wait():
    cache.clear()
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.10")

    assert [throttle.hit("t", request, limit=2, window=60) for _ in range(2)] == [None, None]
    wait = throttle.hit("t", request, limit=2, window=60)

    assert 1 <= wait <= 60
    assert throttle.used("t", request, window=60) == 3


def test_clients_and_scopes_are_counted_apart_and_zero_means_no_limit():
    cache.clear()
    one = RequestFactory().get("/", REMOTE_ADDR="192.0.2.11")
    other = RequestFactory().get("/", REMOTE_ADDR="192.0.2.12")

    throttle.hit("t", one, limit=1, window=60)

    assert throttle.hit("t", other, limit=1, window=60) is None
    assert throttle.hit("u", one, limit=1, window=60) is None
    assert all(throttle.hit("t", one, limit=0, window=60) is None for _ in range(5))
