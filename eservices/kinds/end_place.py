"""Uppsägning: a guardian ends their child's place in preschool, pedagogical care or after-school
care.

The notice period (uppsägningstid) is the municipality's own rule, one month unless the
municipality decides otherwise: `EService.notice_days`, set per municipality in the admin. The
fee is paid up to and including the last day of the place. Both guardians stand behind the
notice, as behind an application (the second one confirms on Mina sidor). The handler confirms
the notice (a decision of *Bifall*) and ends the place in the municipality's childcare system.

Only places in the municipality's own units are ended here: a place at an independent
(fristående) unit is ended with that unit.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from eservices.forms import (
    ApplicationForm,
    DateInput,
    GuardianFields,
    RankedUnitsMixin,
    unit_choice,
)
from eservices.kinds import AnswerSection, EServiceKind, Words, long_date, register
from eservices.models import EService, Unit, parse_date

SLUG = "uppsagning"
# The notice when the municipality has not said otherwise (EService.notice_days).
DEFAULT_NOTICE_DAYS = 30
# How far ahead a last day may be given, counted from the earliest possible day.
LATEST_DAYS_AHEAD = 365

CARE_TYPES = [
    ("forskola", _("Förskola")),
    ("pedagogisk-omsorg", _("Pedagogisk omsorg (dagbarnvårdare)")),
    ("fritidshem", _("Fritidshem")),
]


def notice_period(days: int) -> str:
    """The notice period in words: `en månad`, `två månader`, `45 dagar`."""
    months, rest = divmod(days, 30)
    if days and not rest and months <= 6:
        return [
            _gettext("en månad"),
            _gettext("två månader"),
            _gettext("tre månader"),
            _gettext("fyra månader"),
            _gettext("fem månader"),
            _gettext("sex månader"),
        ][months - 1]
    return ngettext("%(days)s dag", "%(days)s dagar", days) % {"days": days}


def notice_days(municipality) -> int:
    """The municipality's notice period in days (EService.notice_days)."""
    if municipality is None:
        return DEFAULT_NOTICE_DAYS
    days = (
        EService.objects.filter(kind=SLUG, municipality=municipality)
        .values_list("notice_days", flat=True)
        .first()
    )
    return DEFAULT_NOTICE_DAYS if days is None else days


