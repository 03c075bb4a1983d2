"""The citizen portal's pages other than the department and service pages, and its web forms,
from demo/citizen/: the start page, the municipality and topic pages, the news, the contact
pages, the accessibility statement, the information pages and the forms.

A page's "en" is its English translation. A form's "parent" is None (Dalsland-wide, under the
start page) or (municipality slug, department slug); "department", the same pair, routes the
e-mail to that department's mailbox when the form has no "to_address" of its own. FORMS keys are
what the services' `apply` and the accessibility statement's "feedback_form" refer to.
"""

from portal.demo import municipalities

from . import body, fill, records
from .departments import ROLES, placeholders


def with_body(data, name, values=None):
    """`data` with its body (demo/citizen/<name>.html) and its English one, if it has "en"."""
    page = {**data, "body": fill(body(name), values or {})}
    if "en" in data:
        page["en"] = {**data["en"], "body": fill(body(f"{name}.en"), values or {})}
    return page


HOME = with_body(records("home"), "home")

MUNICIPALITY_PAGES = {
    slug: with_body(content, f"municipality-pages/{slug}")
    for slug, content in records("municipality-pages").items()
}

TOPICS = records("topics")["topic"]

_NEWS = records("news")
NEWS_INDEX = _NEWS["index"]
MUNICIPALITY_NEWS_INDEX = _NEWS["municipality_index"]
NEWS = [
    {"municipality": None, **item, "body": body(f"news/{item['slug']}")} for item in _NEWS["news"]
]

PORTAL_SETTINGS = records("portal")["settings"]

_SITE = placeholders()
_CONTACT = records("contact-pages")
CONTACT_PAGES = {
    None: with_body(fill(_CONTACT["dalsland"], _SITE), "contact-pages/dalsland", _SITE),
    **{
        row["slug"]: with_body(
            fill(_CONTACT["municipality"], placeholders(row["slug"])),
            "contact-pages/municipality",
            placeholders(row["slug"]),
        )
        for row in municipalities()
    },
}

ACCESSIBILITY_STATEMENT = fill(records("accessibility-statement"), _SITE)

INFORMATION_PAGES = [
    with_body({"parent": None, **fill(page, _SITE)}, f"information-pages/{page['slug']}", _SITE)
    for page in records("information-pages")["page"]
]


def _field(data):
    field = {**data, "help_text": data.get("help_text", "")}
    if "en" in field:
        field["en"] = dict(field["en"])
    for texts in (field, field.get("en", {})):
        if "choices" in texts:
            texts["choices"] = "\n".join(texts["choices"])
    return field


def _forms():
    """FORMS and SERVICE_FORMS: (municipality, service slug) → the web forms its "Ansök"
    section links to, besides those in the service's own `apply`: [(form key, Swedish button
    text, English button text)]."""
    forms, service_forms = {}, {}
    for template in records("forms")["form"]:
        for slug in template.get("municipalities", [None]):
            data = fill(template, placeholders(slug, template.get("role")))
            key = data.pop("key")
            data.pop("municipalities", None)
            if slug is None:
                data["parent"] = None
            else:
                data["parent"] = data["department"] = (slug, ROLES[slug][data.pop("role")])
            for link in data.pop("service", []):
                service_forms.setdefault((slug, link["slug"]), []).append(
                    (key, link["title"], link["title_en"])
                )
            data["fields"] = [_field(field) for field in data.pop("field")]
            forms[key] = data
    return forms, service_forms


FORMS, SERVICE_FORMS = _forms()
