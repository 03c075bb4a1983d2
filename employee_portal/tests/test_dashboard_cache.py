"""The dashboard's lists are kept per audience (employee_portal/dashboard_cache.py): employees
with the same audience share them, another audience gets its own, and a change to the catalogue,
a notice or a page shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from employee_portal.models import (
    ApplicationAudience,
    EmployeeHomePage,
    EmployeeNewsIndexPage,
    OperationalNotice,
)
from portal.identity.models import EmployeeProfile
from portal.models import Department, Municipality
from portal.tests.factories import UserFactory

from .factories import ApplicationFactory, EmployeeNewsPageFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/medarbetare/"


def employee(group, slug, roles, network="administrativt"):
    user = UserFactory(groups=[group])
    EmployeeProfile.objects.create(
        user=user,
        municipality=Municipality.objects.get(slug=slug),
        department=Department.objects.get(municipality__slug=slug, slug="barn-och-utbildning"),
        roles=list(roles),
        network=network,
    )
    return user


def dashboard(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response, len(queries)


def test_two_teachers_in_the_same_school_share_the_lists_and_a_nurse_gets_her_own(
    client, employee_group
):
    first = employee(employee_group, "amal", ["larare"], "pedagogiskt")
    second = employee(employee_group, "amal", ["larare"], "pedagogiskt")
    nurse = employee(employee_group, "mellerud", ["sjukskoterska"])

    dashboard(client, first)
    _, cold = dashboard(client, nurse)
    _, warm = dashboard(client, second)

    assert warm < cold
    first_view, _ = dashboard(client, first)
    second_view, _ = dashboard(client, second)
    nurse_view, _ = dashboard(client, nurse)
    assert first_view.context["audience_line"] == second_view.context["audience_line"]
    assert [p.pk for p in first_view.context["news"]] == [p.pk for p in second_view.context["news"]]
    assert nurse_view.context["profile"].municipality.slug == "mellerud"


def test_a_new_application_notice_and_news_item_show_on_the_next_request(client, employee_group):
    teacher = employee(employee_group, "amal", ["larare"], "pedagogiskt")
    before, _ = dashboard(client, teacher)

    amal = Municipality.objects.get(slug="amal")
    application = ApplicationFactory(name="Schemaläggaren", municipalities=[amal])
    ApplicationAudience.objects.create(application=application, requirement="obligatorisk")
    OperationalNotice.objects.create(
        title="Lärplattformen ligger nere",
        kind=OperationalNotice.Kind.DISRUPTION,
        description="Vi felsöker.",
        starts_at=timezone.now(),
    )
    home = EmployeeHomePage.objects.live().get(locale__language_code="sv")
    news_index = EmployeeNewsIndexPage.objects.child_of(home).get()
    EmployeeNewsPageFactory(
        parent=news_index,
        title="Nytt schema för höstterminen",
        first_published_at=timezone.now(),
    )

    after, _ = dashboard(client, teacher)
    html = after.content.decode()
    assert "Schemaläggaren" in html and "Schemaläggaren" not in before.content.decode()
    assert "Lärplattformen ligger nere" in html
    assert "Nytt schema för höstterminen" in html
