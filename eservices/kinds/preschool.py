"""Förskola och fritidshem: a place in preschool, pedagogical care or after-school care.

Skollagen (2010:800) 8 kap. 14 §: once a guardian has applied, the municipality must offer the
child a place within four months (not necessarily at a preferred unit), or from the desired
start if that is later. The fee follows the fee cap (maxtaxa, förordning 2001:160).
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from eservices.forms import (
    ApplicationForm,
    DateInput,
    GuardianFields,
    RankedUnitsMixin,
    TimeInput,
    unit_choice,
)
from eservices.kinds import AnswerSection, EServiceKind, long_date, register
from eservices.models import FeeCeiling, Unit, add_months, parse_date

# Skollagen 8 kap. 14 §: a place within four months of the application.
OFFER_MONTHS = 4
DEADLINE_WARNING_DAYS = 30

# Maxtaxa: per cent of the household's monthly income for the youngest child, the second, the
# third; the fourth child is free (förordning 2001:160).
PRESCHOOL_FEE_PERCENT = (3, 2, 1)
AFTER_SCHOOL_FEE_PERCENT = (2, 1, 1)

WEEKDAYS = [
    ("mon", _("Måndag")),
    ("tue", _("Tisdag")),
    ("wed", _("Onsdag")),
    ("thu", _("Torsdag")),
    ("fri", _("Fredag")),
]
# The schedule's keys (mon_from, mon_to, …), shown together as one section.
SCHEDULE = [f"{day}_{part}" for day, _label in WEEKDAYS for part in ("from", "to")]


class PreschoolForm(RankedUnitsMixin, GuardianFields, ApplicationForm):
    unit_fields = ("unit_1", "unit_2", "unit_3")

    CARE_TYPES = [
        ("forskola", _("Förskola")),
        ("pedagogisk-omsorg", _("Pedagogisk omsorg (dagbarnvårdare)")),
        ("fritidshem", _("Fritidshem")),
    ]
    OCCUPATIONS = [
        ("arbetar", _("Arbetar")),
        ("studerar", _("Studerar")),
        ("arbetssokande", _("Arbetssökande")),
        ("foraldraledig", _("Föräldraledig")),
        ("annat", _("Annat")),
    ]
    WEEKDAYS = WEEKDAYS

    care_type = forms.ChoiceField(
        label=_("Vad ansöker du om?"),
        choices=CARE_TYPES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj vad du ansöker om.")},
    )
    start_date = forms.DateField(
        label=_("Önskat startdatum"),
        widget=DateInput,
        help_text=_(
            "Ansök minst fyra månader före. Kommunen ska erbjuda en plats inom fyra månader."
        ),
        error_messages={
            "required": _("Skriv vilket datum barnet ska börja."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-01."),
        },
    )
    unit_1 = unit_choice(
        True, _("Förstahandsval"), _("Välj minst en förskola eller ett fritidshem.")
    )
    unit_2 = unit_choice(False, _("Andrahandsval"), "")
    unit_3 = unit_choice(False, _("Tredjehandsval"), "")
    occupation = forms.ChoiceField(
        label=_("Din sysselsättning"),
        choices=OCCUPATIONS,
        widget=forms.RadioSelect,
        help_text=_("Avgör hur många timmar barnet har rätt till."),
        error_messages={"required": _("Välj din sysselsättning.")},
    )
    employer = forms.CharField(
        label=_("Arbetsgivare eller skola"),
        max_length=200,
        required=False,
        help_text=_("Om du arbetar eller studerar."),
    )
    household_income = forms.IntegerField(
        label=_("Hushållets inkomst före skatt, kronor per månad"),
        required=False,
        min_value=0,
        max_value=10_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Skriv inkomsten i hela kronor, bara siffror."),
            "min_value": _("Inkomsten kan inte vara mindre än 0 kronor."),
            "max_value": _("Kontrollera inkomsten: den är orimligt hög."),
        },
    )
    highest_fee = forms.BooleanField(
        label=_("Jag godtar den högsta avgiften och lämnar ingen inkomstuppgift"), required=False
    )
    other_information = forms.CharField(
        label=_("Något annat förskolan behöver veta (frivilligt)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Till exempel syskon på förskolan eller barnets modersmål. Skriv inte om hälsa här; "
            "det tar vi vid inskolningen."
        ),
    )

    file_field_names = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(
            municipality=self.municipality,
            active=True,
            type__in=[Unit.Type.PRESCHOOL, Unit.Type.PEDAGOGICAL_CARE, Unit.Type.AFTER_SCHOOL],
        ).select_related("municipality")
        self._setup_units(
            units,
            lambda unit: (
                f"{unit.name} – {unit.get_type_display().lower()}, "
                f"{unit.get_organiser_display().lower()}"
            ),
        )
        for day, label in self.WEEKDAYS:
            self.fields[f"{day}_from"] = forms.TimeField(
                label=_("%(day)s, lämnas") % {"day": label},
                required=False,
                widget=TimeInput,
                error_messages={"invalid": _("Skriv tiden som TT:MM, till exempel 07:30.")},
            )
            self.fields[f"{day}_to"] = forms.TimeField(
                label=_("%(day)s, hämtas") % {"day": label},
                required=False,
                widget=TimeInput,
                error_messages={"invalid": _("Skriv tiden som TT:MM, till exempel 16:30.")},
            )
        self.order_as_page()

    sections = [
        (_("Barnet"), "", ["child_name", "child_number"]),
        (_("Plats"), "", ["care_type", "start_date", "unit_1", "unit_2", "unit_3"]),
        (
            _("Schema"),
            _(
                "Ungefär vilka tider barnet behöver vara på förskolan eller fritidshemmet. Du kan "
                "ändra schemat senare."
            ),
            [f"{d}_{p}" for d in ("mon", "tue", "wed", "thu", "fri") for p in ("from", "to")],
            "grid",
        ),
        (_("Du som ansöker"), "", ["occupation", "employer", "email", "phone"]),
        (
            _("Den andra vårdnadshavaren"),
            _(
                "Har barnet två vårdnadshavare ska båda stå bakom ansökan. Den andra "
                "vårdnadshavaren bekräftar med sin e-legitimation på Mina sidor innan ansökan "
                "handläggs."
            ),
            ["co_applicant_name", "co_applicant_number", "co_applicant_email"],
        ),
        (
            _("Inkomst"),
            _(
                "Avgiften följer maxtaxan: en andel av hushållets inkomst, högst upp till "
                "inkomsttaket."
            ),
            ["household_income", "highest_fee"],
        ),
        (_("Övrigt"), "", ["other_information", "declaration"]),
    ]

    def section_fields(self):
        # The ceiling is read when the form is shown, not when a sent form is only checked.
        help_text = income_help()
        if help_text:
            self.fields["household_income"].help_text = help_text
            self["household_income"].help_text = help_text
        return super().section_fields()

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        if start and start < timezone.localdate():
            raise forms.ValidationError(
                _("Startdatumet har redan varit. Välj ett datum från i dag och framåt.")
            )
        return start

    def clean(self):
        cleaned = super().clean()
        units = self._clean_units(cleaned)
        care_type = cleaned.get("care_type")
        if care_type:
            wanted = Unit.Type.AFTER_SCHOOL if care_type == "fritidshem" else None
            for name in self.unit_fields:
                unit = cleaned.get(name)
                if unit is None:
                    continue
                is_after_school = unit.type == Unit.Type.AFTER_SCHOOL
                if (wanted and not is_after_school) or (not wanted and is_after_school):
                    self.add_error(
                        name,
                        _("Enheten passar inte det du ansöker om (%(type)s). Välj en annan.")
                        % {"type": dict(self.CARE_TYPES)[care_type].lower()},
                    )
        cleaned["units"] = units
        if cleaned.get("occupation") in ("arbetar", "studerar") and not cleaned.get("employer"):
            self.add_error("employer", _("Skriv var du arbetar eller studerar."))
        if cleaned.get("household_income") is None and not cleaned.get("highest_fee"):
            self.add_error(
                "household_income",
                _("Skriv hushållets inkomst, eller kryssa i att du godtar den högsta avgiften."),
            )
        for day, _label in self.WEEKDAYS:
            start, end = cleaned.get(f"{day}_from"), cleaned.get(f"{day}_to")
            if (
                bool(start) != bool(end)
                and f"{day}_from" not in self.errors
                and f"{day}_to" not in self.errors
            ):
                self.add_error(
                    f"{day}_to" if start else f"{day}_from",
                    _("Fyll i både när barnet lämnas och hämtas, eller lämna båda tomma."),
                )
            elif start and end and end <= start:
                self.add_error(f"{day}_to", _("Hämtningstiden måste vara senare än lämningstiden."))
        return cleaned

    def serialised(self) -> dict:
        data = super().serialised()
        for name in self.unit_fields:
            data.pop(name, None)
        return data


def income_help() -> str:
    """The income field's help: this year's fee-cap ceiling, once it is entered."""
    ceiling = FeeCeiling.for_year(timezone.localdate().year)
    if ceiling is None:
        return ""
    return _gettext(
        "Avgiften räknas på inkomsten upp till inkomsttaket, %(ceiling)s kronor i månaden "
        "%(year)s. Har ni högre inkomst kan du kryssa i rutan nedan i stället."
    ) % {
        "ceiling": f"{ceiling.monthly_income_ceiling:,}".replace(",", " "),
        "year": ceiling.year,
    }


def schedule_rows(data) -> list[dict]:
    """The schedule (vistelsetid) for the handler: one row per weekday with times."""
    rows = []
    for day, label in WEEKDAYS:
        start, end = data.get(f"{day}_from"), data.get(f"{day}_to")
        if start or end:
            rows.append({"label": label, "text": f"{start or '?'}–{end or '?'}"})
    return rows


class Preschool(EServiceKind):
    slug = "forskola"
    name = _("Förskola och fritidshem")
    constant = "PRESCHOOL"
    order = 10
    reference_prefix = "FSK"
    # Two years after the case is closed; the case record itself is kept by the municipality.
    retention_days = 730
    permission = "handle_preschool"
    permission_name = _("Handlägga ansökningar om förskola och fritidshem")

    form_class = PreschoolForm
    summary = _("Ansök om plats i förskola, pedagogisk omsorg eller fritidshem.")
    lead = _(
        "Ansök om plats i förskola, pedagogisk omsorg eller fritidshem. Kommunen ska erbjuda en "
        "plats inom fyra månader från att du har ansökt."
    )
    before_you_start = (
        _(
            "Ha barnets personnummer till hands, och den andra vårdnadshavarens om ni är två. "
            "Båda vårdnadshavarna ska stå bakom ansökan."
        ),
        _(
            "Du kan välja upp till tre förskolor eller fritidshem i kommunen, i den ordning du "
            "helst vill."
        ),
        _(
            "Avgiften följer maxtaxan. Ange hushållets inkomst, eller att ni godtar den högsta "
            "avgiften."
        ),
    )
    choose_municipality = _("Välj kommunen där barnet är folkbokfört eller ska bo.")
    answers_template = "eservices/includes/answers.html"

    answer_sections = (
        AnswerSection(_("Barnet"), ("child_name", "child_number")),
        AnswerSection(_("Plats"), ("care_type", "start_date", "units")),
        AnswerSection(_("Schema (vistelsetid)"), SCHEDULE, rows=schedule_rows),
        AnswerSection(
            _("Sysselsättning och inkomst"),
            ("occupation", "employer", "household_income", "highest_fee"),
        ),
        AnswerSection(_("Övrigt"), ("other_information",)),
    )
    answer_labels = {
        "child_name": _("Barnets namn"),
        "child_number": _("Barnets personnummer"),
        "care_type": _("Ansöker om"),
        "start_date": _("Önskat startdatum"),
        "units": _("Önskade enheter i turordning"),
        "occupation": _("Sökandens sysselsättning"),
        "employer": _("Arbetsgivare eller skola"),
        "household_income": _("Hushållets inkomst före skatt per månad"),
        "highest_fee": _("Godtar högsta avgiften"),
        "other_information": _("Annat som förskolan behöver veta"),
    }
    ranked_unit_keys = ("units",)
    personal_number_keys = ("child_number",)
    value_suffixes = {"household_income": "kr"}
    # Appealed to the administrative court where the Education Act allows it (skollagen
    # 28 kap.), otherwise tried by legality review (kommunallagen 2017:725, 13 kap.).
    appeal = _(
        "Beslutet kan överklagas till förvaltningsrätten eller prövas genom "
        "laglighetsprövning. Skriv till kommunen inom tre veckor från den dag du fick beslutet."
    )

    deadline_rule = _(
        "Kommunen ska erbjuda en plats inom fyra månader från ansökan, eller till önskat "
        "startdatum om det är senare (skollagen 8 kap. 14 §)."
    )
    deadline_label = _("Erbjudande senast")
    deadline_warning_days = DEADLINE_WARNING_DAYS

    def deadline(self, case) -> datetime.date:
        """Four months from the application, or the desired start if that is later."""
        received = timezone.localdate(case.submitted_at)
        deadline = add_months(received, OFFER_MONTHS)
        start = parse_date(case.data.get("start_date"))
        return max(deadline, start) if start else deadline

    def deadline_facts(self, case):
        start = parse_date(case.data.get("start_date"))
        return [(_("Önskat startdatum"), start)] if start else []

    def next_steps(self, case) -> list[str]:
        return [
            self.deadline_notice(case, case.deadline),
            _gettext(
                "Erbjudandet kommer på Mina sidor och med ett mejl. Svara på det inom den tid som "
                "står i erbjudandet."
            ),
        ]

    def deadline_notice(self, case, deadline) -> str:
        return _gettext("Kommunen ska erbjuda en plats senast %(date)s.") % {
            "date": long_date(deadline) if deadline else ""
        }


register(Preschool())
