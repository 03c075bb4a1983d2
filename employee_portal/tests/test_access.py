"""Medarbetarportalen never reaches anonymous visitors: not by address, not in the sitemap,
not in the public search, not to search engines."""

import pytest

from employee_portal.models import EmployeeHomePage, EmployeeInformationPage
from portal.tests.factories import UserFactory

from .factories import EmployeeInformationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employee_home():
    return EmployeeHomePage.objects.live().get(locale__language_code="sv")


@pytest.fixture
def employee_page(employee_home):
    return EmployeeInformationPage.objects.live().child_of(employee_home).first()


def test_the_employee_portal_lives_at_medarbetare(employee_home):
    assert employee_home.url == "/medarbetare/"


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/medarbetare/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/medarbetare/"


def test_an_anonymous_visitor_is_sent_to_log_in_from_an_employee_page(client, employee_page):
    assert employee_page is not None, "the demo has no employee information page"

    response = client.get(employee_page.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert employee_page.url in response["Location"]


def test_a_signed_in_user_without_the_permission_is_refused(client, employee_page):
    client.force_login(UserFactory())

    assert client.get("/medarbetare/").status_code == 403
    assert client.get(employee_page.url).status_code == 403


def test_a_member_of_the_medarbetare_group_gets_in(employee_client, employee_page):
    response = employee_client.get("/medarbetare/")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert f'href="{employee_page.url}"'.encode() in response.content
    assert employee_client.get(employee_page.url).status_code == 200


def test_the_login_page_answers(client):
    response = client.get("/accounts/login/?next=/medarbetare/")

    assert response.status_code == 200
    assert b'name="login"' in response.content
    assert b'name="password"' in response.content


def test_logging_in_as_an_employee_leads_back_to_the_employee_portal(client, employee_group):
    from portal.tests.factories import PASSWORD

    user = UserFactory(groups=[employee_group])

    response = client.post(
        "/accounts/login/",
        {"login": user.username, "password": PASSWORD, "next": "/medarbetare/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/medarbetare/"
    assert client.get("/medarbetare/").status_code == 200


def test_there_is_no_self_signup(client):
    response = client.get("/accounts/signup/")

    assert b'name="password1"' not in response.content


# --- Sitemap, robots.txt and search -------------------------------------------------------------


def test_employee_pages_are_not_in_the_sitemap(client, employee_home, employee_page):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert b"<loc>" in response.content
    assert b"/medarbetare/" not in response.content
    assert employee_page.slug.encode() not in response.content


def test_the_sitemap_lists_citizen_pages_in_both_languages(client):
    from citizen_portal.models import MunicipalityPage

    content = client.get("/sitemap.xml").content.decode()

    for page in MunicipalityPage.objects.live():
        assert page.full_url in content


def test_robots_txt_keeps_crawlers_out_of_the_employee_portal(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in response.content.decode().splitlines()]
    assert "Disallow: /medarbetare/" in lines


def test_employee_pages_are_not_found_by_the_public_search_even_when_the_title_matches(
    client, employee_home, employee_group, django_capture_on_commit_callbacks
):
    from wagtail.models import Page

    with django_capture_on_commit_callbacks(execute=True):
        secret = EmployeeInformationPageFactory(
            parent=employee_home, title="Löneväxling hemlig rutin", intro="Löneväxling"
        )
    # The page is in the search index: it is the search view that must leave it out.
    assert secret.pk in [p.pk for p in Page.objects.live().search("Löneväxling")]

    for signed_in in (False, True):
        if signed_in:
            client.force_login(UserFactory(groups=[employee_group]))
        response = client.get("/sok/", {"q": "Löneväxling"})

        assert response.status_code == 200
        found = [p.pk for p in response.context["results_page"].object_list]
        assert secret.pk not in found
        assert "Löneväxling hemlig rutin" not in response.content.decode()
