"""The decision document the portal writes when the handler does not attach their own: a tagged
PDF (readable by screen readers) with the decision, its grounds and how to appeal (the appeal
text is the case's kind's, eservices.kinds)."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.pdf import TaggedPdf


def decision_pdf(case) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Beslut i ärende %(reference)s") % {"reference": case.reference}
        pdf = TaggedPdf(title, case.municipality.name)
        pdf.heading(title)
        decided = date_format(timezone.localtime(case.decided_at), "DATE_FORMAT")
        pdf.paragraph(
            _("%(service)s, %(municipality)s. Beslutsdatum %(date)s.")
            % {
                "service": case.eservice.get_kind_display(),
                "municipality": case.municipality.name,
                "date": decided,
            }
        )
        pdf.heading(_("Beslut"), level=2)
        pdf.paragraph(case.get_decision_outcome_display())
        for paragraph in filter(None, (p.strip() for p in case.decision_text.split("\n\n"))):
            pdf.paragraph(paragraph)
        pdf.heading(_("Hur du överklagar"), level=2)
        # How to appeal is the case's kind's (EServiceKind.appeal).
        pdf.paragraph(str(case.kind_def.appeal))
        if case.decided_by:
            name = case.decided_by.get_full_name() or case.decided_by.get_username()
            pdf.paragraph(_("Beslutet är fattat av %(name)s.") % {"name": name}, size=9)
        return pdf.render()