class EndPlaceForm(RankedUnitsMixin, GuardianFields, ApplicationForm):
    unit_fields = ("unit",)
    CARE_TYPES = CARE_TYPES

    care_type = forms.ChoiceField(
        label=_("Vilken plats säger du upp?"),
        choices=CARE_TYPES,
        widget=forms.RadioSelect,
        help_text=_(
            "Fritidshem är för barn i förskoleklass och skolan. Pedagogisk omsorg är en plats hos "
            "en dagbarnvårdare."
        ),
        error_messages={"required": _("Välj vilken sorts plats du säger upp.")},
    )
    unit = unit_choice(
        True,
        _("Förskola, dagbarnvårdare eller fritidshem"),
        _("Välj var barnet har sin plats i dag."),
    )
    last_day = forms.DateField(
        label=_("Barnets sista dag"),
        widget=DateInput,
        error_messages={
            "required": _("Skriv vilket datum som ska vara barnets sista dag."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-01."),
        },
    )
    reason = forms.CharField(
        label=_("Varför säger du upp platsen? (frivilligt)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Till exempel att ni flyttar eller att barnet börjar i förskoleklass. Du behöver inte "
            "svara, och svaret påverkar inte uppsägningen."
        ),
    )

    sections = [
        (_("Barnet"), "", ["child_name", "child_number"]),
        (
            _("Platsen"),
            _(
                "Du kan säga upp platsen i kommunens förskolor, hos kommunens dagbarnvårdare och i "
                "kommunens fritidshem. Har barnet plats i en fristående förskola eller ett "
                "fristående fritidshem säger du upp platsen direkt hos dem."
            ),
            ["care_type", "unit", "last_day", "reason"],
        ),
        (_("Du som säger upp platsen"), "", ["email", "phone"]),
        (
            _("Den andra vårdnadshavaren"),
            _(
                "Har barnet två vårdnadshavare ska båda stå bakom uppsägningen. Den andra "
                "vårdnadshavaren bekräftar med sin e-legitimation på Mina sidor innan "
                "uppsägningen handläggs."
            ),
            ["co_applicant_name", "co_applicant_number", "co_applicant_email"],
        ),
        (_("Intygande"), "", ["declaration"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(
            municipality=self.municipality,
            active=True,
            organiser=Unit.Organiser.MUNICIPAL,
            type__in=[Unit.Type.PRESCHOOL, Unit.Type.PEDAGOGICAL_CARE, Unit.Type.AFTER_SCHOOL],
        ).select_related("municipality")
        self._setup_units(units, lambda unit: f"{unit.name} – {unit.get_type_display().lower()}")
        self.fields["unit"].help_text = _gettext(
            "Där barnet har sin plats i dag. Bara kommunens egna enheter finns i listan."
        )
        self.notice_days = notice_days(self.municipality)
        self.earliest_last_day = timezone.localdate() + datetime.timedelta(days=self.notice_days)
        self.fields["last_day"].help_text = _gettext(
            "Uppsägningstiden är %(period)s, så den sista dagen kan tidigast vara %(date)s. "
            "Avgiften betalas till och med den sista dagen."
        ) % {
            "period": notice_period(self.notice_days),
            "date": self.earliest_last_day.isoformat(),
        }
        self.fields["co_applicant_email"].help_text = _gettext(
            "Frivilligt. Vi mejlar en länk så att hen kan logga in och bekräfta uppsägningen."
        )

    def clean_last_day(self):
        last_day = self.cleaned_data["last_day"]
        if last_day < self.earliest_last_day:
            raise forms.ValidationError(
                _gettext(
                    "Uppsägningstiden är %(period)s. Den sista dagen kan tidigast vara %(date)s."
                )
                % {
                    "period": notice_period(self.notice_days),
                    "date": self.earliest_last_day.isoformat(),
                },
                code="notice",
            )
        latest = self.earliest_last_day + datetime.timedelta(days=LATEST_DAYS_AHEAD)
        if last_day > latest:
            raise forms.ValidationError(
                _gettext(
                    "Du kan säga upp platsen högst ett år i förväg. Välj en sista dag senast "
                    "%(date)s."
                )
                % {"date": latest.isoformat()},
                code="too_late",
            )
        return last_day

    def clean(self):
        cleaned = super().clean()
        unit, care_type = cleaned.get("unit"), cleaned.get("care_type")
        if unit is not None and care_type and unit.type != care_type:
            self.add_error(
                "unit",
                _("Enheten passar inte den plats du säger upp (%(type)s). Välj en annan.")
                % {"type": dict(self.CARE_TYPES)[care_type].lower()},
            )
        return cleaned

    def serialised(self) -> dict:
        data = super().serialised()
        unit = self.cleaned_data.get("unit")
        # The unit's name as it was, for the handler even if the unit is renamed or closed.
        data["unit_name"] = unit.name if unit is not None else ""
        return data


def _long_date_with_weekday(value) -> str:
    day = parse_date(value)
    return date_format(day, "l j F Y") if day else str(value or "")


def place_rows(data) -> list[dict]:
    """The place being ended for the handler, the last day first."""
    labels = EndPlace.answer_labels
    rows = []
    if data.get("last_day"):
        rows.append(
            {"label": labels["last_day"], "text": _long_date_with_weekday(data["last_day"])}
        )
    if data.get("care_type"):
        care = dict(CARE_TYPES).get(data["care_type"], data["care_type"])
        rows.append({"label": labels["care_type"], "text": care})
    unit_name = data.get("unit_name")
    if not unit_name and str(data.get("unit", "")).isdigit():
        unit = Unit.objects.filter(pk=int(data["unit"])).first()
        unit_name = unit.name if unit else ""
    if unit_name:
        rows.append({"label": labels["unit"], "text": unit_name})
    if data.get("reason"):
        rows.append({"label": labels["reason"], "text": data["reason"]})
    return rows


class EndPlaceWords(Words):
    """A notice, not an application: the guardians end a place, and both stand behind it."""

    receipt_title = _("Uppsägningen är inskickad")
    sent_to = _("Uppsägningen går till %(municipality)s.")
    received = _("Tack! %(municipality)s har tagit emot din uppsägning.")
    co_applicant_must_confirm = _(
        "%(name)s behöver logga in på Mina sidor med sin e-legitimation och bekräfta "
        "uppsägningen. Vi handlägger den när båda vårdnadshavarna står bakom den."
    )
    co_applicant_named_you = _(
        "%(name)s har sagt upp barnets plats och angett dig som vårdnadshavare. Uppsägningen "
        "handläggs när du har bekräftat att du står bakom den."
    )
    co_applicant_confirm = _("Jag står bakom uppsägningen")
    co_applicant_to_confirm = _(
        "%(service)s, %(reference)s: bekräfta att du står bakom uppsägningen"
    )
    yours = _("Din uppsägning")
    withdraw = _("Återkalla uppsägningen")
    withdraw_help = _(
        "Ska barnet gå kvar kan du återkalla uppsägningen. Platsen finns då kvar, och ärendet "
        "avslutas och kan inte öppnas igen."
    )
    answers_heading = _("Uppsägning")
    handler_awaits_co_applicant = _(
        "Den andra vårdnadshavaren har inte bekräftat uppsägningen med sin e-legitimation. "
        "Ärendet kan förberedas men inte beslutas förrän båda står bakom det."
    )
    mail_received_subject = _("Vi har tagit emot din uppsägning %(reference)s")
    mail_received = _("Tack! Din uppsägning av barnets plats har kommit in till %(municipality)s.")
    mail_confirm_subject = _("Bekräfta en uppsägning av plats")
    mail_confirm = _(
        "Du har angetts som vårdnadshavare när barnets plats sägs upp hos %(municipality)s. "
        "Logga in och bekräfta uppsägningen."
    )
    handler_new_case_subject = _("Ny uppsägning: %(reference)s")
    handler_new_case = _("En ny uppsägning av plats har kommit in till %(municipality)s.")


class EndPlace(EServiceKind):
    slug = SLUG
    name = _("Säga upp plats i förskola eller fritidshem")
    constant = "END_PLACE"
    order = 15
    reference_prefix = "UPS"
    # Two years after the case is closed, as the application for the place.
    retention_days = 730
    permission = "handle_end_place"
    permission_name = _("Kan handlägga uppsägningar av plats")

    form_class = EndPlaceForm
    form_title = _("Säg upp plats i förskola eller fritidshem")
    submit_button = _("Skicka uppsägningen")
    words = EndPlaceWords
    summary = _("Säg upp ditt barns plats i förskola, pedagogisk omsorg eller fritidshem.")
    lead = _(
        "Säg upp barnets plats i förskola, pedagogisk omsorg eller fritidshem när barnet inte "
        "längre ska gå kvar. Uppsägningstiden är en månad om inte kommunen har bestämt något "
        "annat."
    )
    before_you_start = (
        _(
            "Ha barnets personnummer till hands, och den andra vårdnadshavarens om ni är två. "
            "Båda vårdnadshavarna ska stå bakom uppsägningen."
        ),
        _(
            "Bestäm vilken dag som ska vara barnets sista dag. Avgiften betalas till och med den "
            "dagen, även om barnet slutar tidigare."
        ),
        _(
            "Ska barnet byta från förskola till fritidshem eller till en annan förskola behöver "
            "du inte säga upp platsen: ansök om den nya platsen i stället."
        ),
    )
    choose_municipality = _("Välj kommunen där barnet har sin plats.")

    answer_sections = (
        AnswerSection(
            _("Uppsägningen"),
            ("last_day", "care_type", "unit", "unit_name", "reason"),
            rows=place_rows,
        ),
        AnswerSection(_("Barnet"), ("child_name", "child_number")),
    )
    answer_labels = {
        "last_day": _("Barnets sista dag"),
        "care_type": _("Plats som sägs upp"),
        "unit": _("Enhet"),
        "unit_name": _("Enhet"),
        "reason": _("Skäl till uppsägningen"),
        "child_name": _("Barnets namn"),
        "child_number": _("Barnets personnummer"),
    }
    personal_number_keys = ("child_number",)
    # Ending a place is the guardians' own notice, which the municipality confirms: it is not
    # appealed under skollagen 28 kap., only tried by legality review (kommunallagen 13 kap.).
    appeal = _(
        "Beslutet kan inte överklagas enligt skollagen, men det kan prövas genom "
        "laglighetsprövning enligt kommunallagen. Kontakta kommunen om du vill veta hur."
    )

    deadline_rule = _(
        "Uppsägningen ska vara bekräftad och platsen avslutad senast barnets sista dag. "
        "Avgiften tas ut till och med den dagen."
    )
    deadline_label = _("Barnets sista dag")
    deadline_warning_days = 7

    def deadline(self, case) -> datetime.date | None:
        """The child's last day: the place must be ended by then."""
        return parse_date(case.data.get("last_day"))

    def next_steps(self, case) -> list[str]:
        confirms = {
            "forskola": _gettext(
                "Förskolan bekräftar uppsägningen. Avgiften betalas till och med den sista dagen."
            ),
            "fritidshem": _gettext(
                "Fritidshemmet bekräftar uppsägningen. Avgiften betalas till och med den sista "
                "dagen."
            ),
        }
        steps = [
            confirms.get(
                case.data.get("care_type"),
                _gettext(
                    "Kommunen bekräftar uppsägningen. Avgiften betalas till och med den sista "
                    "dagen."
                ),
            ),
            _gettext("Bekräftelsen kommer på Mina sidor och med ett mejl."),
        ]
        last_day = parse_date(case.data.get("last_day"))
        if last_day:
            steps.insert(
                0,
                _gettext("Barnets sista dag är %(date)s.") % {"date": long_date(last_day)},
            )
        return steps

    def deadline_notice(self, case, deadline) -> str:
        return _gettext("Barnets sista dag är %(date)s.") % {
            "date": long_date(deadline) if deadline else ""
        }


register(EndPlace())
