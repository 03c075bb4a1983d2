"""`manage.py purge_cases`: delete the cases past their retention period now, as the
scheduler does daily (eservices.retention, docs/eservices.md)."""

from django.core.management.base import BaseCommand

from eservices.retention import purge_expired_cases


class Command(BaseCommand):
    help = (
        "Gallrar avslutade och återkallade ärenden vars gallringsfrist har passerat, och "
        "utkast som inte ändrats på länge. Varje gallring skrivs i ärendeloggen."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Gallrade ärenden: {purge_expired_cases()}.")
