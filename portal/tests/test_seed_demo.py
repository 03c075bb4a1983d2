"""`manage.py seed_demo` fills an empty portal with the demo, and running it again changes
nothing. The test database of this suite is itself seeded by it (see conftest.py)."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }


def test_seed_demo_run_twice_changes_no_counts():
    before = row_counts()

    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    after = row_counts()
    changed = {
        label: (before[label], after[label]) for label in before if before[label] != after[label]
    }
    assert not changed, f"a second seed_demo changed (before, after): {changed}"
    assert "Demoinnehållet är på plats." in out.getvalue()


def test_the_seeded_site_serves_the_citizen_home_page_at_the_root():
    from citizen_portal.models import CitizenHomePage

    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, CitizenHomePage)
    assert site.root_page.url == "/"
    assert Site.objects.count() == 1


def test_the_seed_gives_every_municipality_its_page_in_swedish_and_english():
    from citizen_portal.models import MunicipalityPage
    from portal.models import Municipality

    for municipality in Municipality.objects.all():
        languages = set(
            MunicipalityPage.objects.live()
            .filter(municipality=municipality)
            .values_list("locale__language_code", flat=True)
        )
        assert languages == {"sv", "en"}, municipality.slug


def test_the_seed_makes_the_employee_group_with_its_permission():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Medarbetare")

    assert group.permissions.filter(codename="access_employee_portal").exists()
