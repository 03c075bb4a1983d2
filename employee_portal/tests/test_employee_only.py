"""Nothing of Medarbetarportalen reaches anonymous visitors, the public search, its suggestions,
the sitemap or the public API: not the news, not the targeted information, not the
driftinformation, not the application catalogue. Each check has a positive control, so that it
would fail if the content were simply missing."""

import pytest
from django.urls import reverse

from employee_portal.models import (
    EmployeeHomePage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
    OperationalNotice,
)
from portal.tests.factories import UserFactory

from .factories import EmployeeNewsPageFactory

pytestmark = pytest.mark.django_db

WORD = "Kvartalsbokslutet"


@pytest.fixture
def news_index():
    return EmployeeNewsIndexPage.objects.live().get()


@pytest.fixture
def secret_news(news_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return EmployeeNewsPageFactory(
            parent=news_index,
            title=f"{WORD} ska vara klart på fredag",
            slug="kvartalsbokslut",
            intro=f"{WORD} lämnas till ekonomienheten.",
        )


def employee_urls(news):
    page = EmployeeNewsPage.objects.live().exclude(pk=news.pk).first()
    return [
        "/medarbetare/",
        "/medarbetare/nyheter/",
        news.url,
        page.url,
    ]


def test_every_employee_address_sends_an_anonymous_visitor_to_log_in(client, secret_news):
    for url in employee_urls(secret_news):
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url


def test_a_signed_in_non_employee_is_refused_every_employee_address(client, secret_news):
    client.force_login(UserFactory())

    for url in employee_urls(secret_news):
        assert client.get(url).status_code == 403, url


def test_an_employee_opens_the_same_addresses(employee_client, secret_news):
    for url in employee_urls(secret_news):
        response = employee_client.get(url)

        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


def test_news_is_not_in_the_public_search_or_its_suggestions(client, secret_news):
    from wagtail.models import Page

    # The page is in the index (positive control): the public search must leave it out.
    assert secret_news.pk in [p.pk for p in Page.objects.live().search(WORD)]

    results = client.get("/sok/", {"q": WORD})
    suggestions = client.get("/sok/forslag/", {"q": WORD[:6]})

    assert results.status_code == 200 and suggestions.status_code == 200
    # The query is echoed back; the page's title and address must not be.
    for response in (results, suggestions):
        assert "ska vara klart på fredag" not in response.content.decode()
        assert secret_news.slug not in response.content.decode()


def test_driftinformation_and_the_catalogue_are_not_in_the_public_search(client):
    notice = OperationalNotice.objects.filter(ends_at__isnull=True).first()
    assert notice is not None, "the demo has no ongoing disruption"

    for q in (notice.title.split()[0], "Bygglovssystemet", "Ekonomisystemet"):
        content = client.get("/sok/", {"q": q}).content.decode()

        assert notice.title not in content
        assert "bygglov.dalsland.se" not in content
        assert "Systemansvarig" not in content


def test_news_is_not_in_the_sitemap(client, secret_news):
    content = client.get("/sitemap.xml").content.decode()

    assert "<loc>" in content
    assert "/medarbetare/" not in content
    assert secret_news.slug not in content


def test_the_public_api_has_no_employee_content(client, secret_news):
    # The only public API is the diary's open data; Wagtail's page API is not exposed.
    assert client.get("/api/v2/pages/").status_code == 404
    diary = client.get("/api/v1/diary/", {"q": WORD})
    schema = client.get(reverse("api_schema"))

    assert diary.status_code == 200
    assert diary.json()["count"] == 0
    assert WORD not in diary.content.decode()
    assert "medarbetare" not in schema.content.decode()


def test_the_employee_home_is_the_only_employee_page_a_search_engine_could_be_told_of():
    assert EmployeeHomePage.objects.live().get().get_sitemap_urls() == []
    assert EmployeeNewsPage.objects.live().first().get_sitemap_urls() == []
