"""The small tables every page reads (sites, locales, municipalities, view restrictions), read
once per chrome version and process instead of once or several times per request.

Django and Wagtail look each of these up in the database whenever they are asked: the site
for the request's host, the locale of the active language (Wagtail asks several times per
page), a page's municipality, every private section for each `.public()` listing. They change
only when an editor or an administrator changes them, and each such change renews the chrome
version (portal/chrome.py). This module keeps them in the process, under that version, for
at most `MAX_AGE` seconds (another process's change is seen within that time even without a
shared cache, as the cached chrome is).

Every lookup hands out a fresh model instance built from stored field values, so nothing a
request does to one can reach another request.
"""

import time
from contextvars import ContextVar

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from . import chrome

MAX_AGE = chrome.FRAGMENT_SECONDS
# Addresses are remembered too (pages_at); a bound keeps a crawl of a big site in check.
MAX_ENTRIES = 20_000

# The chrome version read once at the start of a request (LookupsMiddleware), so that a page
# asks the shared cache once rather than at every lookup.
_request_version: ContextVar[str | None] = ContextVar("portal_lookups_version", default=None)


class _Memo:
    def __init__(self):
        self.version = None
        self.expires = 0.0
        self.values = {}

    def get(self, key, load, keep=lambda value: True):
        version = _request_version.get() or chrome.version()
        now = time.monotonic()
        if version != self.version or now >= self.expires:
            self.version, self.expires, self.values = version, now + MAX_AGE, {}
        try:
            return self.values[key]
        except KeyError:
            value = load()
            if len(self.values) < MAX_ENTRIES and keep(value):
                self.values[key] = value
            return value


_memo = _Memo()


def clear() -> None:
    """Forget everything (tests that change the tables without the signals do this)."""
    _memo.version = None


def _row(instance) -> tuple:
    return tuple(field.attname for field in instance._meta.concrete_fields), tuple(
        getattr(instance, field.attname) for field in instance._meta.concrete_fields
    )


def _build(model, row):
    if row is None:
        return None
    names, values = row
    return model.from_db("default", names, values)


# --- Locales ---------------------------------------------------------------------------------


def _locales() -> dict:
    return {locale.language_code: _row(locale) for locale in Locale.objects.all()}


def locale_for_language(language_code: str) -> Locale:
    """Wagtail's Locale.objects.get_for_language(), from memory."""
    code = get_supported_content_language_variant(language_code)
    row = _memo.get("locales", _locales).get(code)
    if row is None:
        raise Locale.DoesNotExist(f"No locale for {code!r}")
    return _build(Locale, row)


def default_locale() -> Locale:
    return locale_for_language(settings.LANGUAGE_CODE)


def active_locale() -> Locale:
    """The locale of the active language, else the default one (as Locale.get_active())."""
    try:
        return locale_for_language(translation.get_language() or settings.LANGUAGE_CODE)
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def locale_by_id(locale_id) -> Locale | None:
    for row in _memo.get("locales", _locales).values():
        locale = _build(Locale, row)
        if locale.pk == locale_id:
            return locale
    return None


# --- Municipalities --------------------------------------------------------------------------


def municipality_by_id(municipality_id):
    from .models import Municipality

    rows = _memo.get("municipalities", lambda: {m.pk: _row(m) for m in Municipality.objects.all()})
    return _build(Municipality, rows.get(municipality_id))


def municipality_of(page):
    """The municipality a page belongs to (its `municipality` field), from memory; None for a
    page without one."""
    municipality_id = getattr(page, "municipality_id", None)
    if municipality_id is None:
        return None
    return municipality_by_id(municipality_id)


# --- Sites -----------------------------------------------------------------------------------


def site_for_request(request) -> Site | None:
    """What Site.find_for_request(request) finds, with its root page, from memory."""
    from django.http.request import split_domain_port

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def load():
        site = Site._find_for_request(request)
        if site is None:
            return None
        return _row(site), _row(site.root_page)

    rows = _memo.get(("site", hostname, port), load)
    if rows is None:
        return None
    site = _build(Site, rows[0])
    # The root page as its own type with only Page's fields loaded: routing needs no more,
    # and Wagtail's serve() asks for `root_page.localized.specific` (portal/pages.py).
    site.root_page = _build(Page, rows[1]).specific_deferred
    return site


# --- Addresses -------------------------------------------------------------------------------


