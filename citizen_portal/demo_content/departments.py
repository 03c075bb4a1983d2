"""The departments (förvaltningar, nämnder, enheter) of the five municipalities and the joint
bodies that work for several of them: demo/citizen/departments/<municipality>.toml and joint.toml.

DEPARTMENTS[municipality slug] is a list of departments, each one `portal.Department` and one
DepartmentPage; DEPARTMENTS_EN[municipality slug][department slug] is its page in English.
JOINT_DEPARTMENTS are Departments without a municipality and without a page. ROLES says which
department gives which kind of service. Direct phone numbers and functional e-mail addresses are
demo values in each municipality's real number series and domain; the switchboard numbers are
the municipalities' own.
"""

from portal.demo import load_records, municipalities, municipality

from . import body, records


def _read():
    departments, english, roles = {}, {}, {}
    for row in municipalities():
        slug = row["slug"]
        data = records(f"departments/{slug}")
        roles[slug] = data["roles"]
        departments[slug], english[slug] = [], {}
        for item in data["department"]:
            page = f"departments/{slug}/{item['slug']}"
            swedish = {key: value for key, value in item.items() if key != "en"}
            departments[slug].append({**swedish, "body": body(page)})
            english[slug][item["slug"]] = {**item["en"], "body": body(f"{page}.en")}
    return departments, english, roles


DEPARTMENTS, DEPARTMENTS_EN, ROLES = _read()
JOINT_DEPARTMENTS = records("departments/joint")["department"]
ENVIRONMENT_ASSOCIATION = next(
    d for d in JOINT_DEPARTMENTS if d["slug"] == "dalslands-miljo-och-energiforbund"
)


def department(municipality_slug, role):
    slug = ROLES[municipality_slug][role]
    return next(d for d in DEPARTMENTS[municipality_slug] if d["slug"] == slug)


def joint_department(slug):
    return next(d for d in JOINT_DEPARTMENTS if d["slug"] == slug)


def placeholders(municipality_slug=None, role=None) -> dict:
    """The values of the placeholders in the texts.

    Everywhere: the portal's mailboxes ({portal_email}, {accessibility_email}), Dalslands miljö-
    och energiförbund's contact details ({association_phone}, …) and the list of the data
    protection officers. For a municipality also its row in demo/municipalities.toml
    ({municipality}, {municipality_en}, {short_name}, {slug}, {office}, {office_en},
    {switchboard}, {municipality_email}) and each of its departments by role ({gata_phone},
    {ks_email}, …); with a role, that department is also {phone} and {email}.
    """
    portal = load_records("citizen/portal")
    association = ENVIRONMENT_ASSOCIATION
    values = {
        "portal_email": portal["portal_email"],
        "accessibility_email": portal["accessibility_email"],
        "association_phone": association["phone"],
        "association_email": association["email"],
        "association_address": association["visiting_address"],
        "data_protection_officers": "".join(
            f"<li>{row['name']}: dataskyddsombud@{row['email_domain']}</li>"
            for row in municipalities()
        ),
    }
    if municipality_slug is None:
        return values
    row = municipality(municipality_slug)
    values |= {
        "slug": municipality_slug,
        "municipality": row["name"],
        "municipality_en": row["name_en"],
        "short_name": row["short_name"],
        "office": row["office"],
        "office_en": row["office_en"],
        "switchboard": row["phone"],
        "municipality_email": row["email"],
    }
    for each in ROLES[municipality_slug]:
        values[f"{each}_phone"] = department(municipality_slug, each)["phone"]
        values[f"{each}_email"] = department(municipality_slug, each)["email"]
    if role:
        values["phone"] = values[f"{role}_phone"]
        values["email"] = values[f"{role}_email"]
    return values
