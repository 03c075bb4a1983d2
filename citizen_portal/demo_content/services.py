"""The service pages (ServicePage) of the five municipalities: demo/citizen/services.toml says
which municipality gives which service, demo/citizen/services/<slug>.toml holds each service.

A service that several municipalities give in the same way is written once and filled in for
each of them: `{phone}` is the number of the municipality's department with the service's
`role`, and so on (departments.placeholders); what differs between municipalities beyond that is
in the service's own [placeholders] table, a table per municipality overriding the common values.
A service's agencies are keys of the agency register.
`SERVICES` is the flat list `citizen_portal.demo` turns into pages, with an English translation
where the service has "en".
"""

from portal.demo import load_records

from . import body, fill, records
from .departments import ROLES, joint_department, placeholders

PLAN = records("services")["plan"]
# The agencies the pages link to, by key: the agency register's (demo/agencies/agencies.toml).
AGENCIES = {
    agency["key"]: {
        "name": agency["name"],
        "url": agency["url"],
        "name_en": agency.get("en", {}).get("name", agency["name"]),
    }
    for agency in load_records("agencies/agencies")["agency"]
}

TEXT_FIELDS = (
    "keywords",
    "description",
    "eligibility",
    "how_to_apply",
    "processing_time",
    "fee",
    "legal_basis",
)


def service(municipality_slug, slug):
    template = records(f"services/{slug}")
    own = template.get("placeholders", {})
    values = placeholders(municipality_slug, template["role"])
    values |= {k: v for k, v in own.items() if not isinstance(v, dict)}
    values |= own.get(municipality_slug, {})
    data = fill({k: v for k, v in template.items() if k != "placeholders"}, values)
    apply = data.get("apply", [])
    agencies = [(AGENCIES[item["key"]], item) for item in data.get("agency", [])]
    contact = joint_department(data["contact"]) if "contact" in data else None

    entry = {
        "municipality": municipality_slug,
        "department": ROLES[municipality_slug][data["role"]],
        "slug": data["slug"],
        "title": data["title"],
        "topic": data["topic"],
        "intro": data["intro"],
        **{name: data.get(name, "") for name in TEXT_FIELDS},
        "apply": [{"type": "form", "form": a["form"], "title": a["title"]} for a in apply],
        "body": fill(body(f"services/{slug}"), values),
        "contact_name": contact["name"] if contact else "",
        "contact_phone": contact["phone"] if contact else "",
        "contact_email": contact["email"] if contact else "",
        "related_agencies": [
            {"name": agency["name"], "url": agency["url"], "description": item["description"]}
            for agency, item in agencies
        ],
    }
    if "en" in data:
        english = dict(data["en"])
        if english_body := body(f"services/{slug}.en"):
            english["body"] = fill(english_body, values)
        if apply:
            english["apply"] = [
                {"type": "form", "form": a["form"], "title": a["title_en"]} for a in apply
            ]
        if agencies:
            english["related_agencies"] = [
                {
                    "name": agency["name_en"],
                    "url": agency["url"],
                    "description": item.get("description_en", ""),
                }
                for agency, item in agencies
            ]
        if contact:
            english["contact_name"] = contact.get("name_en", contact["name"])
        entry["en"] = english
    return entry


SERVICES = [service(m, slug) for m, slugs in PLAN.items() for slug in slugs]
