"""Demo content for Medarbetarportalen: its root at `/medarbetare/` and a few information
pages. Runs after the citizen portal's seeder, which creates the home page it sits under."""

from wagtail.models import Site

from portal.demo import seeder

from . import demo_content
from .models import EmployeeHomePage, EmployeeInformationPage


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
        )
    return "medarbetarportalen klar"
