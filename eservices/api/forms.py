"""The admin's form for a back-office system: the e-services must be the municipality's."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class CaseApiClientForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        municipality, eservices = cleaned.get("municipality"), cleaned.get("eservices")
        if municipality and eservices:
            others = [e for e in eservices if e.municipality_id != municipality.pk]
            if others:
                self.add_error(
                    "eservices",
                    _("Välj bara e-tjänster i %(municipality)s: %(others)s.")
                    % {
                        "municipality": municipality.short_name,
                        "others": ", ".join(str(e) for e in others),
                    },
                )
        return cleaned
