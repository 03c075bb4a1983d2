"""Bygglov: building permits, demolition and site permits, advance notices and notifications
under the Planning and Building Act (plan- och bygglagen 2010:900, PBL).

The property designation decides the municipality: the application goes to the e-service of the
municipality where the property lies, whichever link the resident came by.

PBL 9 kap. 27 §: the building board decides within ten weeks of a complete application. A
completion requested within three weeks of receipt restarts the ten weeks on the day the
completion arrives; a later request leaves the clock running. PBL 12 kap. 8 a §: the fee is
reduced by a fifth for each started week past the time limit.
"""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from eservices.forms import ApplicationForm, DateInput, MultipleAttachmentField
from eservices.kinds import AnswerSection, EServiceKind, register
from portal.models import Municipality

# PBL 9 kap. 27 §: ten weeks from a complete application.
DECISION_WEEKS = 10
# A completion requested within three weeks of receipt restarts the ten weeks.
COMPLETION_WINDOW_DAYS = 21
DEADLINE_WARNING_DAYS = 14

# Fastighetsbeteckning, as the property register (Lantmäteriet) writes it: the register area
# (registerområde, here the municipality's name), the tract (trakt, or the block name of a
# town), then [<block>:]<unit>; joint properties (samfälligheter, S:1) and joint facilities
# (gemensamhetsanläggningar, GA:1) have S or GA as their block.
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

    property_municipality = None

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
        if not cleaned.get("drawings") and not self.stored_files and "drawings" not in self.errors:
            self.add_error("drawings", _("Bifoga minst en ritning som PDF eller bild."))
        return cleaned

    def answered_municipality(self):
        """The municipality where the property lies: the application goes there."""
        return self.property_municipality

    def refuse_municipality(self, municipality):
        self.add_error(
            "property_designation",
            _("%(municipality)s tar inte emot ansökningar om bygglov här ännu. Kontakta kommunen.")
            % {"municipality": municipality.name},
        )

    def serialised(self) -> dict:
        data = super().serialised()
        if data.get("building_area") not in ("", None):
            data["building_area"] = str(data["building_area"])
        return data


