"""What the e-services hold of residents' personal data, for the data-protection officer's
report (portal.personal_data, registered in wagtail_hooks): the cases per e-service with its
retention, and what goes with them (eservices.retention)."""

from django.db.models import Count, Min
from django.utils.translation import gettext as _

from portal.personal_data import Holding, holding

from .models import Case, CaseAttachment, CaseLog, CaseMessage, EService, Notification
from .retention import DRAFT_RETENTION_DAYS


def holdings() -> list[Holding]:
    found = {
        row["eservice_id"]: row
        for row in Case.objects.values("eservice_id").annotate(
            count=Count("pk"), oldest=Min("created_at")
        )
    }
    rows = []
    for eservice in EService.objects.select_related("municipality"):
        cases = found.get(eservice.pk, {})
        rows.append(
            Holding(
                label=_("Ärenden i e-tjänsten %(eservice)s") % {"eservice": eservice},
                retention=_(
                    "%(days)s dagar efter att ärendet avslutats; utkast %(drafts)s dagar "
                    "efter senaste ändringen"
                )
                % {"days": eservice.retention_days, "drafts": DRAFT_RETENTION_DAYS},
                configured=_("E-tjänster per kommun, gallringsfrist"),
                count=cases.get("count", 0),
                oldest=cases.get("oldest"),
                order=100,
            )
        )
    with_case = _("Tas bort med ärendet")
    configured = _("E-tjänster per kommun, gallringsfrist")
    rows += [
        holding(
            CaseAttachment.objects.all(),
            date_field="uploaded_at",
            label=_("Filer i ärenden"),
            retention=with_case,
            configured=configured,
            order=110,
        ),
        holding(
            CaseMessage.objects.all(),
            date_field="sent_at",
            label=_("Meddelanden i ärenden"),
            retention=with_case,
            configured=configured,
            order=120,
        ),
        holding(
            Notification.objects.all(),
            date_field="created_at",
            label=_("Aviseringar om ärenden (e-postadresser)"),
            retention=with_case,
            configured=configured,
            order=130,
        ),
        holding(
            CaseLog.objects.all(),
            date_field="at",
            label=_("Logg över ärendeåtkomst"),
            retention=_("Gallras inte i portalen: finns kvar när ärendet tagits bort"),
            configured=_("databasens rutiner för arkiv och gallring"),
            order=140,
        ),
        *_case_api_holdings(),
    ]
    return rows


def _case_api_holdings() -> list[Holding]:
    """The case API's stored answers to idempotency keys: the case as a system was given it."""
    from django.conf import settings

    from .api.models import IdempotentRequest

    return [
        holding(
            IdempotentRequest.objects.all(),
            date_field="created_at",
            label=_("Svar till verksamhetssystem (ärende-API, idempotensnycklar)"),
            retention=_("%(days)s dagar, eller med ärendet")
            % {"days": settings.CASE_API_IDEMPOTENCY_DAYS},
            configured=_("inställningen CASE_API_IDEMPOTENCY_DAYS"),
            order=150,
        )
    ]
