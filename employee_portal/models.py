"""Medarbetarportalen's pages, under `/medarbetare/` in the one site tree.

Nothing here reaches anonymous visitors: serving requires a signed-in employee, the pages are
left out of the sitemap, and the public search excludes every page type built on
`EmployeeOnlyPage`. The dashboard, application catalogue and targeted news come later.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from citizen_portal.blocks import BodyBlock

ACCESS_PERMISSION = "employee_portal.access_employee_portal"


def is_employee(user) -> bool:
    return user.is_authenticated and user.has_perm(ACCESS_PERMISSION)


class EmployeeOnlyPage(Page):
    """Base for every employee page: served only to signed-in employees, never listed publicly."""

    intro = models.TextField(_("ingress"), blank=True, max_length=400)

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not is_employee(request.user):
            raise PermissionDenied
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_sitemap_urls(self, request=None):
        return []


class EmployeeHomePage(EmployeeOnlyPage):
    """The employee portal's root at `/medarbetare/`."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.CitizenHomePage"]
    subpage_types = ["employee_portal.EmployeeInformationPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("startsida för medarbetare")
        permissions = [("access_employee_portal", _("Kan öppna Medarbetarportalen"))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["information_pages"] = (
            EmployeeInformationPage.objects.child_of(self).live().order_by("-last_published_at")
        )
        return context


class EmployeeInformationPage(EmployeeOnlyPage):
    """Information for employees: instructions, routines, IT support."""

    body = StreamField(BodyBlock(), verbose_name=_("innehåll"))

    parent_page_types = [
        "employee_portal.EmployeeHomePage",
        "employee_portal.EmployeeInformationPage",
    ]
    subpage_types = ["employee_portal.EmployeeInformationPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("informationssida för medarbetare")
