"""Counting a client's requests per fixed time window in Django's cache (shared by every web
process when REDIS_URL is set): the open-data API, web forms, requests for documents, page
feedback and site search limit robots with it. Fixed windows are simple and enough against a
robot; a person never meets the limits.

A client is its IPv4 address, or the network of its IPv6 address (/64 unless
`ALLAUTH_RATE_LIMIT_IPV6_PREFIX` says otherwise, as for the login's limits): one connection
commonly gets a whole /64, so a fresh address for every request would otherwise be a fresh
allowance."""

import ipaddress
import time

from allauth import app_settings as allauth_settings
from django.core.cache import cache

from portal.audit.receivers import client_ip


def client(request) -> str:
    """The client a limit counts for: an IPv4 address, or an IPv6 address's network."""
    address = client_ip(request)
    if address is None:
        return "unknown"
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        prefix = allauth_settings.RATE_LIMIT_IPV6_PREFIX
        return str(ipaddress.IPv6Network(f"{ip}/{prefix}", strict=False))
    return str(ip)


def _key(scope: str, who: str, window: int, now: float) -> str:
    return f"throttle:{scope}:{who}:{int(now // window)}"


def used(scope: str, request, *, window: int) -> int:
    """How many hits this client has made in `scope` in the current window."""
    return cache.get(_key(scope, client(request), window, time.time())) or 0


def hit(scope: str, request, *, limit: int, window: int) -> int | None:
    """Count one hit; None while within `limit` (0: no limit), else the seconds until the
    window ends."""
    return hit_for(scope, client(request), limit=limit, window=window)


def hit_for(scope: str, who: str, *, limit: int, window: int) -> int | None:
    """`hit` for a client named otherwise than by its address (an API client's id)."""
    if not limit:
        return None
    now = time.time()
    key = _key(scope, who, window, now)
    cache.add(key, 0, timeout=window + 10)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 10)
        count = 1
    if count > limit:
        return max(1, window - int(now) % window)
    return None
