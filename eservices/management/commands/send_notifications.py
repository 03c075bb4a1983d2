"""`manage.py send_notifications`: send the e-mails about cases that are due now, as the
scheduler does every minute (eservices.notifications). Useful after a mail server outage."""

from django.core.management.base import BaseCommand

from eservices.notifications import deliver_due_notifications


class Command(BaseCommand):
    help = (
        "Skickar de e-postmeddelanden om ärenden som väntar på att skickas, till exempel "
        "efter ett avbrott i e-postservern."
    )

    def handle(self, *args, **options):
        counts = deliver_due_notifications()
        self.stdout.write(f"Skickade: {counts['sent']}. Misslyckades: {counts['failed']}.")
