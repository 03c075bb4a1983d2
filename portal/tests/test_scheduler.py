"""The portal's scheduler (portal.scheduler, `manage.py run_scheduler`): a job runs when it is due
and not again before its time, never twice at once however many schedulers run, a failing job
is recorded and does not stop the others, and Wagtail's scheduled publishing happens without
cron."""

import datetime
import io
import logging
import os
import signal

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from employee_portal.models import EmployeeNewsIndexPage, EmployeeNewsPage
from employee_portal.tests.factories import EmployeeNewsPageFactory
from eservices.notifications import deliver_due_notifications
from eservices.retention import purge_expired_cases
from portal import scheduler
from portal.models import ScheduledJob
from portal.tasks import review_content_task

pytestmark = pytest.mark.django_db

HERE = "portal.tests.test_scheduler"
RUNS = []


def record_run():
    RUNS.append(timezone.now())
    return {"done": 1}


def break_down():
    raise RuntimeError("the mail server is away")


@pytest.fixture(autouse=True)
def runs():
    RUNS.clear()
    return RUNS


def seconds(n):
    return datetime.timedelta(seconds=n)


def test_a_job_runs_when_due_and_not_again_before_its_interval(settings, runs):
    settings.SCHEDULED_JOBS = {"count": {"call": f"{HERE}.record_run", "every": 60}}
    start = timezone.now()

    assert scheduler.run_due_jobs(now=start) == ["count"]  # a new job runs at once
    assert scheduler.run_due_jobs(now=start + seconds(30)) == []
    assert scheduler.run_due_jobs(now=start + seconds(59)) == []
    assert scheduler.run_due_jobs(now=start + seconds(60)) == ["count"]

    assert len(runs) == 2
    row = ScheduledJob.objects.get(name="count")
    assert row.next_run_at == start + seconds(120)
    assert row.running_since is None
    assert row.last_started_at == start + seconds(60)
    assert row.last_result == "{'done': 1}" and row.last_error == ""


SECOND_SCHEDULER = []


def run_while_another_scheduler_looks():
    """The job, during which a second scheduler process looks for due jobs, once at the same
    moment and once when the job would be due again by the clock."""
    RUNS.append(timezone.now())
    later = timezone.now() + datetime.timedelta(minutes=5)
    SECOND_SCHEDULER.append(scheduler.run_due_jobs())
    SECOND_SCHEDULER.append(scheduler.run_due_jobs(now=later))


def test_two_schedulers_never_run_the_same_job_at_once(settings, runs):
    settings.SCHEDULED_JOBS = {
        "slow": {"call": f"{HERE}.run_while_another_scheduler_looks", "every": 60}
    }
    SECOND_SCHEDULER.clear()

    assert scheduler.run_due_jobs() == ["slow"]

    assert SECOND_SCHEDULER == [[], []]
    assert len(runs) == 1


def test_a_job_left_running_by_a_dead_process_is_taken_over_after_its_timeout(settings, runs):
    settings.SCHEDULED_JOBS = {"count": {"call": f"{HERE}.record_run", "every": 60, "timeout": 600}}
    now = timezone.now()
    ScheduledJob.objects.create(
        name="count", next_run_at=now - seconds(60), running_since=now - seconds(599)
    )

    assert scheduler.run_due_jobs(now=now) == []
    assert scheduler.run_due_jobs(now=now + seconds(2)) == ["count"]
    assert len(runs) == 1


def test_a_failing_job_is_logged_and_recorded_and_the_others_still_run(settings, runs, caplog):
    now = timezone.now()
    # Half a day away, so the next daily run is never sooner than the retry, whatever the hour.
    daily = (timezone.localtime(now) + datetime.timedelta(hours=12)).strftime("%H:%M")
    settings.SCHEDULED_JOBS = {
        "broken": {"call": f"{HERE}.break_down", "at": daily},
        "count": {"call": f"{HERE}.record_run", "every": 60},
    }

    with caplog.at_level(logging.ERROR, logger="portal.scheduler"):
        assert scheduler.run_due_jobs(now=now) == ["broken", "count"]

    assert len(runs) == 1
    assert "Scheduled job broken failed" in caplog.text
    assert "RuntimeError: the mail server is away" in caplog.text
    broken = ScheduledJob.objects.get(name="broken")
    assert broken.last_error == "RuntimeError: the mail server is away"
    assert broken.running_since is None
    # A daily job is tried again soon, not tomorrow.
    assert now + scheduler.RETRY_AFTER <= broken.next_run_at
    assert broken.next_run_at <= timezone.now() + scheduler.RETRY_AFTER


def test_a_job_that_ends_while_the_database_is_away_is_not_held_for_its_timeout(settings, runs):
    """The database went away while the job ran, so its mark could not be cleared: the next
    tick clears it, and the job runs at its next time instead of an hour later."""
    from unittest import mock

    from django.db.models.query import QuerySet
    from django.db.utils import OperationalError

    settings.SCHEDULED_JOBS = {"count": {"call": f"{HERE}.record_run", "every": 60}}
    start = timezone.now()
    update = QuerySet.update

    def away_when_clearing(queryset, **fields):
        if "running_since" in fields and fields["running_since"] is None:
            raise OperationalError("server closed the connection unexpectedly")
        return update(queryset, **fields)

    with mock.patch.object(QuerySet, "update", away_when_clearing):
        assert scheduler.run_due_jobs(now=start) == []  # it ran, but could not say so
    assert len(runs) == 1
    assert ScheduledJob.objects.get(name="count").running_since is not None
    assert "count" in scheduler._unfinished

    # The database is back: the next tick clears the mark, and the job runs at its time.
    assert scheduler.run_due_jobs(now=start + seconds(60)) == ["count"]
    assert len(runs) == 2
    assert scheduler._unfinished == {}
    assert ScheduledJob.objects.get(name="count").running_since is None