class BuildingPermit(EServiceKind):
    slug = "bygglov"
    name = _("Bygglov")
    constant = "BUILDING_PERMIT"
    order = 30
    reference_prefix = "BYG"
    # One year after the case is closed; the case record itself is kept by the municipality.
    retention_days = 365
    permission = "handle_building_permit"
    permission_name = _("Handlägga ansökningar om bygglov")

    form_class = BuildingPermitForm
    summary = _("Ansök om bygglov, rivningslov, marklov eller förhandsbesked, och gör anmälan.")
    lead = _(
        "Ansök om bygglov, rivningslov, marklov eller förhandsbesked. Kommunen ska fatta beslut "
        "inom tio veckor från att ansökan är komplett."
    )
    before_you_start = (
        _(
            "Ha fastighetsbeteckningen till hands, till exempel Åmål Tösse 2:14. Den avgör vilken "
            "kommun som handlägger ansökan."
        ),
        _(
            "Bifoga ritningar: situationsplan, planritning, fasad- och sektionsritning, en PDF- "
            "eller bildfil per ritning, skalenliga och med ritningshuvud."
        ),
        _("För de flesta lov behöver du en certifierad kontrollansvarig."),
    )
    municipality_from_answers = True
    # Anyone may apply for a permit on a property, also a foreign owner of a holiday home
    # without a Swedish number (PBL 9 kap.): the property, not the person, is registered.
    requires_personal_identity_number = False
    apply_button = _("Ansök om bygglov")
    apply_lead = _("Kommunen där fastigheten ligger handlägger ansökan.")
    shows_fee_information = True
    answers_template = "eservices/includes/answers.html"

    answer_sections = (
        AnswerSection(
            _("Fastigheten"),
            ("property_designation", "property_address", "owner_is_applicant", "owner_name"),
        ),
        AnswerSection(_("Åtgärden"), ("measure", "description", "building_area", "planned_start")),
        AnswerSection(
            _("Kontrollansvarig"),
            ("control_officer_name", "control_officer_certificate", "control_officer_level"),
        ),
    )
    answer_labels = {
        "property_designation": _("Fastighetsbeteckning"),
        "property_address": _("Fastighetens adress"),
        "owner_is_applicant": _("Sökanden äger fastigheten"),
        "owner_name": _("Fastighetsägare"),
        "measure": _("Åtgärd"),
        "description": _("Beskrivning"),
        "building_area": _("Byggnadsarea (BYA)"),
        "planned_start": _("Planerad byggstart"),
        "control_officer_name": _("Kontrollansvarig"),
        "control_officer_certificate": _("Kontrollansvarigs certifieringsnummer"),
        "control_officer_level": _("Kontrollansvarigs behörighetsnivå"),
    }
    decimal_keys = ("building_area",)
    value_suffixes = {"building_area": "m²"}
    # PBL 13 kap.: the board's decision is appealed to the County Administrative Board. The
    # permit may be used four weeks after it is published in Post- och Inrikes Tidningar
    # (PBL 9 kap. 42 a §), and work starts only after the start notice (PBL 10 kap. 3 §).
    appeal = _(
        "Beslutet kan överklagas till Länsstyrelsen i Västra Götalands län. Skicka "
        "överklagandet till byggnadsnämnden inom tre veckor från den dag du fick beslutet. "
        "Lovet får börja användas fyra veckor efter att det kungjorts i Post- och Inrikes "
        "Tidningar, och arbetet får inte påbörjas förrän du har fått startbesked."
    )

    deadline_template = "eservices/kinds/building_permit/deadline.html"
    deadline_warning_days = DEADLINE_WARNING_DAYS
    reduces_fee_when_late = True

    def subject(self, case) -> str:
        """The property, as the applicant wrote its designation."""
        return (case.data or {}).get("property_designation", "")

    def deadline(self, case) -> datetime.date | None:
        """Ten weeks from the day the clock started (a complete application)."""
        if case.clock_started_on:
            return case.clock_started_on + datetime.timedelta(weeks=DECISION_WEEKS)
        return None

    def clock_stopped(self, case) -> bool:
        # A completion asked for within three weeks: the ten weeks restart when it arrives.
        return case.clock_started_on is None

    def completion_window_ends(self, case) -> datetime.date | None:
        if case.submitted_at is None:
            return None
        received = timezone.localdate(case.submitted_at)
        return received + datetime.timedelta(days=COMPLETION_WINDOW_DAYS)

    def completion_note(self, case, today) -> str:
        window_ends = self.completion_window_ends(case)
        if window_ends is None:
            return ""
        if today <= window_ends:
            return _gettext(
                "Begär du komplettering senast %(date)s (tre veckor från att ansökan kom in) "
                "börjar de tio veckorna om den dag kompletteringen kommer in."
            ) % {"date": window_ends.isoformat()}
        return _gettext(
            "Mer än tre veckor har gått sedan ansökan kom in: de tio veckorna fortsätter att "
            "räknas även om du begär komplettering."
        )

    def on_submitted(self, case) -> None:
        case.clock_started_on = timezone.localdate(case.submitted_at)

    def on_completion_requested(self, case) -> None:
        # Within three weeks of receipt the ten weeks restart when the completion arrives; a
        # later request leaves the clock running.
        window_ends = self.completion_window_ends(case)
        if window_ends and timezone.localdate() <= window_ends:
            case.clock_started_on = None

    def on_completion_received(self, case) -> None:
        if case.clock_started_on is None:
            case.clock_started_on = timezone.localdate()

    def next_steps(self, case) -> list[str]:
        return [
            _gettext(
                "Handläggaren kontrollerar först att ansökan är komplett. Saknas något får du en "
                "begäran om komplettering på Mina sidor."
            ),
            _gettext("Beslut ska fattas inom tio veckor från att ansökan är komplett."),
        ]


register(BuildingPermit())
