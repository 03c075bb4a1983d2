"""The page chrome (header, municipality switch, breadcrumbs, footer) rendered once, not per
request.

The chrome of a Wagtail page is the same for every visitor of that address in that language:
menus, the municipality switch, the language switch, breadcrumbs and the footer come from the
page tree, the municipalities and the portal settings, never from the person. theme/base.html
keeps each part in Django's template fragment cache under the address, the language and the
chrome version, which `bump` changes whenever something the chrome shows changes: a page
published, unpublished, moved or deleted, the portal settings, a municipality, a locale, a
site, a view restriction. Old fragments are then never read again and expire on their own.

The version lives in the shared cache (Redis in production), so a publish in one process is
seen by all. Without a shared cache (the demo's local memory), another process's publish (the
scheduler's scheduled publishing) shows after at most FRAGMENT_SECONDS.
"""

import uuid
from functools import partial

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "portal:chrome-version"
FRAGMENT_SECONDS = 300


def version(key: str = VERSION_KEY) -> str:
    """The current version under `key` (the chrome's, or another cache's that works the same
    way, such as employee_portal.dashboard_cache)."""
    current = cache.get(key)
    if current is None:
        current = uuid.uuid4().hex
        # add(): two processes that start at once agree on one version.
        if not cache.add(key, current, None):
            current = cache.get(key, current)
    return current


def renew(key: str = VERSION_KEY) -> None:
    cache.set(key, uuid.uuid4().hex, None)


def renew_now_and_at_commit(key: str = VERSION_KEY) -> None:
    """A new version at once, and again when the change is committed, since a request in
    between may have cached what it read before the change."""
    renew(key)
    transaction.on_commit(partial(renew, key))


def bump(*args, **kwargs) -> None:
    """Make every cached chrome fragment out of date (a signal receiver)."""
    renew_now_and_at_commit(VERSION_KEY)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import Department, Municipality, PortalSettings

    page_published.connect(bump, dispatch_uid="portal-chrome-published")
    page_unpublished.connect(bump, dispatch_uid="portal-chrome-unpublished")
    post_page_move.connect(bump, dispatch_uid="portal-chrome-moved")
    for model in (
        Page,
        PageViewRestriction,
        PortalSettings,
        Municipality,
        Department,
        Locale,
        Site,
    ):
        post_save.connect(bump, sender=model, dispatch_uid=f"portal-chrome-save-{model.__name__}")
        post_delete.connect(
            bump, sender=model, dispatch_uid=f"portal-chrome-delete-{model.__name__}"
        )
