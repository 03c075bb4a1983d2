"""The sitemap lists every live, public page in every language. Employee pages contribute no
URLs (`EmployeeOnlyPage.get_sitemap_urls`).

A page translated with wagtail-localize is listed with its language versions as alternates
(`<xhtml:link rel="alternate" hreflang>`, Django's sitemap template): each version names every
version, itself included, and `x-default` names the Swedish one, as the pages' own <head> does
(theme/templatetags/seo_tags.py). Only versions listed in the sitemap themselves are named, so
a draft, a restricted page or an alias of an untranslated page (Swedish text under /en/) is
never an alternate.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import lookups

X_DEFAULT = "x-default"


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language = Q()
        for translation in root.get_translations(inclusive=True):
            in_any_language |= Q(path__startswith=translation.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_any_language)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Wagtail's URL entries, each page's own with the alternates of its translations.

        On a sitemap split into pages (over 50,000 addresses) the versions are gathered over
        every item, not only this page's, so that each entry still names them all."""
        entries = [
            (item, item.get_sitemap_urls(self.request))
            for item in self.paginator.page(page).object_list.iterator()
        ]
        if self.paginator.num_pages == 1:
            versions = _versions(entries)
        else:
            versions = _versions(
                (item, item.get_sitemap_urls(self.request)) for item in self.items().iterator()
            )
        urls = []
        last_mods = set()
        for item, item_urls in entries:
            own = versions.get(item.translation_key, {})
            for url_info in item_urls:
                if len(own) > 1 and url_info.get("location") == own.get(_language(item)):
                    url_info = {**url_info, "alternates": _alternates(own)}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # As Wagtail's: last_mods is empty if the whole site is private.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _versions(entries) -> dict[str, dict[str, str]]:
    """{translation_key: {language code: address}} over (page, its sitemap entries): the one
    entry a page lists for itself. A page listing none (an employee page) or several, and an
    alias (wagtail-localize's stand-in for an untranslated page), is no version."""
    versions = defaultdict(dict)
    for item, item_urls in entries:
        if item.alias_of_id is None and len(item_urls) == 1 and item_urls[0].get("location"):
            versions[item.translation_key][_language(item)] = item_urls[0]["location"]
    return versions


def _alternates(versions: dict[str, str]) -> list[dict]:
    alternates = [
        {"lang_code": code, "location": versions[code]}
        for code, _name in settings.LANGUAGES
        if code in versions
    ]
    if settings.LANGUAGE_CODE in versions:
        alternates.append({"lang_code": X_DEFAULT, "location": versions[settings.LANGUAGE_CODE]})
    return alternates


def _language(page) -> str:
    locale = lookups.locale_by_id(page.locale_id)
    return locale.language_code if locale is not None else ""
