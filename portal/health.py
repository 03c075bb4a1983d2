"""`/health/`: a load balancer's view of the portal.

200 with JSON when the database answers (and the search backend where configured), 503 when
any of them does not: a server that cannot serve is taken out of rotation. Redis (where
REDIS_URL is set), the scheduler (where HEALTH_SCHEDULER_STALE_AFTER is set) and the task worker
(where HEALTH_WORKER_STALE_AFTER is set) are reported, not required: every web server shares
them and serves without them, so their loss makes the answer "degraded" but keeps 200, and no
server is taken out for it; monitoring alerts on anything but "ok". Says what failed, never why
in detail (no secrets, no traces); the log says why.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
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


def late_jobs(now: datetime.datetime | None = None) -> list[str]:
    """The scheduler's "every N seconds" jobs that are more than 2 × N seconds plus
    HEALTH_SCHEDULER_STALE_AFTER past the time they were due, i.e. not started for 3 × N plus
    that: the scheduler has stopped, or is stuck. The margin covers a long daily job, which
    holds up the others (they run one after the other). A job that has never run is not
    counted (a new installation, or a job new in this release)."""
    from .models import ScheduledJob
    from .scheduler import load_jobs

    now = now or timezone.now()
    margin = datetime.timedelta(seconds=settings.HEALTH_SCHEDULER_STALE_AFTER)
    jobs = {job.name: job for job in load_jobs() if job.every is not None}
    due = ScheduledJob.objects.filter(name__in=jobs).values_list("name", "next_run_at")
    return sorted(
        name for name, next_run_at in due if now - next_run_at > 2 * jobs[name].every + margin
    )


def check_scheduler():
    late = late_jobs()
    if late:
        raise RuntimeError("scheduled jobs overdue, is run_scheduler running? " + ", ".join(late))


def waiting_tasks(now: datetime.datetime | None = None) -> int:
    """Tasks that have been ready to run for more than HEALTH_WORKER_STALE_AFTER seconds: no
    worker is taking them (it has stopped, or it is stuck on one task)."""
    from django.db.models import Q
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.HEALTH_WORKER_STALE_AFTER)
    # A task queued to run at once has the largest date as run_after.
    late = Q(run_after=get_date_max(), enqueued_at__lte=cutoff) | Q(run_after__lte=cutoff)
    return DBTaskResult.objects.ready().filter(late).count()


def check_worker():
    waiting = waiting_tasks()
    if waiting:
        raise RuntimeError(
            f"{waiting} tasks waiting for a worker, is the task worker (manage.py task_worker) "
            "running?"
        )


def checks():
    result = {"database": check_database}
    if settings.HEALTH_SCHEDULER_STALE_AFTER > 0:
        result["scheduler"] = check_scheduler
    if settings.HEALTH_WORKER_STALE_AFTER > 0:
        result["worker"] = check_worker
    if settings.ELASTICSEARCH_URL:
        result["search"] = check_search
    if settings.REDIS_URL:
        result["cache"] = check_cache
    return result


# Checks whose failure is reported ("degraded") without taking the server out of rotation.
# Redis too: every web server shares it, and the portal serves without it
# (portal/cache_backends.py), so its loss must not take every server out at once.
REPORTED_ONLY = {"cache", "scheduler", "worker"}


@never_cache
@require_http_methods(["GET", "HEAD"])
def health(request):
    status = {}
    failed = set()
    for name, check in checks().items():
        started = time.monotonic()
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            failed.add(name)
            status[name] = {"status": "error"}
        else:
            status[name] = {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}
    serving = not (failed - REPORTED_ONLY)
    overall = "error" if not serving else ("degraded" if failed else "ok")
    return JsonResponse({"status": overall, "checks": status}, status=200 if serving else 503)
