"""The IT strategy's cooperation goals followed up from the catalogue (IT-strategin 3.2, 4.2)."""

import pytest
from django.contrib.auth.models import Permission

from employee_portal import strategy
from employee_portal.models import Application
from portal.models import Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db

URL = "/admin/uppfoljning-it-strategin/"


def rows():
    return {row.kind: row for row in strategy.follow_up()}


def test_the_shares_at_level_three_count_only_what_all_five_use():
    Application.objects.all().delete()
    municipalities = list(Municipality.objects.all())

    def app(name, kind, level, users=municipalities):
        ApplicationFactory(
            name=name,
            description="-",
            url="https://example.se/",
            kind=kind,
            cooperation_level=level,
            system_owner="-",
            system_administrator="-",
            support_contact="-",
            municipalities=users,
        )

    app("Ekonomi", Application.Kind.COMMON, 4)
    app("Ärenden", Application.Kind.COMMON, 2)
    app("GIS i en kommun", Application.Kind.COMMON, 5, users=municipalities[:1])
    app("Skola", Application.Kind.BUSINESS, 1)
    app("Socialtjänst", Application.Kind.BUSINESS, 1)
    app("Bibliotek", Application.Kind.BUSINESS, 3)

    common, business = rows()[Application.Kind.COMMON], rows()[Application.Kind.BUSINESS]

    assert (common.total, common.shared_by_all, common.share) == (3, 2, 50)
    assert common.goal == 50 and common.goal_met is True
    assert (business.shared_by_all, business.at_shared_level, business.share) == (3, 1, 33)
    assert business.goal == 30 and business.goal_met is True
    general = rows()[Application.Kind.GENERAL]
    assert general.goal is None and general.share is None


def test_a_goal_below_its_share_is_not_met():
    Application.objects.filter(kind=Application.Kind.BUSINESS).update(cooperation_level=1)

    assert rows()[Application.Kind.BUSINESS].goal_met is False


def test_the_report_in_the_admin_shows_the_goals(client):
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    response = client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Uppföljning av IT-strategin" in text
    assert "minst 50 %" in text and "minst 30 %" in text


def test_the_report_is_not_for_an_editor_without_the_catalogue_permission(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_for_admin(client, editor)
    assert client.get("/admin/").status_code == 200

    response = client.get(URL)

    assert response.status_code in (302, 403)
    assert "Uppföljning av IT-strategin" not in response.content.decode()
