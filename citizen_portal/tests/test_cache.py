"""Which URLs a publish purges from the page cache (citizen_portal/cache.py, portal/cache.py).

No Varnish here: WAGTAILFRONTENDCACHE points at RecordingBackend, which remembers the URLs it
is asked to purge (as Wagtail's own tests do). Purges wait for the commit, so the tests run
the on-commit callbacks of their rolled-back transaction.
"""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, Site

from citizen_portal.models import (
    CitizenHomePage,
    DepartmentPage,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    ServicePage,
    TopicPage,
)
from portal.models import PortalSettings

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "citizen_portal.tests.test_cache.RecordingBackend"}
    }
    PURGED.clear()

    class Capture:
        def __call__(self, action) -> set[str]:
            PURGED.clear()
            with django_capture_on_commit_callbacks(execute=True):
                action()
            return set(PURGED)

    yield Capture()
    PURGED.clear()


def a_service_page() -> ServicePage:
    """A live Swedish service page with a live English counterpart and a topic page."""
    for page in ServicePage.objects.live().filter(locale__language_code="sv"):
        english = page.get_translations().live().filter(locale__language_code="en").first()
        topic = TopicPage.objects.live().filter(locale=page.locale, topic=page.topic).first()
        if english and topic:
            return page
    pytest.fail("the demo content has no translated service page with a topic page")


def urls(*pages: Page) -> set[str]:
    return {page.full_url for page in pages}


def service_page_and_what_shows_it(page: ServicePage) -> set[str]:
    department = DepartmentPage.objects.ancestor_of(page).get()
    municipality = MunicipalityPage.objects.ancestor_of(page).get()
    topic = TopicPage.objects.live().get(locale=page.locale, topic=page.topic)
    english = page.get_translations().live().get(locale__language_code="en")
    return urls(page, department, municipality, topic, english)


@pytest.mark.django_db
def test_publishing_a_service_page_purges_it_its_parents_topic_page_and_translation(purged):
    page = a_service_page()
    found = purged(lambda: page.save_revision().publish())
    assert service_page_and_what_shows_it(page) <= found
    assert CitizenHomePage.objects.ancestor_of(page).get().full_url in found
    # Another municipality's pages are left alone.
    other = MunicipalityPage.objects.live().exclude(pk__in=page.get_ancestors()).first()
    assert other.full_url not in found


@pytest.mark.django_db
def test_unpublishing_a_service_page_purges_the_same(purged):
    page = a_service_page()
    found = purged(lambda: page.unpublish())
    assert service_page_and_what_shows_it(page) <= found


def news_page_and_what_shows_it(page: NewsPage) -> set[str]:
    dalsland_wide = NewsIndexPage.objects.live().filter(
        locale=page.locale, municipality__isnull=True
    )
    assert dalsland_wide, "the demo content has no Dalsland-wide news index"
    start = CitizenHomePage.objects.live().get(locale=page.locale)
    return urls(page, page.get_parent(), *dalsland_wide, start)


@pytest.mark.django_db
@pytest.mark.parametrize("municipal", [True, False])
def test_publishing_a_news_page_purges_the_news_indexes_and_the_start_page(purged, municipal):
    page = (
        NewsPage.objects.live()
        .filter(locale__language_code="sv", municipality__isnull=not municipal)
        .first()
    )
    assert page is not None
    found = purged(lambda: page.save_revision().publish())
    assert news_page_and_what_shows_it(page) <= found


@pytest.mark.django_db
def test_unpublishing_a_news_page_purges_the_same(purged):
    page = NewsPage.objects.live().filter(locale__language_code="sv").first()
    found = purged(lambda: page.unpublish())
    assert news_page_and_what_shows_it(page) <= found


@pytest.mark.django_db
def test_moving_a_service_page_purges_its_old_and_new_place(purged):
    page = a_service_page()
    old_url, old_department = page.full_url, page.get_parent()
    new_department = (
        DepartmentPage.objects.live()
        .filter(locale=page.locale)
        .exclude(pk=old_department.pk)
        .first()
    )
    found = purged(lambda: page.move(new_department, pos="last-child"))
    page.refresh_from_db()
    assert page.full_url != old_url
    assert {old_url, page.full_url, old_department.full_url, new_department.full_url} <= found


@pytest.mark.django_db
def test_changing_the_crisis_message_purges_every_page(purged):
    site = Site.objects.get(is_default_site=True)
    portal_settings = PortalSettings.for_site(site)
    portal_settings.crisis_message = "Koka vattnet i Bengtsfors."

    found = purged(portal_settings.save)

    every_page = {url for page in Page.objects.live().filter(depth__gt=1) if (url := page.full_url)}
    assert every_page
    assert every_page <= found
    # Saved again without a change: nothing to purge.
    assert purged(PortalSettings.for_site(site).save) == set()


@pytest.mark.django_db
def test_without_a_configured_cache_nothing_is_purged(purged, settings):
    del settings.WAGTAILFRONTENDCACHE
    page = a_service_page()
    assert purged(lambda: page.save_revision().publish()) == set()
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.crisis_message = "Stormvarning."
    assert purged(portal_settings.save) == set()
