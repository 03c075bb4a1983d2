"""Demo content of the agency register, seeded by `manage.py seed_demo` from demo/agencies/: the
register (the authorities, regional bodies and joint services a resident deals with besides the
municipality) before the citizen pages, so service pages can link it; then /myndigheter/,
/livshandelser/ and the five life-event guides, which link the service pages. Everything has its
English translation made through wagtail-localize, as a translator would.

Idempotent: an agency that exists (by address) and a page that exists (by slug under its parent)
are left alone, and so is an existing translation.
"""

import copy

from wagtail.models import Locale

from citizen_portal.demo import ensure_home, ensure_page, translate
from citizen_portal.models import MunicipalityPage, ServicePage
from portal.demo import load_records, seeder

from .models import Agency, AgencyIndexPage, LifeEventGuidePage, LifeEventIndexPage

AGENCY_FIELDS = ("name", "short_name", "url", "level", "topics", "description")


def rich_text(text: str) -> str:
    """Rich text written one element a line, as one line: the lines, stripped, joined."""
    return "".join(line.strip() for line in text.splitlines())


def agency_records() -> list[dict]:
    """demo/agencies/agencies.toml: each agency's fields, its `key` and its English (`en`)."""
    return [
        {**row, "short_name": row.get("short_name", "")}
        for row in load_records("agencies/agencies")["agency"]
    ]


def index_pages() -> dict:
    """The two index pages of demo/agencies/pages.toml, by key."""
    data = load_records("agencies/pages")
    return {key: data[key] for key in ("agencies", "life_events")}


def _step(data: dict) -> tuple[dict, dict]:
    """A guide step and its English, as `seed_life_events` uses them."""
    step = {key: value for key, value in data.items() if key not in {"en", "agencies"}}
    step["text"] = rich_text(step["text"])
    en = {**data["en"], "text": rich_text(data["en"]["text"])}
    if "agencies" in data:
        step["agencies"] = [(row["key"], row["description"]) for row in data["agencies"]]
    return step, en


def guides() -> list[dict]:
    """The life-event guides, demo/agencies/guides/<slug>.toml in the order of pages.toml, with
    their English steps in `en`."""
    result = []
    for slug in load_records("agencies/pages")["guides"]:
        data = load_records(f"agencies/guides/{slug}")
        steps = [_step(step) for step in data["step"]]
        guide = {key: data[key] for key in ("slug", "title", "topic", "intro")}
        guide["steps"] = [step for step, _en in steps]
        guide["en"] = {**data["en"], "steps": [en for _step, en in steps]}
        result.append(guide)
    return result


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
    for data in agency_records():
        agency = Agency.objects.filter(locale=swedish, url=data["url"]).first()
        if agency is None:
            agency = Agency.objects.create(
                locale=swedish, **{name: data[name] for name in AGENCY_FIELDS}
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
        data = index_pages()[key]
        pages[key], _ = ensure_page(
            home, model, data["slug"], title=data["title"], intro=data["intro"]
        )
        translate(pages[key], data["en"])

    created = 0
    for data in guides():
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
