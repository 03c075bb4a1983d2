"""The application catalogue: which applications an employee must have and may add, from
their municipality, department, roles and network (issue 5, Mina system)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from employee_portal.models import Application, ApplicationAudience, applications_for
from portal.identity.models import EmployeeProfile
from portal.models import Department, Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def profile(slug, roles=(), network="administrativt", department=None):
    user = get_user_model().objects.create_user(f"{slug}-{'-'.join(roles) or 'x'}-{network}")
    return EmployeeProfile.objects.create(
        user=user,
        municipality=Municipality.objects.get(slug=slug),
        department=department,
        roles=list(roles),
        network=network,
    )


def names(found):
    return {kind: {a.name for a in apps} for kind, apps in found.items()}


def test_a_teacher_in_amal_on_the_pedagogical_network_gets_the_school_platform():
    found = names(applications_for(profile("amal", ["larare"], "pedagogiskt")))

    assert {"Lärplattformen", "Elevregister och schema", "E-post och kalender"} <= found[
        "mandatory"
    ]
    assert "Bygglovssystemet" not in found["mandatory"] | found["optional"]
    assert "Biblioteken i Dalsland" in found["optional"]


def test_a_building_permit_handler_in_mellerud_gets_the_permit_system_and_the_map():
    found = names(applications_for(profile("mellerud", ["bygglovshandlaggare"])))

    assert {"Bygglovssystemet", "Webbkarta och GIS"} <= found["mandatory"]
    assert "Lärplattformen" not in found["mandatory"] | found["optional"]
    assert "Ekonomisystemet" in found["optional"]


def test_mandatory_wins_when_an_optional_row_also_matches():
    found = names(applications_for(profile("mellerud", ["bygglovshandlaggare"])))

    assert "Webbkarta och GIS" not in found["optional"]


def test_an_application_the_municipality_does_not_use_is_not_offered():
    gis = Application.objects.get(name="Webbkarta och GIS")
    gis.municipalities.remove(Municipality.objects.get(slug="dals-ed"))

    found = names(applications_for(profile("dals-ed", ["bygglovshandlaggare"])))

    assert "Webbkarta och GIS" not in found["mandatory"] | found["optional"]


def test_an_audience_row_for_one_department_matches_only_its_staff():
    amal = Municipality.objects.get(slug="amal")
    school, other = Department.objects.filter(municipality=amal)[:2]
    app = ApplicationFactory(
        name="Skolskjutsplanering",
        description="Planering av skolskjutsar.",
        url="https://skolskjuts.example.se/",
        kind=Application.Kind.BUSINESS,
        system_owner="Barn- och utbildningschefen",
        system_administrator="Skolskjutssamordnaren",
        support_contact="Skolskjutssamordnaren",
        municipalities=[amal],
    )
    ApplicationAudience.objects.create(application=app, municipality=amal, department=school)

    inside = names(applications_for(profile("amal", department=school)))
    outside = names(applications_for(profile("amal", ["larare"], department=other)))

    assert "Skolskjutsplanering" in inside["mandatory"]
    assert "Skolskjutsplanering" not in outside["mandatory"] | outside["optional"]


def test_a_department_of_another_municipality_is_refused():
    mellerud = Municipality.objects.get(slug="mellerud")
    amal_department = Department.objects.filter(municipality__slug="amal").first()
    audience = ApplicationAudience(
        application=Application.objects.first(), municipality=mellerud, department=amal_department
    )

    with pytest.raises(ValidationError) as error:
        audience.full_clean()

    assert "department" in error.value.message_dict


def test_the_query_count_does_not_grow_with_the_catalogue():
    teacher = profile("amal", ["larare"], "pedagogiskt")
    with CaptureQueriesContext(connection) as before:
        applications_for(teacher)
    amal = Municipality.objects.get(slug="amal")
    for number in range(30):
        app = ApplicationFactory(
            name=f"Tillägg {number}",
            description="Ett tillägg.",
            url="https://example.se/",
            kind=Application.Kind.GENERAL,
            system_owner="IT",
            system_administrator="IT",
            support_contact="IT",
            municipalities=[amal],
        )
        ApplicationAudience.objects.create(application=app, requirement="valfri")

    with CaptureQueriesContext(connection) as after:
        found = applications_for(teacher)

    assert len(after) == len(before) == 1
    assert len(found["optional"]) >= 30


def test_the_catalogue_is_in_the_admin(client):
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    response = client.get("/admin/snippets/employee_portal/application/")

    assert response.status_code == 200
    assert "Lärplattformen".encode() in response.content
