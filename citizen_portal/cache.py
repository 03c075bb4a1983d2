"""Which cached pages (Varnish, deploy/varnish/portal.vcl) a publish makes out of date.

Wagtail's frontend cache purges a page's own URLs when it is published or unpublished (also
when it is deleted: Wagtail unpublishes it first). This adds the pages that show it:

* its ancestors, whose listings show it (a service's department, municipality, start page);
* its live translations (their language switch links to it);
* a service's topic page (TopicPage of the same topic and language);
* for news, every Dalsland-wide news index and the start page of its language, which show
  the latest news of all municipalities.

A moved (or reordered) page also purges its old and new URLs and its old parent's listings.
The URLs are purged once the change is committed. Nothing happens unless WAGTAILFRONTENDCACHE
is configured (VARNISH_URL).
"""

import copy

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from portal.cache import frontend_cache_configured

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


def connect() -> None:
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(purge_pages_that_show, dispatch_uid="citizen-cache-published")
    page_unpublished.connect(purge_pages_that_show, dispatch_uid="citizen-cache-unpublished")
    post_page_move.connect(purge_after_move, dispatch_uid="citizen-cache-moved")
