"""The demo's pictures, for `manage.py seed_demo`: scenes drawn by demo_art.py (nothing is
downloaded), put in the image library as an editor would upload them, in the collection of the
municipality whose page shows them, credited and licensed.

A demo record asks for one with `picture = { scene = "lake", variant = 1, caption = "…" }`
(demo/citizen/*.toml, demo/employee/news.toml). The alternative text is the scene's; English
pages get the English one below.
"""

import io

from django.core.files.images import ImageFile

from .demo_art import SCENES, draw
from .models import Licence, Picture

CREDIT = "Dalslandsportalen"

# The scenes' alternative texts in English, for the English pages.
ENGLISH = {
    "lake": (
        "Illustration: a lake with forested hills in the evening sun, spruces along the ridges "
        "and a red cottage on the shore reflected in the water."
    ),
    "winter": (
        "Illustration: a snow-covered landscape with snowy spruces, white hills, a pale winter "
        "sun and a red cottage with snow on its roof."
    ),
    "preschool": (
        "Illustration: a low preschool building with windows and a door, a playground with a "
        "swing and a sandpit, trees and a lawn under a blue sky."
    ),
    "library": (
        "Illustration: a library with shelves full of books of different colours and sizes, a "
        "reading table with chairs and a lamp."
    ),
    "road": (
        "Illustration: a road with road markings through spruce forest towards the hills, with "
        "a roadworks warning sign and orange traffic cones."
    ),
    "town": (
        "Illustration: a small-town street with wooden houses in different colours, leafy "
        "trees and a white church tower in the background."
    ),
    "meeting": (
        "Illustration: a meeting where several people sit at a long table with papers and "
        "coffee cups, in front of a screen showing a chart."
    ),
    "canal": (
        "Illustration: the Dalsland Canal with a lock with wooden gates and stone walls, a "
        "small boat on the water and forested hills in the background."
    ),
}


def ensure_picture(scene: str, variant: int, collection) -> Picture:
    """The picture of this scene and variant in `collection`, drawn and added if missing."""
    art = SCENES[scene]
    title = art.title if not variant else f"{art.title} ({variant + 1})"
    picture = Picture.objects.filter(collection=collection, title=title).first()
    if picture is None:
        picture = Picture.objects.create(
            title=title,
            description=art.alt_text,
            photographer=CREDIT,
            licence=Licence.CC0,
            collection=collection,
            file=ImageFile(io.BytesIO(draw(scene, variant=variant)), f"{scene}-{variant + 1}.jpg"),
        )
    return picture


def page_fields(spec: dict | None, collection) -> dict:
    """The PagePicture fields of a page whose record has `picture = {…}`; none without one."""
    if not spec:
        return {}
    return {
        "picture": ensure_picture(spec["scene"], spec.get("variant", 0), collection),
        "picture_alt": SCENES[spec["scene"]].alt_text,
        "picture_caption": spec.get("caption", ""),
    }


def english_fields(spec: dict | None, en: dict) -> dict:
    """The English values of the page's picture fields for its translation (`en` may give
    the caption; the alternative text is the scene's)."""
    if not spec:
        return {}
    return {"picture_alt": ENGLISH[spec["scene"]], "picture_caption": en.get("picture_caption", "")}


def body_block(spec: dict, collection) -> tuple[str, dict]:
    """A picture block (pictures.blocks.PictureBlock) for the end of a page's body."""
    return (
        "picture",
        {
            "image": ensure_picture(spec["scene"], spec.get("variant", 0), collection),
            "alt_text": SCENES[spec["scene"]].alt_text,
            "decorative": False,
            "caption": spec.get("caption", ""),
        },
    )
