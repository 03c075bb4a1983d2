"""Pictures on pages: no picture without alternative text unless it is marked decorative, served
as AVIF and WebP with a JPEG fallback and with its size so nothing moves, lazily below the fold,
in the collections of the editors who may use them, and a list of news with pictures costs the
same queries however many it shows."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.models import Filter
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from citizen_portal.models import MunicipalityPage, NewsIndexPage, NewsPage
from citizen_portal.tests.factories import NewsPageFactory
from portal.identity import editor_groups
from portal.identity.editor_groups import ensure_collection
from portal.pictures.blocks import PictureBlock
from portal.pictures.models import Licence, Picture
from portal.pictures.renditions import SPECS, filter_specs, make_renditions

pytestmark = pytest.mark.django_db


def make_picture(collection_label="Åmål", title="Badplatsen vid Örnäs", size=(1600, 900)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 110, 160)).save(buffer, "JPEG")
    return Picture.objects.create(
        title=title,
        collection=ensure_collection(collection_label),
        photographer="Anna Berg",
        licence=Licence.CC_BY,
        file=ImageFile(io.BytesIO(buffer.getvalue()), "badplats.jpg"),
    )


@pytest.fixture
def amal_news_index():
    return NewsIndexPage.objects.get(
        municipality__slug="amal", locale__language_code="sv", depth__gt=3
    )


def test_a_page_picture_without_alt_text_is_refused_unless_decorative(amal_news_index):
    picture = make_picture()
    page = NewsPage(title="Badplatsen öppnar", date="2026-06-01", picture=picture, body=[])
    for alt in ("", "   "):
        page.picture_alt = alt
        with pytest.raises(ValidationError) as refused:
            page.clean()
        assert "alternativtext" in refused.value.message_dict["picture_alt"][0]

    page.picture_decorative = True
    page.clean()
    assert page.picture_alt_text == ""

    page.picture_decorative = False
    page.picture_alt = "  Barn badar vid bryggan.  "
    page.clean()
    assert page.picture_alt == "Barn badar vid bryggan."


def test_a_picture_block_without_alt_text_is_refused_unless_decorative():
    picture = make_picture()
    block = PictureBlock()
    value = block.to_python({"image": picture.pk, "alt_text": "", "caption": "Bryggan i juni"})
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert "alt_text" in refused.value.block_errors

    decorative = block.to_python({"image": picture.pk, "decorative": True})
    assert block.clean(decorative)["decorative"] is True
    assert decorative.alt == ""
    described = block.clean(block.to_python({"image": picture.pk, "alt_text": " Bryggan. "}))
    assert described.alt == "Bryggan."


def test_a_news_page_serves_avif_and_webp_with_a_jpeg_fallback_and_its_size(
    client, amal_news_index
):
    picture = make_picture()
    page = NewsPageFactory(
        parent=amal_news_index,
        picture=picture,
        picture_alt="Barn badar vid bryggan vid Örnäs.",
        picture_caption="Badplatsen vid Örnäs",
        body=[
            ("paragraph", "<p>Badplatsen öppnar den 1 juni.</p>"),
            ("picture", {"image": picture, "alt_text": "Den nya bryggan.", "caption": ""}),
        ],
    )
    html = client.get(page.url).content.decode()

    lead, body = re.findall(r"<picture>.*?</picture>", html, re.S)
    for element in (lead, body):
        assert '<source type="image/avif"' in element or 'type="image/avif"' in element
        assert 'type="image/webp"' in element
        img = re.search(r"<img[^>]*>", element).group(0)
        assert re.search(r'src="[^"]+\.jpg"', img), img
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img), img
    # At the top: 16:9, fetched at once; in the body: the whole picture, fetched when near.
    assert 'alt="Barn badar vid bryggan vid Örnäs."' in lead
    assert 'fetchpriority="high"' in lead and "loading=" not in lead
    assert 'width="480"' in lead and 'height="270"' in lead
    assert 'alt="Den nya bryggan."' in body and 'loading="lazy"' in body
    # The caption and the credit line from the library.
    assert "Badplatsen vid Örnäs" in html
    assert "Bild: Anna Berg, CC BY 4.0" in html


def test_a_decorative_picture_has_an_empty_alt(client, amal_news_index):
    page = NewsPageFactory(parent=amal_news_index, picture=make_picture(), picture_decorative=True)
    html = client.get(page.url).content.decode()
    lead = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'alt=""' in lead


def test_the_templates_ask_for_the_renditions_the_worker_makes():
    """The task makes SPECS ahead of time; a template asking for anything else would make its
    own on the first request."""
    made = set(filter_specs())
    for name in ("pictures/lead.html", "pictures/card.html", "pictures/blocks/picture.html"):
        source = get_template(name).template.source
        tag = re.search(r"{% picture \S+ (format-\S+) ((?:fill|width)-\S+)", source)
        assert tag, name
        asked = set(Filter.expand_spec(f"{tag.group(1)} {tag.group(2)}"))
        assert asked <= made, (name, asked - made)
    assert set(SPECS) == {"lead", "card", "body"}


def test_the_worker_makes_every_rendition_once():
    picture = make_picture()
    assert make_renditions(picture) == len(filter_specs())
    formats = {r.file.name.rsplit(".", 1)[1] for r in picture.renditions.all()}
    assert formats == {"avif", "webp", "jpg"}
    with CaptureQueriesContext(connection) as again:
        make_renditions(picture)
    assert not [q for q in again.captured_queries if q["sql"].startswith("INSERT")]


def test_news_lists_cost_the_same_queries_however_many_pictures(client, amal_news_index):
    picture = make_picture()
    make_renditions(picture)

    def add(count):
        for _ in range(count):
            NewsPageFactory(parent=amal_news_index, picture=picture, picture_alt="Bryggan.")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(amal_news_index.url)
        assert response.status_code == 200
        return len(captured.captured_queries)

    add(2)
    client.get(amal_news_index.url)  # the chrome and lookups, remembered
    few = queries()
    add(5)
    many = queries()
    assert many == few


def test_editors_add_pictures_only_to_their_own_municipality_and_choose_shared_ones():
    permission_policy = policy_registry.get_by_type(Picture)
    groups = editor_groups.setup_editor_groups()
    user = get_user_model().objects.create_user("redaktor-amal-bilder", password="x")
    user.groups.add(groups["amal"][editor_groups.NEWS_EDITORS])

    may_add = {c.name for c in permission_policy.collections_user_has_permission_for(user, "add")}
    assert "Åmål" in may_add
    assert not may_add & {"Mellerud", "Dalsland", "Bengtsfors"}

    amal, mellerud, shared = (
        make_picture("Åmål", "Åmål"),
        make_picture("Mellerud", "Mellerud"),
        make_picture("Dalsland", "Dalsland"),
    )
    choosable = set(permission_policy.instances_user_has_permission_for(user, "choose"))
    assert {amal, shared} <= choosable
    assert mellerud not in choosable
    assert permission_policy.user_has_permission_for_instance(user, "change", amal)
    assert not permission_policy.user_has_permission_for_instance(user, "change", mellerud)


def test_the_demo_pages_have_pictures_with_alt_text_in_their_language():
    pictured = NewsPage.objects.filter(picture__isnull=False, locale__language_code="sv")
    assert pictured.count() >= 5
    for page in pictured:
        assert page.picture_alt and not page.picture_decorative
        assert page.picture.credit
    mellerud = MunicipalityPage.objects.get(
        municipality__slug="mellerud", locale__language_code="sv"
    )
    english = mellerud.get_translation(Locale.objects.get(language_code="en"))
    assert mellerud.picture_id and english.picture_id == mellerud.picture_id
    assert english.picture_alt != mellerud.picture_alt
    assert english.picture_alt.startswith("Illustration:")
    # Each municipality's pictures in its own collection, for its own editors.
    assert mellerud.picture.collection.name == "Mellerud"
