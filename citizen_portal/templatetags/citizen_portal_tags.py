"""Template tags for the header's municipality switch and the footer's contact and
accessibility statement links."""

from django import template
from django.conf import settings
from wagtail.models import Page

from portal import lookups
from portal.models import PortalSettings

from ..models import AccessibilityStatementPage, ContactPage, MunicipalityPage, NewsIndexPage

register = template.Library()

_CACHE_ATTRIBUTE = "_citizen_portal_municipality_pages"
CHILD_PAGE_TYPES = {"NewsIndexPage": NewsIndexPage, "ContactPage": ContactPage}


def _active_locale():
    return lookups.active_locale()


def _page_municipality(page):
    return getattr(page, "municipality", None) if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def municipality_links(context):
    """Each municipality's live start page in the active language (falling back to the default
    language where it is not translated), in the municipalities' order. One query, cached on
    the request."""
    request = context.get("request")
    locale = _active_locale()
    cache_key = f"{_CACHE_ATTRIBUTE}_{locale.pk}"
    pages = getattr(request, cache_key, None) if request is not None else None
    if pages is None:
        candidates = (
            MunicipalityPage.objects.live()
            .public()
            .filter(locale__language_code__in={locale.language_code, settings.LANGUAGE_CODE})
            .select_related("municipality", "locale")
            .order_by("municipality__sort_order", "municipality__name")
        )
        chosen = {}
        for candidate in candidates:
            current = chosen.get(candidate.municipality_id)
            if current is None or candidate.locale_id == locale.pk:
                chosen[candidate.municipality_id] = candidate
        pages = sorted(
            chosen.values(), key=lambda p: (p.municipality.sort_order, p.municipality.name)
        )
        if request is not None:
            setattr(request, cache_key, pages)

    page = context.get("page")
    current_municipality = _page_municipality(page)
    links = []
    for municipality_page in pages:
        url = municipality_page.get_url(request)
        if not url:
            continue
        current = None
        if isinstance(page, Page) and page.pk == municipality_page.pk:
            current = "page"
        elif current_municipality is not None and (
            current_municipality.pk == municipality_page.municipality_id
        ):
            current = "true"
        links.append(
            {
                "municipality": municipality_page.municipality,
                "page": municipality_page,
                "url": url,
                "current": current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def footer_context(context):
    """What the footer shows: the municipality whose contact details apply (None at the
    Dalsland level), and the accessibility statement and contact page to link to: the
    municipality's own where it has them, else the Dalsland-wide ones from PortalSettings."""
    request = context.get("request")
    page = context.get("page")
    municipality = _page_municipality(page)
    accessibility_page = contact_page = None

    if municipality is not None:
        locale = _active_locale()
        accessibility_page = _in_locale(AccessibilityStatementPage, municipality, locale)
        contact_page = _in_locale(ContactPage, municipality, locale)

    if request is not None and (accessibility_page is None or contact_page is None):
        portal_settings = PortalSettings.for_request(request)
        if accessibility_page is None and portal_settings.accessibility_statement_id:
            accessibility_page = lookups.localized(portal_settings.accessibility_statement)
        if contact_page is None and portal_settings.contact_page_id:
            contact_page = lookups.localized(portal_settings.contact_page)

    return {
        "municipality": municipality,
        "accessibility_page": accessibility_page if _is_live(accessibility_page) else None,
        "contact_page": contact_page if _is_live(contact_page) else None,
        "guides": _dalsland_page("LifeEventIndexPage"),
        "agencies": _dalsland_page("AgencyIndexPage"),
    }


def _dalsland_page(model_name):
    """The live life-event or agency index (citizen_portal.agencies) in the active language,
    else in the default one; None if there is none."""
    from citizen_portal.agencies import models as agencies

    page_type = getattr(agencies, model_name)
    return lookups.first_live_of_type(page_type, _active_locale()) or lookups.first_live_of_type(
        page_type, lookups.default_locale()
    )


def _in_locale(model, municipality, locale):
    """The municipality's live page of `model` in the active language, else in the default
    language (a municipality's own statement beats the Dalsland-wide one)."""
    pages = (
        model.objects.live()
        .public()
        .filter(
            municipality=municipality,
            locale__language_code__in={locale.language_code, settings.LANGUAGE_CODE},
        )
        .order_by("path")
    )
    chosen = None
    for page in pages:
        if page.locale_id == locale.pk:
            return page
        chosen = chosen or page
    return chosen


def _is_live(page):
    return page is not None and page.live


@register.simple_tag
def first_child_of_type(page, model_name):
    """The first live child of `page` of a page type such as "NewsIndexPage"."""
    model = CHILD_PAGE_TYPES.get(model_name)
    if model is None or page is None:
        return None
    return lookups.first_live_child(page, model, public_only=True)
