"""Every page type in the seeded tree renders, in Swedish and in English, and the pages that
gather others (home, topic, news) list what they should."""

import re

import pytest
from wagtail.models import Locale

from citizen_portal.models import (
    NEWS_PER_PAGE,
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
    Topic,
    TopicPage,
)
from portal.models import Municipality

from .factories import NewsPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
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
]
# The English demo translates at least these; the others may stay Swedish only.
TRANSLATED_PAGE_TYPES = [CitizenHomePage, MunicipalityPage, ServicePage]
ALL_MUNICIPALITIES = {"bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal"}


def html_lang(response) -> str | None:
    match = re.search(rb"<html[^>]*\slang=\"([^\"]+)\"", response.content)
    return match.group(1).decode() if match else None


def live_pages(model, language):
    return model.objects.live().public().filter(locale__language_code=language).order_by("path")


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_live_page_of_the_type_renders_in_its_language(client, model):
    pages = list(model.objects.live().public().select_related("locale").order_by("path"))
    assert any(p.locale.language_code == "sv" for p in pages), (
        f"the demo has no live Swedish {model.__name__}"
    )

    for page in pages:
        response = client.get(page.url)

        assert response.status_code == 200, page.url
        assert html_lang(response) == page.locale.language_code, page.url
        assert response.content.count(b"<h1") == 1, f"{page.url} has not exactly one <h1>"


@pytest.mark.parametrize("model", TRANSLATED_PAGE_TYPES, ids=lambda m: m.__name__)
def test_the_type_has_english_pages_at_en(client, model):
    page = live_pages(model, "en").first()
    assert page is not None, f"the demo has no English {model.__name__}"

    response = client.get(page.url)

    assert page.url.startswith("/en/")
    assert response.status_code == 200
    assert html_lang(response) == "en"


def test_en_is_the_english_home_page(client):
    response = client.get("/en/")

    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert response["Content-Language"] == "en"
    assert response.context["page"].locale.language_code == "en"
    assert isinstance(response.context["page"].specific, CitizenHomePage)


def test_the_root_is_the_swedish_home_page(client):
    response = client.get("/")

    assert response.status_code == 200
    assert html_lang(response) == "sv"
    assert response.context["page"].locale.language_code == "sv"


def test_an_unknown_address_is_404_in_the_portals_language(client):
    response = client.get("/finns-inte/")

    assert response.status_code == 404
    assert html_lang(response) == "sv"


def test_pages_below_a_municipality_belong_to_it():
    for model in (DepartmentPage, ServicePage, NewsPage, ContactPage, FormPage):
        for page in model.objects.all():
            owner = page.get_ancestors().type(MunicipalityPage).last()
            expected = owner.specific.municipality if owner else None
            assert page.municipality == expected, f"{model.__name__} {page.url_path}"


def test_a_new_page_takes_its_municipality_from_its_place_in_the_tree():
    department_page = DepartmentPage.objects.filter(locale__language_code="sv").first()
    municipality = department_page.get_parent().specific.municipality

    service = ServicePageFactory(parent=department_page)
    news = NewsPageFactory(
        parent=NewsIndexPage.objects.get(
            municipality=municipality, locale_id=department_page.locale_id
        )
    )
    joint_news = NewsPageFactory(parent=dalsland_news_index())

    assert service.municipality == municipality
    assert news.municipality == municipality
    assert joint_news.municipality is None


# --- The home page ------------------------------------------------------------------------------


def test_home_page_links_every_municipality(client):
    response = client.get("/")

    for page in live_pages(MunicipalityPage, "sv"):
        assert f'href="{page.url}"'.encode() in response.content


# --- Topic pages: services across the municipalities, filtered by municipality ------------------


def children_topic_page():
    return live_pages(TopicPage, "sv").get(topic=Topic.CHILDREN_EDUCATION)


def listed_services(response):
    return [service for _m, services in response.context["service_groups"] for service in services]


def test_topic_page_gathers_its_services_from_every_municipality(client):
    topic_page = children_topic_page()

    response = client.get(topic_page.url)

    services = listed_services(response)
    assert {s.municipality.slug for s in services} == ALL_MUNICIPALITIES
    assert all(s.topic == Topic.CHILDREN_EDUCATION for s in services)
    assert all(s.locale_id == topic_page.locale_id for s in services)
    assert response.context["service_count"] == len(services)
    expected = live_pages(ServicePage, "sv").filter(topic=Topic.CHILDREN_EDUCATION)
    assert {s.pk for s in services} == set(expected.values_list("pk", flat=True))


