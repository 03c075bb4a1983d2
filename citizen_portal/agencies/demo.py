"""Demo content for step 4, seeded by `manage.py seed_demo`: the agency register (DOMAIN.md
§6.1) before the citizen pages, so service pages can link it; then /myndigheter/,
/livshandelser/ and the five life-event guides, which link the service pages. Everything has its
English translation made through wagtail-localize, as a translator would.

Idempotent: an agency that exists (by address) and a page that exists (by slug under its parent)
are left alone, and so is an existing translation.
"""

import copy

from wagtail.models import Locale

from citizen_portal.demo import ensure_home, ensure_page, translate
from citizen_portal.models import MunicipalityPage, ServicePage
from portal.demo import seeder

from .demo_content import AGENCIES, GUIDES, INDEX_PAGES
from .models import Agency, AgencyIndexPage, LifeEventGuidePage, LifeEventIndexPage


def translate_agency(agency, en_fields):
    """The English entry of `agency`, recorded as string translations of the Swedish one."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    english = Locale.objects.get(language_code="en")
    if agency.has_translation(english):
        return agency.get_translation(english), False
    source, _ = TranslationSource.get_or_create_from_instance(agency)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        value = en_fields.get(segment.context.path)
        if value and value != segment.string.data:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": value},
            )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=english, defaults={"enabled": True}
    )
    translation.save_target(publish=True)
    return agency.get_translation(english), True


def ensure_agencies() -> dict[str, Agency]:
    swedish = Locale.get_default()
    agencies = {}
    for data in AGENCIES:
        agency = Agency.objects.filter(locale=swedish, url=data["url"]).first()
        if agency is None:
            agency = Agency.objects.create(
                locale=swedish,
                **{
                    name: data[name]
                    for name in ("name", "short_name", "url", "level", "topics", "description")
                },
            )
        translate_agency(agency, data["en"])
        agencies[data["key"]] = agency
    return agencies


def step_value(step, agencies):
    """A guide step's StreamField value: the service pages it names in every municipality that
    has them, in the municipalities' order."""
    swedish = Locale.get_default()
    pages = []
    for slug in step.get("services", []):
        pages += list(
            ServicePage.objects.live()
            .filter(locale=swedish, slug=slug)
            .order_by("municipality__sort_order", "municipality__name")
        )
    if step.get("municipality_pages"):
        pages += list(
            MunicipalityPage.objects.live()
            .filter(locale=swedish)
            .order_by("municipality__sort_order", "municipality__name")
        )
    return {
        "title": step["title"],
        "text": step["text"],
        "pages": pages,
        "eservice": step.get("eservice", ""),
        "agencies": [
            {"agency": agencies[key], "description": description}
            for key, description in step.get("agencies", [])
        ],
    }


def english_steps(guide, en_steps):
    """The English steps as raw values of the Swedish ones (same block ids, so wagtail-localize
    pairs each English string with its Swedish source)."""
    values = []
    for raw, en in zip(guide.steps.raw_data, en_steps, strict=True):
        value = copy.deepcopy(raw["value"])
        value["title"] = en["title"]
        value["text"] = en["text"]
        descriptions = en.get("agencies", [""] * len(value["agencies"]))
        for item, description in zip(value["agencies"], descriptions, strict=True):
            item["value"]["description"] = description
        values.append(value)
    return values


@seeder(18)
def seed_agency_register(stdout, style):
    return f"{len(ensure_agencies())} myndigheter"


@seeder(25)
def seed_life_events(stdout, style):
    agencies = ensure_agencies()
    home = ensure_home()

    pages = {}
    for key, model in (("agencies", AgencyIndexPage), ("life_events", LifeEventIndexPage)):
        data = INDEX_PAGES[key]
        pages[key], _ = ensure_page(
            home, model, data["slug"], title=data["title"], intro=data["intro"]
        )
        translate(pages[key], data["en"])

    created = 0
    for data in GUIDES:
        guide, was_created = ensure_page(
            pages["life_events"],
            LifeEventGuidePage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            topic=data["topic"],
            steps=[("step", step_value(step, agencies)) for step in data["steps"]],
        )
        created += was_created
        # As stored: the blocks' ids are those the translation's segments refer to.
        guide = LifeEventGuidePage.objects.get(pk=guide.pk)
        en = data["en"]
        translate(
            guide,
            {
                "title": en["title"],
                "intro": en["intro"],
                "steps": english_steps(guide, en["steps"]),
            },
        )
    return f"{created} nya livshändelseguider"
