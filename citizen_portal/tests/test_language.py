"""The language switch on a translated page leads to its translation, not just to /en/."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from citizen_portal.models import MunicipalityPage, ServicePage

pytestmark = pytest.mark.django_db


def switch_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a["hreflang"]: a["href"] for a in soup.select("a[hreflang]")}


@pytest.mark.parametrize("model", [MunicipalityPage, ServicePage], ids=lambda m: m.__name__)
def test_the_language_switch_on_a_translated_page_points_to_the_translation(client, model):
    english = Locale.objects.get(language_code="en")
    english_page = model.objects.live().filter(locale=english).order_by("path").first()
    swedish_page = english_page.get_translation(Locale.objects.get(language_code="sv"))

    from_swedish = switch_links(client.get(swedish_page.url))
    from_english = switch_links(client.get(english_page.url))

    assert from_swedish.get("en") == english_page.url
    assert from_english.get("sv") == swedish_page.url


def test_the_english_home_page_links_back_to_the_swedish_one(client):
    assert switch_links(client.get("/en/")).get("sv") == "/"
