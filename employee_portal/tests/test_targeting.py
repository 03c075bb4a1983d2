"""Audience targeting decides what an employee sees and what they can open: a news or
information page is for everyone when it has no audience rows, else for those a row matches;
past its review date it is for no one. The filter is in the database query."""

import datetime

import pytest
from django.utils import timezone

from employee_portal.models import (
    EmployeeInformationPage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
    PageAudience,
    visible_to,
)
from portal.identity.models import EmployeeProfile
from portal.models import Department, Municipality
from portal.tests.factories import UserFactory

from .factories import EmployeeNewsPageFactory

pytestmark = pytest.mark.django_db


def employee(employee_group, municipality, department, roles, network="administrativt"):
    user = UserFactory(groups=[employee_group])
    EmployeeProfile.objects.create(
        user=user,
        municipality=Municipality.objects.get(slug=municipality),
        department=Department.objects.get(municipality__slug=municipality, slug=department),
        roles=roles,
        network=network,
    )
    return user


@pytest.fixture
def teacher(employee_group):
    return employee(employee_group, "amal", "barn-och-utbildning", ["larare"], "pedagogiskt")


@pytest.fixture
def handler(employee_group):
    return employee(employee_group, "mellerud", "samhallsbyggnad", ["bygglovshandlaggare"])


@pytest.fixture
def news_index():
    return EmployeeNewsIndexPage.objects.live().get()


def news(parent, title, *audiences, days=30):
    page = EmployeeNewsPageFactory(
        parent=parent,
        title=title,
        review_by=timezone.localdate() + datetime.timedelta(days=days),
    )
    for fields in audiences:
        page.employee_audiences.add(PageAudience(**fields))
    page.save()
    return page


def visible_titles(user, titles):
    pages = visible_to(EmployeeNewsPage.objects.live().filter(title__in=titles), user)
    return set(pages.values_list("title", flat=True))


def test_each_employee_sees_what_is_meant_for_them_and_nothing_else(news_index, teacher, handler):
    amal = Municipality.objects.get(slug="amal")
    mellerud = Municipality.objects.get(slug="mellerud")
    school = Department.objects.get(municipality=amal, slug="barn-och-utbildning")
    titles = {
        "Alla": news(news_index, "Alla"),
        "Åmål": news(news_index, "Åmål", {"municipality": amal}),
        "Skolan i Åmål": news(news_index, "Skolan i Åmål", {"department": school}),
        "Lärare": news(news_index, "Lärare", {"role": "larare"}),
        "Pedagogiska nätet": news(news_index, "Pedagogiska nätet", {"network": "pedagogiskt"}),
        "Mellerud": news(news_index, "Mellerud", {"municipality": mellerud}),
        "Bygglov": news(news_index, "Bygglov", {"role": "bygglovshandlaggare"}),
        "Bygglov i Åmål": news(
            news_index, "Bygglov i Åmål", {"municipality": amal, "role": "bygglovshandlaggare"}
        ),
        "Lärare eller Mellerud": news(
            news_index, "Lärare eller Mellerud", {"role": "larare"}, {"municipality": mellerud}
        ),
    }

    assert visible_titles(teacher, titles) == {
        "Alla",
        "Åmål",
        "Skolan i Åmål",
        "Lärare",
        "Pedagogiska nätet",
        "Lärare eller Mellerud",
    }
    assert visible_titles(handler, titles) == {
        "Alla",
        "Mellerud",
        "Bygglov",
        "Lärare eller Mellerud",
    }


def test_an_employee_without_a_profile_sees_only_what_is_for_everyone(news_index, employee_group):
    local = UserFactory(groups=[employee_group])
    titles = ["Alla", "Lärare"]
    news(news_index, "Alla")
    news(news_index, "Lärare", {"role": "larare"})

    assert visible_titles(local, titles) == {"Alla"}


def test_a_page_past_its_review_date_is_for_no_one(news_index, teacher):
    news(news_index, "Gammal", days=-1)
    news(news_index, "Sista dagen", days=0)

    assert visible_titles(teacher, ["Gammal", "Sista dagen"]) == {"Sista dagen"}


def test_a_page_not_meant_for_the_employee_cannot_be_opened_by_its_address(
    client, news_index, teacher, handler
):
    mellerud = Municipality.objects.get(slug="mellerud")
    page = news(news_index, "Bara för Mellerud", {"municipality": mellerud})

    client.force_login(teacher)
    assert client.get(page.url).status_code == 404
    client.force_login(handler)
    assert client.get(page.url).status_code == 200


def test_a_page_past_its_date_cannot_be_opened_while_it_is_still_live(client, news_index, teacher):
    page = news(news_index, "Passerad", days=-2)
    assert EmployeeNewsPage.objects.live().filter(pk=page.pk).exists()

    client.force_login(teacher)
    assert client.get(page.url).status_code == 404


def test_the_news_index_lists_only_what_is_meant_for_the_employee(
    client, news_index, teacher, handler
):
    mellerud = Municipality.objects.get(slug="mellerud")
    news(news_index, "Nytt om kommunhuset i Mellerud", {"municipality": mellerud})

    client.force_login(teacher)
    assert "Nytt om kommunhuset i Mellerud" not in client.get(news_index.url).content.decode()
    client.force_login(handler)
    assert "Nytt om kommunhuset i Mellerud" in client.get(news_index.url).content.decode()


def test_information_pages_are_targeted_the_same_way(client, teacher, handler):
    page = EmployeeInformationPage.objects.get(slug="rutin-bygglov-mellerud")

    client.force_login(teacher)
    assert client.get(page.url).status_code == 404
    assert page.title not in client.get("/medarbetare/").content.decode()
    client.force_login(handler)
    assert client.get(page.url).status_code == 200


def test_an_audience_department_must_belong_to_its_municipality():
    from django.core.exceptions import ValidationError

    row = PageAudience(
        municipality=Municipality.objects.get(slug="amal"),
        department=Department.objects.get(municipality__slug="mellerud", slug="samhallsbyggnad"),
    )

    with pytest.raises(ValidationError):
        row.clean()


def test_an_audience_row_describes_itself():
    amal = Municipality.objects.get(slug="amal")

    assert str(PageAudience()) == "Alla medarbetare"
    assert str(PageAudience(municipality=amal, role="larare")) == f"{amal}, Lärare"


def test_an_information_page_lists_only_the_subpages_meant_for_the_employee(
    client, teacher, handler
):
    from .factories import EmployeeInformationPageFactory

    parent = EmployeeInformationPage.objects.get(slug="it-support-och-felanmalan")
    mellerud = Municipality.objects.get(slug="mellerud")
    child = EmployeeInformationPageFactory(parent=parent, title="Skrivarna i kommunhuset")
    child.employee_audiences.add(PageAudience(municipality=mellerud))
    child.save()
    child.save_revision().publish()

    client.force_login(teacher)
    assert "Skrivarna i kommunhuset" not in client.get(parent.url).content.decode()
    client.force_login(handler)
    assert "Skrivarna i kommunhuset" in client.get(parent.url).content.decode()
