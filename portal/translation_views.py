"""The report *Översättningar* in the admin: which translated pages are out of date or not yet
fully translated, of those the user may edit (portal.translation_status)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import review, translation_status
from .review_views import _refused

REPORT_TITLE = gettext_lazy("Inaktuella översättningar")


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = REPORT_TITLE
    header_icon = "globe"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Hem")},
        {"url": "", "label": REPORT_TITLE},
    ]
    template_name = "portal/translations/report.html"

    def dispatch(self, request, *args, **kwargs):
        if not review.may_edit_pages(request.user):
            return _refused(
                request,
                gettext_lazy("Rapporten är för redaktörer"),
                gettext_lazy(
                    "Rapporten visar de sidor du får redigera, och ditt konto får inte "
                    "redigera några sidor."
                ),
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = translation_status.translation_states(self.request.user)
        context.update(
            out_of_date=[s for s in states if s.out_of_date],
            incomplete=[s for s in states if s.incomplete and not s.out_of_date],
            current_count=sum(1 for s in states if not s.out_of_date and not s.incomplete),
        )
        return context
