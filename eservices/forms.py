"""The application forms of the e-services (DOMAIN.md §5): preschool and after-school care,
school choice and building permit.

A form is stored in two ways. While the resident works on it, `raw_data()` keeps exactly what
was typed, valid or not, so that a draft saved half-done or a submission with an error loses
nothing. When it is submitted and valid, `serialised()` keeps the cleaned answers (numbers in
their storage form, dates as ISO dates, units by id) for the handler.
"""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.files import AttachmentField, AttachmentInput
from portal.models import Municipality
from portal.personnummer import InvalidPersonalIdentityNumber, parse

from .models import FeeCeiling, Kind, Unit

MAX_TEXT = 4000


class PersonalNumberField(forms.CharField):
    """A personnummer or samordningsnummer, cleaned to its twelve-digit storage form."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 13)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "inputmode": "numeric"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return parse(value).normalised
        except InvalidPersonalIdentityNumber as exc:
            raise forms.ValidationError(exc.message, code="invalid") from None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class MultipleAttachmentInput(AttachmentInput):
    allow_multiple_selected = True


class MultipleAttachmentField(AttachmentField):
    """Several files in one field, each checked as one attachment (type, size, first bytes)."""

    widget = MultipleAttachmentInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleAttachmentField, self).clean(upload, initial) for upload in files]

    def validate(self, value):
        # clean() above validates each file through AttachmentField.clean → validate.
        if isinstance(value, list):
            return
        super().validate(value)


class ApplicationForm(forms.Form):
    """The parts every application has: contact details and the declaration."""

    kind: str = ""
    # Fields in the order of the page, by section: [(heading, help, [field names])].
    sections: list = []
    file_field_names: tuple[str, ...] = ()

    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_(
            "Hit skickar vi besked när något händer i ärendet. Mejlet innehåller bara en länk."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Skriv e-postadressen som namn@exempel.se.")},
    )
    phone = forms.CharField(
        label=_("Telefonnummer"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    declaration = forms.BooleanField(
        label=_(
            "Jag intygar att uppgifterna stämmer och har läst hur kommunen behandlar mina "
            "personuppgifter."
        ),
        error_messages={"required": _("Kryssa i att uppgifterna stämmer för att kunna skicka in.")},
    )

    def __init__(self, *args, municipality=None, applicant_number="", **kwargs):
        self.municipality = municipality
        self.applicant_number = applicant_number
        super().__init__(*args, **kwargs)
        self.order_as_page()
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not field.max_length:
                field.max_length = MAX_TEXT
                field.widget.attrs.setdefault("maxlength", MAX_TEXT)

    # Storage ---------------------------------------------------------------------------

    def raw_data(self) -> dict:
        """What was typed, field by field, for a draft; files are stored on their own."""
        raw = {}
        for name, field in self.fields.items():
            if name in self.file_field_names or isinstance(field, forms.BooleanField):
                if isinstance(field, forms.BooleanField):
                    raw[name] = bool(self.data.get(name))
                continue
            value = self.data.get(name, "")
            raw[name] = str(value)[:MAX_TEXT]
        return raw

    def serialised(self) -> dict:
        data = {}
        for name, value in self.cleaned_data.items():
            if name in self.file_field_names:
                continue
            if isinstance(value, (datetime.date, datetime.time)):
                value = (
                    value.isoformat(timespec="minutes")
                    if isinstance(value, datetime.time)
                    else value.isoformat()
                )
            elif isinstance(value, Unit):
                value = value.pk
            elif value is None:
                value = ""
            data[name] = value
        return data

    def order_as_page(self):
        """Fields in the page's order, so the error summary lists them as the page shows them."""
        self.order_fields([name for _heading, _help, names in self.sections for name in names])

    def section_fields(self):
        """[(heading, help, [bound fields])] for the template."""
        return [
            (heading, help_text, [self[name] for name in names if name in self.fields])
            for heading, help_text, names in self.sections
        ]

    def clean(self):
        cleaned = super().clean()
        co_number = cleaned.get("co_applicant_number")
        if co_number and co_number == self.applicant_number:
            self.add_error(
                "co_applicant_number",
                _("Skriv den andra vårdnadshavarens personnummer, inte ditt eget."),
            )
        if co_number and not cleaned.get("co_applicant_name"):
            self.add_error("co_applicant_name", _("Skriv den andra vårdnadshavarens namn."))
        child = cleaned.get("child_number")
        if child and child in (self.applicant_number, co_number):
            self.add_error("child_number", _("Skriv barnets personnummer, inte en vuxens."))
        return cleaned


