"""The diary search form: `/diarium/?q=…&kommun=…&fran=YYYY-MM-DD&till=YYYY-MM-DD` (a public
address, docs/architecture.md). Every field is optional; the parameter names are Swedish because
they are part of the public address."""

import re
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality

from .models import Case, Document, DocumentRequest, Register
from .search import MAX_QUERY_LENGTH, ORDER_DATE, ORDER_RELEVANCE

DATE_FORMAT = "%Y-%m-%d"
SORT_DATE = "datum"
SORT_RELEVANCE = "relevans"
SORT_ORDERS = {SORT_DATE: ORDER_DATE, SORT_RELEVANCE: ORDER_RELEVANCE}
# The parameters a search consists of; a case page carries them to link back to the results.
SEARCH_PARAMETERS = (
    "q",
    "kommun",
    "diarium",
    "fran",
    "till",
    "riktning",
    "diarienummer",
    "sortera",
    "sida",
)
# The fields folded under "Fler sökval" until one is used.
MORE_OPTIONS = ("diarium", "diarienummer", "riktning", "sortera", "fran", "till")


class DateInput(forms.DateInput):
    """A browser date picker, ISO dates in the address. A value that is not a date (typed into
    the address, or by a browser without a picker) is shown back in a text input: a date
    input would blank it, and the person should see what to correct."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATE_FORMAT)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        shown = context["widget"]["value"]
        if shown and not _is_iso_date(shown):
            context["widget"]["type"] = "text"
        return context


def _is_iso_date(value: str) -> bool:
    try:
        datetime.strptime(value, DATE_FORMAT)
    except (TypeError, ValueError):
        return False
    return True


def _date_field(label, help_text):
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=False,
        input_formats=[DATE_FORMAT],
        widget=DateInput(),
        error_messages={
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2025-03-14."),
        },
    )


class DiarySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sökord"),
        help_text=_(
            "Söker i ärendemening, handlingens rubrik, avsändare eller mottagare och diarienummer."
        ),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kommun = forms.ChoiceField(
        label=_("Kommun"),
        required=False,
        error_messages={"invalid_choice": _("Välj en av kommunerna i listan.")},
    )
    # A select of the codes in use; a CharField (not a ChoiceField) so that a code typed into
    # the address in lower case (ks) is accepted, and without max_length, which a select may
    # not carry.
    diarium = forms.CharField(
        label=_("Diarium"),
        help_text=_("Nämndens diarium, till exempel KS för kommunstyrelsen."),
        required=False,
        widget=forms.Select(),
    )
    diarienummer = forms.CharField(
        label=_("Diarienummer"),
        help_text=_("Hela numret, till exempel KS 2025/123."),
        required=False,
        max_length=60,
    )
    riktning = forms.ChoiceField(
        label=_("Riktning"),
        required=False,
        choices=[("", _("Alla riktningar")), *Document.Direction.choices],
        error_messages={"invalid_choice": _("Välj en riktning i listan.")},
    )
    sortera = forms.ChoiceField(
        label=_("Sortera"),
        help_text=_("Bäst träff först fungerar när du har skrivit ett sökord."),
        required=False,
        initial=SORT_DATE,
        choices=[
            (SORT_DATE, _("Senast registrerad först")),
            (SORT_RELEVANCE, _("Bäst träff först")),
        ],
        error_messages={"invalid_choice": _("Välj en sortering i listan.")},
    )
    fran = _date_field(_("Registrerad från och med"), _("Till exempel 2025-01-01."))
    till = _date_field(_("Registrerad till och med"), _("Till exempel 2025-12-31."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {m.slug: m for m in Municipality.objects.all()}
        self.fields["kommun"].choices = [
            ("", _("Alla kommuner")),
            *((slug, m.name) for slug, m in self.municipalities.items()),
        ]
        self.register_codes = self._register_choices()
        self.fields["diarium"].widget.choices = [
            ("", _("Alla diarier")),
            *self.register_codes.items(),
        ]

    def _register_choices(self) -> dict[str, str]:
        """The registers of the chosen municipality, or of all: {code: "KS – Kommunstyrelsen"}.
        A code whose boards are named differently in different municipalities shows the code
        alone."""
        registers = Register.objects.order_by("code")
        municipality = self.municipalities.get(self.data.get("kommun", "")) if self.data else None
        if municipality is not None:
            registers = registers.filter(municipality=municipality)
        names: dict[str, set[str]] = {}
        for code, name in registers.values_list("code", "name"):
            names.setdefault(code, set()).add(name)
        return {
            code: f"{code} – {next(iter(found))}" if len(found) == 1 and "" not in found else code
            for code, found in names.items()
        }

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_diarium(self):
        code = self.cleaned_data["diarium"].strip().upper()
        if code and code not in self.register_codes:
            if self.data.get("kommun") in self.municipalities:
                raise ValidationError(
                    _("Kommunen har inget diarium med koden %(code)s. Välj ett i listan."),
                    params={"code": code},
                    code="unknown_register",
                )
            raise ValidationError(
                _("Det finns inget diarium med koden %(code)s. Välj ett i listan."),
                params={"code": code},
                code="unknown_register",
            )
        return code

    def clean_diarienummer(self):
        return " ".join(self.cleaned_data["diarienummer"].split())

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("fran"), cleaned.get("till")
        if date_from and date_to and date_from > date_to:
            self.add_error(
                "till",
                ValidationError(
                    _("Slutdatumet kan inte vara före startdatumet %(date)s."),
                    params={"date": date_from.strftime(DATE_FORMAT)},
                    code="date_order",
                ),
            )
        return cleaned

    def uses_more_options(self) -> bool:
        """Whether a field beyond the words and the municipality is filled in or wrong: the
        template then shows them unfolded."""
        for name in MORE_OPTIONS:
            value = self.data.get(name, "")
            if self.errors.get(name) or (value and value != self.fields[name].initial):
                return True
        return False

    def has_criteria(self) -> bool:
        """Whether the visitor asked for anything (else the page lists the newest documents)."""
        return any(
            self.cleaned_data.get(name)
            for name in ("q", "kommun", "diarium", "fran", "till", "riktning", "diarienummer")
        )

    def search_arguments(self) -> dict:
        """The keyword arguments of search.search_documents for a valid form."""
        data = self.cleaned_data
        return {
            "q": data["q"],
            "municipality": self.municipalities.get(data["kommun"]),
            "register": data["diarium"],
            "date_from": data["fran"],
            "date_to": data["till"],
            "direction": data["riktning"],
            "case_number": data["diarienummer"],
            "order": SORT_ORDERS.get(data["sortera"], ORDER_DATE),
        }


# --- Requests for official documents (TF 2 kap. 15–16 §§) -----------------------------------

PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()-]{4,30}$")


class DocumentRequestForm(forms.Form):
    """Begär ut en allmän handling. Only what routing needs is required: anyone may ask
    anonymously and without giving a reason (TF 2 kap. 18 §), so contact details are asked for
    only where a copy has to be sent somewhere.

    `document` or `case` comes from the diary row the person started from; the municipality,
    register and case number are then known and not asked for."""

    municipality = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("Välj kommun"),
        error_messages={
            "required": _("Välj den kommun som har handlingen."),
            "invalid_choice": _("Välj en av kommunerna i listan."),
        },
    )
    register = forms.TypedChoiceField(
        label=_("Nämnd eller diarium"),
        help_text=_(
            "Den nämnd som har handlingen. Vet du inte vilken? Välj kommunstyrelsen, så lämnar "
            "registratorn begäran vidare."
        ),
        coerce=int,
        error_messages={
            "required": _("Välj nämnd eller diarium."),
            "invalid_choice": _("Välj en nämnd eller ett diarium i listan."),
        },
    )
    case_number = forms.CharField(
        label=_("Diarienummer"),
        help_text=_("Om du vet det, till exempel KS 2025/123."),
        required=False,
        max_length=60,
    )
    description = forms.CharField(
        label=_("Vad vill du ta del av?"),
        help_text=_(
            "Beskriv handlingen så gott du kan: vad den handlar om, ungefär när den kom in eller "
            "skickades och vem som skrev den."
        ),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Beskriv vilken handling du vill ta del av.")},
    )
    access = forms.ChoiceField(
        label=_("Hur vill du ta del av handlingen?"),
        choices=DocumentRequest.Access.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj hur du vill ta del av handlingen.")},
    )
    name = forms.CharField(label=_("Namn"), required=False, max_length=200)
    email = forms.EmailField(
        label=_("E-postadress"),
        help_text=_(
            "Behövs för en elektronisk kopia. Du får då också en bekräftelse med din referens."
        ),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Skriv e-postadressen som namn@exempel.se.")},
    )
    postal_address = forms.CharField(
        label=_("Postadress"),
        help_text=_("Behövs för en kopia på papper: gatuadress eller box, postnummer och ort."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    phone = forms.CharField(
        label=_("Telefonnummer"),
        help_text=_("Om registratorn behöver fråga något om din begäran."),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    written_decision = forms.BooleanField(
        label=_(
            "Jag vill ha ett skriftligt beslut som jag kan överklaga, om kommunen inte lämnar ut "
            "handlingen"
        ),
        help_text=_("Lämna då en e-postadress eller postadress, så att beslutet kan skickas."),
        required=False,
    )
    # A honeypot: hidden from view and skipped by the keyboard, so only a robot fills it in.
    website = forms.CharField(
        label=_("Lämna det här fältet tomt"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    CONTACT_FIELDS = ("name", "email", "postal_address", "phone")

    def __init__(self, *args, document=None, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.case = document.case if document is not None else case
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if self.case is not None:
            for name in ("municipality", "register", "case_number"):
                del self.fields[name]
            description = self.fields["description"]
            if document is not None:
                description.label = _("Vill du lägga till något?")
                description.help_text = _("Till exempel om du bara vill ha vissa sidor.")
                description.required = False
            else:
                description.help_text = _(
                    "Alla handlingar i ärendet, eller bara vissa? Handlingsnumren står i "
                    "tabellen på ärendets sida."
                )
                description.initial = _("Alla handlingar i ärendet.")
        else:
            self.registers = {
                register.pk: register
                for register in Register.objects.select_related("municipality").order_by(
                    "municipality__sort_order", "code"
                )
            }
            groups: dict[str, list] = {}
            for register in self.registers.values():
                label = f"{register.name} ({register.code})" if register.name else register.code
                groups.setdefault(register.municipality.name, []).append((register.pk, label))
            self.fields["register"].choices = [("", _("Välj nämnd")), *groups.items()]

    @property
    def contact_fields(self):
        return [self[name] for name in self.CONTACT_FIELDS]

    @property
    def request_fields(self):
        """The fields about what is asked for, in order (the contact fields come apart)."""
        names = ("municipality", "register", "case_number", "description", "access")
        return [self[name] for name in names if name in self.fields]

    def clean_case_number(self):
        return " ".join(self.cleaned_data["case_number"].split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_NUMBER.match(phone):
            raise ValidationError(
                _("Skriv telefonnumret med siffror, till exempel 0530-180 00."), code="phone"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            # Say nothing a robot could learn from, and keep nothing.
            raise ValidationError(
                _(
                    "Vi kunde inte ta emot begäran. Försök igen, eller skicka den med e-post "
                    "till kommunens registrator."
                ),
                code="honeypot",
            )
        municipality = cleaned.get("municipality")
        register_pk = cleaned.get("register")
        if municipality is not None and register_pk is not None:
            register = self.registers[register_pk]
            if register.municipality_id != municipality.pk:
                self.add_error(
                    "register",
                    ValidationError(
                        _(
                            "Välj en nämnd hos %(municipality)s: den du valde hör till en annan "
                            "kommun."
                        ),
                        params={"municipality": municipality.name},
                        code="register_municipality",
                    ),
                )
            else:
                cleaned["register"] = register
        access = cleaned.get("access")
        electronic = access == DocumentRequest.Access.ELECTRONIC
        # An address typed wrongly already has its own message.
        if electronic and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                ValidationError(
                    _("Skriv din e-postadress: dit skickas den elektroniska kopian."),
                    code="email_required",
                ),
            )
        if access == DocumentRequest.Access.PAPER and not cleaned.get("postal_address"):
            self.add_error(
                "postal_address",
                ValidationError(
                    _("Skriv din postadress: dit skickas kopian på papper."),
                    code="postal_address_required",
                ),
            )
        return cleaned

    def request_fields_values(self) -> dict:
        """The DocumentRequest fields of a valid form."""
        data = self.cleaned_data
        values = {
            "description": data["description"].strip(),
            "access": data["access"],
            "written_decision": data["written_decision"],
            **{name: data[name].strip() for name in self.CONTACT_FIELDS},
        }
        if self.document is not None:
            values |= {
                "document": self.document,
                "document_number": self.document.document_number,
                # Never the secret title: the marking and its reference, as the diary shows it.
                "document_title": str(self.document.display_title),
            }
        if self.case is not None:
            case = self.case
            values |= {
                "municipality": case.municipality,
                "register": case.register,
                "case": case,
                "case_number": case.case_number,
                "case_title": case.title,
            }
        else:
            register = data["register"]
            case = None
            if data["case_number"]:
                case = Case.objects.filter(
                    register=register, case_number=data["case_number"]
                ).first()
            values |= {
                "municipality": data["municipality"],
                "register": register,
                "case": case,
                "case_number": data["case_number"],
                "case_title": case.title if case else "",
            }
        return values


class PostlistaForm(forms.Form):
    """The postlista's one choice: `/diarium/postlista/?kommun=<slug>`, or all five."""

    kommun = forms.ChoiceField(
        label=_("Kommun"),
        required=False,
        error_messages={"invalid_choice": _("Välj en av kommunerna i listan.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {m.slug: m for m in Municipality.objects.all()}
        self.fields["kommun"].choices = [
            ("", _("Alla kommuner")),
            *((slug, m.name) for slug, m in self.municipalities.items()),
        ]

    def municipalities_to_show(self) -> list:
        chosen = self.cleaned_data["kommun"]
        if chosen:
            return [self.municipalities[chosen]]
        return list(self.municipalities.values())
