"""Which cached pages (Varnish, deploy/varnish/portal.vcl) a publish makes out of date.

Wagtail's frontend cache purges a page's own URLs when it is published or unpublished (also
when it is deleted: Wagtail unpublishes it first). This adds the pages that show it:

* its ancestors, whose listings show it (a service's department, municipality, start page);
* its live translations (their language switch links to it);
* a service's topic page (TopicPage of the same topic and language);
* for news, every Dalsland-wide news index and the start page of its language, which show
  the latest news of all municipalities.

A moved (or reordered) page also purges its old and new URLs and its old parent's listings.

Snippets shown on many pages:

* an agency (citizen_portal.agencies), saved or deleted: the live pages that refer to it or to
  its translations (service pages' related agencies, life-event guides' steps: Wagtail's
  reference index) and every agency list (/myndigheter/, also its `?amne=` filters);
* a municipality (portal.Municipality), changed or deleted: every page, as the header's
  municipality switch on every page shows each one's name (portal/cache.py purge_everything).

Medarbetarportalen's applications and operational notices purge nothing: they are shown only on
employee pages, which are never cached (`private, no-store`, passed by the VCL; proved in
tests/deploy/test_varnish_privacy.py).

The URLs are purged once the change is committed. Nothing happens unless WAGTAILFRONTENDCACHE
is configured (VARNISH_URL).
"""

import copy
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, ReferenceIndex

from portal.cache import (
    ban_host,
    frontend_cache_configured,
    purge_everything,
    purge_everything_when_changed,
    remember_values_before_save,
)
from portal.models import Municipality

from .agencies.models import Agency, AgencyIndexPage
from .models import CitizenHomePage, NewsIndexPage, NewsPage, ServicePage, TopicPage


def pages_that_show(page: Page) -> list[Page]:
    """The live pages other than `page` whose content shows `page`."""
    page = page.specific_deferred
    found = list(page.get_ancestors().live().filter(depth__gt=1))
    found += Page.objects.live().filter(translation_key=page.translation_key).exclude(pk=page.pk)
    if isinstance(page, ServicePage):
        found += TopicPage.objects.live().filter(locale_id=page.locale_id, topic=page.topic)
    if isinstance(page, NewsPage):
        found += NewsIndexPage.objects.live().filter(
            locale_id=page.locale_id, municipality__isnull=True
        )
        found += CitizenHomePage.objects.live().filter(locale_id=page.locale_id)
    return found


def _purge_on_commit(batch: PurgeBatch) -> None:
    if batch.urls:
        transaction.on_commit(batch.purge)


def purge_pages_that_show(sender, instance, **kwargs):
    """page_published and page_unpublished: purge the pages that list `instance`."""
    if not frontend_cache_configured():
        return
    batch = PurgeBatch()
    batch.add_pages(pages_that_show(instance))
    _purge_on_commit(batch)


def purge_after_move(sender, instance, parent_page_before, url_path_before, **kwargs):
    """post_page_move: the page (and the pages below it) under the old and the new URL, the
    pages that show it now and the old parent's listings."""
    if not frontend_cache_configured() or not instance.live:
        return
    batch = PurgeBatch()
    moved = list(instance.get_descendants(inclusive=True).live())
    batch.add_pages(moved)
    url_path_after = instance.url_path
    if url_path_before != url_path_after:
        for page in moved:
            before = copy.copy(page)
            before.url_path = url_path_before + page.url_path[len(url_path_after) :]
            batch.add_page(before)
    batch.add_pages(pages_that_show(instance))
    batch.add_pages(
        Page.objects.ancestor_of(parent_page_before, inclusive=True).live().filter(depth__gt=1)
    )
    _purge_on_commit(batch)


def pages_that_show_agency(agency: Agency) -> list[Page]:
    """The live pages that show `agency` or one of its translations (they share its address),
    found in Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = set()
    for translation in Agency.objects.filter(translation_key=agency.translation_key):
        references = ReferenceIndex.get_references_to(translation).filter(
            base_content_type=page_type
        )
        page_ids.update(int(pk) for pk in references.values_list("object_id", flat=True))
    return list(Page.objects.live().filter(pk__in=page_ids))


def _ban_every_variant(pages: list[Page]) -> None:
    """BAN `pages` at an HTTP backend (Varnish) with every query (`?amne=…`): a PURGE drops
    only the URL as it is."""
    backends = [b for b in get_backends().values() if isinstance(b, HTTPBackend)]
    for page in pages:
        if url := page.full_url:
            for backend in backends:
                ban_host(backend, urlsplit(url).netloc, urlsplit(url).path)


def purge_agency(sender, instance, **kwargs):
    """post_save and pre_delete (before Wagtail forgets the references to it) of an agency:
    the pages that show it and the agency lists, which show every agency."""
    if not frontend_cache_configured():
        return
    lists = list(AgencyIndexPage.objects.live())
    batch = PurgeBatch()
    batch.add_pages(pages_that_show_agency(instance) + lists)
    _purge_on_commit(batch)
    transaction.on_commit(lambda: _ban_every_variant(lists))


def purge_everything_after_delete(sender, instance, **kwargs):
    if frontend_cache_configured():
        transaction.on_commit(purge_everything)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(purge_pages_that_show, dispatch_uid="citizen-cache-published")
    page_unpublished.connect(purge_pages_that_show, dispatch_uid="citizen-cache-unpublished")
    post_page_move.connect(purge_after_move, dispatch_uid="citizen-cache-moved")

    post_save.connect(purge_agency, sender=Agency, dispatch_uid="citizen-cache-agency")
    pre_delete.connect(purge_agency, sender=Agency, dispatch_uid="citizen-cache-agency")

    # The municipality switch in every page's header shows each municipality.
    pre_save.connect(
        remember_values_before_save, sender=Municipality, dispatch_uid="citizen-cache-municipality"
    )
    post_save.connect(
        purge_everything_when_changed,
        sender=Municipality,
        dispatch_uid="citizen-cache-municipality",
    )
    post_delete.connect(
        purge_everything_after_delete,
        sender=Municipality,
        dispatch_uid="citizen-cache-municipality",
    )
