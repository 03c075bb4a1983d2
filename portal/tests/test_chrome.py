"""The page chrome (portal/chrome.py, the {% chrome %} tag in theme/base.html): header,
breadcrumbs and footer are rendered once per address and language, and a publish, a moved page
or a change of the portal settings shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from citizen_portal.models import ServicePage
from portal.models import PortalSettings

pytestmark = pytest.mark.django_db

SERVICE = "/mellerud/barn-och-utbildning/forskola/"


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response, len(captured)


def test_the_chrome_is_rendered_once_and_the_page_is_the_same(client):
    first, first_queries = queries(client, SERVICE)
    second, second_queries = queries(client, SERVICE)
    assert second.content == first.content
    assert second_queries <= first_queries - 8, (first_queries, second_queries)


def test_a_published_change_shows_in_the_chrome_of_the_next_request(client):
    queries(client, SERVICE)
    service = ServicePage.objects.get(
        locale__language_code="sv", url_path__endswith="/mellerud/barn-och-utbildning/forskola/"
    )
    department = service.get_parent().specific
    department.title = "Förskola, skola och fritidshem"
    department.save_revision().publish()

    response, _ = queries(client, SERVICE)
    trail = response.content.decode().split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "Förskola, skola och fritidshem" in trail


def test_a_change_of_the_crisis_message_shows_at_once(client):
    queries(client, SERVICE)
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.crisis_message = "Vattenläcka i centrala Mellerud: koka vattnet."
    portal_settings.save()

    response, _ = queries(client, SERVICE)
    assert "Vattenläcka i centrala Mellerud" in response.content.decode()


def test_each_language_and_address_has_its_own_chrome(client):
    swedish, _ = queries(client, "/mellerud/")
    english, _ = queries(client, "/en/mellerud/")
    assert 'lang="en"' in swedish.content.decode().split('class="language-switch"')[1][:400]
    assert 'lang="sv"' in english.content.decode().split('class="language-switch"')[1][:400]
    other, _ = queries(client, "/amal/")
    assert 'aria-current="page">Åmål' in other.content.decode()
    assert 'aria-current="page">Mellerud' in swedish.content.decode()


def test_an_unpublished_page_leaves_the_municipality_switch(client):
    before, _ = queries(client, SERVICE)
    assert 'href="/amal/"' in before.content.decode()
    amal = Page.objects.get(locale__language_code="sv", url_path__endswith="/amal/")
    amal.unpublish()

    after, _ = queries(client, SERVICE)
    assert 'href="/amal/"' not in after.content.decode()


def test_a_view_of_the_portal_keeps_its_chrome_too_and_shows_a_change_at_once(client):
    """Not only Wagtail pages: the e-services, search and Mina sidor have the same header and
    footer for everyone at an address."""
    first, first_queries = queries(client, "/e-tjanster/")
    second, second_queries = queries(client, "/e-tjanster/")
    assert second.content == first.content
    assert second_queries < first_queries, (first_queries, second_queries)

    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.crisis_message = "Stormen: skolskjutsarna går inte i dag."
    portal_settings.save()
    response, _ = queries(client, "/e-tjanster/")
    assert "Stormen: skolskjutsarna går inte i dag." in response.content.decode()


def test_an_address_that_matches_nothing_is_not_kept(client):
    from django.core.cache import cache

    client.get("/finns-inte-alls/")
    assert not [key for key in cache._cache if ":chrome:" in key]
