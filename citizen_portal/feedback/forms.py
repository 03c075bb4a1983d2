from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH


class PageFeedbackForm(forms.Form):
    """Two submit buttons (name `helpful`, value `ja` or `nej`) and an optional comment: no
    JavaScript needed, and nothing that identifies the person is asked for."""

    helpful = forms.ChoiceField(
        label=_("Var sidan till hjälp?"),
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        error_messages={
            "required": _("Välj Ja eller Nej."),
            "invalid_choice": _("Välj Ja eller Nej."),
        },
    )
    comment = forms.CharField(
        label=_("Vad saknade du?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        if len(comment) > COMMENT_MAX_LENGTH:
            # The message counts what was typed, so the resident knows how much to shorten it.
            raise forms.ValidationError(
                _(
                    "Kommentaren får vara högst %(limit)s tecken. Du har skrivit %(count)s "
                    "tecken. Korta den och skicka igen."
                )
                % {"limit": COMMENT_MAX_LENGTH, "count": len(comment)}
            )
        return comment

    @property
    def is_helpful(self) -> bool:
        return self.cleaned_data["helpful"] == "ja"
