from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import Agency, LinkCheck


class LinkStatusColumn(Column):
    """Whether the agency's address answered at the last link check, in words."""

    def get_value(self, instance):
        link = LinkCheck.objects.filter(url=instance.url).first()
        if link is None or link.checked_at is None:
            return _("Inte kontrollerad")
        return _("Fungerar") if link.ok else link.problem


class AgencyViewSet(SnippetViewSet):
    """The agency register (Myndighetsregistret), for the Dalsland-wide editors."""

    model = Agency
    icon = "link-external"
    menu_label = _("Myndigheter")
    menu_name = "agencies"
    add_to_admin_menu = True
    menu_order = 290
    list_display = [
        "name",
        "level",
        "url",
        LinkStatusColumn("link_status", label=_("Länken")),
    ]
    list_filter = ["level"]
    ordering = ["name"]


register_snippet(AgencyViewSet)


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_report(request.user)


@hooks.register("register_admin_urls")
def register_broken_links_url():
    return [
        path(
            "trasiga-lankar/",
            views.BrokenLinksReportView.as_view(),
            name="agencies_broken_links",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return BrokenLinksMenuItem(
        views.REPORT_TITLE, reverse("agencies_broken_links"), icon_name="warning", order=860
    )
