"""Reading the register for residents: agencies and pages in the page's language, and which
of their addresses the link check found broken, in a few queries per page."""

import dataclasses

from django.urls import reverse
from wagtail.models import Locale, Page

from portal import lookups

from .blocks import eservice_kinds
from .linkcheck import normalise
from .models import LEVEL_HEADINGS, Agency, AgencyLevel, LinkCheck

# Swedish alphabetical order: å, ä and ö come after z (code-point order puts ä before å).
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def sort_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH_ORDER)


def active_locale() -> Locale:
    return lookups.active_locale()


def agencies_for_locale(locale: Locale) -> list[Agency]:
    """Every agency in `locale`; one that is not translated yet in its default-language
    entry, so a new agency shows on the English pages before a translator has reached it."""
    default = lookups.default_locale()
    agencies = Agency.objects.filter(locale=locale)
    if locale.pk != default.pk:
        translated = Agency.objects.filter(locale=locale).values("translation_key")
        untranslated = Agency.objects.filter(locale=default).exclude(translation_key__in=translated)
        agencies = agencies | untranslated
    return list(agencies)


def broken_urls(urls) -> set[str]:
    """Of `urls`, those the link check last found broken (one query; none for no urls)."""
    urls = {url for url in urls if url}
    if not urls:
        return set()
    return set(LinkCheck.objects.filter(ok=False, url__in=urls).values_list("url", flat=True))


@dataclasses.dataclass
class AgencyLink:
    name: str
    short_name: str
    url: str
    description: str
    broken: bool
    # The entry's language where it is not the page's (not translated yet), for lang="…";
    # a description written for the page is in the page's language.
    lang: str = ""
    description_lang: str = ""


@dataclasses.dataclass
class PageLink:
    title: str
    url: str
    municipality: str
    lang: str = ""


@dataclasses.dataclass
class PageGroup:
    """One service in several municipalities ("Förskola: Bengtsfors, Dals-Ed, …"), or one
    page."""

    title: str
    links: list[PageLink]

    @property
    def lang(self) -> str:
        return self.links[0].lang if self.links else ""


@dataclasses.dataclass
class EServiceLink:
    label: str
    url: str


@dataclasses.dataclass
class Step:
    title: str
    text: object
    page_groups: list[PageGroup]
    eservice: EServiceLink | None
    agencies: list[AgencyLink]


def agency_groups(locale: Locale, topic: str = "") -> list[dict]:
    """/myndigheter/: the agencies in `locale` (of `topic`, if given) as links, grouped by
    level in the levels' order and sorted by name within each."""
    agencies = [
        agency for agency in agencies_for_locale(locale) if not topic or topic in agency.topics
    ]
    broken = broken_urls({normalise(agency.url) for agency in agencies})
    languages = dict(Locale.objects.values_list("pk", "language_code"))

    def link(agency):
        # An agency not yet translated is shown in the default language: say so.
        lang = "" if agency.locale_id == locale.pk else languages[agency.locale_id]
        return AgencyLink(
            name=agency.name,
            short_name=agency.short_name,
            url=agency.url,
            description=agency.description,
            broken=normalise(agency.url) in broken,
            lang=lang,
            description_lang=lang,
        )

    groups = []
    for level in AgencyLevel:
        members = sorted(
            (agency for agency in agencies if agency.level == level),
            key=lambda agency: sort_key(agency.name),
        )
        if members:
            groups.append(
                {
                    "level": level.value,
                    "heading": LEVEL_HEADINGS[level],
                    "links": [link(agency) for agency in members],
                }
            )
    return groups


