from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Department, Municipality


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Kommuner")
    list_display = ["name", "municipality_code", "org_number", "phone", "email"]
    search_fields = ["name"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("Förvaltningar och nämnder")
    list_display = ["name", "municipality", "kind", "phone", "email"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (MunicipalityViewSet, DepartmentViewSet)
    menu_icon = "site"
    menu_label = _("Organisation")
    menu_name = "organisation"


register_snippet(OrganisationViewSetGroup)
