"""The portal's own scheduler: periodic jobs run by `manage.py run_scheduler`, one long-running
process next to the web processes (docs/operations.md). No cron entry is needed.

The jobs and when they run are listed in the setting `SCHEDULED_JOBS`: scheduled publishing,
the content review, the retry of e-mails (portal.outbox) and of e-mails about cases, the purge
(gallring) of personal data past its retention: cases, sent e-mails, page feedback, web-form
submissions, requests for documents and residents' accounts (docs/personal-data.md), the
clearing of expired sessions and finished tasks, the rebuild of the search vocabulary. A job of
a domain app lives in that app (e.g. `citizen_portal.retention.purge_expired_submissions`) and
is named here only by its dotted path in the setting, so this module imports none of them. Every
`TICK_SECONDS` the scheduler runs those that are due, one after the other, each on its own so
that one failing job does not stop the others.

Each job has a row (`ScheduledJob`) with the time it is next due. A process takes a due job with
one UPDATE that marks it running and moves that time on; the database lets only one such UPDATE
match, so however many schedulers run (one per server is harmless), a job runs once per period
and never twice at the same time. The job itself runs outside any transaction, so what it has
done is committed as it goes, e.g. an e-mail marked sent stays marked if the job fails later.
"""

import dataclasses
import datetime
import io
import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledJob

logger = logging.getLogger(__name__)

TICK_SECONDS = 30
DEFAULT_TIMEOUT = datetime.timedelta(hours=1)
# A failed job is tried again after this long, or at its next time if that comes sooner: a
# daily job should not wait a day because the database was restarting.
RETRY_AFTER = datetime.timedelta(minutes=15)


@dataclasses.dataclass(frozen=True)
class Job:
    name: str
    func: Callable[[], object]
    every: datetime.timedelta | None = None
    at: datetime.time | None = None
    timeout: datetime.timedelta = DEFAULT_TIMEOUT

    def next_run(self, now: datetime.datetime) -> datetime.datetime:
        """When the job is due after a run that started at `now`."""
        if self.at is None:
            return now + self.every
        day = timezone.localdate(now)
        while True:
            candidate = timezone.make_aware(datetime.datetime.combine(day, self.at))
            if candidate > now:
                return candidate
            day += datetime.timedelta(days=1)

    @property
    def schedule(self) -> str:
        if self.at is not None:
            return f"varje dag kl. {self.at:%H:%M}"
        return f"var {int(self.every.total_seconds())} s"


def publish_scheduled():
    """Wagtail's scheduled publishing: publish revisions whose go-live time has passed and
    unpublish pages and snippets whose expiry time has passed. Wagtail's audit log records
    each, so the command's (empty) output is dropped."""
    call_command("publish_scheduled", stdout=io.StringIO())


def clear_sessions():
    """Django's `clearsessions`: delete expired sessions from the database (with sessions in
    Redis, Redis expires them itself and this does nothing); and the record of which provider
    sign-in each session came from, once no session can be that old
    (portal.identity.sessions)."""
    from portal.identity.sessions import ProviderSession

    call_command("clearsessions", stdout=io.StringIO())
    ProviderSession.purge_stale()


def prune_task_results():
    """django-tasks-db's `prune_db_task_results`: the task worker's finished tasks older than
    14 days out of the database."""
    call_command("prune_db_task_results", "--queue-name", "*", stdout=io.StringIO())


def load_jobs() -> list[Job]:
    """The jobs of `SCHEDULED_JOBS`. A mistake in the setting stops the scheduler at start with
    a message, not at the first run hours later."""
    jobs = []
    for name, spec in settings.SCHEDULED_JOBS.items():
        try:
            func = import_string(spec["call"])
            every = spec.get("every")
            at = spec.get("at")
            if (every is None) == (at is None):
                raise ValueError("give either 'every' (seconds) or 'at' (HH:MM)")
            job = Job(
                name=name,
                # A django-tasks task runs here, in the scheduler's process, like a function.
                func=getattr(func, "call", func),
                every=datetime.timedelta(seconds=every) if every is not None else None,
                at=datetime.time.fromisoformat(at) if at is not None else None,
                timeout=datetime.timedelta(seconds=spec.get("timeout", 3600)),
            )
        except (ImportError, KeyError, TypeError, ValueError) as exc:
            raise ImproperlyConfigured(f"SCHEDULED_JOBS[{name!r}]: {exc}") from exc
        jobs.append(job)
    return jobs


