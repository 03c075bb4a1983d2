"""Demo content for Medarbetarportalen: its root at `/medarbetare/` and a few information
pages. Runs after the citizen portal's seeder, which creates the home page it sits under."""

import datetime

from django.utils import timezone
from wagtail.models import Site

from portal.demo import seeder
from portal.models import Department, Municipality

from . import demo_content, demo_content_applications, demo_content_news
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
    data = demo_content.EMPLOYEE_HOME
    root = _ensure(
        home,
        EmployeeHomePage,
        "medarbetare",
        title=data["title"],
        intro=data["intro"],
        body=data["body"],
    )
    for item in demo_content.EMPLOYEE_PAGES:
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
    """The catalogue of demo_content_applications.py; an application that exists (by name) is
    left as an administrator may have changed it."""
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    created = 0
    for item in demo_content_applications.APPLICATIONS:
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
        application.municipalities.set([municipalities[slug] for slug in item["municipalities"]])
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

    return get_user_model().objects.filter(username="admin").first()


def _ensure_targeted(parent, model, item, *, published_days_ago=0):
    existing = parent.get_children().filter(slug=item["slug"]).first()
    if existing:
        return existing.specific, False
    today = timezone.localdate()
    page = model(
        slug=item["slug"],
        title=item["title"],
        intro=item["intro"],
        body=[("paragraph", item["body"])],
        review_by=today + datetime.timedelta(days=item["valid_days"]),
        review_interval_months=1 if model is EmployeeNewsPage else 12,
        owner=_owner(),
    )
    page.employee_audiences = _audiences(item["audiences"])
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
    data = demo_content_news.NEWS_INDEX
    news_index = _ensure(
        root, EmployeeNewsIndexPage, data["slug"], title=data["title"], intro=data["intro"]
    )
    created = 0
    for item in demo_content_news.NEWS:
        _page, new = _ensure_targeted(
            news_index, EmployeeNewsPage, item, published_days_ago=item["days_ago"]
        )
        created += new
    for item in demo_content_news.TARGETED_PAGES:
        _page, new = _ensure_targeted(root, EmployeeInformationPage, item)
        created += new

    notices = 0
    applications = {a.name: a for a in Application.objects.all()}
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for item in demo_content_news.NOTICES:
        if OperationalNotice.objects.filter(title=item["title"]).exists():
            continue
        starts_at = now + datetime.timedelta(hours=item["starts_in_hours"])
        lasts = item["lasts_hours"]
        notice = OperationalNotice.objects.create(
            title=item["title"],
            kind=item["kind"],
            application=applications.get(item["application"]),
            description=item["description"],
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=lasts) if lasts else None,
        )
        notice.municipalities.set(Municipality.objects.filter(slug__in=item["municipalities"]))
        notices += 1
    return f"{created} nyheter och riktade sidor, {notices} driftmeddelanden"
