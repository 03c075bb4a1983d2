"""Every citizen page knows its municipality from its place in the tree, also after a move."""

import pytest

from citizen_portal.models import DepartmentPage, FormPage, InformationPage, ServicePage

from .factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def department(municipality_slug, department_slug):
    return DepartmentPage.objects.get(
        locale__language_code="sv",
        municipality__slug=municipality_slug,
        slug=department_slug,
    )


def test_a_new_service_page_belongs_to_the_municipality_it_is_created_in():
    parent = department("mellerud", "barn-och-utbildning")

    page = ServicePageFactory(parent=parent, title="Pedagogisk omsorg")

    assert ServicePage.objects.get(pk=page.pk).municipality.slug == "mellerud"


def test_pages_directly_under_the_start_page_are_dalsland_wide():
    page = InformationPage.objects.get(locale__language_code="sv", slug="kakor")
    form = FormPage.objects.get(locale__language_code="sv", slug="lamna-synpunkter")

    assert page.municipality is None
    assert form.municipality is None


def test_a_moved_page_and_its_subpages_take_the_new_municipality():
    service = ServicePageFactory(
        parent=department("mellerud", "barn-och-utbildning"), title="Skolskjuts"
    )
    note = InformationPage(title="Så ansöker du om skolskjuts", slug="ansok", body=[])
    service.add_child(instance=note)
    note.save_revision().publish()
    assert InformationPage.objects.get(pk=note.pk).municipality.slug == "mellerud"

    service.move(department("amal", "barn-och-utbildning"), pos="last-child")

    assert ServicePage.objects.get(pk=service.pk).municipality.slug == "amal"
    assert InformationPage.objects.get(pk=note.pk).municipality.slug == "amal"
