import datetime

from django.urls import path
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from . import services, views


class PreviewLinksMenuItem(PageMenuItem):
    """ "Förhandsvisningslänkar" in the page editor's header menu and the page listing's menu,
    for those who may edit the page. The view says so if the page cannot be shared."""

    label = _("Förhandsvisningslänkar")
    icon_name = "link"
    url_name = "previews_page_links"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_admin_urls")
def register_preview_link_urls():
    return [
        path(
            "forhandsvisning/sida/<int:page_id>/",
            views.PageLinksView.as_view(),
            name="previews_page_links",
        ),
        path(
            "forhandsvisning/sida/<int:page_id>/aterkalla/<int:link_id>/",
            views.revoke,
            name="previews_revoke",
        ),
    ]


@hooks.register("register_page_header_buttons")
def preview_links_header_button(page, user, view_name, next_url=None):
    yield PreviewLinksMenuItem(page=page, priority=67)


@hooks.register("register_page_listing_more_buttons")
def preview_links_listing_button(page, user, next_url=None):
    yield PreviewLinksMenuItem(page=page, priority=55)


@hooks.register("register_log_actions")
def register_preview_link_log_actions(actions):
    @actions.register_action(services.CREATED)
    class LinkCreated(LogFormatter):
        label = _("Förhandsvisningslänk skapad")

        def format_message(self, log_entry):
            expires_at = datetime.datetime.fromisoformat(log_entry.data["expires_at"])
            return _("Förhandsvisningslänk skapad för %(note)s, giltig till %(date)s") % {
                "note": log_entry.data.get("note", ""),
                "date": date_format(localtime(expires_at), "DATETIME_FORMAT"),
            }

    @actions.register_action(services.REVOKED)
    class LinkRevoked(LogFormatter):
        label = _("Förhandsvisningslänk återkallad")

        def format_message(self, log_entry):
            return _("Förhandsvisningslänk återkallad (den var till %(note)s)") % {
                "note": log_entry.data.get("note", "")
            }
