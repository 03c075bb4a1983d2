"""Service pages link their agencies through the agency register: one edit of an agency's
address reaches every service page, in both languages."""

import pytest
from wagtail.models import Locale

from citizen_portal.agencies.models import Agency
from citizen_portal.models import ServicePage

pytestmark = pytest.mark.django_db


def preschool_page():
    return ServicePage.objects.live().get(
        municipality__slug="mellerud", slug="forskola", locale__language_code="sv"
    )


def test_a_service_page_shows_the_agency_from_the_register(client):
    page = preschool_page()
    agency = Agency.objects.get(url="https://www.skolinspektionen.se", locale=Locale.get_default())
    assert agency in [block.value["agency"] for block in page.related_agencies]

    html = client.get(page.url).content.decode()
    assert 'href="https://www.skolinspektionen.se"' in html


def test_one_edit_in_the_register_reaches_every_service_page_in_both_languages(client):
    page = preschool_page()
    english = page.get_translation(Locale.objects.get(language_code="en"))
    new = "https://www.skolinspektionen.se/anmal"
    for agency in Agency.objects.filter(url="https://www.skolinspektionen.se"):
        agency.url = new
        agency.save()

    assert f'href="{new}"' in client.get(page.url).content.decode()
    assert f'href="{new}"' in client.get(english.url).content.decode()
