"""`manage.py backup_portal DIRECTORY`: the database and every stored file, with a manifest,
in a new timestamped folder (portal/backup/archive.py, docs/operations.md "Backups")."""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import archive, s3


class Command(BaseCommand):
    help = (
        "Säkerhetskopierar databasen och alla lagrade filer (bilder, dokument, bilagor, "
        "ärendefiler, dokumentregistret) till en ny mapp med tidsstämpel under DIRECTORY, "
        "eller till s3://bucket/prefix."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory", help="Mappen där säkerhetskopian läggs, eller s3://bucket/prefix."
        )

    def handle(self, *args, directory, **options):
        try:
            location = s3.parse_location(directory)
            if location is None:
                outcome = archive.create_backup(Path(directory))
                where = str(outcome.directory)
            else:
                # Made here first, then uploaded: the temporary folder needs room for it.
                with tempfile.TemporaryDirectory(prefix="portal-backup-") as working:
                    outcome = archive.create_backup(Path(working))
                    where = s3.upload(outcome.directory, *location)
        except archive.BackupError as error:
            raise CommandError(f"Säkerhetskopieringen misslyckades: {error}") from error

        self.stdout.write(self.style.SUCCESS(f"Säkerhetskopian finns i {where}"))
        for line in archive.summary_lines(outcome.manifest):
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Tid: {archive.seconds_text(outcome.seconds)}")