class GuideLinks:
    """The agencies and pages a page's blocks link to, in the language shown: fetched for the
    whole page at once with `preload`, else one at a time as blocks ask."""

    def __init__(self, request=None, locale=None):
        self.request = request
        self.locale = locale or active_locale()
        self._agencies: dict[int, Agency] = {}
        self._pages: dict[int, Page | None] = {}
        self._broken: set[str] | None = None
        self._languages = None

    # --- Loading --------------------------------------------------------------------------

    def preload(self, steps):
        agencies, pages = [], []
        for block in steps:
            if block.block_type != "step":
                continue
            pages += [page for page in block.value["pages"] if page is not None]
            agencies += [
                item["agency"] for item in block.value["agencies"] if item["agency"] is not None
            ]
        self._load_agencies(agencies)
        self._load_pages(pages)

    def _load_agencies(self, agencies):
        missing = [agency for agency in agencies if agency.pk not in self._agencies]
        # An entry already in the language shown is its own translation.
        for agency in [agency for agency in missing if agency.locale_id == self.locale.pk]:
            self._agencies[agency.pk] = agency
            missing.remove(agency)
        if not missing:
            return
        translations = {
            agency.translation_key: agency
            for agency in Agency.objects.filter(
                translation_key__in={agency.translation_key for agency in missing},
                locale=self.locale,
            )
        }
        for agency in missing:
            self._agencies[agency.pk] = translations.get(agency.translation_key, agency)

    def _load_pages(self, pages):
        missing = [page for page in pages if page.pk not in self._pages]
        if not missing:
            return
        candidates = (
            lookups.public(Page.objects.live())
            .filter(
                translation_key__in={page.translation_key for page in missing},
                locale_id__in={self.locale.pk, *(page.locale_id for page in missing)},
            )
            .specific()
        )
        by_key = {}
        for candidate in candidates:
            by_key.setdefault(candidate.translation_key, {})[candidate.locale_id] = candidate
        for page in missing:
            versions = by_key.get(page.translation_key, {})
            self._pages[page.pk] = versions.get(self.locale.pk) or versions.get(page.locale_id)

    def _is_broken(self, url) -> bool:
        """Whether the link check last found `url` broken. The broken addresses are few (an
        owner is told and fixes them), so the page reads them all at once: one query however
        many blocks link out."""
        if self._broken is None:
            self._broken = set(
                LinkCheck.objects.filter(ok=False).values_list("url", flat=True).order_by()
            )
        return normalise(url) in self._broken

    def _municipality(self, page) -> str:
        municipality_id = getattr(page, "municipality_id", None)
        if municipality_id is None:
            return ""
        municipality = lookups.municipality_by_id(municipality_id)
        return municipality.short_name if municipality else ""

    def _other_language(self, locale_id) -> str:
        """The language code of `locale_id` if it is not the page's, else ""."""
        if locale_id == self.locale.pk:
            return ""
        if self._languages is None:
            self._languages = dict(Locale.objects.values_list("pk", "language_code"))
        return self._languages.get(locale_id, "")

    # --- What templates get -----------------------------------------------------------------

    def agency_link(self, agency, description="") -> AgencyLink | None:
        """The register's entry for `agency` in the language shown; None if it was deleted."""
        if agency is None:
            return None
        self._load_agencies([agency])
        localized = self._agencies[agency.pk]
        lang = self._other_language(localized.locale_id)
        return AgencyLink(
            name=localized.name,
            short_name=localized.short_name,
            url=localized.url,
            description=description or localized.description,
            broken=self._is_broken(localized.url),
            lang=lang,
            description_lang="" if description else lang,
        )

    def page_link(self, page) -> PageLink | None:
        """A live page in the language shown (else in its own); None if unpublished."""
        if page is None:
            return None
        self._load_pages([page])
        target = self._pages.get(page.pk)
        if target is None:
            return None
        return PageLink(
            title=target.title,
            url=target.get_url(request=self.request),
            municipality=self._municipality(target),
            lang=self._other_language(target.locale_id),
        )

    def step(self, value) -> Step:
        groups: dict[str, list[PageLink]] = {}
        for page in value["pages"]:
            link = self.page_link(page)
            if link is not None:
                groups.setdefault(link.title, []).append(link)
        kind = value.get("eservice")
        eservice = None
        if kind:
            labels = dict(eservice_kinds())
            if kind in labels:
                eservice = EServiceLink(
                    label=str(labels[kind]), url=reverse("eservices_start", kwargs={"kind": kind})
                )
        agencies = [
            self.agency_link(item["agency"], item["description"]) for item in value["agencies"]
        ]
        return Step(
            title=value["title"],
            text=value["text"],
            page_groups=[PageGroup(title, links) for title, links in groups.items()],
            eservice=eservice,
            agencies=[agency for agency in agencies if agency is not None],
        )
