"""The portal's scheduler: `manage.py run_scheduler` (portal/scheduler.py, docs/operations.md).

Runs until SIGTERM or SIGINT (systemd's stop, Ctrl-C), finishing the job it is running.
`--once` runs the jobs that are due and exits; `--list` shows each job's last and next run."""

import signal
import threading

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal import scheduler


class Command(BaseCommand):
    help = (
        "Kör portalens schemalagda jobb (publicering, granskning av innehåll, e-post om "
        "ärenden, gallring) när de är på tur, tills processen stoppas."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Kör de jobb som är på tur en gång och avsluta."
        )
        parser.add_argument(
            "--list", action="store_true", help="Visa jobben med senaste och nästa körning."
        )

    def handle(self, *args, **options):
        if options["list"]:
            self.list_jobs()
        elif options["once"]:
            ran = scheduler.run_due_jobs()
            if ran:
                self.stdout.write(f"Körde: {', '.join(ran)}.")
            else:
                self.stdout.write("Inga jobb var på tur.")
        else:
            self.run()

    def run(self):
        stop = threading.Event()
        previous = {}

        def request_stop(signum, frame):
            stop.set()

        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.signal(signum, request_stop)
        try:
            scheduler.run_forever(stop)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def list_jobs(self):
        def when(value):
            return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else "–"

        for job, row in scheduler.status():
            self.stdout.write(f"{job.name} ({job.schedule})")
            if row is None:
                self.stdout.write("  har inte körts än")
                continue
            self.stdout.write(
                f"  senast: {when(row.last_started_at)}  nästa: {when(row.next_run_at)}"
            )
            if row.running_since:
                self.stdout.write(f"  körs sedan {when(row.running_since)}")
            if row.last_error:
                self.stdout.write(f"  fel: {row.last_error}")
            elif row.last_result:
                self.stdout.write(f"  resultat: {row.last_result}")
