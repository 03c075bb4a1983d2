import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portal.models import Department, Municipality

from .factories import DepartmentFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_the_five_municipalities_of_dalsland_are_seeded_in_order():
    assert list(Municipality.objects.values_list("short_name", flat=True)) == [
        "Bengtsfors",
        "Dals-Ed",
        "Färgelanda",
        "Mellerud",
        "Åmål",
    ]


def test_municipality_is_shown_by_its_name():
    assert str(Municipality.objects.get(slug="mellerud")) == "Melleruds kommun"


def test_peppol_id_is_0007_and_the_organisation_number():
    municipality = MunicipalityFactory.build(org_number="212000-1488")

    assert municipality.peppol_id == "0007:2120001488"


def test_peppol_id_is_empty_while_the_organisation_number_is_unconfirmed():
    assert MunicipalityFactory.build(org_number="").peppol_id == ""


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("org_number", "2120001488"),
        ("org_number", "212000-148"),
        ("municipality_code", "146"),
        ("municipality_code", "14a1"),
    ],
)
def test_municipality_rejects_malformed_numbers(field, value):
    municipality = MunicipalityFactory.build(**{field: value})

    with pytest.raises(ValidationError) as error:
        municipality.full_clean()

    assert field in error.value.message_dict


def test_municipality_code_is_unique():
    MunicipalityFactory(municipality_code="9999")

    with pytest.raises(IntegrityError), transaction.atomic():
        MunicipalityFactory(municipality_code="9999")


def test_department_names_its_municipality():
    department = DepartmentFactory(
        municipality=Municipality.objects.get(slug="amal"),
        name="Barn- och utbildningsförvaltningen",
    )

    assert str(department) == "Barn- och utbildningsförvaltningen (Åmål)"
    assert department.is_joint is False


def test_a_joint_body_belongs_to_dalsland_and_lists_its_members():
    joint = DepartmentFactory(municipality=None, name="Dalslands miljö- och energiförbund")
    joint.member_municipalities.set(Municipality.objects.filter(slug__in=["amal", "mellerud"]))

    assert joint.is_joint is True
    assert str(joint) == "Dalslands miljö- och energiförbund (Dalsland)"
    assert joint in Municipality.objects.get(slug="amal").joint_bodies.all()
    assert joint not in Municipality.objects.get(slug="bengtsfors").joint_bodies.all()


def test_department_slug_is_unique_within_a_municipality_only():
    first, second = MunicipalityFactory(), MunicipalityFactory()
    DepartmentFactory(municipality=first, slug="socialforvaltningen")
    DepartmentFactory(municipality=second, slug="socialforvaltningen")

    with pytest.raises(IntegrityError), transaction.atomic():
        DepartmentFactory(municipality=first, slug="socialforvaltningen")


def test_a_municipality_with_departments_cannot_be_deleted():
    department = DepartmentFactory()

    with pytest.raises(Exception, match="protected"), transaction.atomic():
        department.municipality.delete()

    assert Department.objects.filter(pk=department.pk).exists()
