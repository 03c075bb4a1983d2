"""Demo content for Invånarportalen, seeded by `manage.py seed_demo`.

The texts live in demo/citizen/ (TOML records and HTML page bodies, read by `demo_content/`);
this module puts them into the page tree and translates
the pages that have English text through wagtail-localize's own translation records, exactly
as a translator working in the admin would, so the English pages know their source and can
later be reported as out of date. Idempotent: a page that exists (by slug under its parent) is
left alone, and so is an existing translation.
"""

import datetime
import json
from collections import defaultdict

from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from portal.demo import seeder
from portal.identity.editor_groups import ensure_collection
from portal.models import Department, Municipality, PortalSettings
from portal.pictures import demo as demo_pictures

from .demo_content import departments as department_data
from .demo_content import pages as page_data
from .demo_content import printable_forms
from .demo_content import services as service_data
from .models import (
    AccessibilityStatementPage,
    CitizenHomePage,
    ContactPage,
    DepartmentPage,
    FormField,
    FormPage,
    InformationPage,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    ServicePage,
    Topic,
    TopicPage,
)

HOME_SLUG = "dalslandsportalen"


# --- Helpers -------------------------------------------------------------------------------------


def child(parent, slug):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def ensure_page(parent, model, slug, **fields):
    """The live page `slug` under `parent`, created and published if it is missing."""
    existing = child(parent, slug)
    if existing is not None:
        return existing, False
    published_at = fields.pop("first_published_at", None)
    page = model(slug=slug, **fields)
    if published_at:
        page.first_published_at = published_at
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def stream(items):
    """Demo body blocks, `[(type, value), ...]`, as StreamField input."""
    return [(block_type, value) for block_type, value in items or []]


def agencies(items):
    """Agency blocks of a service page: the agency from the register (seeded before the
    pages, citizen_portal.agencies.demo), by its address."""
    from .agencies.models import Agency

    register = {a.url: a for a in Agency.objects.filter(locale=Locale.get_default())}
    return [
        ("agency", {"agency": register[item["url"]], "description": item.get("description", "")})
        for item in items or []
    ]


def agency_descriptions(items):
    """The English agency blocks: only the description is the page's own text."""
    return [("agency", {"description": item.get("description", "")}) for item in items or []]


def merge_stream(raw_blocks, en_values):
    """The English stream: the Swedish raw blocks (same ids, so segments pair up) with the
    English values."""
    merged = []
    for raw, en_value in zip(raw_blocks, en_values, strict=True):
        value = en_value[1] if isinstance(en_value, tuple | list) else en_value
        if isinstance(raw["value"], dict) and isinstance(value, dict):
            value = {**raw["value"], **value}
        merged.append({**raw, "value": value})
    return merged


# --- Translation through wagtail-localize -----------------------------------------------------


