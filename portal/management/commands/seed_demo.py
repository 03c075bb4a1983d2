from django.core.management.base import BaseCommand
from django.test import override_settings
from django.utils.module_loading import autodiscover_modules

from portal.demo import registered_seeders

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Command(BaseCommand):
    help = (
        "Fill the portal with the five municipalities' demo content. Idempotent: run it as often "
        "as you like; what already exists is left as it is."
    )

    def handle(self, *args, **options):
        # No surrounding transaction: wagtail-localize publishes a translation in an on_commit
        # callback with the page as it was then; deferred to the end of one big transaction it
        # would overwrite the tree bookkeeping of pages whose children were added meanwhile.
        # Each seeder is idempotent, so a failed run is simply run again.
        autodiscover_modules("demo")
        # The search and reference index updates of thousands of new pages are done here, as
        # each is queued, not left to the task worker as a backlog that would hold up the
        # first editor's publish.
        with override_settings(TASKS=IMMEDIATE):
            for _order, name, func in registered_seeders():
                message = func(self.stdout, self.style)
                if options["verbosity"] > 1:
                    self.stdout.write(f"{name}: {message or 'klart'}")
        self.stdout.write(self.style.SUCCESS("Demoinnehållet är på plats."))
