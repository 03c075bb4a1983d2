from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks

from portal.wagtail_hooks import PageEditorsMenuItem

from . import admin_views, reminders
from .pages import accepts_feedback, is_thanks_request


@hooks.register("on_serve_page")
def never_cache_thanks(next_serve_page):
    """A citizen page with `?tack=1` shows one resident's thank-you: Varnish and the browser
    must not keep it (portal/cache_headers.py keeps a `private` answer private)."""

    def serve(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        if is_thanks_request(request) and accepts_feedback(page):
            add_never_cache_headers(response)
        return response

    return serve


@hooks.register("register_admin_urls")
def register_page_feedback_report_url():
    return [
        path(
            "sidfeedback/",
            admin_views.PageFeedbackReportView.as_view(),
            name="feedback_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_page_feedback_report_menu_item():
    return PageEditorsMenuItem(
        admin_views.REPORT_TITLE, reverse("feedback_report"), icon_name="comment", order=870
    )


@hooks.register("portal_review_reminder_sections")
def unhelpful_pages_section(page):
    return reminders.unhelpful_pages_section(page)