def pages_at(root, addresses: list[str]) -> dict[str, Page]:
    """The pages below `root` whose `url_path` is one of `addresses` (the steps of one
    address, portal/pages.py), by url_path. One query the first time an address is asked in
    a chrome version; an address that is not all there (a 404) is asked each time."""

    def load():
        return [
            _row(page)
            for page in Page.objects.filter(
                url_path__in=addresses,
                path__startswith=root.path,
                depth__gt=root.depth,
                depth__lte=root.depth + len(addresses),
            )
        ]

    rows = _memo.get(
        ("pages", root.pk, tuple(addresses)), load, keep=lambda rows: len(rows) == len(addresses)
    )
    pages = (_build(Page, row) for row in rows)
    return {page.url_path: page for page in pages}


def first_live_child(parent, page_type, *, public_only=False) -> Page | None:
    """The first live child of `parent` of `page_type` (a Page class), as a plain Page: enough
    for a link ({% pageurl %}) and its title. With `public_only`, not one in a restricted
    section. From memory after the first time."""

    def load():
        pages = Page.objects.child_of(parent).live().type(page_type)
        page = (public(pages) if public_only else pages).first()
        return _row(page) if page is not None else None

    return _build(
        Page, _memo.get(("child", parent.pk, page_type._meta.label_lower, public_only), load)
    )


def first_live_of_type(page_type, locale) -> Page | None:
    """The first live page of `page_type` in `locale` (a portal-wide index such as the agency
    register's), as a plain Page for a link. From memory after the first time."""

    def load():
        page = Page.objects.live().type(page_type).filter(locale_id=locale.pk).first()
        return _row(page) if page is not None else None

    return _build(Page, _memo.get(("of-type", page_type._meta.label_lower, locale.pk), load))


def localized(page):
    """`page.localized` with the active locale from memory, for any page (a plain Page from a
    foreign key too): its live translation in the active language, else the page itself."""
    locale = active_locale()
    if page is None or page.locale_id == locale.pk:
        return page
    translation = page.get_translation_or_none(locale)
    if translation is None or not translation.live:
        return page
    return translation


def remembered(model, key, load):
    """`load()`, an instance of `model` (without StreamFields: their values would be shared)
    or None, remembered under `key` for the chrome version; a fresh instance each time. For
    what a page shows of other pages, departments and the like, which a publish or a save of
    theirs renews."""

    def row():
        instance = load()
        return _row(instance) if instance is not None else None

    return _build(model, _memo.get(("remembered", model._meta.label_lower, key), row))


# --- Portal settings -------------------------------------------------------------------------


def portal_settings(site):
    """The site's PortalSettings (Wagtail's for_site(), which creates them if missing)."""
    from .models import PortalSettings

    if site is None:
        return None
    return _build(
        PortalSettings,
        _memo.get(("settings", site.pk), lambda: _row(PortalSettings.for_site(site))),
    )


# --- View restrictions -----------------------------------------------------------------------


def _restricted_sections() -> list[tuple[str, int]]:
    """The tree path and depth of every page with a view restriction (one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", "page__depth"))


def may_be_restricted(page) -> bool:
    """Whether a view restriction may apply to `page`: it or an ancestor has one, or it is an
    alias (which has its source page's restrictions)."""
    if page.alias_of_id is not None:
        return True
    return any(
        page.path.startswith(path) for path, _ in _memo.get("restrictions", _restricted_sections)
    )


def private_q() -> Q:
    """Pages in a restricted section, as Wagtail's PageQuerySet.private_q(), from memory."""
    q = Q()
    for path, depth in _memo.get("restrictions", _restricted_sections):
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


def public(pages):
    """`pages` without those in a restricted section: PageQuerySet.public() without its query
    of every restriction."""
    return pages.exclude(private_q())


# --- Per request -----------------------------------------------------------------------------


class LookupsMiddleware:
    """Reads the chrome version once per request and gives Wagtail the request's site and
    portal settings from memory, where Site.find_for_request() and
    PortalSettings.for_request() keep what they find on the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(chrome.version())
        try:
            if not hasattr(request, "_wagtail_site"):
                request._wagtail_site = site_for_request(request)
            # Where Wagtail's PortalSettings.for_request() looks before it queries.
            from .models import PortalSettings

            attribute = PortalSettings.get_cache_attr_name()
            if not hasattr(request, attribute) and request._wagtail_site is not None:
                setattr(request, attribute, portal_settings(request._wagtail_site))
            return self.get_response(request)
        finally:
            _request_version.reset(token)
