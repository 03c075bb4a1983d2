"""What the e-services' forms share: the base of every application form (contact details, the
declaration, drafts), the child and the second guardian, ranked units, and the residents' forms
on a case (message, completion, withdrawal). Each e-service's own application form lives in its
module in eservices.kinds.

An application form is stored in two ways. While the resident works on it, `raw_data()` keeps
exactly what was typed, valid or not, so that a draft saved half-done or a submission with an
error loses nothing. When it is submitted and valid, `serialised()` keeps the cleaned answers
(numbers in their storage form, dates as ISO dates, units by id) for the handler.
"""

import datetime

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from portal.files import AttachmentField, AttachmentInput
from portal.personnummer import InvalidPersonalIdentityNumber, parse

from .models import Unit

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

    # Fields in the order of the page, by section: [(heading, help, [field names])], or
    # (heading, help, [field names], "grid") for fields laid out as a grid (a schedule).
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

    def __init__(self, *args, municipality=None, applicant_number="", stored_files=0, **kwargs):
        self.municipality = municipality
        self.applicant_number = applicant_number
        # Files already kept with the draft (they need not be chosen again).
        self.stored_files = stored_files
        super().__init__(*args, **kwargs)
        self.order_as_page()
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not field.max_length:
                field.max_length = MAX_TEXT
                field.widget.attrs.setdefault("maxlength", MAX_TEXT)
        self.fields_with_null_characters = self._take_out_null_characters()

    # NUL characters --------------------------------------------------------------------

    def _take_out_null_characters(self) -> list[str]:
        """The fields whose answer held a NUL character, which is then taken out of the data.

        No one means to type a NUL (it comes pasted from another program, or from a script),
        and PostgreSQL cannot store one, not even inside the JSON of a draft: kept in the data
        it made saving the draft fail, and everything typed was lost. Taken out here, the
        answers are checked, kept in the draft and shown back without it, and `clean()` says
        which field held one, in every field, whatever it would have made of the character."""
        if not self.is_bound:
            return []
        found = [
            name
            for name, field in self.fields.items()
            if name not in self.file_field_names and _holds_null_character(self[name].data)
        ]
        if found:
            self.data = _without_null_characters(self.data)
        return found

    def refuses_null_characters(self) -> bool:
        return bool(self.fields_with_null_characters)

    def show_only_null_character_errors(self):
        """Saving a draft checks nothing but the NUL characters: a draft may be half done."""
        for name in list(self.errors):
            if name not in self.fields_with_null_characters:
                del self.errors[name]

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
        self.order_fields(
            [name for _heading, _help, names, *_layout in self.sections for name in names]
        )

    def section_fields(self):
        """[{heading, help, fields (bound), grid}] for the template."""
        return [
            {
                "heading": heading,
                "help": help_text,
                "fields": [self[name] for name in names if name in self.fields],
                "grid": "grid" in layout,
            }
            for heading, help_text, names, *layout in self.sections
        ]

    # Where the application goes ------------------------------------------------------

    def answered_municipality(self):
        """The municipality the answers name, for an e-service whose answers decide where the
        application goes (a building permit's property); None otherwise."""
        return None

    def refuse_municipality(self, municipality):
        """The answers name a municipality that does not take applications here."""
        self.add_error(
            None,
            _("%(municipality)s tar inte emot den här ansökan här ännu. Kontakta kommunen.")
            % {"municipality": municipality.name},
        )

    def refuse_foreign_eid(self, municipality):
        """The answers name a municipality whose e-service needs a Swedish number, and the
        applicant signed in with a foreign e-ID without one."""
        self.add_error(
            None,
            _(
                "%(municipality)s behöver ett svenskt personnummer eller samordningsnummer för "
                "den här ansökan. Kontakta kommunens kontaktcenter, så får du hjälp att ansöka "
                "på papper."
            )
            % {"municipality": municipality.name},
        )

    def clean(self):
        cleaned = super().clean()
        refused = ProhibitNullCharactersValidator()
        for name in self.fields_with_null_characters:
            self.add_error(name, forms.ValidationError(refused.message, code=refused.code))
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


def _holds_null_character(value) -> bool:
    values = value if isinstance(value, (list, tuple)) else [value]
    return any(isinstance(item, str) and "\x00" in item for item in values)


def _without_null_characters(data):
    """A copy of the form's `data` (a QueryDict or a dict) without NUL characters."""
    if hasattr(data, "setlist"):
        data = data.copy()
        for key in list(data):
            data.setlist(key, [_strip_null(value) for value in data.getlist(key)])
        return data
    return {key: _strip_null(value) for key, value in data.items()}


def _strip_null(value):
    if isinstance(value, (list, tuple)):
        return [_strip_null(item) for item in value]
    return value.replace("\x00", "") if isinstance(value, str) else value


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


class _UnitChoiceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.unit_choices()

    def __len__(self):
        return len(self.field.units()) + (1 if self.field.empty_label is not None else 0)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.units())


class UnitChoiceField(forms.ModelChoiceField):
    """A unit of the form's list. The ranked fields of one form share one list, read with one
    query when first needed (to show the choices or to check an answer), instead of a query
    per field to show it and another per answer to check it."""

    iterator = _UnitChoiceIterator
    shared_units: dict | None = None

    def units(self) -> list:
        shared = self.shared_units
        if shared is None:
            return list(self.queryset)
        if "units" not in shared:
            shared["units"] = list(self.queryset)
        return shared["units"]

    def unit_choices(self) -> list:
        """[(value, label)] of the units, made once for the fields that share their list and
        their label (RankedUnitsMixin._setup_units)."""
        shared = self.shared_units if self.shared_units is not None else {}
        key = ("choices", self.label_from_instance)
        if key not in shared:
            iterator = self.iterator(self)
            shared[key] = [iterator.choice(unit) for unit in self.units()]
        return shared[key]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        value = getattr(value, "pk", value)
        for unit in self.units():
            if str(unit.pk) == str(value):
                return unit
        raise forms.ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


def unit_choice(required, label, error):
    return UnitChoiceField(
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

    def _setup_units(self, queryset, label=None):
        """The ranked fields choose among `queryset`, each unit shown as `label(unit)`."""
        shared = {}
        for name in self.unit_fields:
            field = self.fields[name]
            field.queryset = queryset
            field.shared_units = shared
            if label is not None:
                field.label_from_instance = label

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


class DeclineOfferForm(forms.Form):
    """A guardian's no to an offer, with a reason if they want to give one."""

    reason = forms.CharField(
        label=_("Varför tackar ni nej? (frivilligt)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel att ni hellre väntar på en plats på en annan förskola."),
    )
