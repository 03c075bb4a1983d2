"""The e-services in the admin: which municipality offers what (retention, notification
address, service page), the units residents choose between, and the fee cap's income ceiling
per year. Cases themselves are handled in the handlers' views (/handlaggning/), not here."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import kinds
from .models import EService, FeeCeiling, Unit


@hooks.register("register_case_handling_permissions")
def case_handling_permissions():
    """Whoever may handle an e-service's cases reads residents' personal data: the portal asks
    them for a second factor (portal.accounts)."""
    return [kind.handle_permission for kind in kinds.all()]


class EServiceViewSet(SnippetViewSet):
    model = EService
    icon = "form"
    menu_label = _("E-tjänster per kommun")
    list_display = ["__str__", "active", "retention_days", "notification_email"]
    list_filter = ["kind", "municipality", "active"]


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "home"
    menu_label = _("Förskolor och skolor")
    list_display = ["name", "municipality", "type", "organiser", "active"]
    list_filter = ["municipality", "type", "organiser", "active"]
    search_fields = ["name"]


class FeeCeilingViewSet(SnippetViewSet):
    model = FeeCeiling
    icon = "doc-full"
    menu_label = _("Inkomsttak för maxtaxa")
    list_display = ["year", "monthly_income_ceiling"]


class EServicesViewSetGroup(SnippetViewSetGroup):
    items = (EServiceViewSet, UnitViewSet, FeeCeilingViewSet)
    menu_icon = "form"
    menu_label = _("E-tjänster")
    menu_name = "eservices"


register_snippet(EServicesViewSetGroup)


@hooks.register("register_personal_data")
def eservices_personal_data():
    """Cases, their files, messages and log, for the data-protection officer's report
    (portal.personal_data)."""
    from .personal_data import holdings

    return holdings()
