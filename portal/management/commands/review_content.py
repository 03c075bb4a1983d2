"""The daily content review: `manage.py review_content` (docs/content-review.md).

Queues portal.tasks.review_content_task, which queues the reminder e-mails and unpublishes
pages past their date. With a worker the command only queues; with the immediate backend the
work is done when the command returns, and it says what was done."""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from portal.tasks import review_content_task


class Command(BaseCommand):
    help = (
        "Påminner ägarna till sidor som snart ska granskas och avpublicerar sidor vars "
        "granskningsdatum har passerat. Körs en gång per dygn."
    )

    def handle(self, *args, **options):
        result = review_content_task.enqueue()
        if not result.is_finished:
            self.stdout.write(f"Granskningen av innehåll är köad (uppgift {result.id}).")
            return
        if result.status == TaskResultStatus.FAILED:
            raise CommandError("Granskningen av innehåll misslyckades; se loggen.")
        done = result.return_value
        self.stdout.write(
            f"Påminnelser köade: {len(done['reminded'])}. "
            f"Avpublicerade sidor: {len(done['unpublished'])}."
        )
        for title in done["reminded"]:
            self.stdout.write(f"  Påminnelse: {title}")
        for title in done["unpublished"]:
            self.stdout.write(f"  Avpublicerad: {title}")
        for title in done["no_recipient"]:
            self.stderr.write(
                f"  Ingen att påminna om {title}: ägaren saknar e-postadress och "
                "CONTENT_REVIEW_FALLBACK_EMAIL är tomt."
            )
