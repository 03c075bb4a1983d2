"""The diary search form: `/diarium/?q=…&kommun=…&fran=YYYY-MM-DD&till=YYYY-MM-DD` (DESIGN.md,
public contract). Every field is optional; the parameter names are Swedish because they are
part of the public address."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality

from .models import Document, Register
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
