from collections import OrderedDict

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def kind_words(kind, sentence, **values):
    """One of the kind's sentences (`EServiceKind.words`), its placeholders filled with the
    values, escaped: `{% kind_words kind "received" municipality=case.municipality.name %}`."""
    text = conditional_escape(str(getattr(kind.words, sentence)))
    # Safe: the sentence and every value put into it are escaped.
    return mark_safe(text % {k: conditional_escape(v) for k, v in values.items()})  # noqa: S308


@register.filter
def case_subject(case) -> str:
    """Whom or what a case is about (EServiceKind.subject), for lists of a resident's cases."""
    return case.kind_def.subject(case)


@register.simple_tag
def eservices_for(page):
    """The open e-services a service page describes (in any of its languages), so the page can
    offer "Ansök" straight into the e-service."""
    from eservices.models import EService

    return list(
        EService.objects.filter(
            active=True, service_page__translation_key=page.translation_key
        ).select_related("municipality")
    )


FIELD_TEMPLATE = "theme/components/form_field.html"
# A new application form's empty fields, rendered, per process: {key: html}. They are the same
# for every resident of a municipality, so each is rendered once instead of in every request.
# The key holds everything the field's HTML is made of (language, label, help, choices,
# attributes), so a changed unit list, fee ceiling or translation makes a new entry rather than
# showing an old one; templates change only with a restart.
_rendered_fields: OrderedDict = OrderedDict()
MAX_RENDERED_FIELDS = 2000


@register.simple_tag
def application_field(field):
    """The field as theme/components/form_field.html shows it; an empty field of an unsent
    form from the process's memory (above)."""
    key = _field_key(field)
    if key is None:
        return render_to_string(FIELD_TEMPLATE, {"field": field})
    html = _rendered_fields.get(key)
    if html is None:
        html = render_to_string(FIELD_TEMPLATE, {"field": field})
        _rendered_fields[key] = html
        if len(_rendered_fields) > MAX_RENDERED_FIELDS:
            _rendered_fields.popitem(last=False)
    return html


def _field_key(field):
    """What the field's HTML depends on; None for a field with a value or errors (a sent form,
    a resident's e-mail filled in), which is rendered for this request only."""
    form = field.form
    if form.is_bound or field.value() not in (None, "", False):
        return None
    widget = field.field.widget
    choices = getattr(field.field, "choices", None)
    return (
        get_language(),
        type(form).__module__,
        type(form).__qualname__,
        form.use_required_attribute,
        field.html_name,
        field.auto_id,
        str(field.label),
        str(field.help_text),
        field.field.required,
        field.field.disabled,
        type(widget),
        tuple(sorted((name, str(value)) for name, value in widget.attrs.items())),
        None if choices is None else tuple((str(value), str(label)) for value, label in choices),
    )
