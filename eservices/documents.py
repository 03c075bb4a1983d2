"""The decision document the portal writes when the handler does not attach their own: a
PDF/UA-1 file (readable by screen readers, fonts embedded) from the template
eservices/documents/decision.html, rendered by portal.pdf. It names the municipality and its
address, the case, the applicant, the service and the date, and holds the decision, its grounds
as the handler wrote them and how to appeal (the appeal text is the case's kind's,
eservices.kinds)."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.pdf import municipality_sender, render_pdf


def applicant_name(case) -> str:
    """The applicant's name from their e-ID (CitizenIdentity), else the name given at
    submission, else their account's."""
    user = case.applicant
    identity = getattr(user, "citizen_identity", None) if user else None
    if identity is not None and identity.full_name:
        return identity.full_name
    if case.data.get("applicant_name"):
        return case.data["applicant_name"]
    return user.get_full_name() if user else ""


def decision_pdf(case) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Beslut i ärende %(reference)s") % {"reference": case.reference}
        decided_by = ""
        if case.decided_by:
            decided_by = case.decided_by.get_full_name() or case.decided_by.get_username()
        context = {
            "case": case,
            "municipality": case.municipality,
            "applicant_name": applicant_name(case),
            "service": case.eservice.get_kind_display(),
            "decided": date_format(timezone.localtime(case.decided_at), "DATE_FORMAT"),
            # How to appeal is the case's kind's (EServiceKind.appeal).
            "appeal": str(case.kind_def.appeal),
            "decided_by": decided_by,
        }
        return render_pdf(
            "eservices/documents/decision.html",
            context,
            title=title,
            lang=settings.LANGUAGE_CODE,
            author=case.municipality.name,
            sender=municipality_sender(case.municipality),
        )
