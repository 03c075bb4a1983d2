"""`manage.py restore_portal BACKUP`: a backup from backup_portal back into an empty
installation (portal/backup/archive.py, docs/operations.md "Backups")."""

import datetime
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.backup import archive, s3
from portal.pictures import renditions


class Command(BaseCommand):
    help = (
        "Återställer en säkerhetskopia från backup_portal (en mapp eller s3://bucket/prefix/"
        "portal-backup-…) till en tom databas och tomma lagringar. Alla kontrollsummor prövas "
        "innan något skrivs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "backup", help="Säkerhetskopians mapp (portal-backup-…) eller dess s3://-adress."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Skriv över en databas och lagringar som inte är tomma.",
        )

    def handle(self, *args, backup, force, **options):
        try:
            location = s3.parse_location(backup)
            if location is None:
                outcome = archive.restore_backup(Path(backup), force=force)
            else:
                with tempfile.TemporaryDirectory(prefix="portal-restore-") as working:
                    folder = s3.download(*location, Path(working))
                    outcome = archive.restore_backup(folder, force=force)
        except archive.BackupError as error:
            raise CommandError(f"Återställningen avbröts: {error}") from error

        manifest = outcome.manifest
        made = timezone.localtime(datetime.datetime.fromisoformat(manifest["created_at"]))
        self.stdout.write(
            self.style.SUCCESS(f"Säkerhetskopian från {made:%Y-%m-%d %H:%M} är återställd.")
        )
        for line in archive.summary_lines(manifest):
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Tid: {archive.seconds_text(outcome.seconds)}")
        unknown = archive.unknown_migrations(manifest)
        if unknown:
            self.stderr.write(
                self.style.WARNING(
                    "Säkerhetskopian är gjord med en nyare version av portalen (migreringar som "
                    f"saknas här: {', '.join(unknown[:5])}). Installera den versionen innan "
                    "portalen startas."
                )
            )
        if not unknown:
            # Renditions are not in a backup: the worker makes them again from the originals.
            forgotten = renditions.forget_all()
            self.stdout.write(
                f"Bildernas {forgotten} färdiga storlekar görs om av bakgrundsprocessen "
                "(task_worker) när portalen startar."
            )
        self.stdout.write(
            "Kör nu migrate och collectstatic, och öppna /health/ (docs/operations.md)."
        )