class GuardianFields(forms.Form):
    """The child and the second guardian, shared by preschool and school choice."""

    child_name = forms.CharField(
        label=_("Barnets för- och efternamn"),
        max_length=150,
        error_messages={"required": _("Skriv barnets namn.")},
    )
    child_number = PersonalNumberField(
        label=_("Barnets personnummer"),
        help_text=_("ÅÅÅÅMMDD-NNNN. Ett samordningsnummer går också bra."),
        error_messages={"required": _("Skriv barnets personnummer.")},
    )
    co_applicant_name = forms.CharField(
        label=_("Den andra vårdnadshavarens namn"), max_length=150, required=False
    )
    co_applicant_number = PersonalNumberField(
        label=_("Den andra vårdnadshavarens personnummer"),
        required=False,
        help_text=_("ÅÅÅÅMMDD-NNNN. Lämna tomt om du är ensam vårdnadshavare."),
    )
    co_applicant_email = forms.EmailField(
        label=_("Den andra vårdnadshavarens e-postadress"),
        required=False,
        max_length=254,
        help_text=_("Frivilligt. Vi mejlar en länk så att hen kan logga in och bekräfta ansökan."),
        error_messages={"invalid": _("Skriv e-postadressen som namn@exempel.se.")},
    )


def _unit_choice(required, label, error):
    return forms.ModelChoiceField(
        queryset=Unit.objects.none(),
        required=required,
        label=label,
        empty_label=_("Välj"),
        error_messages={
            "required": error,
            "invalid_choice": _("Välj en enhet i listan."),
        },
    )


class RankedUnitsMixin:
    """Up to three ranked units of the application's municipality, each at most once."""

    unit_fields: tuple[str, ...] = ()

    def _setup_units(self, queryset):
        for name in self.unit_fields:
            self.fields[name].queryset = queryset

    def _clean_units(self, cleaned):
        chosen = [cleaned.get(name) for name in self.unit_fields]
        seen = set()
        for name, unit in zip(self.unit_fields, chosen, strict=True):
            if unit is None:
                continue
            if unit.pk in seen:
                self.add_error(
                    name, _("Du har redan valt den här enheten. Välj en annan eller lämna tomt.")
                )
            seen.add(unit.pk)
        # An empty first choice with a second one is taken as the order the person meant.
        return [unit.pk for unit in chosen if unit is not None]


