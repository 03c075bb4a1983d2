"""Counting a client's requests per fixed time window in Django's cache (shared by every web
process when REDIS_URL is set): the open-data API, web forms and requests for documents limit
robots with it. Fixed windows are simple and enough against a robot; a person never meets
the limits."""

import time

from django.core.cache import cache

from portal.audit.receivers import client_ip


def _key(scope: str, request, window: int, now: float) -> str:
    return f"throttle:{scope}:{client_ip(request) or 'unknown'}:{int(now // window)}"


def used(scope: str, request, *, window: int) -> int:
    """How many hits this client has made in `scope` in the current window."""
    return cache.get(_key(scope, request, window, time.time())) or 0


def hit(scope: str, request, *, limit: int, window: int) -> int | None:
    """Count one hit; None while within `limit` (0: no limit), else the seconds until the
    window ends."""
    if not limit:
        return None
    now = time.time()
    key = _key(scope, request, window, now)
    cache.add(key, 0, timeout=window + 10)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 10)
        count = 1
    if count > limit:
        return max(1, window - int(now) % window)
    return None