def translate(page, en_fields, converters=None):
    """Create the English translation of `page` from `en_fields` (field name → English value),
    recorded as string translations of the Swedish source. Where the English text links
    elsewhere (/en/e-tjanster/ for /e-tjanster/), that is recorded as an override of the source's
    link, as a translator sets it in the editor's list of links."""
    from wagtail_localize.models import (
        OverridableSegment,
        SegmentOverride,
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )
    from wagtail_localize.segments.extract import extract_segments
    from wagtail_localize.segments.types import OverridableSegmentValue, StringSegmentValue

    english = Locale.objects.get(language_code="en")
    if page.has_translation(english):
        return page.get_translation(english), False

    source, _ = TranslationSource.get_or_create_from_instance(page)
    model = page.specific_class
    target = model.objects.get(pk=page.pk)
    converters = converters or {}
    for name, value in en_fields.items():
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            raw = list(getattr(page, name).raw_data)
            value = converters.get(name, lambda v: v)(value)
            setattr(target, name, merge_stream(raw, value))
        else:
            setattr(target, name, value)

    english_by_path = defaultdict(list)
    # A link's path ends in its address, so links pair up by their place in the field or block.
    english_links = defaultdict(list)
    for segment in extract_segments(target):
        if isinstance(segment, StringSegmentValue):
            english_by_path[segment.path].append(segment.string.data)
        elif isinstance(segment, OverridableSegmentValue) and isinstance(segment.data, str):
            english_links[segment.path.rpartition(".")[0]].append(segment.data)

    seen = defaultdict(int)
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    for segment in segments:
        path = segment.context.path
        index = seen[path]
        seen[path] += 1
        candidates = english_by_path.get(path, [])
        if index >= len(candidates) or candidates[index] == segment.string.data:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            defaults={"data": candidates[index]},
        )
    seen.clear()
    links = OverridableSegment.objects.filter(source=source).select_related("context")
    for segment in links.order_by("order"):
        place = segment.context.path.rpartition(".")[0]
        index = seen[place]
        seen[place] += 1
        candidates = english_links.get(place, [])
        english_link = candidates[index] if index < len(candidates) else None
        if isinstance(segment.data, str) and english_link not in (None, segment.data):
            SegmentOverride.objects.update_or_create(
                locale=english,
                context=segment.context,
                defaults={"data_json": json.dumps(english_link)},
            )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=english, defaults={"enabled": True}
    )
    translation.save_target(publish=True)
    return page.get_translation(english), True


def translate_from(page, data, fields, converters=None):
    en = data.get("en")
    if not en:
        return None
    return translate(page, {k: v for k, v in en.items() if k in fields}, converters)


PICTURE_FIELDS = ["picture_alt", "picture_caption"]


def with_english_picture(data):
    """`data` with the English alternative text (and caption) of its picture in `en`."""
    if not data.get("picture") or not data.get("en"):
        return data
    english = demo_pictures.english_fields(data["picture"], data["en"])
    return {**data, "en": {**data["en"], **english}}


# --- The tree ----------------------------------------------------------------------------------


def ensure_home():
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    home = child(root, HOME_SLUG)
    if home is None:
        data = page_data.HOME
        home, _ = ensure_page(
            root,
            CitizenHomePage,
            HOME_SLUG,
            title=data["title"],
            intro=data["intro"],
            body=stream(data["body"]),
        )
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Dalslandsportalen",
        )
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Dalslandsportalen"
        site.save()
        # Wagtail's installation page ("Welcome to your new Wagtail site!") has no place here.
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    return home


DEPARTMENT_FIELDS = ("name", "kind", "description", "email", "phone", "visiting_address")


def ensure_department(municipality, item):
    return Department.objects.get_or_create(
        municipality=municipality,
        slug=item["slug"],
        defaults={name: item.get(name, "") for name in DEPARTMENT_FIELDS},
    )


def seed_departments():
    for slug, items in department_data.DEPARTMENTS.items():
        municipality = Municipality.objects.get(slug=slug)
        for item in items:
            ensure_department(municipality, item)
    for item in department_data.JOINT_DEPARTMENTS:
        body, created = ensure_department(None, item)
        if created:
            body.member_municipalities.set(Municipality.objects.filter(slug__in=item["members"]))


def form_parent(home, municipality_pages, parent_key):
    if parent_key is None:
        return home
    if isinstance(parent_key, str):
        return municipality_pages[parent_key]
    municipality_slug, department_slug = parent_key
    return child(municipality_pages[municipality_slug], department_slug)


def form_department(data):
    if not data.get("department"):
        return None
    municipality_slug, department_slug = data["department"]
    return Department.objects.get(municipality__slug=municipality_slug, slug=department_slug)


def ensure_form(parent, data):
    form = child(parent, data["slug"])
    if form is not None:
        return form
    form = FormPage(
        slug=data["slug"],
        title=data["title"],
        intro=data.get("intro", ""),
        body=data.get("body", ""),
        thank_you_text=data.get("thank_you_text", ""),
        department=form_department(data),
        to_address=data.get("to_address", ""),
        from_address="noreply@dalslandsportalen.se",
        subject=data.get("subject", data["title"]),
        send_confirmation=data.get("send_confirmation", False),
    )
    for order, field in enumerate(data["fields"]):
        form.form_fields.add(
            FormField(
                sort_order=order,
                label=field["label"],
                field_type=field["field_type"],
                required=field.get("required", False),
                help_text=field.get("help_text", ""),
                choices=field.get("choices", ""),
                default_value=field.get("default_value", ""),
            )
        )
    parent.add_child(instance=form)
    form.save_revision().publish()
    return form


