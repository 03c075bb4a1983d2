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


def test_one_ipv6_network_is_one_client_whatever_address_in_its_64_it_uses():
    """A /64 is one connection: a fresh address in it for every request gets no fresh
    allowance; the next /64 is another client."""
    cache.clear()
    hits = [
        throttle.hit(
            "t", RequestFactory().get("/", REMOTE_ADDR=f"2001:db8:0:1::{n:x}"), limit=3, window=60
        )
        for n in range(1, 5)
    ]
    assert hits[:3] == [None, None, None] and hits[3] is not None
    neighbour = RequestFactory().get("/", REMOTE_ADDR="2001:db8:0:2::1")
    assert throttle.hit("t", neighbour, limit=3, window=60) is None


def test_an_ipv4_mapped_address_counts_as_its_ipv4_address():
    cache.clear()
    mapped = RequestFactory().get("/", REMOTE_ADDR="::ffff:192.0.2.20")
    plain = RequestFactory().get("/", REMOTE_ADDR="192.0.2.20")
    throttle.hit("t", mapped, limit=1, window=60)
    assert throttle.hit("t", plain, limit=1, window=60) is not None
