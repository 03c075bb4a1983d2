"""The page tree's rules are declared on each page type and checked here, so an editor cannot
put a service page at the top of the site or an employee page inside the citizen portal.

The tables are the tree in `citizen_portal/models.py`'s docstring. These are pytest versions
of `WagtailPageTestCase.assertAllowedSubpageTypes`, `assertAllowedParentPageTypes` and
`assertCanNotCreateAt`.
"""

import pytest
from wagtail.models import Page

from citizen_portal.agencies.models import AgencyIndexPage, LifeEventGuidePage, LifeEventIndexPage
from citizen_portal.models import (
    AccessibilityStatementPage,
    CitizenHomePage,
    ContactPage,
    DepartmentPage,
    FormPage,
    InformationPage,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    ServicePage,
    TopicPage,
)
from employee_portal.models import (
    EmployeeHomePage,
    EmployeeInformationPage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
)

CITIZEN_PAGE_TYPES = [
    CitizenHomePage,
    MunicipalityPage,
    DepartmentPage,
    ServicePage,
    TopicPage,
    NewsIndexPage,
    NewsPage,
    ContactPage,
    AccessibilityStatementPage,
    InformationPage,
    FormPage,
    AgencyIndexPage,
    LifeEventIndexPage,
    LifeEventGuidePage,
]
EMPLOYEE_PAGE_TYPES = [
    EmployeeHomePage,
    EmployeeInformationPage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
]

ALLOWED_SUBPAGES = {
    CitizenHomePage: {
        MunicipalityPage,
        TopicPage,
        NewsIndexPage,
        ContactPage,
        AccessibilityStatementPage,
        InformationPage,
        FormPage,
        AgencyIndexPage,
        LifeEventIndexPage,
        EmployeeHomePage,
    },
    MunicipalityPage: {
        DepartmentPage,
        NewsIndexPage,
        ContactPage,
        AccessibilityStatementPage,
        InformationPage,
        FormPage,
    },
    DepartmentPage: {ServicePage, InformationPage, FormPage},
    ServicePage: {InformationPage, FormPage},
    TopicPage: {InformationPage},
    NewsIndexPage: {NewsPage},
    NewsPage: set(),
    ContactPage: set(),
    AccessibilityStatementPage: set(),
    InformationPage: {InformationPage, FormPage},
    FormPage: set(),
    AgencyIndexPage: set(),
    LifeEventIndexPage: {LifeEventGuidePage},
    LifeEventGuidePage: set(),
    EmployeeHomePage: {EmployeeInformationPage, EmployeeNewsIndexPage},
    EmployeeInformationPage: {EmployeeInformationPage},
    EmployeeNewsIndexPage: {EmployeeNewsPage},
    EmployeeNewsPage: set(),
}

ALLOWED_PARENTS = {
    CitizenHomePage: {Page},
    MunicipalityPage: {CitizenHomePage},
    DepartmentPage: {MunicipalityPage},
    ServicePage: {DepartmentPage},
    TopicPage: {CitizenHomePage},
    NewsIndexPage: {CitizenHomePage, MunicipalityPage},
    NewsPage: {NewsIndexPage},
    ContactPage: {CitizenHomePage, MunicipalityPage},
    AccessibilityStatementPage: {CitizenHomePage, MunicipalityPage},
    InformationPage: {
        CitizenHomePage,
        MunicipalityPage,
        DepartmentPage,
        ServicePage,
        TopicPage,
        InformationPage,
    },
    FormPage: {CitizenHomePage, MunicipalityPage, DepartmentPage, ServicePage, InformationPage},
    AgencyIndexPage: {CitizenHomePage},
    LifeEventIndexPage: {CitizenHomePage},
    LifeEventGuidePage: {LifeEventIndexPage},
    EmployeeHomePage: {CitizenHomePage},
    EmployeeInformationPage: {EmployeeHomePage, EmployeeInformationPage},
    EmployeeNewsIndexPage: {EmployeeHomePage},
    EmployeeNewsPage: {EmployeeNewsIndexPage},
}


def names(models):
    return sorted(model.__name__ for model in models)


def can_create_at(parent_model, child_model) -> bool:
    return child_model in parent_model.allowed_subpage_models()


def test_every_page_type_has_declared_rules():
    declared = set(CITIZEN_PAGE_TYPES + EMPLOYEE_PAGE_TYPES)

    assert set(ALLOWED_SUBPAGES) == declared == set(ALLOWED_PARENTS)
    for model in declared:
        assert "subpage_types" in model.__dict__, f"{model.__name__} declares no subpage_types"
        assert "parent_page_types" in model.__dict__, f"{model.__name__} declares no parents"


@pytest.mark.parametrize("parent_model", list(ALLOWED_SUBPAGES), ids=lambda m: m.__name__)
def test_allowed_subpage_types(parent_model):
    assert names(parent_model.allowed_subpage_models()) == names(ALLOWED_SUBPAGES[parent_model])


@pytest.mark.parametrize("child_model", list(ALLOWED_PARENTS), ids=lambda m: m.__name__)
def test_allowed_parent_page_types(child_model):
    assert names(child_model.allowed_parent_page_models()) == names(ALLOWED_PARENTS[child_model])


@pytest.mark.parametrize("parent_model", CITIZEN_PAGE_TYPES[1:], ids=lambda m: m.__name__)
@pytest.mark.parametrize("employee_model", EMPLOYEE_PAGE_TYPES, ids=lambda m: m.__name__)
def test_employee_pages_cannot_be_created_inside_the_citizen_portal(parent_model, employee_model):
    assert not can_create_at(parent_model, employee_model)


@pytest.mark.parametrize("parent_model", EMPLOYEE_PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("citizen_model", CITIZEN_PAGE_TYPES, ids=lambda m: m.__name__)
def test_citizen_pages_cannot_be_created_inside_the_employee_portal(parent_model, citizen_model):
    assert not can_create_at(parent_model, citizen_model)


@pytest.mark.parametrize(
    "model",
    [m for m in CITIZEN_PAGE_TYPES + EMPLOYEE_PAGE_TYPES if m is not CitizenHomePage],
    ids=lambda m: m.__name__,
)
def test_only_the_citizen_home_page_can_sit_at_the_root(model):
    assert not can_create_at(Page, model)
