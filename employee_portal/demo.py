"""Demo content for Medarbetarportalen: its root at `/medarbetare/` and a few information
pages. Runs after the citizen portal's seeder, which creates the home page it sits under."""

import datetime

from django.utils import timezone
from wagtail.models import Site

from portal.demo import seeder
from portal.models import Municipality

from . import demo_content, demo_content_applications
from .models import Application, ApplicationAudience, EmployeeHomePage, EmployeeInformationPage


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
