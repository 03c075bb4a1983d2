"""`manage.py purge_resident_accounts`: delete the residents' accounts past their retention
now, as the scheduler does daily (eservices.resident_accounts, docs/identity.md)."""

from django.core.management.base import BaseCommand

from eservices.resident_accounts import purge_inactive_residents


class Command(BaseCommand):
    help = (
        "Tar bort invånares konton som inte loggat in på RESIDENT_ACCOUNT_RETENTION_DAYS dagar "
        "och inte har något ärende. Varje körning skrivs i granskningsloggen."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Borttagna invånarkonton: {purge_inactive_residents()}.")
