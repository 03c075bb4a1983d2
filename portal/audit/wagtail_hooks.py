from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AuthEvent
from .views import AuthEventViewSet, ViewOnlyPermissionPolicy

# Before the viewset registers, or Wagtail creates a read-write fallback policy for the model.
register_permission_policy(AuthEvent, ViewOnlyPermissionPolicy(AuthEvent))


@hooks.register("register_admin_viewset")
def register_auth_event_viewset():
    return AuthEventViewSet()


# --- The data-protection officer's report (portal.personal_data) ---------------------------


@hooks.register("register_admin_urls")
def register_personal_data_report_url():
    from django.urls import path

    from portal.personal_data import PersonalDataReportView

    return [
        path(
            "personuppgifter/",
            PersonalDataReportView.as_view(),
            name="portal_personal_data_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_personal_data_report_menu_item():
    from django.urls import reverse

    from portal.personal_data import REPORT_TITLE, PersonalDataMenuItem

    return PersonalDataMenuItem(
        REPORT_TITLE, reverse("portal_personal_data_report"), icon_name="user", order=880
    )
