"""`manage.py import_diary PATH`: import diary entries from CSV or JSON (docs/diary-import.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from citizen_portal.diary.importer import ImportRejected, import_file


class Command(BaseCommand):
    help = (
        "Importerar diarieposter från en CSV-fil (UTF-8, rubrikrad) eller en JSON-fil (en lista "
        "av objekt), en handling per rad. Filen importeras hel eller inte alls."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="filen att importera (.csv eller .json)")

    def handle(self, *args, path: Path, **options):
        if not path.is_file():
            raise CommandError(f"Filen {path} finns inte.")
        verbosity = options["verbosity"]

        def progress(done, total, seconds):
            if verbosity >= 1:
                rate = done / seconds if seconds else 0
                of = f" av {total}" if total else ""
                self.stdout.write(f"  {done:>9}{of} rader ({rate:,.0f} rader/s)")

        self.stdout.write(f"Importerar {path} …")
        try:
            result = import_file(path, progress=progress)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(f"  {error}")
            shown = len(rejected.errors)
            if rejected.total_errors > shown:
                self.stderr.write(f"  … och {rejected.total_errors - shown} rader till med fel.")
            raise CommandError(
                f"{path}: {rejected.total_errors} felaktiga rader. Ingenting importerades; rätta "
                "raderna och kör igen."
            ) from rejected
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.rows} rader importerade på {result.seconds:.1f} s "
                f"({result.rows_per_second:,.0f} rader/s): {result.documents_created} nya "
                f"handlingar, {result.documents_updated} uppdaterade, "
                f"{result.cases_created} nya ärenden."
            )
        )
