"""/sitemap.xml names the language versions of each translated page (xhtml:link alternates with
hreflang sv, en and x-default), as the pages' own <head> does, and only live, public ones."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale, PageViewRestriction

from citizen_portal.models import InformationPage, ServicePage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SERVICE = "/mellerud/barn-och-utbildning/forskola/"


def sitemap(client) -> dict[str, dict[str, str]]:
    """{location: {hreflang: href}} of every URL in the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own sitemap
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        assert location not in entries, f"{location} listed twice"
        entries[location] = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
    return entries


def service_pages():
    swedish = ServicePage.objects.live().get(locale__language_code="sv", url_path__endswith=SERVICE)
    return swedish, swedish.get_translation(Locale.objects.get(language_code="en"))


def test_a_translated_page_is_listed_in_both_languages_each_naming_both(client):
    swedish, english = service_pages()
    entries = sitemap(client)
    sv_url, en_url = swedish.get_full_url(), english.get_full_url()

    expected = {"sv": sv_url, "en": en_url, "x-default": sv_url}
    assert entries[sv_url] == expected
    assert entries[en_url] == expected


def test_every_alternate_is_itself_listed_and_names_the_page_back(client):
    entries = sitemap(client)
    translated = {location: links for location, links in entries.items() if links}

    assert len(translated) > 10
    for location, links in translated.items():
        assert set(links) == {"sv", "en", "x-default"}, location
        assert location in (links["sv"], links["en"])
        assert links["x-default"] == links["sv"]
        for href in (links["sv"], links["en"]):
            assert entries[href] == links, href


def test_a_page_with_no_translation_has_no_alternates(client):
    parent = InformationPage.objects.live().get(
        locale__language_code="sv", url_path__endswith="/personuppgifter-och-dataskydd/"
    )
    page = parent.add_child(
        instance=InformationPage(title="Bara på svenska", slug="bara-pa-svenska")
    )
    page.save_revision().publish()

    assert sitemap(client)[page.get_full_url()] == {}


def test_a_restricted_translation_is_not_named(client):
    swedish, english = service_pages()
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)

    entries = sitemap(client)

    assert english.get_full_url() not in entries
    assert entries[swedish.get_full_url()] == {}
