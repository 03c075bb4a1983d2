"""The web forms editors build (blankettservice): Wagtail's form builder with a file field, a
honeypot against spam robots and an opt-in confirmation e-mail.

A file a resident attaches is checked by its extension *and* by its first bytes, so a renamed
program or web page is refused whatever it is called; the limits are settings
(`FORM_UPLOAD_MAX_SIZE`, docs/forms.md).
"""

import os

import django.forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# The honeypot: a field people never see or fill in, and simple robots fill in everywhere.
HONEYPOT_NAME = "portal_hemsida"
CONFIRMATION_NAME = "skicka_bekraftelse"

# Extension → (content type, how its first bytes begin). HEIC (iPhone photos) is left out:
# iPhones send JPEG to a web form that asks for it, and not every office computer opens HEIC.
# Word files are left out too: a certificate or a photo is a PDF or a picture.
FILE_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}
ACCEPT = ",".join([*FILE_TYPES, *sorted({t for t, _magic in FILE_TYPES.values()})])


def max_upload_size() -> int:
    return settings.FORM_UPLOAD_MAX_SIZE


def _size_text(size: int) -> str:
    """10 MB, not 10,0 MB: whole megabytes as the limit is set."""
    return filesizeformat(size).replace("\xa0", " ").replace(",0 ", " ").replace(".0 ", " ")


def file_limits_text() -> str:
    return gettext("Du kan skicka en PDF-, JPEG- eller PNG-fil på högst %(size)s.") % {
        "size": _size_text(max_upload_size())
    }


def detected_content_type(upload) -> str | None:
    """The content type the file's extension promises, if its first bytes keep the promise."""
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in FILE_TYPES:
        return None
    content_type, signatures = FILE_TYPES[extension]
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(position)
    if any(head.startswith(signature) for signature in signatures):
        return content_type
    return None


class AttachmentInput(django.forms.FileInput):
    """A file input that tells the browser's file picker which types are welcome; the server
    checks again, as anyone can send anything."""

    def __init__(self, attrs=None):
        super().__init__({"accept": ACCEPT, **(attrs or {})})


class AttachmentField(django.forms.FileField):
    """One attached file: PDF, JPEG or PNG, at most `FORM_UPLOAD_MAX_SIZE` bytes."""

    widget = AttachmentInput

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        extension = os.path.splitext(value.name or "")[1].lower()
        if extension not in FILE_TYPES:
            raise django.forms.ValidationError(
                _("Filtypen går inte att skicka: välj en PDF-, JPEG- eller PNG-fil."),
                code="file_type",
            )
        if value.size > max_upload_size():
            raise django.forms.ValidationError(
                _("Filen är för stor: högst %(limit)s. Din fil är %(size)s."),
                code="file_size",
                params={"limit": _size_text(max_upload_size()), "size": _size_text(value.size)},
            )
        if detected_content_type(value) is None:
            raise django.forms.ValidationError(
                _(
                    "Filen går inte att öppna som %(type)s. Den kan vara skadad eller ha fel "
                    "filändelse: välj en PDF-, JPEG- eller PNG-fil."
                ),
                code="file_content",
                params={"type": extension.lstrip(".").upper()},
            )


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
        limits = file_limits_text()
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
    from portal import throttle

    wait = throttle.hit(
        f"form-submissions:{page.translation_key}",
        request,
        limit=settings.FORM_SUBMISSIONS_PER_CLIENT,
        window=settings.FORM_SUBMISSIONS_WINDOW,
    )
    return wait is None
