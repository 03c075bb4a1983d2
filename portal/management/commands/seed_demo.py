from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from portal.demo import registered_seeders


class Command(BaseCommand):
    help = (
        "Fill the portal with the five municipalities' demo content. Idempotent: run it as often "
        "as you like; what already exists is left as it is."
    )

    def handle(self, *args, **options):
        autodiscover_modules("demo")
        for _order, name, func in registered_seeders():
            with transaction.atomic():
                message = func(self.stdout, self.style)
            if options["verbosity"] > 1:
                self.stdout.write(f"{name}: {message or 'klart'}")
        self.stdout.write(self.style.SUCCESS("Demoinnehållet är på plats."))
