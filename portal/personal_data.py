"""What personal data the portal holds, for the data-protection officer (dataskyddsombud): one
row per kind with its retention in words (from the actual settings and fields), how many
there are and when the oldest is from (GDPR art. 5.1 e and 30). `/admin/personuppgifter/`,
in the Reports menu, for superusers and holders of `audit.view_personal_data_report`.

portal/ imports no domain app, so each domain app tells the report what it holds through the
Wagtail hook `register_personal_data`: a function returning a list of `Holding` (build them
with `holding`). The kinds portal/ holds itself are listed here. docs/personal-data.md says
where each retention is configured and how it is purged.
"""

import dataclasses
import datetime

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

PERMISSION = "audit.view_personal_data_report"
HOOK = "register_personal_data"
REPORT_TITLE = gettext_lazy("Personuppgifter i portalen")


@dataclasses.dataclass(frozen=True)
class Holding:
    """One kind of personal data: what it is, how long it is kept, where that is set, how
    many rows there are now and when the oldest is from (None: none, or not counted)."""

    label: str
    retention: str
    configured: str
    count: int | None
    oldest: datetime.datetime | None
    note: str = ""
    order: int = 500


def holding(queryset, *, date_field: str, **kwargs) -> Holding:
    """A `Holding` counted from `queryset`, its oldest by `date_field`."""
    found = queryset.aggregate(count=Count("pk"), oldest=Min(date_field))
    return Holding(count=found["count"], oldest=found["oldest"], **kwargs)


def may_view(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def days(number: int) -> str:
    return _("%(days)s dagar") % {"days": number}


def portal_holdings() -> list[Holding]:
    """What portal/ itself holds: e-mails in the outbox, the audit trail, residents'
    identities, sign-ins through a provider, sessions."""
    from django.contrib.sessions.models import Session

    from portal.audit.models import AuthEvent
    from portal.identity.models import CitizenIdentity
    from portal.identity.sessions import ProviderSession
    from portal.models import OutgoingEmail

    session_age = settings.SESSION_COOKIE_AGE // 86400
    rows = [
        holding(
            OutgoingEmail.objects.filter(sent_at__isnull=False),
            date_field="sent_at",
            label=_("Skickade e-postmeddelanden (utkorgen)"),
            retention=_("%(days)s efter att meddelandet skickades")
            % {"days": days(settings.OUTBOX_KEEP_SENT_DAYS)},
            configured=_("inställningen OUTBOX_KEEP_SENT_DAYS"),
            note=_("Kan innehålla svar i formulär och kontaktuppgifter."),
            order=700,
        ),
        holding(
            OutgoingEmail.objects.filter(sent_at__isnull=True),
            date_field="created_at",
            label=_("E-postmeddelanden som väntar på att skickas"),
            retention=_("Tills meddelandet har skickats, sedan som skickade meddelanden"),
            configured=_("utkorgen (portal/outbox.py)"),
            order=710,
        ),
        holding(
            AuthEvent.objects.all(),
            date_field="timestamp",
            label=_("Granskningslogg (inloggningar, åtkomst och gallring)"),
            retention=_("Gallras inte i portalen: loggen kan inte ändras eller raderas"),
            configured=_("databasens rutiner för arkiv och gallring"),
            order=800,
        ),
        holding(
            CitizenIdentity.objects.all(),
            date_field="updated_at",
            label=_("Invånares identiteter (e-legitimation)"),
            retention=_(
                "%(days)s efter senaste inloggningen, med kontot; kvar så länge personen är "
                "sökande eller medsökande i ett ärende (även utkast). Medarbetares konton gallras "
                "inte."
            )
            % {"days": days(settings.RESIDENT_ACCOUNT_RETENTION_DAYS)},
            configured=_("inställningen RESIDENT_ACCOUNT_RETENTION_DAYS"),
            note=_(
                "Datumet är den senaste inloggningen som ligger längst tillbaka. Vid nästa "
                "inloggning med e-legitimation skapas kontot på nytt."
            ),
            order=900,
        ),
        holding(
            ProviderSession.objects.all(),
            date_field="created_at",
            label=_("Inloggningar via inloggningstjänst"),
            retention=_("%(days)s (sessionens längsta livstid)") % {"days": days(session_age)},
            configured=_("inställningen SESSION_COOKIE_AGE"),
            order=910,
        ),
    ]
    if settings.SESSION_ENGINE.startswith("django.contrib.sessions.backends.") and (
        settings.SESSION_ENGINE.endswith(".db") or settings.SESSION_ENGINE.endswith(".cached_db")
    ):
        found = Session.objects.aggregate(count=Count("pk"), expires=Min("expire_date"))
        oldest = None
        if found["expires"] is not None:
            oldest = found["expires"] - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
        rows.append(
            Holding(
                label=_("Sessioner"),
                retention=_("%(days)s efter senaste besöket") % {"days": days(session_age)},
                configured=_("inställningen SESSION_COOKIE_AGE"),
                count=found["count"],
                oldest=oldest,
                note=_("Datumet är räknat från när den äldsta sessionen går ut."),
                order=920,
            )
        )
    else:
        rows.append(
            Holding(
                label=_("Sessioner"),
                retention=_("%(days)s efter senaste besöket") % {"days": days(session_age)},
                configured=_("inställningen SESSION_COOKIE_AGE"),
                count=None,
                oldest=None,
                note=_("Sessionerna ligger i Redis, som tar bort dem själv; de räknas inte här."),
                order=920,
            )
        )
    return rows


def holdings() -> list[Holding]:
    """Every kind, portal/'s own and those the domain apps register, in report order."""
    rows = portal_holdings()
    for register in hooks.get_hooks(HOOK):
        rows.extend(register())
    return sorted(rows, key=lambda row: row.order)


class PersonalDataReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = REPORT_TITLE
    header_icon = "user"
    template_name = "portal/admin/personal_data.html"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Hem")},
        {"url": "", "label": REPORT_TITLE},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse_lazy("wagtailadmin_login"))
        if not may_view(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = holdings()
        return context


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view(request.user)
