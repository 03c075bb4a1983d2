"""The task worker: django-tasks-db's `db_worker`, kept running while the database is away.

    manage.py task_worker --interval 1 --queue-name '*'

`db_worker` ends with an exception the moment PostgreSQL does not answer (a restart, a
fail-over, a network blip), and with it every process that honcho (`make serve`) started;
under systemd it stays down for RestartSec. This worker takes the same options and runs the
same loop, but when the database is unreachable it logs one line, closes its connections and
tries again after a pause that grows from 1 to 30 seconds, until it answers.

A task that was running when the database went away is left as django-tasks-db left it
(RUNNING); what such a task was doing is not lost: e-mails are rows of the outbox or of the
case notifications, which the scheduler's sweep sends if the task did not (portal/outbox.py).
"""

import logging
import time

from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.utils import is_locked_database_exception

logger = logging.getLogger("portal.task_worker")

FIRST_PAUSE = 1.0
LONGEST_PAUSE = 30.0


class Worker(db_worker.Worker):
    def run(self) -> None:
        pause = FIRST_PAUSE
        while self.running:
            started = time.monotonic()
            try:
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                if isinstance(error, OperationalError) and is_locked_database_exception(error):
                    raise
                if not self.running:
                    raise
                if time.monotonic() - started > LONGEST_PAUSE:
                    pause = FIRST_PAUSE  # it had been running: this is a new outage
                logger.warning(
                    "The database does not answer (%s); the task worker tries again in %.0f s.",
                    str(error).strip().splitlines()[0] if str(error).strip() else type(error),
                    pause,
                )
                connections.close_all()
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_PAUSE)
                # No random start-up pause on the way back in.
                self.startup_delay = False


class Command(db_worker.Command):
    help = (
        "Kör bakgrundsuppgifterna (e-post, Wagtails uppgifter) som db_worker, och väntar in "
        "databasen i stället för att avsluta när den inte svarar."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise db_worker.CommandError("--exclude-queues can only be used with --queue-name=*")
        if reload:
            logger.warning("task_worker does not reload on code changes; use db_worker --reload.")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
