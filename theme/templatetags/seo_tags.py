"""What search engines read in a page's <head>: the language versions of the page
(`<link rel="alternate" hreflang>`), so that a search in English finds `/en/…` and a search in
Swedish the Swedish page.

Google's rules (developers.google.com/search/docs/specialty/international/localized-versions):
every language version lists all versions, itself included, with fully qualified addresses,
and the links must point both ways; `x-default` names the version for any other language (here
the Swedish one, the portal's default). A page without a published translation lists nothing,
as there is no other version to name. Only live, public pages are named: a page in a restricted
section, a draft, a preview, and wagtail-localize's alias of an untranslated page (its text is
still Swedish) get no links and are named by none. The sitemap (search/sitemaps.py) lists the
same alternates.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.html import format_html_join
from wagtail.models import Page, Site

from portal import chrome, lookups

register = template.Library()

X_DEFAULT = "x-default"

# The portal's own public views that exist in both languages under the same address (with /en/
# in front): the site search, the diary, the e-services start pages and Mina sidor's login page.
# Views behind a login (a case, Mina sidor itself) are no search engine's business.
ALTERNATE_VIEWS = frozenset(
    {
        "search",
        "diary_search",
        "diary_postlista",
        "eservices_index",
        "eservices_start",
        "my_pages_login",
    }
)


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """The <link rel="alternate" hreflang> elements of the page or view being shown, or
    nothing."""
    request = context.get("request")
    if request is None or request.method not in ("GET", "HEAD"):
        return ""
    if context.get("exception") is not None:  # an error page (404) under a view's address
        return ""
    page = context.get("page")
    if isinstance(page, Page):
        paths = page_alternates(request, page)
    elif page is None:
        paths = view_alternates(request)
    else:
        paths = {}
    return format_html_join(
        "\n  ",
        '<link rel="alternate" hreflang="{}" href="{}">',
        ((code, request.build_absolute_uri(path)) for code, path in alternates(paths)),
    )


def alternates(paths: dict[str, str]) -> list[tuple[str, str]]:
    """(hreflang, address) in the order of settings.LANGUAGES, then x-default (the default
    language's version): nothing unless there are at least two languages."""
    if len(paths) < 2:
        return []
    rows = [(code, paths[code]) for code, _name in settings.LANGUAGES if code in paths]
    default = paths.get(settings.LANGUAGE_CODE)
    if default is not None:
        rows.append((X_DEFAULT, default))
    return rows


def _query(request) -> str:
    # Each version of page 2 of a list names the other version's page 2, and so on: the
    # versions must name each other exactly.
    query = request.META.get("QUERY_STRING", "")
    return f"?{query}" if query else ""


def page_alternates(request, page) -> dict[str, str]:
    """{language code: address} of a live, public page's live, public, translated versions."""
    if page.pk is None or not page.live or page.alias_of_id is not None:
        return {}
    if getattr(request, "is_preview", False):
        return {}
    if not page.get_sitemap_urls(request):
        # A page kept from search engines by its type (Medarbetarportalen's, which only
        # employees may open), as the sitemap keeps it out; its translations share its type.
        return {}
    site = Site.find_for_request(request)
    paths = translated_paths(page, request, site.pk if site is not None else None)
    locale = lookups.locale_by_id(page.locale_id)
    if locale is None or locale.language_code not in paths:
        # The page itself is not public (a restricted section): it names nothing.
        return {}
    query = _query(request)
    return {code: path + query for code, path in paths.items()}


def translated_paths(page, request, site_id) -> dict[str, str]:
    """{language code: address} of the page's live, public versions that are not aliases, read
    once per chrome version (portal/chrome.py: renewed when a page is published, unpublished,
    moved or deleted, or a view restriction, locale or site changes) and kept in the cache for
    every visitor: nothing in it depends on the person."""
    key = f"portal:hreflang:{chrome.version()}:{site_id}:{page.translation_key}"
    paths = cache.get(key)
    if paths is None:
        paths = {}
        versions = (
            page.get_translations(inclusive=True)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        )
        for version in versions:
            url = version.get_url(request)
            if url:
                paths[version.locale.language_code] = url
        cache.set(key, paths, chrome.FRAGMENT_SECONDS)
    return paths


def view_alternates(request) -> dict[str, str]:
    """{language code: address} of one of the portal's own public views (ALTERNATE_VIEWS) in
    every language: the same view, with Django's translate_url (query string kept)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in ALTERNATE_VIEWS:
        return {}
    current = request.get_full_path()
    paths = {code: translate_url(current, code) for code, _name in settings.LANGUAGES}
    if len(set(paths.values())) < len(paths):
        return {}  # some language has no address of its own for this view
    return paths
