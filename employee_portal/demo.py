"""Demo content for Medarbetarportalen, from demo/employee/: its root at `/medarbetare/` and its
information pages (pages.toml), the application catalogue (applications.toml), news and pages
for some employees only (news.toml, pages.toml) and driftinformation (notices.toml). Runs after
the citizen portal's seeder, which creates the home page it sits under. Dates count from the day
of seeding."""

import datetime
import re

from django.utils import timezone
from wagtail.models import Site

from portal.demo import body_blocks, load_records, municipalities, read_fragment, seeder
from portal.identity.editor_groups import ensure_collection
from portal.models import Department, Municipality
from portal.pictures import demo as demo_pictures

from .models import (
    Application,
    ApplicationAudience,
    EmployeeHomePage,
    EmployeeInformationPage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
    OperationalNotice,
    PageAudience,
)

# --- The files ---------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def body(name: str) -> list:
    """The page body demo/employee/<name>.html as StreamField blocks, `[(type, value), ...]`.

    Written one element a line, as the citizen portal's pages are: a line `<h2>…</h2>` is a
    heading, `<aside class="info">` (or "important") up to `</aside>` a fact box with its `<h3>`
    as the box's heading, and the other lines up to the next heading, fact box or blank line are
    one block of text. {it_support_phone}, {it_support_email} and {it_support_hours} are the IT
    support's (pages.toml).
    """
    support = load_records("employee/pages")["it_support"]
    values = {f"it_support_{key}": value for key, value in support.items()}
    html = _PLACEHOLDER.sub(lambda match: values[match[1]], read_fragment(f"employee/{name}.html"))
    return body_blocks(html)


def audience_rows(rows: list[dict]) -> list[tuple]:
    """(municipality slug, department slug, role, network) of each audience; None is anyone."""
    fields = ("municipality", "department", "role", "network")
    return [tuple(row.get(name) for name in fields) for row in rows]


def home_page() -> dict:
    data = load_records("employee/pages")["home"]
    return {**data, "body": body("pages/medarbetare")}


def information_pages() -> list[dict]:
    return [
        {**item, "body": body(f"pages/{item['slug']}")}
        for item in load_records("employee/pages")["page"]
    ]


def targeted_pages() -> list[dict]:
    return [
        {
            **item,
            "audiences": audience_rows(item["audiences"]),
            "body": body(f"pages/{item['slug']}"),
        }
        for item in load_records("employee/pages")["targeted_page"]
    ]


def news_index() -> dict:
    return load_records("employee/news")["index"]


def news() -> list[dict]:
    return [
        {
            **item,
            "audiences": audience_rows(item["audiences"]),
            "body": body(f"news/{item['slug']}"),
        }
        for item in load_records("employee/news")["news"]
    ]


def notices() -> list[dict]:
    return [
        {"municipalities": [], "lasts_hours": None, **item}
        for item in load_records("employee/notices")["notice"]
    ]


def applications() -> list[dict]:
    """The catalogue; every application is used in all five municipalities."""
    everywhere = [row["slug"] for row in municipalities()]
    return [
        {
            **item,
            "municipalities": everywhere,
            "audiences": [
                (row.get("role"), row.get("network"), row["requirement"])
                for row in item["audiences"]
            ],
        }
        for item in load_records("employee/applications")["application"]
    ]


# --- The seeders -------------------------------------------------------------------------------


