from django.utils.translation import gettext_lazy

from portal.review_views import EditorsReportView

from . import report

REPORT_TITLE = gettext_lazy("Sidfeedback")


class PageFeedbackReportView(EditorsReportView):
    """Answers to "Var sidan till hjälp?" per page, for the pages the user may edit."""

    page_title = REPORT_TITLE
    header_icon = "comment"
    template_name = "feedback/admin/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = report.ReportFilterForm(self.request.GET or None)
        answers = report.visible_feedback(self.request.user)
        if form.is_bound and form.is_valid():
            answers = report.filtered(answers, form.cleaned_data)
        context.update(filter_form=form, rows=report.report_rows(answers))
        return context
