"""The handlers' small forms on a case's page: change the status, request a completion, write
to the applicant, record the decision. Each posts on its own; the view hands the cleaned values
to eservices.services, which checks the case's state again under its row lock."""

import os

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.files import AttachmentField, AttachmentInput, detected_content_type

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
