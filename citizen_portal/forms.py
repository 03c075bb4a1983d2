"""The web forms editors build (blankettservice): Wagtail's form builder with a file field, a
honeypot against spam robots and an opt-in confirmation e-mail.

A file a resident attaches is checked by its extension *and* by its first bytes, so a renamed
program or web page is refused whatever it is called; the limits are settings
(`FORM_UPLOAD_MAX_SIZE`, docs/forms.md); the check is portal/files.py's.
"""

import django.forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal import throttle
from portal.files import AttachmentField, attachment_limits_text

# The honeypot: a field people never see or fill in, and simple robots fill in everywhere.
HONEYPOT_NAME = "portal_hemsida"
CONFIRMATION_NAME = "skicka_bekraftelse"


class EmptyTextInput(django.forms.TextInput):
    """Never shows what was typed: a filled honeypot is emptied when the form comes back."""

    def format_value(self, value):
        return None


class PortalForm(BaseForm):
    """The base of every built form: Wagtail's, plus the honeypot and the confirmation opt-in."""

    email_field_name = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_spam = False

    @property
    def answer_fields(self):
        """The bound fields a person fills in: everything but the honeypot."""
        return [field for field in self if field.name != HONEYPOT_NAME]

    @property
    def honeypot(self):
        return self[HONEYPOT_NAME] if HONEYPOT_NAME in self.fields else None

    @property
    def file_fields(self):
        return [name for name, field in self.fields.items() if isinstance(field, AttachmentField)]

    @property
    def wants_confirmation(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get(CONFIRMATION_NAME))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_NAME):
            self.is_spam = True
        if (
            cleaned_data.get(CONFIRMATION_NAME)
            and self.email_field_name
            and not cleaned_data.get(self.email_field_name)
            and self.email_field_name not in self.errors
        ):
            self.add_error(
                self.email_field_name,
                _("Fyll i din e-postadress om du vill ha en bekräftelse."),
            )
        return cleaned_data

    def ask_to_choose_files_again(self):
        """A browser cannot keep a chosen file when the form comes back with errors: say so at
        each file field the person had filled in, so it is not lost without a word."""
        for name in self.file_fields:
            if self.files.get(self.add_prefix(name)) and name not in self.errors:
                self.add_error(
                    name,
                    _(
                        "Välj filen igen. Av säkerhetsskäl kan webbläsaren inte behålla en vald "
                        "fil när formuläret visas på nytt."
                    ),
                )


class PortalFormBuilder(FormBuilder):
    """Wagtail's form builder with the file field, the honeypot and, when the page offers it,
    the confirmation checkbox (after the first e-mail field)."""

    def __init__(self, fields, *, offer_confirmation=False):
        super().__init__(fields)
        self.offer_confirmation = offer_confirmation

    def create_file_field(self, field, options):
        options.pop("initial", None)
        limits = attachment_limits_text()
        help_text = options["help_text"]
        options["help_text"] = f"{help_text} {limits}" if help_text else limits
        return AttachmentField(**options)

    def first_email_field(self):
        return next((f for f in self.fields if f.field_type == "email"), None)

    def get_form_class(self):
        formfields = self.formfields
        attrs = {}
        email_field = self.first_email_field() if self.offer_confirmation else None
        for name, formfield in formfields.items():
            attrs[name] = formfield
            if email_field is not None and name == (
                email_field.clean_name or email_field.get_field_clean_name()
            ):
                attrs[CONFIRMATION_NAME] = django.forms.BooleanField(
                    label=_("Skicka en bekräftelse till min e-postadress"),
                    help_text=_("Bekräftelsen innehåller ditt referensnummer, men inte dina svar."),
                    required=False,
                )
                attrs["email_field_name"] = name
        attrs[HONEYPOT_NAME] = django.forms.CharField(
            label=_("Lämna det här fältet tomt"),
            required=False,
            widget=EmptyTextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        return type("WagtailForm", (PortalForm,), attrs)


def take_submission_slot(request, page) -> bool:
    """Count one submission of `page` (in any language) from the client's address; False when
    `FORM_SUBMISSIONS_PER_CLIENT` were already sent within `FORM_SUBMISSIONS_WINDOW` seconds."""
    wait = throttle.hit(
        f"form-submissions:{page.translation_key}",
        request,
        limit=settings.FORM_SUBMISSIONS_PER_CLIENT,
        window=settings.FORM_SUBMISSIONS_WINDOW,
    )
    return wait is None