def test_topic_page_filters_by_municipality(client):
    topic_page = children_topic_page()

    response = client.get(topic_page.url, {"kommun": "mellerud"})

    services = listed_services(response)
    assert services
    assert {s.municipality.slug for s in services} == {"mellerud"}
    assert response.context["selected_municipality"] == "mellerud"
    for service in services:
        assert f'href="{service.url}"'.encode() in response.content
    other = live_pages(ServicePage, "sv").filter(topic=Topic.CHILDREN_EDUCATION)
    for service in other.exclude(municipality__slug="mellerud"):
        assert f'href="{service.url}"'.encode() not in response.content


def test_topic_page_ignores_an_unknown_municipality(client):
    response = client.get(children_topic_page().url, {"kommun": "atlantis"})

    assert response.status_code == 200
    assert response.context["selected_municipality"] == ""
    assert {s.municipality.slug for s in listed_services(response)} == ALL_MUNICIPALITIES


# --- News: pagination and filter ----------------------------------------------------------------


def dalsland_news_index():
    return live_pages(NewsIndexPage, "sv").get(municipality__isnull=True)


def test_dalsland_news_lists_every_municipalitys_news_newest_first(client):
    index = dalsland_news_index()

    response = client.get(index.url)

    news = list(response.context["news_page"])
    assert news
    assert [n.date for n in news] == sorted((n.date for n in news), reverse=True)
    expected = live_pages(NewsPage, "sv").order_by("-date", "-pk")[:NEWS_PER_PAGE]
    assert [n.pk for n in news] == [n.pk for n in expected]


def test_news_index_shows_ten_a_page(client):
    index = dalsland_news_index()
    for _ in range(NEWS_PER_PAGE + 2):
        NewsPageFactory(parent=index)
    total = live_pages(NewsPage, "sv").count()
    last = -(-total // NEWS_PER_PAGE)

    first_page = client.get(index.url).context["news_page"]
    second_page = client.get(index.url, {"sida": 2}).context["news_page"]
    beyond = client.get(index.url, {"sida": 999}).context["news_page"]
    not_a_number = client.get(index.url, {"sida": "två"}).context["news_page"]

    assert len(first_page) == NEWS_PER_PAGE
    assert first_page.paginator.count == total
    assert second_page.number == 2
    assert not {n.pk for n in first_page} & {n.pk for n in second_page}
    assert beyond.number == last
    assert not_a_number.number == 1


def test_dalsland_news_filters_by_municipality(client):
    index = dalsland_news_index()
    mellerud = Municipality.objects.get(slug="mellerud")
    mellerud_index = live_pages(NewsIndexPage, "sv").get(municipality=mellerud)
    NewsPageFactory(parent=mellerud_index, title="Ny simhall i Mellerud")
    NewsPageFactory(parent=index, title="Gemensam nyhet för hela Dalsland")

    response = client.get(index.url, {"kommun": "mellerud"})

    news = list(response.context["news_page"])
    assert "Ny simhall i Mellerud" in [n.title for n in news]
    assert {n.municipality_id for n in news} == {mellerud.pk}
    assert response.context["selected_municipality"] == "mellerud"


def test_a_municipalitys_news_index_shows_only_its_own_news(client):
    mellerud = Municipality.objects.get(slug="mellerud")
    mellerud_index = live_pages(NewsIndexPage, "sv").get(municipality=mellerud)
    NewsPageFactory(parent=dalsland_news_index(), title="Gemensam nyhet för hela Dalsland")

    response = client.get(mellerud_index.url, {"kommun": "amal"})

    news = list(response.context["news_page"])
    assert news
    assert {n.municipality_id for n in news} == {mellerud.pk}
    assert response.context["selected_municipality"] == ""


def test_news_index_lists_only_news_in_its_own_language(client):
    index = dalsland_news_index()
    news = NewsPageFactory(parent=index, title="Nyhet som översätts")
    english = news.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "News in English"
    english.save_revision().publish()

    response = client.get(index.url)

    titles = [n.title for n in response.context["news_page"]]
    assert "Nyhet som översätts" in titles
    assert "News in English" not in titles
