"""Django's Redis cache, made to keep the portal serving while Redis is away.

Django's `RedisCache` raises `redis.exceptions.ConnectionError` (or `TimeoutError`) from every
call while Redis is stopped, restarting or unreachable. Everything asks the cache on every
request (the chrome version, the request limits, the signed-in visitor's session with
`cached_db`), so a Redis restart would otherwise answer every visitor with 500.

Nothing the portal keeps in Redis is needed to answer a request: it is a cache, and the
database has the real thing. So `TolerantRedisCache` turns a Redis failure into a miss or a
no-op, the way an empty cache would answer:

* get → the default, get_many → {}, has_key → False, touch → False;
* add → True, as an empty cache answers (the key was not there, so it is "added"). `add` is
  the lock and the "seen before?" of much that must keep working: allauth's rate limits take a
  lock with it (False would answer every sign-in with 429 after waiting a second), allauth's
  TOTP and the portal's back-channel logout (portal/identity/logout.py) mark a code or a token
  as used with it (False would refuse every code and every logout as a replay). While Redis
  is away those checks therefore fail open: a TOTP code or a logout token could be used twice
  within its short lifetime, which is better than nobody signing in or out;
* set, delete, delete_many, clear → nothing stored or removed; set_many → every key it was
  given, as failed (Django's API: the keys that could not be stored);
* incr → `delta`, decr → `-delta` (and their async twins): a request limit
  (portal/throttle.py) then counts as the first hit of its window, so it fails open and
  nobody is blocked because Redis is down;
* get_or_set → the default, computed (BaseCache's get_or_set goes through get and add above).

Sessions are `cached_db` with Redis (config/settings/base.py): read from the database on a
miss and written to it first, so nobody is signed out while Redis is away.

Errors Django raises on purpose go through unchanged: `incr` of a missing key still raises
`ValueError`, which portal/throttle.py counts on. The client reconnects by itself once Redis
answers again; nothing needs a restart.

After a failure the backend does not ask Redis again for `retry_after` seconds (5) in this
process: it answers as an empty cache at once. A Redis that hangs rather than refuses (a server
under memory pressure, a network that drops packets) would otherwise cost every call the full
read timeout, and every request asks the cache several times. After the pause the next call
tries Redis again; the first that succeeds ends it.

A warning is logged at most once every `WARNING_INTERVAL` seconds per process, not once per
call: a busy minute without Redis would otherwise write thousands of identical lines.
"""

import logging
import time

from asgiref.sync import sync_to_async
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("portal.cache")

WARNING_INTERVAL = 30  # seconds

# When this process last warned (time.monotonic()); a race between threads at worst logs twice.
_last_warning: float | None = None

# Per Redis location: until when (time.monotonic()) this process leaves it alone. Shared by
# the threads' cache instances, so one thread's timeout spares the others theirs.
_paused_until: dict[str, float] = {}


def _warn(error: RedisError) -> None:
    global _last_warning
    now = time.monotonic()
    if _last_warning is None or now - _last_warning >= WARNING_INTERVAL:
        _last_warning = now
        logger.warning("Redis svarar inte (%s); portalen fortsätter utan cache.", error)


class TolerantRedisCache(RedisCache):
    """`RedisCache` that answers as an empty cache when Redis does not (see the module)."""

    # Seconds without asking Redis after it failed.
    retry_after = 5.0

    def _tolerant(self, method, fallback, *args):
        """`method(*args)`, or `fallback` while Redis fails or is paused after a failure."""
        location = self._location
        if time.monotonic() < _paused_until.get(location, 0.0):
            return fallback
        try:
            return method(*args)
        except RedisError as error:
            _paused_until[location] = time.monotonic() + self.retry_after
            _warn(error)
            return fallback

    @property
    def _location(self) -> str:
        return ",".join(self._servers)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True: see the module's docstring.
        return self._tolerant(super().add, True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._tolerant(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._tolerant(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._tolerant(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._tolerant(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._tolerant(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError (RedisCacheClient.incr), as Django documents;
        # only Redis's own failures are caught. decr() is incr(key, -delta) in BaseCache.
        return self._tolerant(super().incr, delta, key, delta, version)

    async def aincr(self, key, delta=1, version=None):
        # BaseCache.aincr is a get then a set, which would raise ValueError while Redis is
        # away (the get misses); the atomic incr above, in a thread, answers as incr does.
        return await sync_to_async(self.incr)(key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._tolerant(super().delete_many, None, keys, version)

    def clear(self):
        return self._tolerant(super().clear, False)
