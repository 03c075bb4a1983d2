"""What a change of a snippet shown on many pages purges (citizen_portal/cache.py): an agency
the pages that show it and the agency lists, a municipality every page. The recording backend
and the `purged` fixture are test_cache.py's."""

import pytest
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.models import Page

from citizen_portal import cache
from citizen_portal.agencies.models import Agency, AgencyIndexPage, LifeEventGuidePage
from citizen_portal.models import ServicePage
from citizen_portal.tests.test_cache import PURGED, purged  # noqa: F401 - the fixture
from employee_portal.models import Application, OperationalNotice
from portal.models import Municipality
from portal.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def agencies_on(page) -> set[int]:
    """The agencies a service page or a guide shows, read from its blocks."""
    page = page.specific
    if isinstance(page, ServicePage):
        return {b.value["agency"].pk for b in page.related_agencies if b.value["agency"]}
    return {
        agency["agency"].pk
        for step in page.steps
        for agency in step.value["agencies"]
        if agency["agency"] is not None
    }


def pages_showing(agency_ids: set[int]) -> set[str]:
    pages = [*ServicePage.objects.live(), *LifeEventGuidePage.objects.live()]
    return {page.full_url for page in pages if agencies_on(page) & agency_ids}


def a_shown_agency() -> Agency:
    """A Swedish agency that both a service page and a guide show."""
    services = {pk for page in ServicePage.objects.live() for pk in agencies_on(page)}
    guides = {pk for page in LifeEventGuidePage.objects.live() for pk in agencies_on(page)}
    agency = Agency.objects.filter(pk__in=services & guides, locale__language_code="sv").first()
    assert agency is not None, "the demo content has no agency on both a service page and a guide"
    return agency


def translations(agency: Agency) -> set[int]:
    return set(
        Agency.objects.filter(translation_key=agency.translation_key).values_list("pk", flat=True)
    )


def agency_lists() -> set[str]:
    urls = {page.full_url for page in AgencyIndexPage.objects.live()}
    assert len(urls) >= 2, "the demo content has no Swedish and English agency list"
    return urls


def test_changing_an_agency_purges_the_pages_that_show_it_in_every_language(purged):  # noqa: F811
    agency = a_shown_agency()
    showing = pages_showing(translations(agency))
    assert any("/en/" in url for url in showing), "no English page shows the agency"
    agency.description = "Ny beskrivning från cachetestet."

    found = purged(agency.save)

    assert showing | agency_lists() <= found
    others = {page.full_url for page in ServicePage.objects.live()} - pages_showing(
        translations(agency)
    )
    assert not others & found, "service pages that do not show the agency were purged"


def test_deleting_an_agency_purges_the_pages_that_showed_it(purged):  # noqa: F811
    agency = a_shown_agency()
    showing = pages_showing({agency.pk})

    found = purged(agency.delete)

    assert showing | agency_lists() <= found


def test_a_new_agency_purges_the_agency_lists(purged):  # noqa: F811
    found = purged(
        lambda: Agency.objects.create(
            name="Testmyndigheten",
            url="https://test.example.org/",
            level="stat",
            topics=["flytta"],
            description="Finns bara i testet.",
            locale=Agency.objects.first().locale,
        )
    )
    assert found == agency_lists()


class RecordingHTTPBackend(HTTPBackend):
    """Wagtail's HTTP backend (Varnish) that remembers its PURGEs instead of sending them."""

    def purge(self, url):
        PURGED.append(url)


def test_the_agency_lists_are_banned_with_every_topic_filter(purged, settings, monkeypatch):  # noqa: F811
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "citizen_portal.tests.test_cache_snippets.RecordingHTTPBackend",
            "LOCATION": "http://varnish.invalid",
        }
    }
    banned = []
    monkeypatch.setattr(cache, "ban_host", lambda backend, host, path: banned.append(path))
    agency = a_shown_agency()
    agency.description = "Ännu en ny beskrivning."

    purged(agency.save)

    # `BAN /myndigheter/` also drops /myndigheter/?amne=flytta (the VCL matches a regex).
    assert {url.split("://", 1)[1].split("/", 1)[1] for url in agency_lists()} == {
        path.lstrip("/") for path in banned
    }


def every_page() -> set[str]:
    return {url for page in Page.objects.live().filter(depth__gt=1) if (url := page.full_url)}


def test_changing_a_municipality_purges_every_page(purged):  # noqa: F811
    """Every page's header lists the municipalities: a new name is out of date everywhere."""
    municipality = Municipality.objects.get(slug="mellerud")
    municipality.phone = "0530-180 00 (ny)"

    assert every_page() <= purged(municipality.save)
    # Saved again without a change: nothing to purge.
    assert purged(Municipality.objects.get(slug="mellerud").save) == set()


def test_a_new_or_deleted_municipality_purges_every_page(purged):  # noqa: F811
    municipality = MunicipalityFactory.build()
    assert every_page() <= purged(municipality.save)
    assert every_page() <= purged(municipality.delete)


def test_the_employee_portals_snippets_purge_nothing(purged):  # noqa: F811
    """Applications and operational notices are shown only on Medarbetarportalen's pages, which
    are never cached (portal/tests/test_cache_headers.py, tests/deploy/test_varnish_privacy.py):
    there is nothing to purge."""
    application = Application.objects.first()
    application.name = f"{application.name} (ny)"
    assert purged(application.save) == set()
    notice = OperationalNotice.objects.first()
    notice.title = f"{notice.title} (ny)"
    assert purged(notice.save) == set()
