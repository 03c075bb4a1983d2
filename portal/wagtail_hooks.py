from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import content_checks, review, review_views, translation_views
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


# --- Content review (portal.review, docs/content-review.md) ---------------------------------


class PageEditorsMenuItem(MenuItem):
    """Shown to those who may edit or publish some page."""

    def is_shown(self, request):
        return review.may_edit_pages(request.user)


@hooks.register("register_admin_urls")
def register_content_review_urls():
    return [
        path(
            "granskning/",
            review_views.StaleContentReportView.as_view(),
            name="portal_review_report",
        ),
        path(
            "granskning/bekrafta/sida/<int:page_id>/",
            review_views.confirm_from_report,
            name="portal_review_confirm",
        ),
        path(
            "granskning/bekrafta/<str:token>/",
            review_views.confirm_link,
            name="portal_review_confirm_link",
        ),
    ]


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path(
            "inaktuella-oversattningar/",
            translation_views.TranslationReportView.as_view(),
            name="portal_translation_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return PageEditorsMenuItem(
        translation_views.REPORT_TITLE,
        reverse("portal_translation_report"),
        icon_name="globe",
        order=860,
    )


@hooks.register("register_reports_menu_item")
def register_content_review_menu_item():
    return PageEditorsMenuItem(
        review_views.REPORT_TITLE, reverse("portal_review_report"), icon_name="time", order=850
    )


@hooks.register("register_log_actions")
def register_content_review_log_actions(actions):
    for action, (label, message) in review.LOG_ACTION_LABELS.items():
        actions.register_action(action, label, message)


# --- The editors' accessibility checker (portal.content_checks) ------------------------------


@hooks.register("construct_wagtail_userbar")
def use_portal_content_checker(request, items, page):
    """The userbar's and the page editor's checks run WCAG 2.1 A and AA, as the browser tests
    do."""
    content_checks.use_portal_checker(request, items, page)