def _ensure(parent, model, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@seeder(40)
def seed_employee_portal(stdout, style):
    home = Site.objects.get(is_default_site=True).root_page
    data = home_page()
    root = _ensure(
        home,
        EmployeeHomePage,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        body=data["body"],
    )
    for item in information_pages():
        _ensure(
            root,
            EmployeeInformationPage,
            item["slug"],
            title=item["title"],
            intro=item["intro"],
            body=item["body"],
            review_by=timezone.localdate() + datetime.timedelta(days=item.get("valid_days", 180)),
            owner=_owner(),
        )
    return "medarbetarportalen klar"


@seeder(45)
def seed_application_catalogue(stdout, style):
    """The catalogue of demo/employee/applications.toml; an application that exists (by name) is
    left as an administrator may have changed it."""
    by_slug = {m.slug: m for m in Municipality.objects.all()}
    created = 0
    for item in applications():
        if Application.objects.filter(name=item["name"]).exists():
            continue
        fields = {
            key: value for key, value in item.items() if key not in {"municipalities", "audiences"}
        }
        application = Application(**fields)
        for role, network, requirement in item["audiences"]:
            application.audiences.add(
                ApplicationAudience(role=role or "", network=network or "", requirement=requirement)
            )
        application.save()
        application.municipalities.set([by_slug[slug] for slug in item["municipalities"]])
        created += 1
    return f"{created} applikationer i katalogen"


def _audiences(rows):
    """PageAudience rows from (municipality slug, department slug, role, network) tuples."""
    audiences = []
    for municipality_slug, department_slug, role, network in rows:
        municipality = (
            Municipality.objects.get(slug=municipality_slug) if municipality_slug else None
        )
        department = (
            Department.objects.get(municipality=municipality, slug=department_slug)
            if department_slug
            else None
        )
        audiences.append(
            PageAudience(
                municipality=municipality,
                department=department,
                role=role or "",
                network=network or "",
            )
        )
    return audiences


def _owner():
    from django.contrib.auth import get_user_model

    username = load_records("accounts")["administrator"]["username"]
    return get_user_model().objects.filter(username=username).first()


def _ensure_targeted(parent, model, item, *, published_days_ago=0):
    existing = parent.get_children().filter(slug=item["slug"]).first()
    if existing:
        return existing.specific, False
    today = timezone.localdate()
    page = model(
        slug=item["slug"],
        title=item["title"],
        intro=item["intro"],
        body=item["body"],
        review_by=today + datetime.timedelta(days=item["valid_days"]),
        review_interval_months=1 if model is EmployeeNewsPage else 12,
        owner=_owner(),
    )
    page.employee_audiences = _audiences(item["audiences"])
    if item.get("picture"):
        collection = ensure_collection("Medarbetarportalen", restricted_to_employees=True)
        for name, value in demo_pictures.page_fields(item["picture"], collection).items():
            setattr(page, name, value)
    parent.add_child(instance=page)
    revision = page.save_revision(user=page.owner)
    revision.publish(user=page.owner)
    if published_days_ago:
        published = timezone.now() - datetime.timedelta(days=published_days_ago)
        model.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
    return page, True


@seeder(46)
def seed_employee_news(stdout, style):
    """News for everyone and for one municipality, department, role or network; information
    pages with an audience; driftinformation. Dates count from today."""
    root = EmployeeHomePage.objects.get(locale__language_code="sv")
    data = news_index()
    news_index_page = _ensure(
        root, EmployeeNewsIndexPage, data["slug"], title=data["title"], intro=data["intro"]
    )
    created = 0
    for item in news():
        _page, new = _ensure_targeted(
            news_index_page, EmployeeNewsPage, item, published_days_ago=item["days_ago"]
        )
        created += new
    for item in targeted_pages():
        _page, new = _ensure_targeted(root, EmployeeInformationPage, item)
        created += new

    created_notices = 0
    by_name = {a.name: a for a in Application.objects.all()}
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for item in notices():
        if OperationalNotice.objects.filter(title=item["title"]).exists():
            continue
        starts_at = now + datetime.timedelta(hours=item["starts_in_hours"])
        lasts = item["lasts_hours"]
        notice = OperationalNotice.objects.create(
            title=item["title"],
            kind=item["kind"],
            application=by_name.get(item["application"]),
            description=item["description"],
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=lasts) if lasts else None,
        )
        notice.municipalities.set(Municipality.objects.filter(slug__in=item["municipalities"]))
        created_notices += 1
    return f"{created} nyheter och riktade sidor, {created_notices} driftmeddelanden"
