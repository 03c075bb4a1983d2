"""The admin report "Trasiga länkar": the links the link check found broken, with the pages the
user may edit that have them and, for those who keep the register, the agencies."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Agency, LinkCheck, LinkOccurrence

REPORT_TITLE = gettext_lazy("Trasiga länkar")


def editable_pages(user):
    if user.is_superuser:
        return Page.objects.all()
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def may_edit_agencies(user) -> bool:
    return user.has_perm("agencies.change_agency")


def may_see_report(user) -> bool:
    return may_edit_agencies(user) or PagePermissionPolicy().user_has_any_permission(
        user, {"change", "publish"}
    )


def broken_links_for(user):
    """Broken links on pages `user` may edit, and (if they keep the register) in the register;
    each with only those pages and agencies. The permission is in the query."""
    pages = editable_pages(user).values("pk")
    on_editable_page = Exists(LinkOccurrence.objects.filter(link=OuterRef("pk"), page__in=pages))
    visible = Q(on_editable_page)
    agencies = Agency.objects.none()
    if may_edit_agencies(user):
        visible |= Q(agencies__isnull=False)
        agencies = Agency.objects.select_related("locale").order_by("name", "locale__language_code")
    return (
        LinkCheck.objects.filter(ok=False)
        .filter(visible)
        .distinct()
        .prefetch_related(
            Prefetch(
                "occurrences",
                queryset=LinkOccurrence.objects.filter(page__in=pages)
                .select_related("page", "page__owner")
                .order_by("page__title"),
                to_attr="visible_occurrences",
            ),
            Prefetch("agencies", queryset=agencies, to_attr="visible_agencies"),
        )
        .order_by("first_failed_at", "url")
    )


class BrokenLinksReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = REPORT_TITLE
    header_icon = "warning"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Hem")},
        {"url": "", "label": REPORT_TITLE},
    ]
    template_name = "agencies/admin/broken_links_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            return TemplateResponse(
                request,
                "agencies/admin/report_refused.html",
                {
                    "page_title": _("Rapporten är för redaktörer"),
                    "header_icon": "warning",
                },
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["links"] = list(broken_links_for(self.request.user))
        context["last_checked"] = (
            LinkCheck.objects.exclude(checked_at=None)
            .order_by("-checked_at")
            .values_list("checked_at", flat=True)
            .first()
        )
        return context
