"""The agency register and /myndigheter/: every agency residents of Dalsland need, in Swedish and
English, grouped by level and filtered by topic; one edit reaches every language and page."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale

from citizen_portal.agencies.demo import seed_agency_register, seed_life_events
from citizen_portal.agencies.models import (
    Agency,
    AgencyIndexPage,
    AgencyLevel,
    LifeEventGuidePage,
)
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import AgencyFactory

pytestmark = pytest.mark.django_db

# The agencies the register must hold, each at its address and level (Sweden Connect has two).
EXPECTED_AGENCIES = {
    "https://www.lansstyrelsen.se/vastra-gotaland": "lan",
    "https://www.vgregion.se": "region",
    "https://www.vasttrafik.se": "region",
    "https://www.fyrbodal.se": "samverkan",
    "https://antagning.fyrbodal.se": "samverkan",
    "https://gyansokan.se": "samverkan",
    "https://www.skatteverket.se": "stat",
    "https://www.forsakringskassan.se": "stat",
    "https://arbetsformedlingen.se": "stat",
    "https://www.pensionsmyndigheten.se": "stat",
    "https://www.lantmateriet.se": "stat",
    "https://www.boverket.se": "stat",
    "https://www.skolverket.se": "stat",
    "https://www.skolinspektionen.se": "stat",
    "https://www.overklagandenamnden.se": "stat",
    "https://www.csn.se": "stat",
    "https://www.transportstyrelsen.se": "stat",
    "https://www.trafikverket.se": "stat",
    "https://polisen.se": "stat",
    "https://www.migrationsverket.se": "stat",
    "https://www.verksamt.se": "stat",
    "https://bolagsverket.se": "stat",
    "https://www.1177.se": "stat",
    "https://www.krisinformation.se": "stat",
    "https://www.digg.se": "stat",
    "https://www.swedenconnect.se": "stat",
    "https://elegitimation.se": "stat",
    "https://www.imy.se": "stat",
    "https://www.pts.se": "stat",
    "https://www.minameddelanden.se": "stat",
    "https://www.domstol.se": "stat",
    "https://www.minoritet.se": "stat",
    "https://webbriktlinjer.se": "stat",
    "https://europa.eu/youreurope/": "eu",
}


def headings(html, tag="h2"):
    """The headings of the page's main content (not the header's or footer's)."""
    html = html[html.index("<main") : html.index("</main>")]
    return [
        re.sub(r"<[^>]+>", "", heading).strip()
        for heading in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", html, re.S)
    ]


def test_the_register_holds_every_agency_in_both_languages():
    for language in ("sv", "en"):
        agencies = Agency.objects.filter(locale__language_code=language)
        assert dict(agencies.values_list("url", "level")) == EXPECTED_AGENCIES, language
        assert all(agency.description and agency.topics for agency in agencies)
    english = Agency.objects.get(url="https://www.skatteverket.se", locale__language_code="en")
    assert english.name == "Swedish Tax Agency"
    assert english.translation_key == (
        Agency.objects.get(url=english.url, locale__language_code="sv").translation_key
    )


def test_the_agency_page_groups_agencies_by_level(client):
    html = client.get("/myndigheter/").text

    assert headings(html)[1:] == [
        "Länet",
        "Regionen",
        "Kommunernas samarbeten",
        "Statliga myndigheter",
        "EU",
        # The page's own question, after the content (citizen_portal.feedback).
        "Var sidan till hjälp?",
    ]
    assert "34 myndigheter" in html
    names = headings(html, "h3")
    assert names.index("Länsstyrelsen Västra Götalands län") < names.index("Västtrafik")
    # Swedish alphabetical order within a level: Ö after the rest.
    state = names[names.index("1177") : names.index("Ditt Europa (Your Europe)")]
    assert state[-1] == "Överklagandenämnden för skolväsendet"
    assert '<a href="https://www.skatteverket.se">Skatteverket</a>' in html


def test_the_agency_page_filters_by_topic_and_shows_the_guide(client):
    html = client.get("/myndigheter/?amne=bygga-och-bo").text

    names = headings(html, "h3")
    assert "Boverket" in names
    assert "Lantmäteriet" in names
    assert "CSN" not in names
    assert '<a href="/myndigheter/?amne=bygga-och-bo" aria-current="true">' in html
    guide = LifeEventGuidePage.objects.get(slug="vi-ska-bygga", locale__language_code="sv")
    assert f'<a href="{guide.url}">Vi ska bygga</a>' in html


def test_an_unknown_topic_shows_every_agency(client):
    html = client.get("/myndigheter/?amne=finns-inte").text
    assert "34 myndigheter" in html


def test_the_english_agency_page_has_the_english_register(client):
    response = client.get("/en/myndigheter/")

    assert response.status_code == 200
    names = headings(response.text, "h3")
    assert "Swedish Tax Agency" in names
    assert "Skatteverket" not in names


def test_an_agency_not_yet_translated_shows_in_swedish_on_english_pages(client):
    AgencyFactory(name="Nya myndigheten", url="https://ny.example.org", level="eu")

    html = client.get("/en/myndigheter/").text

    assert '<h3 class="agency__name" lang="sv"><a href="https://ny.example.org">' in html


def test_one_edit_of_an_address_reaches_every_language_and_guide(client):
    swedish = Agency.objects.get(url="https://www.lantmateriet.se", locale__language_code="sv")
    swedish.url = "https://lantmateriet.example.org"
    swedish.save()

    english = Agency.objects.get(
        translation_key=swedish.translation_key, locale__language_code="en"
    )
    assert english.url == "https://lantmateriet.example.org"
    for path in ("/livshandelser/vi-ska-bygga/", "/en/livshandelser/vi-ska-bygga/"):
        html = client.get(path).text
        assert 'href="https://lantmateriet.example.org"' in html, path
        assert "https://www.lantmateriet.se" not in html, path


def test_topics_must_come_from_the_fixed_set():
    agency = AgencyFactory.build(topics=["flytta", "trolleri"])
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert "topics" in error.value.message_dict


def test_the_register_is_edited_in_the_admin_with_topic_checkboxes(client):
    admin = sign_in_for_admin(client, UserFactory(is_superuser=True))
    add_url = reverse("wagtailsnippets_agencies_agency:add")

    form = admin.get(add_url)
    assert form.status_code == 200
    assert 'type="checkbox" name="topics" value="bygga-och-bo"' in form.text

    response = admin.post(
        add_url + "?locale=sv",
        {
            "name": "Testverket",
            "short_name": "",
            "url": "https://testverket.example.org",
            "level": AgencyLevel.STATE,
            "description": "Ett verk för test.",
            "topics": ["flytta", "rattigheter"],
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    agency = Agency.objects.get(name="Testverket")
    assert agency.topics == ["flytta", "rattigheter"]
    assert agency.locale == Locale.get_default()
    listing = admin.get(reverse("wagtailsnippets_agencies_agency:list"))
    assert "Inte kontrollerad" in listing.text


def test_seeding_again_changes_nothing():
    counts = (Agency.objects.count(), LifeEventGuidePage.objects.count())
    seed_agency_register(None, None)
    seed_life_events(None, None)
    assert (Agency.objects.count(), LifeEventGuidePage.objects.count()) == counts
    assert AgencyIndexPage.objects.count() == 2
