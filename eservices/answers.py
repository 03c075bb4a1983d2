"""A case's answers as people read them: in the sections and with the labels of the case's kind
(eservices.kinds), choices by their labels, ranked units by name, personal identity numbers
with their hyphen. For the handler's case page, and for the resident's pages of an e-service
without answers of its own (`EServiceKind.answers_template`)."""

from django import forms
from django.utils.translation import gettext as _

from portal.personnummer import InvalidPersonalIdentityNumber, PersonalIdentityNumber

from .models import Unit

# Shown elsewhere on the page (contact details, the co-applicant) or not an answer at all.
NOT_ANSWERS = {
    "email",
    "phone",
    "co_applicant_name",
    "co_applicant_number",
    "co_applicant_email",
    "declaration",
    "applicant_name",  # the name from the e-ID at submission; the page shows the applicant
}


def choice_labels(kind) -> dict[str, dict[str, str]]:
    """The labels of the application form's choices (care type, measure…), by field."""
    labels = {}
    for name, field in getattr(kind.form_class, "base_fields", {}).items():
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            labels[name] = {str(value): label for value, label in field.choices if value != ""}
    return labels


def ranked_unit_ids(kind, data) -> list[int]:
    """The ids of the units the applicant ranked, in their order."""
    ids = []
    for key in kind.ranked_unit_keys:
        for value in data.get(key) or ():
            try:
                ids.append(int(value))
            except (TypeError, ValueError):
                continue
    return ids


def _display_value(kind, key, value, choices, units):
    """One answer as text, or as a list of texts (ranked units)."""
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if key in kind.ranked_unit_keys and isinstance(value, list):
        names = []
        for unit_id in value:
            unit = units.get(int(unit_id)) if str(unit_id).isdigit() else None
            if unit is None:
                names.append(_("Okänd enhet (%(id)s)") % {"id": unit_id})
            else:
                names.append(f"{unit.name} ({unit.get_organiser_display().lower()})")
        return names
    if key in kind.personal_number_keys:
        try:
            return PersonalIdentityNumber(str(value)).display
        except InvalidPersonalIdentityNumber:
            return str(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, int):
        text = f"{value:,}".replace(",", "\u00a0")  # 32 000, as Swedish writes it
    elif key in kind.decimal_keys:
        text = str(value).replace(".", ",")
    else:
        text = str(choices.get(key, {}).get(str(value), value))
    if key in kind.value_suffixes:
        text = f"{text} {kind.value_suffixes[key]}"
    return text


def _is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def answer_sections(case) -> list[dict]:
    """The case's answers, readable: [{"heading", "rows": [{"label", "text" or "ranked"}]}],
    where "ranked" is a list in the applicant's order (units, schools), resolved by one query.
    Answers outside the kind's sections follow under "Övriga uppgifter"."""
    data = case.data or {}
    kind = case.kind_def
    labels = kind.answer_labels
    choices = choice_labels(kind)
    ids = ranked_unit_ids(kind, data)
    units = Unit.objects.in_bulk(ids) if ids else {}

    def row(key):
        value = _display_value(kind, key, data[key], choices, units)
        if isinstance(value, list):
            return {"label": labels.get(key, key), "ranked": value}
        return {"label": labels.get(key, key), "text": value}

    sections, shown = [], set()
    for section in kind.answer_sections:
        shown.update(section.keys)
        if section.rows is not None:
            rows = section.rows(data)
        else:
            rows = [row(key) for key in section.keys if key in data and not _is_empty(data[key])]
        if rows:
            sections.append({"heading": section.heading, "rows": rows})
    other = [
        row(key)
        for key in data
        if key not in shown and key not in NOT_ANSWERS and not _is_empty(data[key])
    ]
    if other:
        sections.append({"heading": _("Övriga uppgifter"), "rows": other})
    return sections
