"""Query budgets: every page type, the dashboard and the search page answer in a fixed number of
database queries that does not grow with the content.

Each address is asked twice and the second answer counted, as a visitor after the first one
meets it: the page chrome (portal/chrome.py) and the small tables (portal/lookups.py) are then
warm. Then the portal gets about ten times the demo's news, services, departments, information
pages, agencies, broken links, guides, employee news, applications and notices, and every
address is counted again: the figures must be the same and within the budget.

The budgets (issue 16): a service page and the start page in at most 12 queries, as every other
page type; the dashboard in at most 10; the search page, which searches pages, documents and
the diaries and shows promoted results, in at most 20. Mina sidor and the handler queue have
theirs in eservices/tests/test_query_budgets.py.
"""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from citizen_portal.agencies.models import (
    Agency,
    AgencyLevel,
    AgencyTopic,
    LifeEventGuidePage,
    LinkCheck,
)
from citizen_portal.models import DepartmentPage, InformationPage, NewsIndexPage
from citizen_portal.tests.factories import NewsPageFactory, ServicePageFactory
from employee_portal.models import (
    Application,
    ApplicationAudience,
    EmployeeHomePage,
    EmployeeNewsIndexPage,
    OperationalNotice,
)
from employee_portal.tests.factories import (
    ApplicationFactory,
    EmployeeInformationPageFactory,
    EmployeeNewsPageFactory,
)
from portal.identity.models import EmployeeProfile
from portal.models import Department, Municipality
from portal.pictures.models import Picture
from portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 12
DASHBOARD_BUDGET = 10
SEARCH_BUDGET = 20

SERVICE = "/mellerud/barn-och-utbildning/forskola/"

# One address of each page type of the citizen portal, and the views residents search with.
CITIZEN_ADDRESSES = {
    "/": PAGE_BUDGET,  # CitizenHomePage
    "/en/": PAGE_BUDGET,
    "/mellerud/": PAGE_BUDGET,  # MunicipalityPage
    "/mellerud/barn-och-utbildning/": PAGE_BUDGET,  # DepartmentPage
    SERVICE: PAGE_BUDGET,  # ServicePage
    "/en" + SERVICE: PAGE_BUDGET,
    "/barn-och-utbildning/": PAGE_BUDGET,  # TopicPage
    "/nyheter/": PAGE_BUDGET,  # NewsIndexPage (Dalsland)
    "/mellerud/nyheter/": PAGE_BUDGET,  # NewsIndexPage (a municipality's)
    "/mellerud/kontakt/": PAGE_BUDGET,  # ContactPage
    "/tillganglighetsredogorelse/": PAGE_BUDGET,  # AccessibilityStatementPage
    "/personuppgifter-och-dataskydd/": PAGE_BUDGET,  # InformationPage
    "/bengtsfors/samhallsbyggnad/gor-en-felanmalan/": PAGE_BUDGET,  # FormPage
    "/myndigheter/": PAGE_BUDGET,  # AgencyIndexPage
    "/livshandelser/": PAGE_BUDGET,  # LifeEventIndexPage
    "/livshandelser/flytta-till-dalsland/": PAGE_BUDGET,  # LifeEventGuidePage
    "/sok/?q=förskola": SEARCH_BUDGET,
    "/diarium/?q=bygglov": PAGE_BUDGET,
}


def sv(model, url_path_end):
    return model.objects.get(locale__language_code="sv", url_path__endswith=url_path_end)


def picture_fields(n: int) -> dict:
    """Most news have a picture, as in the demo: two items of three get one of its pictures."""
    if n % 3 == 2:
        return {}
    pictures = list(Picture.objects.order_by("pk")[:5])
    return {"picture": pictures[n % len(pictures)], "picture_alt": "Bild till nyheten."}


def grow_citizen_portal():
    """About ten times the demo's content of each kind a citizen page lists or links."""
    swedish = Locale.objects.get(language_code="sv")
    mellerud = Municipality.objects.get(slug="mellerud")
    mellerud_page = sv(Page, "/mellerud/")
    department = sv(DepartmentPage, "/mellerud/barn-och-utbildning/")
    for n in range(60):
        ServicePageFactory(parent=department, title=f"Tjänst {n}", slug=f"tjanst-{n}")
    for n in range(10):
        unit = Department.objects.create(
            municipality=mellerud, name=f"Förvaltning {n}", slug=f"forvaltning-{n}"
        )
        mellerud_page.add_child(
            instance=DepartmentPage(
                title=f"Förvaltning {n}", slug=f"forvaltning-{n}", department=unit
            )
        )
    for index_end, count in (("/mellerud/nyheter/", 80), ("/dalslandsportalen/nyheter/", 70)):
        index = NewsIndexPage.objects.get(locale=swedish, url_path__endswith=index_end)
        for n in range(count):
            NewsPageFactory(
                parent=index,
                title=f"Nyhet {index.pk}-{n}",
                slug=f"nyhet-{n}",
                **picture_fields(n),
            )
    information = sv(InformationPage, "/personuppgifter-och-dataskydd/")
    for n in range(30):
        information.add_child(
            instance=InformationPage(title=f"Om behandling {n}", slug=f"behandling-{n}")
        )
    # A restricted section elsewhere in the tree: restrictions are looked up for every page.
    PageViewRestriction.objects.create(
        page=information.get_children().first(), restriction_type=PageViewRestriction.LOGIN
    )
    agencies = Agency.objects.bulk_create(
        Agency(
            translation_key=uuid.uuid4(),
            locale=swedish,
            name=f"Myndighet {n}",
            short_name=f"M{n}",
            url=f"https://myndighet-{n}.example.se/",
            level=list(AgencyLevel)[n % len(AgencyLevel)],
            description="En myndighet som testerna skapar.",
        )
        for n in range(600)
    )
    LinkCheck.objects.bulk_create(
        LinkCheck(url=agency.url, ok=False, status_code=404) for agency in agencies
    )
    guides = sv(Page, "/livshandelser/")
    for n in range(45):
        guides.add_child(
            instance=LifeEventGuidePage(
                title=f"Livshändelse {n}",
                slug=f"livshandelse-{n}",
                topic=list(AgencyTopic)[n % len(AgencyTopic)],
            )
        )


