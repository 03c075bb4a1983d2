"""Presentation tags shared by every page: the document title, the language switch,
breadcrumbs, pagination links and accessible form fields."""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from portal import chrome, lookups

register = template.Library()

SITE_NAME = "Dalslandsportalen"
PAGE_PARAMETER = "sida"
# Each language's name in that language: the switch offers "English" on Swedish pages and
# "Svenska" on English pages, marked up with lang and hreflang.
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def _wagtail_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _home_url(language_code):
    with translation.override(language_code):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return "/"


@register.simple_tag
def home_url():
    """The start page in the active language: `/` or `/en/`."""
    return _home_url(translation.get_language() or settings.LANGUAGE_CODE)


@register.simple_tag
def document_title(page=None, title=""):
    """The <title>, e.g. "Förskola – Mellerud – Dalslandsportalen": `title` or the page's SEO
    title or title, the owning municipality's short name when the page belongs to one, then
    the portal's name."""
    parts = []
    if title:
        parts.append(str(title))
    elif isinstance(page, Page):
        parts.append(getattr(page, "seo_title", "") or page.title)
        municipality = lookups.municipality_of(page)
        # A municipality's own start page already carries its name ("Melleruds kommun").
        if municipality is not None and municipality.short_name not in parts[0]:
            parts.append(municipality.short_name)
    parts.append(SITE_NAME)
    # The start page is usually titled "Dalslandsportalen" itself: say it once.
    return " – ".join(part for i, part in enumerate(parts) if i == 0 or part != parts[i - 1])


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the other languages: the same page's live translation, else the translated
    start page. Views that are not Wagtail pages (search, login) use Django's translate_url."""
    request = context.get("request")
    current = translation.get_language() or settings.LANGUAGE_CODE
    page = _wagtail_page(context)
    translations = {}
    if page is not None and request is not None:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated

    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        url = None
        if code in translations:
            url = translations[code].get_url(request)
        elif page is None and _is_own_view(request):
            url = translate_url(request.get_full_path(), code)
        if not url:
            url = _translated_home_url(request, code)
        links.append({"code": code, "name": LANGUAGE_NAMES.get(code, code), "url": url})
    return links


def _is_own_view(request):
    """A view of its own (search, login), as opposed to a Wagtail address that matched no
    page (404), whose other-language address would be just as missing."""
    match = getattr(request, "resolver_match", None) if request is not None else None
    return match is not None and match.url_name != "wagtail_serve"


def _translated_home_url(request, code):
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        try:
            locale = Locale.objects.get(language_code=code)
        except Locale.DoesNotExist:
            locale = None
        if locale is not None:
            home = site.root_page.get_translation_or_none(locale)
            if home is not None and home.live:
                url = home.get_url(request)
                if url:
                    return url
    return _home_url(code)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """The page's ancestors below the tree root (depth 1), for the breadcrumb trail. The
    current page is not included; the template shows it last, unlinked."""
    page = page or _wagtail_page(context)
    if page is None or page.depth <= 2:
        return []
    request = context.get("request")
    crumbs = []
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        url = ancestor.get_url(request)
        if url:
            # The site's start page is "Start" in the trail, whatever its heading says.
            title = _("Start") if ancestor.depth == 2 else ancestor.title
            crumbs.append({"title": title, "url": url})
    return crumbs


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """`?…&sida=N`, keeping the other GET parameters (q, kommun)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    if hasattr(params, "setlist"):
        params[PAGE_PARAMETER] = str(number)
        return "?" + params.urlencode()
    return "?" + urlencode({PAGE_PARAMETER: number})


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.filter
def field_anchor(field):
    """The id an error summary links to: the first option of a radio or checkbox group, else
    the input itself."""
    if not field.auto_id:
        return ""
    if field.use_fieldset:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.filter
def is_checkbox(field):
    return getattr(field.field.widget, "input_type", "") == "checkbox" and not field.use_fieldset


@register.filter
def field_describedby(field):
    """The help text and error ids, for a fieldset (Django puts them on single inputs)."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.inclusion_tag("theme/components/translation_notice.html")
def translation_notice(page=None):
    """On a translated page whose Swedish original has changed since it was translated: a note
    saying so, with a link to the Swedish page (portal.translation_status)."""
    from wagtail.models import Page

    from portal.translation_status import state_of

    if not isinstance(page, Page):
        return {}
    state = state_of(page)
    if state is None or not state.out_of_date or not state.source.live:
        return {}
    return {"state": state}


# --- The page chrome, rendered once per address, language and chrome version ------------------


class ChromeNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        key = chrome_key(context, self.name)
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, chrome.FRAGMENT_SECONDS)
        return html


def chrome_key(context, name) -> str | None:
    """The cache key of a chrome fragment of a published Wagtail page or one of the portal's
    own views (search, the e-services, Mina sidor) answering a GET, or None (previews, posts,
    addresses that match nothing): those are rendered each time. A view's chrome depends only
    on its address and language, as a page's does: no view puts a person's data in it."""
    request = context.get("request")
    if request is None or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_preview", False):
        return None
    page = _wagtail_page(context)
    if page is None:
        if context.get("page") is not None or not _is_own_view(request):
            return None
    elif not page.live:
        return None
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    language = translation.get_language() or settings.LANGUAGE_CODE
    return f"chrome:{chrome.version()}:{name}:{language}:{digest}"


@register.tag("chrome")
def do_chrome(parser, token):
    """{% chrome "footer" %}…{% endchrome %}: the enclosed part of the page chrome, kept in the
    cache (portal/chrome.py says when it is renewed). Nothing personal may go inside."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('Usage: {% chrome "name" %}…{% endchrome %}')
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(bits[1][1:-1], nodelist)
