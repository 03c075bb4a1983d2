"""The application catalogue in the admin (Medarbetarportalen), kept by IT and system owners."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Application


class ApplicationViewSet(SnippetViewSet):
    model = Application
    icon = "list-ul"
    menu_label = _("Applikationer")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "kind", "cooperation_level", "system_owner", "municipal_network_only"]
    list_filter = ["kind", "cooperation_level", "municipalities", "municipal_network_only"]
    search_fields = ["name", "description"]


register_snippet(ApplicationViewSet)
