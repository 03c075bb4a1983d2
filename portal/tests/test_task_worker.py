"""`manage.py task_worker`: django-tasks-db's worker, which waits for the database instead of
exiting when it does not answer (portal/management/commands/task_worker.py)."""

import logging
from unittest import mock

import pytest
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands import db_worker

from portal.management.commands import task_worker


def worker():
    return task_worker.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


def test_the_worker_waits_for_the_database_and_goes_on(caplog):
    outages = [
        OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused'),
        InterfaceError("connection already closed"),
        None,
    ]
    with (
        mock.patch.object(db_worker.Worker, "run", side_effect=outages) as run,
        mock.patch.object(task_worker.time, "sleep") as sleep,
        caplog.at_level(logging.WARNING, logger="portal.task_worker"),
    ):
        worker().run()
    assert run.call_count == 3
    assert [call.args[0] for call in sleep.call_args_list] == [1.0, 2.0]
    assert "The database does not answer" in caplog.text


def test_a_locked_sqlite_database_is_not_taken_for_an_outage():
    with (
        mock.patch.object(
            db_worker.Worker, "run", side_effect=OperationalError("database is locked")
        ),
        mock.patch.object(task_worker.time, "sleep") as sleep,
        pytest.raises(OperationalError),
    ):
        worker().run()
    sleep.assert_not_called()