def _claim(job: Job, now: datetime.datetime) -> bool:
    """Mark the job as running here if it is due and no other process runs it."""
    ScheduledJob.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
    return bool(
        ScheduledJob.objects.filter(name=job.name, next_run_at__lte=now)
        .filter(Q(running_since__isnull=True) | Q(running_since__lt=now - job.timeout))
        .update(running_since=now, last_started_at=now, next_run_at=job.next_run(now))
    )


def _summary(result) -> str:
    return "" if result is None else str(result)[:300]


def _did_something(result) -> bool:
    if isinstance(result, dict):
        return any(result.values())
    return bool(result)


# Marks this process could not clear because the database went away while a job ran
# ({name: the running_since it set}): cleared at the next tick, so the job is not held back
# for its whole timeout after a database restart.
_unfinished: dict[str, datetime.datetime] = {}


def _finish(name: str, started_at: datetime.datetime, **fields) -> None:
    """Clear this process's mark on the job, or keep it to clear at the next tick."""
    # Only our own mark is cleared: if this run outlasted its timeout and another process
    # took the job over, the row is theirs now.
    try:
        ScheduledJob.objects.filter(name=name, running_since=started_at).update(
            running_since=None, last_finished_at=timezone.now(), **fields
        )
    except Exception:
        _unfinished[name] = started_at
        raise
    _unfinished.pop(name, None)


def clear_unfinished() -> None:
    """Clear the marks left by jobs that ended while the database was away."""
    for name, started_at in list(_unfinished.items()):
        _finish(name, started_at, last_error="Databasen svarade inte när jobbet slutade.")


def run_job_if_due(job: Job, now: datetime.datetime | None = None) -> bool:
    """Run the job if it is due and not running elsewhere. Returns whether it ran."""
    now = now or timezone.now()
    if not _claim(job, now):
        return False
    started = time.monotonic()
    try:
        result = job.func()
    except Exception as exc:
        logger.exception("Scheduled job %s failed", job.name)
        retry_at = timezone.now() + RETRY_AFTER
        try:
            ScheduledJob.objects.filter(
                name=job.name, running_since=now, next_run_at__gt=retry_at
            ).update(next_run_at=retry_at)
        except Exception:
            _unfinished[job.name] = now
            raise
        _finish(job.name, now, last_result="", last_error=f"{type(exc).__name__}: {exc}"[:300])
        return True
    seconds = time.monotonic() - started
    level = logging.INFO if _did_something(result) else logging.DEBUG
    logger.log(level, "Scheduled job %s done in %.1f s: %s", job.name, seconds, result)
    _finish(job.name, now, last_result=_summary(result), last_error="")
    return True


def run_due_jobs(
    now: datetime.datetime | None = None, stop: threading.Event | None = None
) -> list[str]:
    """Run every job that is due, each on its own. Returns the names of those that ran."""
    ran = []
    try:
        clear_unfinished()
    except Exception:  # still away: the marks are kept for the next tick
        logger.warning("Scheduler could not clear the marks of %s yet", ", ".join(_unfinished))
    for job in load_jobs():
        if stop is not None and stop.is_set():
            break
        try:
            if run_job_if_due(job, now):
                ran.append(job.name)
        except Exception:  # the bookkeeping itself failed, e.g. the database is away
            logger.exception("Scheduler could not run job %s", job.name)
    return ran


def run_forever(stop: threading.Event, tick: float = TICK_SECONDS) -> None:
    """Run due jobs every `tick` seconds until `stop` is set (by SIGTERM or SIGINT, see the
    command). A job that has started is finished first."""
    jobs = load_jobs()
    logger.info("Scheduler started: %s", ", ".join(f"{job.name} ({job.schedule})" for job in jobs))
    while not stop.is_set():
        _refresh_connection()
        run_due_jobs(stop=stop)
        _refresh_connection()
        stop.wait(tick)
    logger.info("Scheduler stopped")


def _refresh_connection():
    """Drop a database connection that is broken (the server restarted) or past its
    CONN_MAX_AGE, as Django does around each request; the next query opens a new one. Never
    inside a transaction (a test's), which closing would break."""
    if not connection.in_atomic_block:
        close_old_connections()


def status() -> list[tuple[Job, ScheduledJob | None]]:
    """Each job with its row, for `run_scheduler --list`."""
    rows = {row.name: row for row in ScheduledJob.objects.all()}
    return [(job, rows.get(job.name)) for job in load_jobs()]
