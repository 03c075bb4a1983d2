"""The report *Inaktuella översättningar* in the admin: which translated pages are out of date
or not yet fully translated, of those the user may edit (portal.translation_status)."""

from django.utils.translation import gettext_lazy

from . import translation_status
from .review_views import EditorsReportView

REPORT_TITLE = gettext_lazy("Inaktuella översättningar")


class TranslationReportView(EditorsReportView):
    page_title = REPORT_TITLE
    header_icon = "globe"
    template_name = "portal/translations/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = translation_status.translation_states(self.request.user)
        context.update(
            out_of_date=[s for s in states if s.out_of_date],
            incomplete=[s for s in states if s.incomplete and not s.out_of_date],
            current_count=sum(1 for s in states if not s.out_of_date and not s.incomplete),
        )
        return context