class PreschoolForm(RankedUnitsMixin, GuardianFields, ApplicationForm):
    kind = Kind.PRESCHOOL
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
    WEEKDAYS = [
        ("mon", _("Måndag")),
        ("tue", _("Tisdag")),
        ("wed", _("Onsdag")),
        ("thu", _("Torsdag")),
        ("fri", _("Fredag")),
    ]

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
    unit_1 = _unit_choice(
        True, _("Förstahandsval"), _("Välj minst en förskola eller ett fritidshem.")
    )
    unit_2 = _unit_choice(False, _("Andrahandsval"), "")
    unit_3 = _unit_choice(False, _("Tredjehandsval"), "")
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
        self._setup_units(units)
        for name in self.unit_fields:
            self.fields[name].label_from_instance = lambda unit: (
                f"{unit.name} – {unit.get_type_display().lower()}, "
                f"{unit.get_organiser_display().lower()}"
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
        ceiling = FeeCeiling.for_year(timezone.localdate().year)
        if ceiling:
            self.fields["household_income"].help_text = _(
                "Avgiften räknas på inkomsten upp till inkomsttaket, %(ceiling)s kronor i månaden "
                "%(year)s. Har ni högre inkomst kan du kryssa i rutan nedan i stället."
            ) % {
                "ceiling": f"{ceiling.monthly_income_ceiling:,}".replace(",", " "),
                "year": ceiling.year,
            }
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


SCHOOL_YEARS = [("F", _("Förskoleklass"))] + [
    (str(n), _("Årskurs %(n)s") % {"n": n}) for n in range(1, 10)
]


class SchoolChoiceForm(RankedUnitsMixin, GuardianFields, ApplicationForm):
    kind = Kind.SCHOOL_CHOICE
    unit_fields = ("school_1", "school_2", "school_3")

    school_year = forms.ChoiceField(
        label=_("Årskurs när barnet börjar"),
        choices=[("", _("Välj"))] + SCHOOL_YEARS,
        error_messages={"required": _("Välj årskurs.")},
    )
    start_date = forms.DateField(
        label=_("Från och med"),
        widget=DateInput,
        help_text=_("Oftast första skoldagen på höstterminen."),
        error_messages={
            "required": _("Skriv från vilket datum skolvalet gäller."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-08-18."),
        },
    )
    school_1 = _unit_choice(True, _("Förstahandsval"), _("Välj minst en skola."))
    school_2 = _unit_choice(False, _("Andrahandsval"), "")
    school_3 = _unit_choice(False, _("Tredjehandsval"), "")
    reasons = forms.CharField(
        label=_("Skäl för ditt val (frivilligt)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel syskon på skolan eller särskilda skäl."),
    )
    guardian = forms.BooleanField(
        label=_("Jag är vårdnadshavare för barnet."),
        error_messages={"required": _("Bara en vårdnadshavare kan göra skolval för barnet.")},
    )

    sections = [
        (_("Barnet"), "", ["child_name", "child_number", "guardian"]),
        (
            _("Skolval"),
            _(
                "Rangordna upp till tre skolor. Kommunen placerar efter vårdnadshavarnas önskemål "
                "så långt det går."
            ),
            ["school_year", "start_date", "school_1", "school_2", "school_3", "reasons"],
        ),
        (_("Du som ansöker"), "", ["email", "phone"]),
        (
            _("Den andra vårdnadshavaren"),
            _(
                "Har barnet två vårdnadshavare ska båda stå bakom valet. Den andra "
                "vårdnadshavaren bekräftar med sin e-legitimation på Mina sidor."
            ),
            ["co_applicant_name", "co_applicant_number", "co_applicant_email"],
        ),
        (_("Intygande"), "", ["declaration"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schools = Unit.objects.filter(
            municipality=self.municipality, active=True, type=Unit.Type.SCHOOL
        ).select_related("municipality")
        self._setup_units(schools)
        for name in self.unit_fields:
            self.fields[name].label_from_instance = lambda unit: (
                f"{unit.name} ({unit.grades})" if unit.grades else unit.name
            )

    def clean(self):
        cleaned = super().clean()
        cleaned["schools"] = self._clean_units(cleaned)
        return cleaned

    def serialised(self) -> dict:
        data = super().serialised()
        for name in self.unit_fields:
            data.pop(name, None)
        return data


# Fastighetsbeteckning: <register area = municipality> <tract or block> [<block>:]<unit>, and
# joint properties (S:1) and joint facilities (GA:1). DOMAIN.md §5.2.
_DESIGNATION_REST = re.compile(
    r"^(?P<tract>[A-ZÅÄÖÉÜa-zåäöéü][A-ZÅÄÖÉÜa-zåäöéü\- ]*?)\s+"
    r"(?:(?P<block>\d+|S|GA|s|ga):)?(?P<unit>\d+)$"
)


def parse_property_designation(value: str) -> tuple[Municipality, str]:
    """(municipality, canonical designation) for `Åmål Tösse 2:14`; ValidationError otherwise.
    The register area names the municipality; only the five of Dalsland are accepted."""
    text = " ".join(value.split())
    municipalities = sorted(Municipality.objects.all(), key=lambda m: -len(m.short_name))
    for municipality in municipalities:
        area = municipality.short_name
        if text.lower().startswith(area.lower() + " "):
            match = _DESIGNATION_REST.match(text[len(area) + 1 :])
            if not match:
                break
            tract = " ".join(
                word[:1].upper() + word[1:].lower() for word in match["tract"].split(" ")
            )
            block = (match["block"] or "").upper()
            number = f"{block}:{match['unit']}" if block else match["unit"]
            return municipality, f"{area} {tract} {number}"
    else:
        first = text.split(" ", 1)[0] if text else ""
        if (
            first
            and not re.match(r"^\d", first)
            and len(text.split()) >= 3
            and _DESIGNATION_REST.match(" ".join(text.split()[1:]))
        ):
            raise forms.ValidationError(
                _(
                    "Fastigheten ligger inte i någon av Dalslands kommuner. Ansök hos den "
                    "kommun där fastigheten ligger."
                ),
                code="other_municipality",
            )
    raise forms.ValidationError(
        _(
            "Skriv fastighetsbeteckningen som kommun, trakt och nummer, till exempel "
            "Åmål Tösse 2:14."
        ),
        code="invalid",
    )


class BuildingPermitForm(ApplicationForm):
    kind = Kind.BUILDING_PERMIT
    file_field_names = ("drawings",)

    MEASURES = [
        ("nybyggnad", _("Nybyggnad")),
        ("tillbyggnad", _("Tillbyggnad")),
        ("andring", _("Annan ändring av byggnad, t.ex. fasad eller takmaterial")),
        ("andrad-anvandning", _("Ändrad användning")),
        ("rivning", _("Rivningslov")),
        ("marklov", _("Marklov")),
        ("forhandsbesked", _("Förhandsbesked")),
        ("anmalan", _("Anmälan, t.ex. attefallsåtgärd eller eldstad")),
    ]
    # Measures for which the builder must propose a certified control officer (PBL 10 kap.).
    NEEDS_CONTROL_OFFICER = {"nybyggnad", "tillbyggnad", "andring", "andrad-anvandning", "rivning"}

    property_designation = forms.CharField(
        label=_("Fastighetsbeteckning"),
        max_length=120,
        help_text=_(
            "Kommun, trakt och nummer, till exempel Åmål Tösse 2:14. Den står på "
            "fastighetstaxeringen."
        ),
        error_messages={"required": _("Skriv fastighetsbeteckningen.")},
    )
    property_address = forms.CharField(
        label=_("Fastighetens adress"), max_length=200, required=False
    )
    owner_is_applicant = forms.BooleanField(label=_("Jag äger fastigheten"), required=False)
    owner_name = forms.CharField(
        label=_("Fastighetsägare, om det inte är du"),
        max_length=200,
        required=False,
        help_text=_("Bifoga ägarens medgivande bland ritningarna."),
    )
    measure = forms.ChoiceField(
        label=_("Vad ansöker du om?"),
        choices=MEASURES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj vad du ansöker om.")},
    )
    description = forms.CharField(
        label=_("Beskriv vad du vill göra"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Vad ska byggas, rivas eller ändras, och vad ska det användas till?"),
        error_messages={"required": _("Beskriv vad du vill göra.")},
    )
    building_area = forms.DecimalField(
        label=_("Byggnadsarea (BYA), kvadratmeter"),
        required=False,
        min_value=0,
        max_value=100000,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1"}),
        error_messages={"invalid": _("Skriv arean i kvadratmeter, till exempel 25 eller 25,5.")},
    )
    control_officer_name = forms.CharField(
        label=_("Kontrollansvarig, namn"), max_length=150, required=False
    )
    control_officer_certificate = forms.CharField(
        label=_("Kontrollansvarig, certifieringsnummer"),
        max_length=60,
        required=False,
        help_text=_(
            "Krävs för de flesta lov. Den kontrollansvarige ska vara certifierad och självständig."
        ),
    )
    planned_start = forms.DateField(
        label=_("När vill du börja bygga? (frivilligt)"),
        widget=DateInput,
        required=False,
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )
    drawings = MultipleAttachmentField(
        label=_("Ritningar och andra handlingar"),
        required=False,
        help_text=_(
            "Situationsplan, planritning, fasad- och sektionsritningar: en PDF- eller bildfil per "
            "ritning. Du kan välja flera filer på en gång."
        ),
    )

    sections = [
        (
            _("Fastigheten"),
            "",
            ["property_designation", "property_address", "owner_is_applicant", "owner_name"],
        ),
        (_("Åtgärden"), "", ["measure", "description", "building_area", "planned_start"]),
        (_("Kontrollansvarig"), "", ["control_officer_name", "control_officer_certificate"]),
        (_("Ritningar"), "", ["drawings"]),
        (_("Du som ansöker"), "", ["email", "phone"]),
        (_("Intygande"), "", ["declaration"]),
    ]

    def __init__(self, *args, stored_drawings=0, **kwargs):
        self.stored_drawings = stored_drawings
        super().__init__(*args, **kwargs)

    def clean_property_designation(self):
        municipality, canonical = parse_property_designation(
            self.cleaned_data["property_designation"]
        )
        self.property_municipality = municipality
        return canonical

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("measure") in self.NEEDS_CONTROL_OFFICER:
            if not cleaned.get("control_officer_name"):
                self.add_error("control_officer_name", _("Skriv vem som är kontrollansvarig."))
            if not cleaned.get("control_officer_certificate"):
                self.add_error(
                    "control_officer_certificate",
                    _("Skriv den kontrollansvariges certifieringsnummer."),
                )
        if not cleaned.get("owner_is_applicant") and not cleaned.get("owner_name"):
            self.add_error(
                "owner_name", _("Skriv vem som äger fastigheten, eller kryssa i att du äger den.")
            )
        if (
            not cleaned.get("drawings")
            and not self.stored_drawings
            and "drawings" not in self.errors
        ):
            self.add_error("drawings", _("Bifoga minst en ritning som PDF eller bild."))
        return cleaned

    def serialised(self) -> dict:
        data = super().serialised()
        if data.get("building_area") not in ("", None):
            data["building_area"] = str(data["building_area"])
        return data


FORMS = {
    Kind.PRESCHOOL: PreschoolForm,
    Kind.SCHOOL_CHOICE: SchoolChoiceForm,
    Kind.BUILDING_PERMIT: BuildingPermitForm,
}


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Meddelande"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_TEXT,
        error_messages={"required": _("Skriv ett meddelande.")},
    )
    files = MultipleAttachmentField(
        label=_("Bifoga filer (frivilligt)"),
        required=False,
    )


class CompletionForm(MessageForm):
    body = forms.CharField(
        label=_("Vad du kompletterar med"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_TEXT,
        error_messages={"required": _("Skriv kort vad du skickar in.")},
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Varför återkallar du ansökan? (frivilligt)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("Ja, jag vill återkalla ansökan"),
        error_messages={"required": _("Kryssa i att du vill återkalla ansökan.")},
    )