def count(client, address, **extra):
    client.get(address, **extra)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, **extra)
    assert response.status_code == 200, address
    return len(queries), [query["sql"] for query in queries.captured_queries]


def over_budget_or_grown(before, after, budgets) -> list[str]:
    problems = []
    for address, budget in budgets.items():
        (small, _), (large, sql) = before[address], after[address]
        if large > budget or large != small:
            problems.append(
                f"{address}: {small} queries, {large} with ten times the content "
                f"(budget {budget}):\n    " + "\n    ".join(sql)
            )
    return problems


def test_every_citizen_page_type_stays_within_its_budget_as_the_content_grows(client):
    before = {address: count(client, address) for address in CITIZEN_ADDRESSES}
    grow_citizen_portal()
    after = {address: count(client, address) for address in CITIZEN_ADDRESSES}

    problems = over_budget_or_grown(before, after, CITIZEN_ADDRESSES)
    assert not problems, "\n".join(problems)


def test_a_service_page_and_the_start_page_answer_in_at_most_12_queries(client):
    """The figures the issue names, on their own, for a reader who looks for them."""
    for address in ("/", SERVICE):
        queries, sql = count(client, address)
        assert queries <= PAGE_BUDGET, "\n".join(sql)


# --- Medarbetarportalen -------------------------------------------------------------------------

EMPLOYEE_HOME = "/medarbetare/"


@pytest.fixture
def teacher(employee_group):
    user = UserFactory(groups=[employee_group], first_name="Karin", last_name="Lund")
    EmployeeProfile.objects.create(
        user=user,
        municipality=Municipality.objects.get(slug="amal"),
        department=Department.objects.get(municipality__slug="amal", slug="barn-och-utbildning"),
        roles=["larare"],
        network="pedagogiskt",
    )
    return user


def grow_employee_portal():
    home = EmployeeHomePage.objects.live().get(locale__language_code="sv")
    news_index = EmployeeNewsIndexPage.objects.child_of(home).get()
    amal = Municipality.objects.get(slug="amal")
    for n in range(90):
        EmployeeNewsPageFactory(
            parent=news_index, title=f"Veckans nyhet {n}", slug=f"vecka-{n}", **picture_fields(n)
        )
    for n in range(60):
        EmployeeInformationPageFactory(parent=home, title=f"Rutin {n}", slug=f"rutin-{n}")
    for n in range(135):
        application = ApplicationFactory(
            name=f"Verksamhetsstöd {n}", url=f"https://stod-{n}.example.se/", municipalities=[amal]
        )
        ApplicationAudience.objects.create(
            application=application, requirement="obligatorisk" if n % 3 else "valfri"
        )
        if n % 4 == 0:
            notice = OperationalNotice.objects.create(
                title=f"Störning i verksamhetsstöd {n}",
                kind=OperationalNotice.Kind.DISRUPTION,
                description="Vi felsöker.",
                application=application,
                starts_at=timezone.now() - datetime.timedelta(hours=1),
            )
            notice.municipalities.add(amal)


def employee_addresses():
    home = EmployeeHomePage.objects.live().get(locale__language_code="sv")
    news = home.get_descendants().live().type(EmployeeNewsIndexPage).first()
    return {
        EMPLOYEE_HOME: DASHBOARD_BUDGET,
        news.url: PAGE_BUDGET,  # EmployeeNewsIndexPage
        news.get_children().live().first().url: PAGE_BUDGET,  # EmployeeNewsPage
        "/medarbetare/it-support-och-felanmalan/": PAGE_BUDGET,  # EmployeeInformationPage
    }


def test_the_employee_pages_and_the_dashboard_stay_within_their_budgets(client, teacher):
    client.force_login(teacher)
    addresses = employee_addresses()
    before = {address: count(client, address) for address in addresses}
    grow_employee_portal()
    after = {address: count(client, address) for address in addresses}

    problems = over_budget_or_grown(before, after, addresses)
    assert not problems, "\n".join(problems)
    assert Application.objects.count() >= 150
