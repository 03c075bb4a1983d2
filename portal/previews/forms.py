from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .services import DEFAULT_DAYS, MAX_DAYS


class PreviewLinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("Giltig i dagar"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
    )
    note = forms.CharField(
        label=_("För vem"),
        max_length=200,
        help_text=_(
            "Vem du skickar länken till, till exempel ”Anna Berg, Länsstyrelsen”. Syns bara "
            "för redaktörer, här och i sidans historik."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Here, not on the field: the number is filled in in the language of each request.
        self.fields["days"].help_text = gettext(
            "Från 1 till %(max)s dagar. Du kan återkalla länken innan dess."
        ) % {"max": MAX_DAYS}
