"""Emptying the page cache (Varnish, deploy/varnish/portal.vcl) when something that every page
shows changes, such as the crisis message in PortalSettings (portal/signals.py) or a
municipality's name in the header (citizen_portal/cache.py).

Wagtail's frontend cache (wagtail.contrib.frontend_cache) purges a page's own URLs when it is
published or unpublished; citizen_portal/cache.py adds the pages that list it. Both do nothing
unless WAGTAILFRONTENDCACHE is configured (VARNISH_URL, config/settings/base.py).
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

logger = logging.getLogger(__name__)


def frontend_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class BanRequest(Request):
    def get_method(self) -> str:
        return "BAN"


def ban_host(backend: HTTPBackend, host: str, path_regex: str = "/") -> None:
    """Ask the Varnish behind an HTTP backend to drop every cached URL of `host` that matches
    `path_regex` (the VCL's `BAN`; "/" matches every URL). Failures are logged, never raised:
    the cache then empties itself within its TTL."""
    request = BanRequest(
        url=f"{backend.cache_scheme}://{backend.cache_netloc}{path_regex}",
        headers={"Host": host, "User-Agent": "Dalslandsportalen-frontendcache"},
    )
    try:
        urlopen(request, timeout=10)  # noqa: S310 - the configured backend's LOCATION
    except (HTTPError, URLError, OSError) as error:
        logger.error("Couldn't BAN %s%s from the HTTP cache: %s", host, path_regex, error)


def purge_everything() -> None:
    """Drop every cached page of every site: a BAN of all URLs for each site's host at an HTTP
    backend (Varnish), and every live page's URLs at any other kind of backend."""
    if not frontend_cache_configured():
        return
    from wagtail.models import Page, Site

    backends = get_backends()
    hosts = {urlsplit(site.root_url).netloc for site in Site.objects.all()}
    others = []
    for name, backend in backends.items():
        if isinstance(backend, HTTPBackend):
            for host in sorted(hosts):
                ban_host(backend, host)
        else:
            others.append(name)
    if others:
        batch = PurgeBatch()
        batch.add_pages(Page.objects.live().filter(depth__gt=1))
        batch.purge(backends=others)


def remember_values_before_save(sender, instance, **kwargs):
    instance._values_before_save = (
        sender.objects.filter(pk=instance.pk).values().first()
        if instance.pk and frontend_cache_configured()
        else None
    )


def purge_everything_when_changed(sender, instance, created, **kwargs):
    """post_save of a model shown on every page (PortalSettings: the crisis message, contact
    details; Municipality: the header's municipality switch): once a change is committed, every
    cached page is out of date. Needs `remember_values_before_save` on pre_save."""
    if not frontend_cache_configured():
        return
    before = getattr(instance, "_values_before_save", None)
    if created or before != sender.objects.filter(pk=instance.pk).values().first():
        transaction.on_commit(purge_everything)


# The task worker takes tasks by priority (-100 to 100, default 0): an editor's publish must be
# visible within seconds even when a bulk change has queued thousands of search-index updates.
PURGE_TASK_PRIORITY = 50


def purge_before_other_tasks() -> None:
    """Give Wagtail's purge task (queued on every publish, and by PurgeBatch.purge) a priority
    above the other background tasks. Wagtail looks the task up in its module at each purge,
    so the module's name is pointed at the same task with the higher priority."""
    from wagtail.contrib.frontend_cache import tasks

    purge = tasks.purge_urls_from_cache_task
    if purge.priority != PURGE_TASK_PRIORITY:
        tasks.purge_urls_from_cache_task = purge.using(priority=PURGE_TASK_PRIORITY)
