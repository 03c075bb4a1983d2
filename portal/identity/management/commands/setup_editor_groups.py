"""`manage.py setup_editor_groups`: the editor groups, collections and review workflows of every
municipality, of Dalsland and of Medarbetarportalen (portal.identity.editor_groups,
docs/roles/redaktorer-kommun.md). Only adds what is missing; run it again after adding a section
under the home page or translating a municipality's page into a new language."""

from django.core.management.base import BaseCommand

from portal.identity.editor_groups import setup_editor_groups


class Command(BaseCommand):
    help = (
        "Skapar eller kompletterar redaktörsgrupperna, granskningsflödena och samlingarna för "
        "varje kommun, Dalsland och Medarbetarportalen. Tar aldrig bort något."
    )

    def handle(self, *args, **options):
        scopes = setup_editor_groups()
        for groups in scopes.values():
            for group in groups.values():
                pages = group.page_permissions.values("page").distinct().count()
                self.stdout.write(f"{group.name}: behörighet på {pages} sidor")
        self.stdout.write(self.style.SUCCESS("Redaktörsgrupperna är på plats."))
