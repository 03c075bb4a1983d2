"""The application catalogue in the admin (Medarbetarportalen), kept by IT and system owners."""

from django.contrib.auth.decorators import user_passes_test
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import strategy
from .models import Application, OperationalNotice


class AdminOnlyMenuItem(MenuItem):
    """Shown to those who may see the catalogue."""

    def is_shown(self, request):
        return request.user.has_perm("employee_portal.view_application")


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


class OperationalNoticeViewSet(SnippetViewSet):
    """Driftinformation, written by IT: shown on every affected employee's dashboard from a
    week before it starts until it ends."""

    model = OperationalNotice
    icon = "warning"
    menu_label = _("Driftinformation")
    menu_order = 261
    add_to_admin_menu = True
    list_display = ["title", "kind", "application", "starts_at", "ends_at"]
    list_filter = ["kind", "application"]
    search_fields = ["title", "description"]
    ordering = ["-starts_at"]


register_snippet(OperationalNoticeViewSet)


class StrategyFollowUpView(WagtailAdminTemplateMixin, TemplateView):
    """The cooperation goals of the IT strategy, from the catalogue (employee_portal.strategy)."""

    page_title = _("Uppföljning av IT-strategin")
    header_icon = "list-ul"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Hem")},
        {"url": "", "label": page_title},
    ]
    template_name = "employee_portal/admin/strategy_follow_up.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = strategy.follow_up()
        context["levels"] = Application.Cooperation.choices
        context["shared_level"] = strategy.SHARED_LEVEL
        context["not_shared"] = strategy.not_shared_by_all()
        return context


def _may_follow_up(user):
    return user.has_perm("employee_portal.view_application")


@hooks.register("register_admin_urls")
def register_strategy_follow_up_url():
    view = user_passes_test(_may_follow_up)(StrategyFollowUpView.as_view())
    return [path("uppfoljning-it-strategin/", view, name="strategy_follow_up")]


@hooks.register("register_reports_menu_item")
def register_strategy_follow_up_menu_item():
    return AdminOnlyMenuItem(
        _("Uppföljning av IT-strategin"),
        reverse("strategy_follow_up"),
        icon_name="list-ul",
        order=900,
    )


@hooks.register("register_editor_scopes")
def employee_portal_scope():
    """Medarbetarportalen's editor scope (portal.identity.editor_groups): `/medarbetare/`,
    with a collection only employees may see."""
    from portal.identity.editor_groups import EMPLOYEE_PORTAL, Scope, in_every_language

    from .models import EmployeeHomePage, EmployeeNewsIndexPage

    employee_homes = in_every_language(EmployeeHomePage.objects.only("pk", "translation_key"))
    return [
        Scope(
            key=EMPLOYEE_PORTAL,
            label="Medarbetarportalen",
            sections=employee_homes,
            news=in_every_language(EmployeeNewsIndexPage.objects.only("pk", "translation_key")),
            workflow_roots=employee_homes,
            collection_restricted_to_employees=True,
        )
    ]
