"""Life-event guides: the five of the issue, step by step across the municipalities' services
and the agencies of the register, in Swedish and English."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from citizen_portal.agencies.blocks import AgencyBlock
from citizen_portal.agencies.models import (
    Agency,
    AgencyIndexPage,
    LifeEventGuidePage,
    LifeEventIndexPage,
    LinkCheck,
)
from citizen_portal.models import CitizenHomePage, ServicePage
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import AgencyFactory, LifeEventGuidePageFactory, step

pytestmark = pytest.mark.django_db

GUIDES = {
    "flytta-till-dalsland": ("Flytta till Dalsland", "Moving to Dalsland"),
    "vi-ska-bygga": ("Vi ska bygga", "We are going to build"),
    "vi-ska-fa-barn": ("Vi ska få barn", "We are having a baby"),
    "starta-foretag": ("Starta företag", "Starting a business"),
    "nar-nagon-har-dott": ("När någon har dött", "When someone has died"),
}


def life_events(language="sv"):
    return LifeEventIndexPage.objects.get(locale__language_code=language)


def test_the_five_guides_are_published_in_both_languages(client):
    for language, prefix in (("sv", ""), ("en", "/en")):
        index = client.get(f"{prefix}/livshandelser/")
        assert index.status_code == 200
        for slug, titles in GUIDES.items():
            title = titles[0] if language == "sv" else titles[1]
            guide = LifeEventGuidePage.objects.live().get(slug=slug, locale__language_code=language)
            assert guide.title == title
            assert guide.get_parent().specific == life_events(language)
            assert len(guide.steps) >= 5
            assert f">{title}</a>" in index.text
            response = client.get(f"{prefix}/livshandelser/{slug}/")
            assert response.status_code == 200
            assert f"<h1>{title}</h1>" in response.text


def test_a_dalsland_wide_step_links_the_service_in_every_municipality(client):
    html = client.get("/livshandelser/vi-ska-fa-barn/").text

    for municipality in ("bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal"):
        preschool = ServicePage.objects.get(
            slug="forskola", municipality__slug=municipality, locale__language_code="sv"
        )
        assert f'<a href="{preschool.url}">{preschool.municipality.short_name}<' in html
    assert f'href="{reverse("eservices_start", kwargs={"kind": "forskola"})}"' in html
    assert '<a href="https://www.forsakringskassan.se">Försäkringskassan</a>' in html
    assert "Anmäl om kommunen inte erbjuder plats inom fyra månader." in html


def test_the_english_guide_links_english_pages_and_the_english_register(client):
    html = client.get("/en/livshandelser/vi-ska-fa-barn/").text

    preschool = ServicePage.objects.get(
        slug="forskola", municipality__slug="amal", locale__language_code="en"
    )
    assert f'<a href="{preschool.url}">Åmål<' in html
    assert preschool.url.startswith("/en/")
    assert 'href="/en/e-tjanster/forskola/"' in html
    assert '<a href="https://www.forsakringskassan.se">Swedish Social Insurance Agency</a>' in html
    assert "Pregnancy benefit and parental benefit." in html


def test_an_unpublished_service_page_leaves_the_guide(client):
    demolition = ServicePage.objects.get(slug="rivningslov", locale__language_code="sv")
    assert demolition.url in client.get("/livshandelser/vi-ska-bygga/").text

    demolition.unpublish()

    assert demolition.url not in client.get("/livshandelser/vi-ska-bygga/").text


def test_a_guide_names_its_agencies_from_the_register(client):
    agency = AgencyFactory(name="Gamla namnet", url="https://gammal.example.org")
    guide = LifeEventGuidePageFactory(
        parent=life_events(), steps=[step(agencies=[(agency, "Gör så här där.")])]
    )
    assert "Gamla namnet" in client.get(guide.url).text

    agency.name = "Nya namnet"
    agency.url = "https://ny.example.org"
    agency.save()

    html = client.get(guide.url).text
    assert '<a href="https://ny.example.org">Nya namnet</a>' in html
    assert "Gamla namnet" not in html
    assert "Gör så här där." in html


def test_a_deleted_agency_leaves_the_guide_without_breaking_it(client):
    agency = AgencyFactory(name="Nedlagda verket")
    guide = LifeEventGuidePageFactory(parent=life_events(), steps=[step(agencies=[agency])])

    agency.delete()

    response = client.get(guide.url)
    assert response.status_code == 200
    assert "Nedlagda verket" not in response.text


def test_the_agency_block_for_service_pages_reads_the_register():
    agency = Agency.objects.get(url="https://www.skolinspektionen.se", locale__language_code="sv")
    LinkCheck.objects.create(url=agency.url, ok=False, status_code=503)
    block = AgencyBlock()

    html = block.render(block.to_python({"agency": agency.pk, "description": ""}))

    assert '<a href="https://www.skolinspektionen.se">Skolinspektionen</a>' in html
    assert "(länken fungerar inte just nu)" in html
    assert agency.description in html


def test_page_tree_rules():
    assert LifeEventGuidePage.allowed_parent_page_models() == [LifeEventIndexPage]
    assert LifeEventGuidePage.allowed_subpage_models() == []
    assert LifeEventIndexPage.allowed_subpage_models() == [LifeEventGuidePage]
    assert AgencyIndexPage.allowed_subpage_models() == []
    assert not LifeEventGuidePage.can_create_at(Page.objects.get(depth=1))


def test_index_pages_can_be_created_under_the_home_page():
    """Needs "agencies.AgencyIndexPage" and "agencies.LifeEventIndexPage" in
    CitizenHomePage.subpage_types (citizen_portal/models.py)."""
    assert AgencyIndexPage.allowed_parent_page_models() == [CitizenHomePage]
    assert LifeEventIndexPage.allowed_parent_page_models() == [CitizenHomePage]


def test_editors_can_open_a_guide_in_the_admin(client):
    guide = LifeEventGuidePage.objects.get(slug="vi-ska-bygga", locale__language_code="sv")
    admin = sign_in_for_admin(client, UserFactory(is_superuser=True))

    response = admin.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))

    # The step blocks (page and snippet choosers, the e-service choices) are built for the form.
    assert response.status_code == 200
    assert 'value="Vi ska bygga"' in response.text
    assert "Kommunens tj\\u00e4nster och sidor" in response.text