FORM_TEXT_FIELDS = ("title", "intro", "body", "thank_you_text")
FORM_FIELD_TEXTS = ("label", "help_text", "choices")


def translate_form(form, data):
    """The English form page: its texts and its fields' labels, help texts and choices (the
    fields keep their names, so answers in both languages line up)."""
    if not data.get("en"):
        return None
    english_fields = []
    for field, field_data in zip(form.form_fields.all(), data["fields"], strict=True):
        en = field_data.get("en", {})
        english_fields.append(
            FormField(
                translation_key=field.translation_key,
                locale=field.locale,
                sort_order=field.sort_order,
                clean_name=field.clean_name,
                field_type=field.field_type,
                required=field.required,
                default_value=field.default_value,
                **{name: en.get(name, getattr(field, name)) for name in FORM_FIELD_TEXTS},
            )
        )
    en_fields = {k: v for k, v in data["en"].items() if k in FORM_TEXT_FIELDS}
    return translate(form, {**en_fields, "form_fields": english_fields})


def ensure_printable_forms():
    """The paper forms as PDF documents in the public collection "Blanketter", made by
    demo_content.printable_forms; an existing document (by title) is left alone."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    Document = get_document_model()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Blanketter").first()
    if collection is None:
        collection = root.add_child(name="Blanketter")
    documents = {}
    for key, data in printable_forms.FORMS.items():
        document = Document.objects.filter(collection=collection, title=data["title"]).first()
        if document is None:
            document = Document(title=data["title"], collection=collection)
            document.file.save(
                f"{data['slug']}.pdf", ContentFile(printable_forms.build_pdf(data)), save=False
            )
            # What Wagtail's upload view records: the link text shows the size.
            document._set_document_file_metadata()
            document.save()
        documents[key] = document
    return documents


SERVICE_TEXT_FIELDS = [
    "title",
    "intro",
    "keywords",
    "description",
    "eligibility",
    "how_to_apply",
    "processing_time",
    "fee",
    "legal_basis",
    "body",
    "contact_name",
    "related_agencies",
    "apply",
]


@seeder(20)
def seed_citizen_portal(stdout, style):
    seed_departments()
    home = ensure_home()
    today = timezone.localdate()

    municipality_pages = {}
    for municipality in Municipality.objects.all():
        content = page_data.MUNICIPALITY_PAGES[municipality.slug]
        page, _ = ensure_page(
            home,
            MunicipalityPage,
            municipality.slug,
            title=municipality.name,
            municipality=municipality,
            intro=content["intro"],
            body=stream(content["body"]),
            **demo_pictures.page_fields(
                content.get("picture"), ensure_collection(municipality.short_name)
            ),
        )
        municipality_pages[municipality.slug] = page

    department_pages = {}
    for slug, items in department_data.DEPARTMENTS.items():
        for item in items:
            department = Department.objects.get(municipality__slug=slug, slug=item["slug"])
            page, _ = ensure_page(
                municipality_pages[slug],
                DepartmentPage,
                item["slug"],
                title=item["name"],
                department=department,
                intro=item.get("intro", ""),
                body=stream(item.get("body")),
            )
            department_pages[(slug, item["slug"])] = page

    forms = {}
    for key, data in page_data.FORMS.items():
        forms[key] = ensure_form(form_parent(home, municipality_pages, data["parent"]), data)

    documents = ensure_printable_forms()

    def apply_blocks(items):
        blocks = []
        for item in items or []:
            if item["type"] == "form":
                blocks.append(
                    ("form", {"page": forms[item["form"]], "title": item.get("title", "")})
                )
            elif item["type"] == "document":
                blocks.append(
                    (
                        "document",
                        {"document": documents[item["document"]], "title": item["title"]},
                    )
                )
        return blocks

    def with_forms_and_documents(data):
        """The service's own "apply" items, then its web form and paper form from
        pages.SERVICE_FORMS and printable_forms.SERVICE_DOCUMENTS (both languages)."""
        extra = [
            ({"type": "form", "form": key, "title": sv}, en)
            for key, sv, en in page_data.SERVICE_FORMS.get((data["municipality"], data["slug"]), [])
        ] + [
            ({"type": "document", "document": key, "title": sv}, en)
            for key, sv, en in printable_forms.SERVICE_DOCUMENTS.get(data["slug"], [])
        ]
        if not extra:
            return data
        data = {**data, "apply": [*data.get("apply", []), *(item for item, _en in extra)]}
        if data.get("en"):
            en_apply = data["en"].get("apply") or [
                {**item, "title": item.get("title", "")} for item in data["apply"][: -len(extra)]
            ]
            data["en"] = {
                **data["en"],
                "apply": [*en_apply, *({**item, "title": en} for item, en in extra)],
            }
        return data

    services = []
    for number, data in enumerate(map(with_forms_and_documents, service_data.SERVICES)):
        parent = department_pages[(data["municipality"], data["department"])]
        page, _ = ensure_page(
            parent,
            ServicePage,
            data["slug"],
            # Review dates spread over the coming year, so the report has something to show
            # soon and nothing is past its date (which would unpublish it).
            review_by=today + datetime.timedelta(days=20 + (number * 37) % 360),
            title=data["title"],
            topic=data["topic"],
            intro=data["intro"],
            keywords=data.get("keywords", ""),
            description=data["description"],
            eligibility=data.get("eligibility", ""),
            how_to_apply=data.get("how_to_apply", ""),
            apply=apply_blocks(data.get("apply")),
            processing_time=data.get("processing_time", ""),
            fee=data.get("fee", ""),
            legal_basis=data.get("legal_basis", ""),
            body=stream(data.get("body")),
            contact_name=data.get("contact_name", ""),
            contact_phone=data.get("contact_phone", ""),
            contact_email=data.get("contact_email", ""),
            related_agencies=agencies(data.get("related_agencies")),
        )
        services.append((page, data))

    topics = []
    for data in page_data.TOPICS:
        page, _ = ensure_page(
            home,
            TopicPage,
            data["slug"],
            title=data["title"],
            topic=Topic(data["topic"]),
            intro=data["intro"],
            **demo_pictures.page_fields(data.get("picture"), ensure_collection("Dalsland")),
        )
        topics.append((page, data))

    news_index, _ = ensure_page(home, NewsIndexPage, "nyheter", **page_data.NEWS_INDEX)
    municipality_news = {}
    for slug, page in municipality_pages.items():
        index = page_data.MUNICIPALITY_NEWS_INDEX
        municipality_news[slug], _ = ensure_page(
            page,
            NewsIndexPage,
            "nyheter",
            title=index["title"],
            intro=index["intro"].format(municipality=page.municipality.name),
        )
    for data in page_data.NEWS:
        index = municipality_news[data["municipality"]] if data["municipality"] else news_index
        date = today - datetime.timedelta(days=data["days_ago"])
        collection = ensure_collection(
            index.municipality.short_name if index.municipality_id else "Dalsland"
        )
        body = stream(data["body"])
        if data.get("body_picture"):
            body.append(demo_pictures.body_block(data["body_picture"], collection))
        ensure_page(
            index,
            NewsPage,
            data["slug"],
            title=data["title"],
            date=date,
            intro=data["intro"],
            body=body,
            **demo_pictures.page_fields(data.get("picture"), collection),
            first_published_at=timezone.make_aware(
                datetime.datetime.combine(date, datetime.time(9, 0))
            ),
        )

    contact_pages = {}
    for key, data in page_data.CONTACT_PAGES.items():
        parent = municipality_pages[key] if key else home
        contact_pages[key], _ = ensure_page(
            parent,
            ContactPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            body=stream(data.get("body")),
        )

    statement_data = page_data.ACCESSIBILITY_STATEMENT
    statement, _ = ensure_page(
        home,
        AccessibilityStatementPage,
        statement_data["slug"],
        title=statement_data["title"],
        intro=statement_data["intro"],
        organisation_name=statement_data["organisation_name"],
        service_name=statement_data["service_name"],
        services_covered=statement_data.get("services_covered", ""),
        compliance=statement_data["compliance"],
        inaccessible_content=[("item", item) for item in statement_data["inaccessible_content"]],
        disproportionate_burden=statement_data.get("disproportionate_burden", ""),
        outside_scope=statement_data.get("outside_scope", ""),
        evaluation_method=statement_data["evaluation_method"],
        assessed_on=today - datetime.timedelta(days=statement_data["assessed_on_days_ago"]),
        updated_on=today - datetime.timedelta(days=statement_data["updated_on_days_ago"]),
        feedback_page=forms.get(statement_data.get("feedback_form")),
        feedback_text=statement_data["feedback_text"],
    )

    information_pages = []
    for data in page_data.INFORMATION_PAGES:
        parent = municipality_pages[data["parent"]] if data.get("parent") else home
        page, _ = ensure_page(
            parent,
            InformationPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            body=stream(data["body"]),
        )
        information_pages.append((page, data))

    site = Site.objects.get(root_page=home)
    portal_settings = PortalSettings.for_site(site)
    if portal_settings.accessibility_statement_id is None:
        portal_settings.accessibility_statement = statement
        portal_settings.contact_page = contact_pages.get(None)
        portal_settings.contact_email = page_data.PORTAL_SETTINGS["contact_email"]
        portal_settings.contact_phone = page_data.PORTAL_SETTINGS["contact_phone"]
        portal_settings.save()

    # English: the home page, the municipality pages, topics and the pages that have English text.
    translated = 0
    translated += (
        translate_from(home, page_data.HOME, ["title", "intro", "body"], {"body": stream})
        is not None
    )
    for slug, page in municipality_pages.items():
        content = page_data.MUNICIPALITY_PAGES[slug]
        content = with_english_picture(content)
        translated += (
            translate_from(page, content, ["intro", "body", *PICTURE_FIELDS], {"body": stream})
            is not None
        )
    for page, data in topics:
        data = with_english_picture(data)
        translated += translate_from(page, data, ["title", "intro", *PICTURE_FIELDS]) is not None
    for key, data in page_data.CONTACT_PAGES.items():
        translated += (
            translate_from(contact_pages[key], data, ["title", "intro", "body"], {"body": stream})
            is not None
        )
    translated += (
        translate_from(
            statement,
            statement_data,
            [
                "title",
                "intro",
                "organisation_name",
                "service_name",
                "services_covered",
                "inaccessible_content",
                "disproportionate_burden",
                "outside_scope",
                "evaluation_method",
                "feedback_text",
            ],
            {"inaccessible_content": lambda items: [("item", i) for i in items]},
        )
        is not None
    )
    for page, data in information_pages:
        translated += (
            translate_from(page, data, ["title", "intro", "body"], {"body": stream}) is not None
        )
    for key, data in page_data.FORMS.items():
        translated += translate_form(forms[key], data) is not None
    english_departments = department_data.DEPARTMENTS_EN
    for (slug, department_slug), page in department_pages.items():
        en = english_departments.get(slug, {}).get(department_slug)
        if en:
            translated += (
                translate_from(page, {"en": en}, ["title", "intro", "body"], {"body": stream})
                is not None
            )
    for page, data in services:
        translated += (
            translate_from(
                page,
                data,
                SERVICE_TEXT_FIELDS,
                {
                    "body": stream,
                    "related_agencies": agency_descriptions,
                    "apply": lambda items: [
                        (i["type"], {"title": i.get("title", "")}) for i in items
                    ],
                },
            )
            is not None
        )
    return f"{translated} översättningar"
