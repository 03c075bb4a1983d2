"""The language versions of a page in its <head> (`<link rel="alternate" hreflang>`,
theme/templatetags/seo_tags.py): a translated page names its Swedish and English versions and
x-default (the Swedish one) with full addresses that answer; a page with no translation, a
page in a restricted section and a draft name none."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, PageViewRestriction

from citizen_portal.models import InformationPage, ServicePage
from portal.tests.factories import UserFactory
from tests.e2e.checks import format_html_errors, vnu_errors

pytestmark = pytest.mark.django_db

SERVICE = "/mellerud/barn-och-utbildning/forskola/"


def alternates(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    links = soup.head.select('link[rel="alternate"][hreflang]')
    found = {link["hreflang"]: link["href"] for link in links}
    assert len(found) == len(links), "a language named twice"
    assert not soup.body.select('link[rel="alternate"]'), "alternates belong in <head>"
    return found


def translated_service():
    swedish = ServicePage.objects.live().get(locale__language_code="sv", url_path__endswith=SERVICE)
    english = swedish.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.alias_of_id is None
    return swedish, english


@pytest.mark.parametrize(
    "addresses",
    [("/", "/en/"), (SERVICE, "/en" + SERVICE)],
    ids=["start page", "service page"],
)
def test_a_translated_page_and_its_translation_name_each_other(client, addresses):
    swedish_address, english_address = addresses
    from_swedish = alternates(client.get(swedish_address))
    from_english = alternates(client.get(english_address))

    expected = {
        "sv": f"http://testserver{swedish_address}",
        "en": f"http://testserver{english_address}",
        "x-default": f"http://testserver{swedish_address}",
    }
    assert from_swedish == expected
    assert from_english == expected


def test_every_alternate_is_a_full_address_that_answers(client):
    swedish, english = translated_service()
    links = alternates(client.get(swedish.url))

    assert set(links) == {"sv", "en", "x-default"}
    for href in links.values():
        parts = urlsplit(href)
        assert parts.scheme == "http" and parts.netloc == "testserver", href
        assert client.get(parts.path).status_code == 200, href
    assert urlsplit(links["en"]).path == english.url


def test_the_links_use_the_address_the_visitor_came_by_behind_the_tls_proxy(client, settings):
    # Production: the TLS proxy and Varnish pass the public host and X-Forwarded-Proto.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["dalslandsportalen.se"]
    response = client.get(SERVICE, HTTP_HOST="dalslandsportalen.se", HTTP_X_FORWARDED_PROTO="https")

    assert alternates(response)["en"] == f"https://dalslandsportalen.se/en{SERVICE}"


def test_a_page_with_no_translation_names_no_versions(client):
    parent = InformationPage.objects.live().get(
        locale__language_code="sv", url_path__endswith="/personuppgifter-och-dataskydd/"
    )
    page = parent.add_child(
        instance=InformationPage(title="Bara på svenska", slug="bara-pa-svenska")
    )
    page.save_revision().publish()
    # wagtail-localize may stand an alias in for it under /en/: Swedish text, no translation.
    stand_ins = Page.objects.filter(alias_of=page)

    response = client.get(page.url)

    assert response.status_code == 200
    assert alternates(response) == {}
    for alias in stand_ins:
        assert alternates(client.get(alias.url)) == {}


def test_a_page_in_a_restricted_section_names_no_versions_and_is_named_by_none(client):
    swedish, english = translated_service()
    PageViewRestriction.objects.create(page=swedish, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(UserFactory())

    restricted = client.get(swedish.url)
    its_translation = client.get(english.url)

    assert restricted.status_code == 200
    assert alternates(restricted) == {}
    # The English page is public, but its only other version is not.
    assert its_translation.status_code == 200
    assert alternates(its_translation) == {}


def test_an_unpublished_translation_is_no_longer_named(client):
    swedish, english = translated_service()
    assert "en" in alternates(client.get(swedish.url))

    english.unpublish()

    assert alternates(client.get(swedish.url)) == {}


def test_a_page_of_a_list_names_the_same_page_of_the_other_versions(client):
    links = alternates(client.get("/?sida=2"))

    assert links["sv"] == "http://testserver/?sida=2"
    assert links["en"] == "http://testserver/en/?sida=2"


@pytest.mark.parametrize("address", ["/sok/", "/e-tjanster/", "/diarium/", "/mina-sidor/logga-in/"])
def test_the_portals_own_views_name_both_languages(client, address):
    from_swedish = alternates(client.get(address))
    from_english = alternates(client.get("/en" + address))

    expected = {
        "sv": f"http://testserver{address}",
        "en": f"http://testserver/en{address}",
        "x-default": f"http://testserver{address}",
    }
    assert from_swedish == expected
    assert from_english == expected


def test_a_missing_address_and_a_view_behind_a_login_name_no_versions(client):
    assert alternates(client.get("/finns-inte/")) == {}
    assert alternates(client.get("/e-tjanster/finns-inte/")) == {}


def test_the_links_are_the_same_when_the_page_comes_from_the_cache(client):
    first = alternates(client.get(SERVICE))
    again = alternates(client.get(SERVICE))
    other_page = alternates(client.get("/"))

    assert first == again
    assert other_page["sv"] == "http://testserver/"


def test_a_page_with_the_links_passes_the_w3c_html_checker(client):
    response = client.get(SERVICE)
    assert alternates(response)

    errors = vnu_errors(response.content.decode())

    assert not errors, format_html_errors(errors)


def test_an_employee_page_names_no_versions_even_when_translated(employee_client):
    from employee_portal.models import EmployeeInformationPage

    swedish = EmployeeInformationPage.objects.live().get(
        locale__language_code="sv", url_path__endswith="/it-support-och-felanmalan/"
    )
    english = swedish.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True, alias=False
    )
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.live and english.alias_of_id is None

    response = employee_client.get(swedish.url)

    assert response.status_code == 200
    assert alternates(response) == {}
