"""The demo pictures: valid JPEGs of the asked size, the same bytes for the same arguments.

The seeder relies on determinism (seeding again must not change the pictures) and on variants
differing (news items sharing a scene must not look identical).
"""

import io

import pytest
from PIL import Image

from portal.pictures import demo_art

SMALL = (320, 180)


@pytest.mark.parametrize("scene", sorted(demo_art.SCENES))
def test_every_scene_draws_a_jpeg_of_the_asked_size(scene):
    image = Image.open(io.BytesIO(demo_art.draw(scene, size=SMALL)))

    assert image.format == "JPEG"
    assert image.size == SMALL
    assert image.mode == "RGB"
    assert not image.getexif()


def test_the_default_size_is_1600_by_900():
    image = Image.open(io.BytesIO(demo_art.draw("lake")))

    assert image.size == (1600, 900)


def test_a_picture_is_not_blank():
    image = Image.open(io.BytesIO(demo_art.draw("town", size=SMALL)))

    assert len(image.getcolors(maxcolors=100_000) or range(100_001)) > 50


@pytest.mark.parametrize("scene", sorted(demo_art.SCENES))
def test_the_same_arguments_give_the_same_bytes(scene):
    first = demo_art.draw(scene, variant=3, size=SMALL)

    assert demo_art.draw(scene, variant=3, size=SMALL) == first


@pytest.mark.parametrize("scene", sorted(demo_art.SCENES))
def test_variants_differ(scene):
    pictures = {demo_art.draw(scene, variant=variant, size=SMALL) for variant in range(3)}

    assert len(pictures) == 3


def test_every_scene_has_a_swedish_title_and_alt_text():
    assert set(demo_art.SCENES) == {
        "lake",
        "winter",
        "preschool",
        "library",
        "road",
        "town",
        "meeting",
        "canal",
    }
    for key, scene in demo_art.SCENES.items():
        assert scene.key == key
        assert scene.title.strip()
        assert scene.alt_text.startswith("Illustration: ")
        assert len(scene.alt_text) > len("Illustration: ") + 20


def test_an_unknown_scene_is_refused():
    with pytest.raises((KeyError, ValueError)):
        demo_art.draw("volcano")


@pytest.mark.parametrize("size", [(0, 900), (1600, -1), (1600.0, 900)])
def test_a_nonsense_size_is_refused(size):
    with pytest.raises(ValueError):
        demo_art.draw("lake", size=size)
