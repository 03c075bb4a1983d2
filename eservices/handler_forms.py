"""The handlers' small forms on a case's page: change the status, request a completion, write
to the applicant, record the decision. Each posts on its own; the view hands the cleaned values
to eservices.services, which checks the case's state again under its row lock."""

import os

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.files import AttachmentField, AttachmentInput, detected_content_type

from .forms import DateInput
from .models import Case

MAX_TEXT = 4000

Status = Case.Status


class StatusForm(forms.Form):
    """A new status among those the case's current status allows (Case.HANDLER_TRANSITIONS).
    Asking for a completion needs a comment: it is sent to the applicant as what is missing."""

    status = forms.ChoiceField(
        label=_("Ny status"),
        error_messages={
            "required": _("Välj en ny status."),
            "invalid_choice": _(
                "Ärendet kan inte få den statusen nu. Det kan ha ändrats av någon annan: ladda "
                "om sidan och försök igen."
            ),
        },
    )
    comment = forms.CharField(
        label=_("Kommentar"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Sparas i ärendets historik: skriv så att den sökande kan läsa den. Begär du "
            "komplettering skickas kommentaren som ett meddelande: skriv vad som saknas."
        ),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            Status.AWAITING_COMPLETION: _("Väntar på komplettering (begär komplettering)"),
        }
        self.fields["status"].choices = [("", _("Välj"))] + [
            (status, labels.get(status, Status(status).label))
            for status in Case.HANDLER_TRANSITIONS.get(case.status, ())
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.AWAITING_COMPLETION and not cleaned.get("comment"):
            self.add_error(
                "comment",
                _("Skriv vad som saknas. Kommentaren skickas till den sökande."),
            )
        return cleaned


class CompletionRequestForm(forms.Form):
    """A request for completion (föreläggande): what is missing, sent to the applicant."""

    comment = forms.CharField(
        label=_("Vad saknas i ansökan?"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Skickas till den sökande som ett meddelande. Ärendet får statusen Väntar på "
            "komplettering tills den sökande svarar."
        ),
        error_messages={"required": _("Skriv vad den sökande behöver komplettera med.")},
    )


class HandlerMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Meddelande till den sökande"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Den sökande får ett mejl om att det finns ett nytt meddelande på Mina sidor."),
        error_messages={"required": _("Skriv ett meddelande.")},
    )
    attachment = AttachmentField(
        label=_("Bifoga en fil (frivilligt)"),
        required=False,
        help_text=_("PDF, JPEG eller PNG."),
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Beslut"),
        choices=Case.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj vad beslutet blev.")},
    )
    text = forms.CharField(
        label=_("Beslutstext"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Beslutet och skälen för det. Om du inte bifogar ett eget beslutsdokument skapar "
            "portalen en PDF av texten, med information om hur man överklagar."
        ),
        error_messages={"required": _("Skriv beslutstexten.")},
    )
    document = AttachmentField(
        label=_("Eget beslutsdokument (frivilligt)"),
        required=False,
        widget=AttachmentInput(attrs={"accept": ".pdf,application/pdf"}),
        help_text=_("Bara PDF."),
    )

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if not document:
            return None
        extension = os.path.splitext(document.name or "")[1].lower()
        if extension != ".pdf" or detected_content_type(document) != "application/pdf":
            raise forms.ValidationError(
                _("Beslutsdokumentet måste vara en PDF-fil."), code="file_type"
            )
        return document


class OfferForm(forms.Form):
    """An offer of a place (eservices.offers.make_offer): one of the municipality's own units,
    the start date, and by when the guardians answer (the e-service's answer time ahead,
    unless the handler says otherwise)."""

    unit = forms.ModelChoiceField(
        label=_("Enhet"),
        queryset=None,
        empty_label=_("Välj enhet"),
        help_text=_("Kommunens egna förskolor, dagbarnvårdare och fritidshem."),
        error_messages={
            "required": _("Välj vilken enhet platsen är på."),
            "invalid_choice": _("Välj en av kommunens enheter i listan."),
        },
    )
    start_date = forms.DateField(
        label=_("Startdatum"),
        widget=DateInput,
        error_messages={
            "required": _("Skriv vilket datum barnet kan börja."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-01."),
        },
    )
    answer_by = forms.DateField(
        label=_("Svara senast"),
        widget=DateInput,
        help_text=_(
            "Vårdnadshavarna tackar ja eller nej på Mina sidor. Svarar ingen får de en påminnelse "
            "dagen efter, och sedan upphör erbjudandet enligt kommunens regel."
        ),
        error_messages={
            "required": _("Skriv sista dagen att svara."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-01."),
        },
    )

    def __init__(self, *args, case, **kwargs):
        from .offers import default_answer_by, offerable_units

        kwargs.setdefault("initial", {"answer_by": default_answer_by(case)})
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = offerable_units(case)
        self.fields["unit"].label_from_instance = lambda unit: (
            f"{unit.name} – {unit.get_type_display().lower()}"
        )

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        start, answer_by = cleaned.get("start_date"), cleaned.get("answer_by")
        if start and start < today:
            self.add_error("start_date", _("Startdatumet har redan varit. Välj ett senare datum."))
        if answer_by and answer_by < today:
            self.add_error(
                "answer_by", _("Sista svarsdagen har redan varit. Välj ett senare datum.")
            )
        elif start and answer_by and answer_by > start:
            self.add_error("answer_by", _("Sista svarsdagen kan inte vara efter startdatumet."))
        return cleaned
