from django.core.management.base import BaseCommand

from citizen_portal.feedback.retention import purge_old_feedback, retention_months


class Command(BaseCommand):
    help = "Delete answers to “Var sidan till hjälp?” older than PAGE_FEEDBACK_RETENTION_MONTHS."

    def handle(self, *args, **options):
        deleted = purge_old_feedback()
        self.stdout.write(f"Deleted {deleted} answers older than {retention_months()} months.")