def test_a_daily_job_is_due_at_its_local_time():
    job = scheduler.Job("daily", record_run, at=datetime.time(5, 30))
    stockholm = timezone.get_current_timezone()

    early = datetime.datetime(2026, 3, 10, 4, 0, tzinfo=stockholm)
    late = datetime.datetime(2026, 3, 10, 6, 0, tzinfo=stockholm)
    # Across the change to summer time the job stays at 05:30 on the clock.
    before_dst = datetime.datetime(2026, 3, 28, 6, 0, tzinfo=stockholm)

    assert job.next_run(early) == datetime.datetime(2026, 3, 10, 5, 30, tzinfo=stockholm)
    assert job.next_run(late) == datetime.datetime(2026, 3, 11, 5, 30, tzinfo=stockholm)
    assert timezone.localtime(job.next_run(before_dst)).time() == datetime.time(5, 30)


def test_the_portal_schedules_publishing_review_notifications_and_retention():
    jobs = {job.name: job for job in scheduler.load_jobs()}

    assert jobs["publish_scheduled"].func is scheduler.publish_scheduled
    assert jobs["publish_scheduled"].every == datetime.timedelta(minutes=1)
    assert jobs["review_content"].func == review_content_task.call
    assert jobs["review_content"].at is not None
    assert jobs["send_notifications"].func is deliver_due_notifications
    assert jobs["send_notifications"].every == datetime.timedelta(minutes=1)
    assert jobs["purge_cases"].func is purge_expired_cases
    assert jobs["purge_cases"].at is not None
    assert jobs["clear_sessions"].func is scheduler.clear_sessions
    assert jobs["clear_sessions"].at is not None
    assert jobs["refresh_search_vocabulary"].every == datetime.timedelta(minutes=10)


def test_the_session_job_deletes_expired_sessions_and_keeps_the_others(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    now = timezone.now()
    Session.objects.create(session_key="expired", session_data="", expire_date=now - seconds(1))
    Session.objects.create(session_key="current", session_data="", expire_date=now + seconds(60))
    settings.SCHEDULED_JOBS = {
        "clear_sessions": {"call": "portal.scheduler.clear_sessions", "at": "02:30"}
    }

    assert scheduler.run_due_jobs() == ["clear_sessions"]

    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]
    assert ScheduledJob.objects.get(name="clear_sessions").last_error == ""


def test_a_mistake_in_the_setting_stops_the_scheduler_at_start(settings):
    settings.SCHEDULED_JOBS = {"typo": {"call": "portal.tasks.no_such_task", "every": 60}}
    with pytest.raises(ImproperlyConfigured, match="typo"):
        scheduler.load_jobs()

    settings.SCHEDULED_JOBS = {"both": {"call": f"{HERE}.record_run", "every": 60, "at": "05:00"}}
    with pytest.raises(ImproperlyConfigured, match="both"):
        scheduler.load_jobs()


def test_run_scheduler_once_publishes_a_page_whose_time_has_come_and_unpublishes_an_expired_one():
    news = EmployeeNewsIndexPage.objects.live().get()
    past = timezone.now() - datetime.timedelta(minutes=2)
    # An editor scheduled the news for a time that has now passed: Wagtail keeps the page
    # unpublished and the revision approved to go live then.
    scheduled = EmployeeNewsPageFactory(parent=news, live=False, go_live_at=past)
    scheduled.save_revision(approved_go_live_at=past)
    expired = EmployeeNewsPageFactory(parent=news)
    expired.save_revision().publish()
    EmployeeNewsPage.objects.filter(pk=expired.pk).update(expire_at=past)
    out = io.StringIO()

    call_command("run_scheduler", "--once", stdout=out)

    assert "publish_scheduled" in out.getvalue()
    scheduled.refresh_from_db()
    assert scheduled.live
    assert not scheduled.revisions.filter(approved_go_live_at__isnull=False).exists()
    expired.refresh_from_db()
    assert not expired.live and expired.expired

    # Nothing is due a moment later.
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert out.getvalue().strip() == "Inga jobb var på tur."


def test_the_list_shows_each_job_with_its_last_and_next_run(settings):
    settings.SCHEDULED_JOBS = {
        "count": {"call": f"{HERE}.record_run", "every": 60},
        "broken": {"call": f"{HERE}.break_down", "at": "05:30"},
    }
    scheduler.run_job_if_due(scheduler.load_jobs()[1])
    out = io.StringIO()

    call_command("run_scheduler", "--list", stdout=out)

    text = out.getvalue()
    assert "count (var 60 s)\n  har inte körts än" in text
    assert "broken (varje dag kl. 05:30)" in text
    assert "fel: RuntimeError: the mail server is away" in text


STOPS = []


def send_sigterm_to_myself():
    STOPS.append(1)
    if len(STOPS) > 1:  # the loop went on: fail rather than run forever
        raise SystemExit("the scheduler did not stop on SIGTERM")
    os.kill(os.getpid(), signal.SIGTERM)
    RUNS.append("finished after the signal")


def test_sigterm_stops_the_scheduler_once_the_running_job_is_done(settings, runs):
    settings.SCHEDULED_JOBS = {
        "stop": {"call": f"{HERE}.send_sigterm_to_myself", "every": 1},
        "count": {"call": f"{HERE}.record_run", "every": 1},
    }
    STOPS.clear()
    previous = signal.getsignal(signal.SIGTERM)

    call_command("run_scheduler")

    assert runs == ["finished after the signal"]  # the job ended; the next did not start
    assert signal.getsignal(signal.SIGTERM) is previous
