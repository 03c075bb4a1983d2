"""Skolval: the guardians' wishes of a school (förskoleklass and grundskola) for their child.

The municipality places the pupil as the guardians wish as far as it can, without setting aside
other pupils' right to a school near home (skollagen 2010:800, 9 kap. 15 § and 10 kap. 30 §).
There is no statutory time limit. Upper-secondary choice is made at Antagning Fyrbodal or, for
Åmål, the admissions office in Karlstad; the start page says so.
"""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from eservices.forms import (
    ApplicationForm,
    DateInput,
    GuardianFields,
    RankedUnitsMixin,
    unit_choice,
)
from eservices.kinds import AnswerSection, EServiceKind, register
from eservices.models import Unit


def _school_year(n: int) -> str:
    return _gettext("Årskurs %(n)s") % {"n": n}


# Translated when shown, not once when the module is imported.
SCHOOL_YEARS = [("F", _("Förskoleklass"))] + [
    (str(n), lazy(_school_year, str)(n)) for n in range(1, 10)
]


class SchoolChoiceForm(RankedUnitsMixin, GuardianFields, ApplicationForm):
    unit_fields = ("school_1", "school_2", "school_3")

    school_year = forms.ChoiceField(
        label=_("Årskurs när barnet börjar"),
        choices=[("", _("Välj"))] + SCHOOL_YEARS,
        error_messages={"required": _("Välj årskurs.")},
    )
    start_date = forms.DateField(
        label=_("Från och med"),
        widget=DateInput,
        help_text=_("Oftast första skoldagen på höstterminen."),
        error_messages={
            "required": _("Skriv från vilket datum skolvalet gäller."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-08-18."),
        },
    )
    school_1 = unit_choice(True, _("Förstahandsval"), _("Välj minst en skola."))
    school_2 = unit_choice(False, _("Andrahandsval"), "")
    school_3 = unit_choice(False, _("Tredjehandsval"), "")
    reasons = forms.CharField(
        label=_("Skäl för ditt val (frivilligt)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel syskon på skolan eller särskilda skäl."),
    )
    guardian = forms.BooleanField(
        label=_("Jag är vårdnadshavare för barnet."),
        error_messages={"required": _("Bara en vårdnadshavare kan göra skolval för barnet.")},
    )

    sections = [
        (_("Barnet"), "", ["child_name", "child_number", "guardian"]),
        (
            _("Skolval"),
            _(
                "Rangordna upp till tre skolor. Kommunen placerar efter vårdnadshavarnas önskemål "
                "så långt det går."
            ),
            ["school_year", "start_date", "school_1", "school_2", "school_3", "reasons"],
        ),
        (_("Du som ansöker"), "", ["email", "phone"]),
        (
            _("Den andra vårdnadshavaren"),
            _(
                "Har barnet två vårdnadshavare ska båda stå bakom valet. Den andra "
                "vårdnadshavaren bekräftar med sin e-legitimation på Mina sidor."
            ),
            ["co_applicant_name", "co_applicant_number", "co_applicant_email"],
        ),
        (_("Intygande"), "", ["declaration"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schools = Unit.objects.filter(
            municipality=self.municipality, active=True, type=Unit.Type.SCHOOL
        ).select_related("municipality")
        self._setup_units(
            schools, lambda unit: f"{unit.name} ({unit.grades})" if unit.grades else unit.name
        )

    def clean(self):
        cleaned = super().clean()
        cleaned["schools"] = self._clean_units(cleaned)
        return cleaned

    def serialised(self) -> dict:
        data = super().serialised()
        for name in self.unit_fields:
            data.pop(name, None)
        return data


class SchoolChoice(EServiceKind):
    slug = "skolval"
    name = _("Skolval")
    constant = "SCHOOL_CHOICE"
    order = 20
    reference_prefix = "SKV"
    # Two years after the case is closed; the case record itself is kept by the municipality.
    retention_days = 730
    permission = "handle_school_choice"
    permission_name = _("Handlägga skolval")

    form_class = SchoolChoiceForm
    summary = _("Önska skola för ditt barn inför förskoleklass eller ett byte av skola.")
    lead = _(
        "Önska upp till tre skolor för ditt barn. Kommunen placerar barnet efter "
        "vårdnadshavarnas önskemål så långt det går."
    )
    before_you_start = (
        _(
            "Bara vårdnadshavare kan göra skolval. Har barnet två vårdnadshavare ska båda stå "
            "bakom valet."
        ),
        _(
            "Gymnasieval gör du hos Antagning Fyrbodal eller, i Åmål, hos gymnasieantagningen i "
            "Karlstad."
        ),
    )
    choose_municipality = _("Välj kommunen där barnet är folkbokfört eller ska bo.")
    answers_template = "eservices/includes/answers.html"

    answer_sections = (
        AnswerSection(_("Barnet"), ("child_name", "child_number", "guardian")),
        AnswerSection(_("Skolval"), ("school_year", "start_date", "schools", "reasons")),
    )
    answer_labels = {
        "child_name": _("Barnets namn"),
        "child_number": _("Barnets personnummer"),
        "guardian": _("Sökanden intygar att hen är vårdnadshavare"),
        "school_year": _("Årskurs"),
        "start_date": _("Skolvalet gäller från"),
        "schools": _("Önskade skolor i turordning"),
        "reasons": _("Skäl för valet"),
    }
    ranked_unit_keys = ("schools",)
    personal_number_keys = ("child_number",)
    # A decision on placement at a school is appealed to Skolväsendets överklagandenämnd
    # (skollagen 28 kap.).
    appeal = _(
        "Beslutet kan överklagas till Skolväsendets överklagandenämnd. Skicka överklagandet "
        "till kommunen inom tre veckor från den dag du fick beslutet."
    )
    deadline_rule = _(
        "Skolval har ingen lagstadgad handläggningstid. Besked ges inför terminsstarten."
    )

    def next_steps(self, case) -> list[str]:
        return [
            _gettext(
                "Kommunen placerar barnet efter era önskemål så långt det går. Beskedet kommer "
                "på Mina sidor."
            )
        ]


register(SchoolChoice())
