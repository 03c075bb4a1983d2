"""`/health/`: a load balancer's view of the portal.

200 with JSON when the database answers (and the search backend and cache where configured),
503 when any of them does not. Says what failed, never why in detail (no secrets, no traces).
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = "health-check"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just stored")


def check_search():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    es = getattr(backend, "es", None)
    if es is not None and not es.ping():
        raise RuntimeError("search cluster did not answer")


def checks():
    result = {"database": check_database}
    if settings.ELASTICSEARCH_URL:
        result["search"] = check_search
    if settings.REDIS_URL:
        result["cache"] = check_cache
    return result


@never_cache
@require_http_methods(["GET", "HEAD"])
def health(request):
    status = {}
    healthy = True
    for name, check in checks().items():
        started = time.monotonic()
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            healthy = False
            status[name] = {"status": "error"}
        else:
            status[name] = {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": status},
        status=200 if healthy else 503,
    )
