"""Flat-style illustrations for the demo content, drawn with Pillow.

The demo seeder gives demo news items and pages a picture from here, so that a fresh demo looks
like a real municipal site without downloading anything or shipping photographs whose licence
we would have to track. Every picture is drawn from simple shapes (gradients, polygons,
ellipses) in the style of the vector illustrations municipal websites use.

Drawing is deterministic: a scene and a variant always give the same bytes, so the seeder can be
run again without the pictures changing, and a variant (`random.Random(f"{scene}-{variant}")`)
only moves things and shifts colours, so several news items can share a scene and each scene's
Swedish alt text stays true for every variant.

Everything is drawn in a 1600x900 design space on a canvas twice the asked size and scaled down
with LANCZOS, which gives the edges anti-aliasing that ImageDraw does not have itself.
"""

import io
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

try:
    from PIL import ImageCms
except ImportError:  # Pillow built without LittleCMS: the JPEG is then untagged, still sRGB.
    ImageCms = None

DESIGN_W = 1600
DESIGN_H = 900
SUPERSAMPLE = 2
JPEG_QUALITY = 85
MAX_SIDE = 6000

Colour = tuple[int, int, int] | tuple[int, int, int, int]
Point = tuple[float, float]

FALU_RED = (150, 42, 36)
WHITE = (250, 248, 242)
SNOW = (244, 248, 252)
BARK = (96, 66, 44)


@dataclass(frozen=True)
class Scene:
    key: str
    title: str
    alt_text: str


SCENES: dict[str, Scene] = {
    scene.key: scene
    for scene in (
        Scene(
            "lake",
            "Sjö i Dalsland en sommarkväll",
            "Illustration: en sjö med skogsklädda berg i kvällssol, granar längs åsarna och en "
            "röd stuga vid stranden som speglar sig i vattnet.",
        ),
        Scene(
            "winter",
            "Vinterdag i Dalsland",
            "Illustration: ett snötäckt landskap med snöiga granar, vita berg, en blek vintersol "
            "och en röd stuga med snö på taket.",
        ),
        Scene(
            "preschool",
            "Förskola med lekplats",
            "Illustration: en låg förskolebyggnad med fönster och dörr, en lekplats med gunga "
            "och sandlåda, träd och gräsmatta under en blå himmel.",
        ),
        Scene(
            "library",
            "Biblioteket",
            "Illustration: ett bibliotek med bokhyllor fulla av böcker i olika färger och "
            "storlekar, ett läsbord med stolar och en lampa.",
        ),
        Scene(
            "road",
            "Vägarbete på väg genom skogen",
            "Illustration: en väg med vägmarkeringar genom granskog mot bergen, med en "
            "varningsskylt för vägarbete och orange trafikkoner.",
        ),
        Scene(
            "town",
            "Småstadsgata i Dalsland",
            "Illustration: en småstadsgata med trähus i olika färger, lövträd och ett vitt "
            "kyrktorn i bakgrunden.",
        ),
        Scene(
            "meeting",
            "Personalmöte",
            "Illustration: ett möte där flera personer sitter vid ett långt bord med papper och "
            "kaffekoppar, framför en skärm med ett diagram.",
        ),
        Scene(
            "canal",
            "Slussen i Dalslands kanal",
            "Illustration: Dalslands kanal med en sluss med portar av trä och kanter av sten, en "
            "liten båt på vattnet och skogsklädda berg i bakgrunden.",
        ),
    )
}


# --- Drawing surface -------------------------------------------------------------------------


class Canvas:
    """A supersampled image addressed in the 1600x900 design space.

    The scenes are written once in fixed coordinates; the canvas maps them onto any asked size,
    so a square or tall picture is the same scene stretched rather than a different layout.
    """

    def __init__(self, size: tuple[int, int], background: Colour = WHITE):
        width, height = size
        self.image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), background[:3])
        # RGBA drawing on an RGB image blends translucent fills (glows, shadows, reflections).
        self.pen = ImageDraw.Draw(self.image, "RGBA")
        self.sx = self.image.width / DESIGN_W
        self.sy = self.image.height / DESIGN_H
        self.su = min(self.sx, self.sy)

    def xy(self, points: Sequence[Point]) -> list[tuple[float, float]]:
        return [(x * self.sx, y * self.sy) for x, y in points]

    def box(self, x0: float, y0: float, x1: float, y1: float) -> list[float]:
        return [x0 * self.sx, y0 * self.sy, x1 * self.sx, y1 * self.sy]

    def polygon(self, points: Sequence[Point], fill: Colour) -> None:
        self.pen.polygon(self.xy(points), fill=fill)

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Colour, radius=0) -> None:
        if radius:
            self.pen.rounded_rectangle(self.box(x0, y0, x1, y1), radius * self.su, fill=fill)
        else:
            self.pen.rectangle(self.box(x0, y0, x1, y1), fill=fill)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: Colour) -> None:
        self.pen.ellipse(self.box(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill)

    def circle(self, cx: float, cy: float, r: float, fill: Colour) -> None:
        """A round circle whatever the aspect ratio: the radius uses the smaller scale."""
        x, y = cx * self.sx, cy * self.sy
        rr = r * self.su
        self.pen.ellipse([x - rr, y - rr, x + rr, y + rr], fill=fill)

    def line(self, points: Sequence[Point], fill: Colour, width: float) -> None:
        self.pen.line(
            self.xy(points), fill=fill, width=max(1, round(width * self.su)), joint="curve"
        )

    def gradient(self, y0: float, y1: float, top: Colour, bottom: Colour) -> None:
        """A vertical gradient over the full width, one image row at a time."""
        r0, r1 = round(y0 * self.sy), round(y1 * self.sy)
        span = max(1, r1 - r0 - 1)
        for row in range(r0, r1):
            self.pen.line(
                [(0, row), (self.image.width, row)], fill=mix(top, bottom, (row - r0) / span)
            )

    def finish(self) -> Image.Image:
        return self.image.resize(
            (self.image.width // SUPERSAMPLE, self.image.height // SUPERSAMPLE),
            Image.Resampling.LANCZOS,
        )


def mix(a: Colour, b: Colour, t: float) -> tuple[int, int, int]:
    """The colour a fraction t of the way from a to b: gradients, shading, haze."""
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def alpha(colour: Colour, a: int) -> tuple[int, int, int, int]:
    """The colour made translucent, for glows and light strokes blended over what is drawn."""
    return (*colour[:3], a)


def jitter(rng: random.Random, colour: Colour, amount: int = 12) -> tuple[int, int, int]:
    """A colour nudged a little, so variants differ without leaving the palette's mood."""
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour[:3])


# --- Landscape pieces ------------------------------------------------------------------------


def ridge(rng: random.Random, base: float, amplitude: float, step: float = 16) -> list[Point]:
    """A hill line as a sum of slow sines with random phases: rounded, like Dalsland's hills."""
    waves = [(rng.uniform(0.6, 1.4) * f, rng.uniform(0, math.tau), w) for f, w in WAVES]
    points = []
    x = -40.0
    while x <= DESIGN_W + 40:
        y = sum(w * math.sin(x / DESIGN_W * math.tau * f + p) for f, p, w in waves)
        points.append((x, base - amplitude * (0.5 + 0.5 * y)))
        x += step
    return points


WAVES = ((0.7, 0.55), (1.6, 0.3), (3.3, 0.15))


def ridge_y(points: Sequence[Point], x: float) -> float:
    """The ridge's height at x, interpolated, to stand trees on it."""
    for (xa, ya), (xb, yb) in zip(points, points[1:], strict=False):
        if xa <= x <= xb:
            return ya + (yb - ya) * (x - xa) / (xb - xa)
    return points[-1][1]


def spruce(
    c: Canvas, x: float, base: float, height: float, colour: Colour, snow=False, trunk=True
) -> None:
    """A spruce as three stacked triangles: the silhouette that says 'Swedish forest'.

    Trees on a ridge have no trunk: it would show as a dotted line along the hill.
    """
    width = height * 0.42
    if trunk:
        c.rect(
            x - height * 0.03, base - height * 0.12, x + height * 0.03, base, mix(colour, BARK, 0.5)
        )
    for tier in range(3):
        top = base - height + tier * height * 0.26
        bottom = base - height * 0.1 - (2 - tier) * height * 0.2
        half = width * (0.55 + tier * 0.22)
        c.polygon([(x, top), (x + half, bottom), (x - half, bottom)], colour)
        if snow:
            cap = (bottom - top) * 0.38
            c.polygon(
                [
                    (x, top),
                    (x + half * 0.4, top + cap),
                    (x, top + cap * 0.75),
                    (x - half * 0.4, top + cap),
                ],
                SNOW,
            )
            c.polygon(
                [
                    (x - half, bottom),
                    (x + half, bottom),
                    (x + half * 0.7, bottom - height * 0.035),
                    (x - half * 0.7, bottom - height * 0.035),
                ],
                SNOW,
            )


def forested_hill(
    c: Canvas,
    rng: random.Random,
    base: float,
    amplitude: float,
    colour: Colour,
    tree_height: float,
    bottom: float = DESIGN_H,
    snow: bool = False,
    tree_colour: Colour | None = None,
) -> list[Point]:
    """A hill layer with spruces standing along its ridge; returns the ridge for later use."""
    points = ridge(rng, base, amplitude)
    c.polygon([*points, (DESIGN_W + 40, bottom), (-40, bottom)], colour)
    x = -20.0
    while x < DESIGN_W + 20:
        h = tree_height * rng.uniform(0.7, 1.25)
        spruce(c, x, ridge_y(points, x) + h * 0.18, h, tree_colour or colour, snow, trunk=False)
        x += tree_height * rng.uniform(0.28, 0.55)
    return points


def sun(c: Canvas, x: float, y: float, r: float, colour: Colour, glow: Colour) -> None:
    """A disc with soft rings of glow around it."""
    for i in range(5, 0, -1):
        c.circle(x, y, r * (1 + i * 0.35), alpha(glow, 18))
    c.circle(x, y, r, colour)


def cloud(c: Canvas, x: float, y: float, w: float, colour: Colour = (255, 255, 255, 225)) -> None:
    """A flat cloud: a rounded base with two or three puffs on top."""
    c.rect(x - w / 2, y - w * 0.12, x + w / 2, y + w * 0.12, colour, radius=w * 0.12)
    c.circle(x - w * 0.18, y - w * 0.1, w * 0.2, colour)
    c.circle(x + w * 0.12, y - w * 0.14, w * 0.26, colour)


def leafy_tree(c: Canvas, x: float, base: float, h: float, leaves: Colour) -> None:
    """A deciduous tree: a trunk and a crown of overlapping circles, lighter on top."""
    c.rect(x - h * 0.05, base - h * 0.55, x + h * 0.05, base, BARK)
    c.circle(x, base - h * 0.7, h * 0.3, leaves)
    c.circle(x - h * 0.2, base - h * 0.58, h * 0.22, leaves)
    c.circle(x + h * 0.2, base - h * 0.6, h * 0.22, leaves)
    c.circle(x - h * 0.06, base - h * 0.82, h * 0.18, mix(leaves, (255, 255, 200), 0.15))


def cottage(c: Canvas, x: float, base: float, w: float, roof: Colour, snow=False) -> None:
    """A falu red cottage with white corner boards, window frames and a dark gable roof."""
    h = w * 0.55
    left, right, top = x - w / 2, x + w / 2, base - h
    c.rect(left, top, right, base, FALU_RED)
    corner = w * 0.04
    c.rect(left, top, left + corner, base, WHITE)
    c.rect(right - corner, top, right, base, WHITE)
    eave = w * 0.08
    peak = top - h * 0.65
    c.polygon([(left - eave, top + 2), (x, peak), (right + eave, top + 2)], roof)
    if snow:
        c.polygon(
            [
                (left - eave, top + 2),
                (x, peak - w * 0.02),
                (right + eave, top + 2),
                (right + eave - w * 0.06, top - h * 0.12),
                (x, peak + h * 0.12),
                (left - eave + w * 0.06, top - h * 0.12),
            ],
            SNOW,
        )
    c.rect(x + w * 0.18, peak + h * 0.12, x + w * 0.27, top - h * 0.05, mix(roof, FALU_RED, 0.4))
    for wx in (left + w * 0.16, x + w * 0.14):
        window(c, wx, top + h * 0.25, w * 0.18, h * 0.34)
    c.rect(x - w * 0.13, top + h * 0.35, x - w * 0.01, base, (70, 46, 36))


def window(c: Canvas, x0: float, y0: float, w: float, h: float, glass=(120, 160, 190)) -> None:
    """A window with a white frame and a cross of glazing bars, as on Swedish wooden houses."""
    frame = max(w, h) * 0.1
    c.rect(x0 - frame, y0 - frame, x0 + w + frame, y0 + h + frame, WHITE)
    c.rect(x0, y0, x0 + w, y0 + h, glass)
    c.rect(x0 + w / 2 - frame / 3, y0, x0 + w / 2 + frame / 3, y0 + h, WHITE)
    c.rect(x0, y0 + h / 2 - frame / 3, x0 + w, y0 + h / 2 + frame / 3, WHITE)


def reflect(c: Canvas, waterline: float, depth: float, water: Colour, strength=0.45) -> None:
    """Mirror what stands above the waterline into the water, blurred and tinted by it.

    Copying the drawn pixels keeps hills, sun and cottage in the reflection without drawing
    them twice.
    """
    top = round((waterline - depth) * c.sy)
    line = round(waterline * c.sy)
    bottom = min(c.image.height, line + (line - top))
    above = c.image.crop((0, line - (bottom - line), c.image.width, line))
    mirrored = above.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    mirrored = mirrored.filter(ImageFilter.BoxBlur(3 * SUPERSAMPLE))
    tint = Image.new("RGB", mirrored.size, water[:3])
    c.image.paste(Image.blend(tint, mirrored, strength), (0, line))


def ripples(c: Canvas, rng: random.Random, y0: float, y1: float, colour: Colour, count=28) -> None:
    """Short light strokes on the water, thicker and longer nearer the viewer."""
    for _ in range(count):
        y = rng.uniform(y0 + 6, y1)
        near = (y - y0) / (y1 - y0)
        x = rng.uniform(0, DESIGN_W)
        length = 20 + near * rng.uniform(40, 120)
        c.rect(x, y, x + length, y + 1.5 + near * 3, colour, radius=2)


# --- Scenes ----------------------------------------------------------------------------------

EVENING_SKIES = (
    ((84, 98, 160), (246, 176, 120)),
    ((110, 86, 150), (250, 168, 130)),
    ((70, 110, 170), (248, 200, 140)),
    ((96, 80, 136), (240, 150, 120)),
)


def draw_lake(c: Canvas, rng: random.Random) -> None:
    """Evening light over a lake; the time of day is fixed so the alt text's 'kvällssol' holds."""
    top, horizon = rng.choice(EVENING_SKIES)
    waterline = 590
    c.gradient(0, waterline, jitter(rng, top), jitter(rng, horizon))
    sun(c, rng.uniform(300, 1300), rng.uniform(300, 380), 52, (255, 230, 170), (255, 210, 150))
    for i, (base, amp, colour, tree) in enumerate(
        (
            (430, 120, (108, 120, 140), 30),
            (500, 110, (62, 92, 84), 42),
            (560, 90, (34, 70, 52), 56),
        )
    ):
        forested_hill(
            c, rng, base + rng.uniform(-15, 15), amp, jitter(rng, colour, 8), tree, bottom=waterline
        )
        if i == 1:
            c.rect(0, waterline - 40, DESIGN_W, waterline, alpha(horizon, 30))
    shore = rng.choice((rng.uniform(220, 520), rng.uniform(1080, 1380)))
    c.ellipse(shore, waterline, 190, 26, (78, 120, 60))
    cottage(c, shore, waterline - 6, 120, (52, 48, 50))
    spruce(c, shore + 100, waterline - 4, 110, (28, 62, 44))
    spruce(c, shore - 98, waterline - 4, 86, (28, 62, 44))
    water = mix(top, (40, 70, 90), 0.5)
    reflect(c, waterline, DESIGN_H - waterline, water)
    ripples(c, rng, waterline, DESIGN_H, (255, 235, 200, 70))
    reeds(c, rng, 1540 if shore < DESIGN_W / 2 else 60)


def reeds(c: Canvas, rng: random.Random, x: float) -> None:
    """A tuft of reeds in the foreground corner, to give the lake a near shore."""
    c.ellipse(x, 905, 260, 55, (46, 70, 44))
    for i in range(14):
        rx = x + rng.uniform(-180, 180)
        h = rng.uniform(90, 190)
        lean = rng.uniform(-25, 25)
        c.line([(rx, 900), (rx + lean, 900 - h)], (58, 88, 52), 5)
        if i % 3 == 0:
            c.ellipse(rx + lean, 900 - h + 18, 6, 20, (100, 70, 44))


def draw_winter(c: Canvas, rng: random.Random) -> None:
    """A winter day: pale sky, low sun, snowy hills and spruces, a cottage with a snowy roof."""
    c.gradient(0, 620, jitter(rng, (150, 184, 214)), jitter(rng, (228, 236, 244)))
    sun(c, rng.uniform(250, 1350), rng.uniform(170, 260), 46, (255, 246, 220), (255, 240, 210))
    far_snow = jitter(rng, (182, 200, 224), 6)
    forested_hill(c, rng, 420, 120, far_snow, 30, snow=True, tree_colour=(120, 140, 150))
    forested_hill(c, rng, 530, 100, (222, 231, 242), 48, snow=True, tree_colour=(60, 92, 84))
    ground = ridge(rng, 700, 70)
    c.polygon([*ground, (DESIGN_W + 40, DESIGN_H), (-40, DESIGN_H)], SNOW)
    x = rng.choice((rng.uniform(260, 520), rng.uniform(1080, 1340)))
    base = ridge_y(ground, x) + 30
    c.ellipse(x, base + 4, 150, 16, (200, 214, 230))
    cottage(c, x, base, 140, (58, 52, 56), snow=True)
    for offset, h in ((-150, 150), (170, 180), (240, 120)):
        spruce(c, x + offset, base + 8, h, (36, 76, 58), snow=True)
    for _ in range(5):
        sx = rng.uniform(40, DESIGN_W - 40)
        if abs(sx - x) > 320:
            spruce(c, sx, ridge_y(ground, sx) + 60, rng.uniform(150, 230), (34, 72, 56), snow=True)
    snowflakes(c, rng)


def snowflakes(c: Canvas, rng: random.Random) -> None:
    """Falling snow, so the winter scene reads as winter even at thumbnail size."""
    for _ in range(70):
        c.circle(
            rng.uniform(0, DESIGN_W),
            rng.uniform(0, DESIGN_H),
            rng.uniform(2, 5),
            (255, 255, 255, 200),
        )


def draw_preschool(c: Canvas, rng: random.Random) -> None:
    """A low preschool building with a swing and a sandbox on a sunny day."""
    c.gradient(0, 640, jitter(rng, (110, 170, 225)), jitter(rng, (200, 228, 245)))
    sun(c, rng.uniform(1250, 1480), rng.uniform(110, 170), 50, (255, 222, 110), (255, 230, 150))
    for _ in range(3):
        cloud(c, rng.uniform(100, 1100), rng.uniform(90, 260), rng.uniform(140, 220))
    forested_hill(c, rng, 560, 80, (120, 170, 120), 36)
    c.rect(0, 600, DESIGN_W, DESIGN_H, (120, 184, 92))
    c.gradient(600, 900, (128, 190, 98), (96, 164, 76))
    building_x = rng.uniform(180, 320)
    preschool_building(c, rng, building_x, 640)
    for tx in (80, building_x + 800, 1520):
        leafy_tree(c, tx, 650, rng.uniform(200, 260), jitter(rng, (70, 140, 70)))
    c.rect(0, 690, DESIGN_W, 700, (210, 190, 150))
    swing(c, rng.uniform(1080, 1200), 790)
    sandbox(c, rng.uniform(700, 820), 790)
    fence(c, 895)


def preschool_building(c: Canvas, rng: random.Random, x: float, base: float) -> None:
    """One storey, long and low, red or yellow, with a row of windows and a glazed door."""
    body = rng.choice(((196, 64, 52), (236, 190, 70), (226, 120, 60)))
    w, h = 640, 190
    c.rect(x - 10, base - h - 8, x + w + 10, base - h + 4, (70, 70, 76))
    c.polygon(
        [(x - 30, base - h), (x + w / 2, base - h - 80), (x + w + 30, base - h)], (70, 70, 76)
    )
    c.rect(x, base - h, x + w, base, body)
    for i in range(5):
        if i == 2:
            continue
        window(c, x + 40 + i * 120, base - h + 50, 70, 70, glass=(150, 200, 230))
    door_x = x + 40 + 2 * 120
    c.rect(door_x - 6, base - 130, door_x + 76, base, WHITE)
    c.rect(door_x, base - 124, door_x + 70, base, (90, 150, 190))
    c.rect(door_x + 33, base - 124, door_x + 37, base, WHITE)
    c.circle(x + w / 2, base - h - 36, 18, WHITE)
    c.circle(x + w / 2, base - h - 36, 12, (240, 180, 60))


def swing(c: Canvas, x: float, base: float) -> None:
    """An A-frame swing with two seats."""
    frame = (200, 70, 60)
    top = base - 240
    for leg in (-150, 150):
        c.line([(x + leg - 50, base), (x + leg, top)], frame, 12)
        c.line([(x + leg + 50, base), (x + leg, top)], frame, 12)
    c.line([(x - 160, top), (x + 160, top)], frame, 14)
    for seat in (-70, 70):
        c.line([(x + seat - 26, top), (x + seat - 26, base - 70)], (80, 80, 80), 4)
        c.line([(x + seat + 26, top), (x + seat + 26, base - 70)], (80, 80, 80), 4)
        c.rect(x + seat - 36, base - 74, x + seat + 36, base - 62, (50, 110, 180), radius=4)


def sandbox(c: Canvas, x: float, base: float) -> None:
    """A wooden sandbox with sand, a bucket and a spade."""
    c.polygon(
        [(x - 170, base), (x + 170, base), (x + 130, base - 50), (x - 130, base - 50)],
        (160, 110, 70),
    )
    c.polygon(
        [(x - 150, base - 14), (x + 150, base - 14), (x + 118, base - 44), (x - 118, base - 44)],
        (236, 214, 160),
    )
    c.polygon(
        [(x - 30, base - 40), (x + 10, base - 40), (x + 4, base - 80), (x - 24, base - 80)],
        (230, 80, 80),
    )
    c.line([(x + 60, base - 30), (x + 90, base - 90)], (60, 120, 200), 6)


def fence(c: Canvas, base: float) -> None:
    """A low white picket fence along the front, to frame the playground."""
    c.rect(0, base - 50, DESIGN_W, base - 42, WHITE)
    c.rect(0, base - 22, DESIGN_W, base - 14, WHITE)
    for x in range(10, DESIGN_W, 40):
        c.polygon(
            [(x, base), (x + 18, base), (x + 18, base - 64), (x + 9, base - 74), (x, base - 64)],
            WHITE,
        )
    c.rect(0, base, DESIGN_W, DESIGN_H, (104, 168, 80))


BOOK_COLOURS = (
    (196, 72, 64),
    (232, 170, 70),
    (70, 120, 170),
    (86, 150, 110),
    (150, 96, 150),
    (230, 220, 200),
    (60, 80, 110),
    (210, 110, 80),
    (120, 160, 190),
    (170, 60, 80),
)


def draw_library(c: Canvas, rng: random.Random) -> None:
    """Shelves of books behind a reading table with a lamp."""
    wall = jitter(rng, rng.choice(((236, 226, 206), (220, 230, 226), (232, 220, 214))), 6)
    c.rect(0, 0, DESIGN_W, 700, wall)
    c.gradient(700, DESIGN_H, (176, 130, 92), (150, 106, 72))
    c.rect(0, 694, DESIGN_W, 706, (130, 92, 62))
    window_right = rng.random() < 0.5
    library_window(c, 1390 if window_right else 60, 150)
    first = 60 if window_right else 300
    for i in range(3):
        bookshelf(c, rng, first + i * 420, 110, 380)
    table(c, rng)


def library_window(c: Canvas, x: float, y: float) -> None:
    """A tall window with daylight, so the room is a place and not just a wall of shelves."""
    window(c, x, y, 150, 300, glass=(186, 216, 236))


def bookshelf(c: Canvas, rng: random.Random, x: float, top: float, w: float) -> None:
    """A wooden case of five shelves, each filled with books of random width, height and colour;
    a few lean, as in a real library."""
    wood, dark = (150, 100, 62), (110, 72, 44)
    bottom = 700
    c.rect(x, top, x + w, bottom, wood)
    inner = x + 16, x + w - 16
    shelf_h = (bottom - top - 30) / 5
    for s in range(5):
        y1 = top + 16 + (s + 1) * shelf_h
        c.rect(inner[0], y1 - shelf_h + 4, inner[1], y1 - 8, dark)
        c.rect(x, y1 - 8, x + w, y1 + 4, wood)
        bx = inner[0] + rng.uniform(0, 12)
        while bx < inner[1] - 14:
            bw = rng.uniform(12, 26)
            bh = (shelf_h - 16) * rng.uniform(0.62, 0.95)
            if bx + bw > inner[1]:
                break
            colour = jitter(rng, rng.choice(BOOK_COLOURS), 10)
            if rng.random() < 0.05 and bx + bh < inner[1]:
                book_lying(c, bx, y1 - 8, bh, bw, colour)
                bx += bh + 4
                continue
            c.rect(bx, y1 - 8 - bh, bx + bw, y1 - 8, colour)
            c.rect(bx, y1 - 8 - bh * 0.8, bx + bw, y1 - 8 - bh * 0.74, mix(colour, WHITE, 0.5))
            bx += bw + rng.choice((0, 0, 1, 2))
            if rng.random() < 0.06:
                bx += rng.uniform(20, 40)


def book_lying(c: Canvas, x: float, base: float, length: float, thickness: float, colour) -> None:
    """A book lying flat on a shelf, which breaks the row the way real shelves do."""
    c.rect(x, base - thickness, x + length, base, colour)
    c.rect(x, base - thickness * 0.6, x + length, base - thickness * 0.5, mix(colour, WHITE, 0.5))


def table(c: Canvas, rng: random.Random) -> None:
    """The reading table in front, with two chairs, an open book and a lamp."""
    chair = jitter(rng, (70, 110, 140), 10)
    top = 750
    for cx in (540, 1060):
        ladder_back_chair(c, cx, top, chair)
    c.rect(380, top, 1220, top + 30, (196, 150, 100), radius=6)
    c.rect(380, top + 24, 1220, top + 40, (160, 116, 76))
    for lx in (420, 1170):
        c.rect(lx, top + 40, lx + 24, 895, (140, 100, 66))
    c.polygon([(660, top), (760, top), (770, top - 12), (660, top - 8)], WHITE)
    c.polygon([(760, top), (860, top), (860, top - 8), (770, top - 12)], (236, 232, 220))
    c.rect(880, top - 16, 960, top, rng.choice(BOOK_COLOURS))
    c.rect(890, top - 32, 950, top - 16, rng.choice(BOOK_COLOURS))
    lamp(c, rng.uniform(1040, 1120), top)


def ladder_back_chair(c: Canvas, x: float, base: float, colour: Colour) -> None:
    """The back of a chair on the far side of the table: two posts and three rails."""
    for post in (-58, 48):
        c.rect(x + post, base - 170, x + post + 10, base, colour, radius=4)
    for rail in (0, 44, 88):
        c.rect(x - 58, base - 168 + rail, x + 58, base - 148 + rail, colour, radius=6)


def lamp(c: Canvas, x: float, base: float) -> None:
    """A desk lamp with a warm pool of light."""
    c.ellipse(x + 40, base - 4, 150, 16, (255, 236, 160, 110))
    c.rect(x - 40, base - 10, x + 40, base, (60, 60, 64), radius=4)
    c.line([(x, base - 10), (x - 20, base - 120), (x + 30, base - 180)], (60, 60, 64), 8)
    c.polygon(
        [(x + 10, base - 200), (x + 70, base - 200), (x + 96, base - 140), (x - 16, base - 140)],
        (44, 110, 90),
    )
    c.ellipse(x + 40, base - 140, 56, 10, (255, 236, 170))


def draw_road(c: Canvas, rng: random.Random) -> None:
    """A road vanishing between spruce forests toward hills, with roadworks in front."""
    horizon = 470
    c.gradient(0, horizon, jitter(rng, (120, 176, 226)), jitter(rng, (214, 232, 242)))
    for _ in range(2):
        cloud(c, rng.uniform(150, 1450), rng.uniform(80, 220), rng.uniform(160, 240))
    forested_hill(c, rng, 380, 120, (120, 150, 160), 26, bottom=horizon + 20)
    forested_hill(c, rng, 450, 70, (70, 110, 86), 36, bottom=horizon + 20)
    vx = rng.uniform(700, 900)
    c.polygon(
        [(-40, horizon), (DESIGN_W + 40, horizon), (DESIGN_W + 40, DESIGN_H), (-40, DESIGN_H)],
        (96, 150, 76),
    )
    c.polygon(
        [(vx - 14, horizon), (vx + 14, horizon), (1450, DESIGN_H), (150, DESIGN_H)], (92, 96, 104)
    )
    for side in (-1, 1):
        edge_near = (150 + 60, 1450 - 60)[side == 1]
        c.line([(vx + side * 10, horizon), (edge_near, DESIGN_H)], WHITE, 6)
    centre_line(c, vx, horizon)
    for side in (-1, 1):
        roadside_forest(c, rng, vx, horizon, side)
    roadwork_sign(c, 1350 if vx < 800 else 1280, 860)
    for t in (0.35, 0.55, 0.8):
        cone(c, vx + (800 - vx) * t + 170 * t + 60, horizon + (DESIGN_H - horizon) * t, 60 * t + 8)


def centre_line(c: Canvas, vx: float, horizon: float) -> None:
    """Dashes that grow and spread toward the viewer, which is what makes the road recede."""
    t = 0.02
    while t < 1:
        t_end = min(1, t * 1.35 + 0.015)
        y0, y1 = horizon + (DESIGN_H - horizon) * t, horizon + (DESIGN_H - horizon) * t_end
        x0, x1 = vx + (800 - vx) * t, vx + (800 - vx) * t_end
        w0, w1 = 1 + 14 * t, 1 + 14 * t_end
        c.polygon(
            [(x0 - w0 / 2, y0), (x0 + w0 / 2, y0), (x1 + w1 / 2, y1), (x1 - w1 / 2, y1)], WHITE
        )
        t = t_end + (t_end - t) * 0.9


def roadside_forest(c: Canvas, rng: random.Random, vx: float, horizon: float, side: int) -> None:
    """Spruces on one side of the road, drawn far to near so the nearer ones overlap."""
    t = 0.03
    while t < 1.1:
        y = horizon + (DESIGN_H - horizon) * t
        road_edge = vx + side * 14 + ((1450 if side > 0 else 150) - vx - side * 14) * t
        x = road_edge + side * (40 + 260 * t) * rng.uniform(0.7, 1.4)
        h = 60 + 520 * t
        spruce(c, x, y, h * rng.uniform(0.85, 1.1), jitter(rng, (30, 74, 50), 8))
        t += 0.035 + 0.12 * t


def roadwork_sign(c: Canvas, x: float, base: float) -> None:
    """A Swedish warning triangle (red border, yellow field) with a worker digging."""
    c.rect(x - 6, base - 330, x + 6, base, (150, 150, 156))
    top, size = base - 420, 200
    c.polygon(
        [(x, top), (x + size / 2 * 1.15, top + size), (x - size / 2 * 1.15, top + size)],
        (210, 40, 40),
    )
    c.polygon([(x, top + 30), (x + 84, top + size - 16), (x - 84, top + size - 16)], (250, 200, 40))
    ink = (30, 30, 30)
    y = top + size - 30
    c.polygon([(x - 60, y), (x + 60, y), (x + 40, y - 24), (x + 10, y - 30)], ink)
    c.circle(x - 10, y - 100, 10, ink)
    c.line([(x - 14, y - 86), (x - 24, y - 50), (x - 40, y - 26)], ink, 9)
    c.line([(x - 24, y - 50), (x - 4, y - 26)], ink, 9)
    c.line([(x - 14, y - 80), (x + 14, y - 64)], ink, 7)
    c.line([(x + 20, y - 90), (x + 30, y - 40)], ink, 5)


def cone(c: Canvas, x: float, base: float, h: float) -> None:
    """An orange traffic cone with white reflective bands."""
    orange = (245, 120, 30)
    c.rect(x - h * 0.45, base - h * 0.08, x + h * 0.45, base, orange)
    c.polygon(
        [
            (x - h * 0.32, base - h * 0.08),
            (x + h * 0.32, base - h * 0.08),
            (x + h * 0.06, base - h),
            (x - h * 0.06, base - h),
        ],
        orange,
    )
    for lo, hi in ((0.35, 0.48), (0.6, 0.7)):
        wl, wh = 0.32 - 0.26 * lo, 0.32 - 0.26 * hi
        c.polygon(
            [
                (x - h * wl, base - h * lo),
                (x + h * wl, base - h * lo),
                (x + h * wh, base - h * hi),
                (x - h * wh, base - h * hi),
            ],
            WHITE,
        )


HOUSE_COLOURS = (
    (236, 196, 90),
    FALU_RED,
    (240, 236, 226),
    (150, 186, 206),
    (150, 180, 130),
    (222, 160, 120),
    (240, 220, 170),
)


def draw_town(c: Canvas, rng: random.Random) -> None:
    """A street of wooden houses in different colours, with a white church tower behind."""
    c.gradient(0, 640, jitter(rng, (120, 176, 226)), jitter(rng, (220, 236, 246)))
    for _ in range(2):
        cloud(c, rng.uniform(100, 1500), rng.uniform(80, 200), rng.uniform(150, 220))
    forested_hill(c, rng, 500, 90, (110, 150, 120), 30)
    church(c, rng.uniform(520, 1100), 620)
    colours = list(HOUSE_COLOURS)
    rng.shuffle(colours)
    x = rng.uniform(-60, -10)
    i = 0
    while x < DESIGN_W:
        w = rng.uniform(210, 280)
        house(c, rng, x, 720, w, rng.uniform(170, 240), colours[i % len(colours)])
        x += w + rng.uniform(20, 90)
        if rng.random() < 0.5 and x < DESIGN_W - 100:
            leafy_tree(c, x - 10, 730, rng.uniform(170, 220), jitter(rng, (80, 140, 70)))
        i += 1
    c.rect(0, 720, DESIGN_W, 760, (200, 196, 188))
    c.rect(0, 760, DESIGN_W, DESIGN_H, (110, 112, 118))
    for x in range(40, DESIGN_W, 220):
        c.rect(x, 826, x + 110, 836, WHITE)
    for tx in (rng.uniform(120, 400), rng.uniform(1100, 1450)):
        leafy_tree(c, tx, 752, 260, jitter(rng, (70, 130, 64)))


def house(c: Canvas, rng: random.Random, x: float, base: float, w: float, h: float, colour):
    """A two-storey gabled wooden house: vertical boards, white frames and corners."""
    c.rect(x, base - h, x + w, base, colour)
    for bx in range(int(x) + 14, int(x + w), 14):
        c.rect(bx, base - h, bx + 1.5, base, (0, 0, 0, 18))
    trim = WHITE if colour != (240, 236, 226) else (180, 180, 176)
    c.rect(x, base - h, x + 10, base, trim)
    c.rect(x + w - 10, base - h, x + w, base, trim)
    roof = rng.choice(((70, 64, 66), (150, 60, 50), (60, 70, 80)))
    c.polygon(
        [(x - 16, base - h + 4), (x + w / 2, base - h - w * 0.38), (x + w + 16, base - h + 4)], roof
    )
    rows = 2 if h > 190 else 1
    for r in range(rows):
        for col in (0.2, 0.62):
            window(c, x + w * col, base - h + 30 + r * 90, w * 0.18, 50)
    door = x + w * 0.42
    c.rect(door, base - 80, door + 40, base, (80, 60, 50))


def church(c: Canvas, x: float, base: float) -> None:
    """A white church with a tall tower and a dark spire, seen behind the houses."""
    c.rect(x - 180, base - 180, x + 120, base, WHITE)
    c.polygon([(x - 190, base - 176), (x - 30, base - 280), (x + 130, base - 176)], (70, 70, 76))
    c.rect(x + 60, base - 380, x + 150, base, WHITE)
    c.polygon([(x + 50, base - 380), (x + 105, base - 560), (x + 160, base - 380)], (60, 62, 70))
    c.line([(x + 105, base - 560), (x + 105, base - 610)], (200, 170, 80), 5)
    c.line([(x + 90, base - 592), (x + 120, base - 592)], (200, 170, 80), 5)
    c.circle(x + 105, base - 320, 24, (60, 62, 70))
    c.circle(x + 105, base - 320, 20, WHITE)
    c.line([(x + 105, base - 320), (x + 105, base - 334)], (60, 62, 70), 3)
    c.line([(x + 105, base - 320), (x + 116, base - 316)], (60, 62, 70), 3)
    for wx in (x - 140, x - 70, x):
        c.rect(wx, base - 140, wx + 36, base - 70, (140, 170, 200), radius=18)


SKIN = ((241, 200, 170), (214, 160, 120), (170, 116, 80), (120, 80, 56), (232, 186, 150))
HAIR = ((60, 44, 36), (160, 110, 60), (30, 30, 30), (200, 170, 110), (140, 140, 140))
CLOTHES = (
    (60, 110, 170),
    (200, 80, 70),
    (90, 150, 110),
    (236, 180, 70),
    (140, 100, 160),
    (70, 70, 90),
    (220, 130, 90),
)


def draw_meeting(c: Canvas, rng: random.Random) -> None:
    """People around a long table in a bright room, a screen with a chart on the wall."""
    wall = jitter(rng, rng.choice(((226, 234, 240), (236, 230, 220), (222, 236, 228))), 6)
    c.rect(0, 0, DESIGN_W, 620, wall)
    c.rect(0, 620, DESIGN_W, DESIGN_H, mix(wall, (120, 110, 100), 0.4))
    c.circle(rng.uniform(150, 350), 160, 220, alpha(jitter(rng, (120, 180, 200)), 60))
    c.circle(rng.uniform(1250, 1450), 540, 260, alpha(jitter(rng, (240, 190, 120)), 60))
    screen(c, rng, 800, 60)
    plant(c, 120, 640)
    plant(c, 1490, 640)
    people = rng.randint(5, 7)
    span = 980
    for i in range(people):
        px = 800 - span / 2 + span * (i + 0.5) / people + rng.uniform(-18, 18)
        person(c, rng, px, 610)
    c.rect(240, 600, 1360, 650, (150, 110, 80), radius=16)
    c.rect(260, 640, 1340, 690, (120, 86, 62), radius=10)
    papers_and_mugs(c, rng, people, span)
    for lx in (300, 1290):
        c.rect(lx, 690, lx + 16, 850, (110, 80, 58))


def papers_and_mugs(c: Canvas, rng: random.Random, people: int, span: float) -> None:
    """Papers and coffee mugs in front of the people; at least one of each, as the alt text
    names them."""
    for i in range(people):
        px = 800 - span / 2 + span * (i + 0.5) / people
        if i == 0 or rng.random() < 0.7:
            c.polygon(
                [(px - 50, 636), (px + 30, 636), (px + 22, 612), (px - 42, 612)], (236, 240, 246)
            )
        if i == 1 or rng.random() < 0.6:
            mug(c, px + 56, 634, (60, 64, 72))


def screen(c: Canvas, rng: random.Random, x: float, top: float) -> None:
    """A wall screen with a simple bar chart: the sign for 'a meeting about work'."""
    c.rect(x - 260, top, x + 260, top + 290, (50, 56, 66), radius=12)
    c.rect(x - 244, top + 16, x + 244, top + 274, (248, 250, 252), radius=6)
    c.rect(x - 210, top + 40, x - 60, top + 56, (120, 130, 140), radius=4)
    for i in range(6):
        h = rng.uniform(50, 190)
        bx = x - 200 + i * 70
        c.rect(bx, top + 250 - h, bx + 44, top + 250, rng.choice(CLOTHES[:5]), radius=4)
    c.rect(x - 210, top + 250, x + 220, top + 254, (120, 130, 140))


def person(c: Canvas, rng: random.Random, x: float, table_top: float) -> None:
    """A seated person as a rounded body and a round head, hair as a cap over the head."""
    body = rng.choice(CLOTHES)
    head_r = rng.uniform(34, 40)
    shoulders = table_top - rng.uniform(150, 175)
    head_y = shoulders - head_r - 8
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR)
    if rng.random() < 0.4:  # long hair, drawn first so the body and neck cover its lower part
        c.ellipse(x, head_y + head_r * 0.5, head_r * 1.2, head_r * 1.5, hair)
    c.rect(x - 70, shoulders, x + 70, table_top + 40, body, radius=60)
    c.rect(x - 18, shoulders - 16, x + 18, shoulders + 10, skin)
    c.circle(x, head_y, head_r, skin)
    c.pen.chord(
        c.box(x - head_r - 2, head_y - head_r - 4, x + head_r + 2, head_y + head_r),
        180,
        360,
        fill=hair,
    )


def mug(c: Canvas, x: float, base: float, handle: Colour) -> None:
    """A white coffee mug standing on the table."""
    c.line(
        [(x + 14, base - 26), (x + 24, base - 22), (x + 24, base - 12), (x + 14, base - 8)],
        handle,
        5,
    )
    c.rect(x - 14, base - 34, x + 14, base, WHITE, radius=4)


def plant(c: Canvas, x: float, base: float) -> None:
    """A pot plant in the corner, a little life in the room."""
    for angle in range(-60, 61, 20):
        a = math.radians(angle - 90)
        c.ellipse(x + math.cos(a) * 70, base - 120 + math.sin(a) * 80, 26, 60, (70, 140, 90))
    c.polygon(
        [(x - 50, base - 100), (x + 50, base - 100), (x + 38, base), (x - 38, base)], (200, 120, 90)
    )


@dataclass(frozen=True)
class Channel:
    """The canal in perspective: t runs from 0 at the far end to 1 at the picture's bottom."""

    far_y: float
    vx: float = DESIGN_W / 2
    far_half: float = 30
    near_half: float = 560

    def edge(self, t: float, side: int) -> float:
        """The x of the water's edge on the left (side -1) or right (side 1) at depth t."""
        return self.vx + side * (self.far_half + (self.near_half - self.far_half) * t)

    def y(self, t: float) -> float:
        return self.far_y + (DESIGN_H - self.far_y) * t

    def t_at(self, y: float) -> float:
        return (y - self.far_y) / (DESIGN_H - self.far_y)


def draw_canal(c: Canvas, rng: random.Random) -> None:
    """The canal running toward forested hills, a lock gate across it and a boat in front."""
    horizon = 430
    c.gradient(0, horizon + 40, jitter(rng, (116, 170, 222)), jitter(rng, (218, 234, 244)))
    for _ in range(2):
        cloud(c, rng.uniform(120, 1480), rng.uniform(70, 200), rng.uniform(150, 220))
    forested_hill(c, rng, 360, 110, (112, 146, 150), 28, bottom=horizon + 40)
    forested_hill(c, rng, 430, 80, (56, 100, 74), 40, bottom=horizon + 40)
    c.rect(0, horizon + 20, DESIGN_W, DESIGN_H, jitter(rng, (108, 160, 80), 8))
    channel = Channel(far_y=horizon + 20)
    gate_y = 590
    lock_chamber(c, rng, channel, gate_y, jitter(rng, (70, 120, 150), 8))
    canal_banks(c, rng, channel)
    stripe = rng.choice(((40, 90, 160), (200, 60, 50), (40, 120, 100)))
    boat(c, rng.uniform(680, 900), 800, stripe)


def lock_chamber(c: Canvas, rng: random.Random, ch: Channel, gate_y: float, water) -> None:
    """Granite walls, the upper water beyond the gate, the lower water in front, the gate."""
    t_gate = ch.t_at(gate_y)
    for side in (-1, 1):
        wall = [
            (ch.edge(0, side), ch.y(0)),
            (ch.edge(0, side) + side * 16, ch.y(0)),
            (ch.edge(1, side) + side * 120, DESIGN_H),
            (ch.edge(1, side), DESIGN_H),
        ]
        c.polygon(wall, (150, 146, 140))
    upper = [(ch.edge(0, -1), ch.y(0)), (ch.edge(0, 1), ch.y(0))]
    upper += [(ch.edge(t_gate, 1), gate_y), (ch.edge(t_gate, -1), gate_y)]
    c.polygon(upper, mix(water, WHITE, 0.12))
    lower = [(ch.edge(t_gate, -1), gate_y + 30), (ch.edge(t_gate, 1), gate_y + 30)]
    lower += [(ch.edge(1, 1), DESIGN_H), (ch.edge(1, -1), DESIGN_H)]
    c.polygon(lower, water)
    stone_joints(c, ch)
    lock_gate(c, ch.edge(t_gate, -1), ch.edge(t_gate, 1), gate_y)
    lower_ripples(c, rng, ch, t_gate)


def stone_joints(c: Canvas, ch: Channel) -> None:
    """Joints in the granite walls, to tell a lock chamber from a river bank."""
    t = 0.1
    while t < 1:
        for side in (-1, 1):
            x0 = ch.edge(t, side)
            c.line(
                [(x0, ch.y(t)), (x0 + side * (16 + 104 * t), ch.y(t))], (110, 106, 100), 2 + 3 * t
            )
        t += 0.07 + 0.05 * t


def lock_gate(c: Canvas, left: float, right: float, y: float) -> None:
    """Two wooden gate leaves meeting in the middle, with the long balance beams on the banks."""
    wood, dark = (120, 84, 54), (84, 58, 38)
    top = y - 50
    c.rect(left, top, right, y + 34, wood)
    for px in range(int(left) + 18, int(right), 22):
        c.rect(px, top, px + 3, y + 34, dark)
    mid = (left + right) / 2
    c.rect(mid - 3, top - 4, mid + 3, y + 34, (60, 40, 28))
    c.rect(left, top - 8, right, top + 2, dark)
    c.line([(left + 10, top - 36), (right - 10, top - 36)], WHITE, 4)
    for px in (left + 10, mid - 20, mid + 20, right - 10):
        c.line([(px, top - 36), (px, top - 6)], WHITE, 4)
    for side, x in ((-1, left), (1, right)):
        c.line([(x, top - 4), (x + side * 230, top + 26)], dark, 22)
        c.line([(x, top - 4), (x + side * 230, top + 26)], wood, 14)
        c.rect(x + side * 230 - 10, top + 18, x + side * 230 + 10, top + 36, WHITE)


def lower_ripples(c: Canvas, rng: random.Random, ch: Channel, t_gate: float) -> None:
    """Light strokes on the lower water, between the lock walls."""
    for _ in range(22):
        t = rng.uniform(t_gate + 0.08, 1)
        x = rng.uniform(ch.edge(t, -1) + 20, ch.edge(t, 1) - 80)
        c.rect(x, ch.y(t), x + 20 + 80 * t, ch.y(t) + 2 + 3 * t, (255, 255, 255, 70), radius=2)


def canal_banks(c: Canvas, rng: random.Random, ch: Channel) -> None:
    """The lock keeper's cottage on one bank and leafy trees on both, kept clear of the house."""
    house_x = rng.choice((250, 1350))
    lock_house(c, house_x, ch.far_y + 100)
    for side in (-1, 1):
        for _ in range(2):
            x = ch.vx + side * rng.uniform(620, 780)
            if abs(x - house_x) > 150:
                h = rng.uniform(160, 220)
                leafy_tree(c, x, rng.uniform(580, 640), h, jitter(rng, (60, 120, 60)))


def lock_house(c: Canvas, x: float, base: float) -> None:
    """The lock keeper's red cottage on the bank."""
    cottage(c, x, base, 150, (56, 52, 54))


def boat(c: Canvas, x: float, waterline: float, stripe: Colour) -> None:
    """A small white motorboat with a cabin, seen from behind and a little from the side."""
    c.ellipse(x, waterline + 24, 170, 20, (40, 70, 90, 90))
    c.polygon(
        [
            (x - 150, waterline - 50),
            (x + 160, waterline - 50),
            (x + 130, waterline + 10),
            (x - 120, waterline + 10),
        ],
        WHITE,
    )
    c.polygon(
        [
            (x - 146, waterline - 30),
            (x + 156, waterline - 30),
            (x + 150, waterline - 18),
            (x - 140, waterline - 18),
        ],
        stripe,
    )
    c.rect(x - 80, waterline - 120, x + 70, waterline - 50, (236, 236, 232), radius=10)
    c.rect(x - 64, waterline - 108, x + 54, waterline - 76, (90, 140, 180), radius=6)
    c.line([(x + 110, waterline - 50), (x + 110, waterline - 150)], (90, 90, 90), 4)
    c.polygon(
        [(x + 112, waterline - 150), (x + 160, waterline - 138), (x + 112, waterline - 126)],
        (30, 90, 170),
    )
    c.polygon(
        [
            (x + 112, waterline - 138),
            (x + 160, waterline - 138),
            (x + 160, waterline - 134),
            (x + 112, waterline - 134),
        ],
        (250, 210, 40),
    )


PAINTERS: dict[str, Callable[[Canvas, random.Random], None]] = {
    "lake": draw_lake,
    "winter": draw_winter,
    "preschool": draw_preschool,
    "library": draw_library,
    "road": draw_road,
    "town": draw_town,
    "meeting": draw_meeting,
    "canal": draw_canal,
}


# --- Output ----------------------------------------------------------------------------------


def _srgb_profile() -> bytes | None:
    """An sRGB ICC profile with its creation date zeroed, so the JPEG bytes do not change with
    the clock (LittleCMS stamps the current time into the header)."""
    if ImageCms is None:
        return None
    try:
        profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    except (OSError, ImageCms.PyCMSError):
        return None
    profile[24:36] = bytes(12)
    return bytes(profile)


SRGB_PROFILE = _srgb_profile()


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    if not (isinstance(width, int) and isinstance(height, int)):
        raise ValueError(f"size must be two integers, not {size!r}")
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise ValueError(f"size must be between 1 and {MAX_SIDE} pixels a side, not {size!r}")
    return width, height


def render(scene: str, *, variant: int = 0, size: tuple[int, int] = (1600, 900)) -> Image.Image:
    """The scene as a Pillow image, for callers that want to resize or save it themselves."""
    if scene not in PAINTERS:
        raise KeyError(f"unknown scene {scene!r}; the scenes are {', '.join(SCENES)}")
    canvas = Canvas(_check_size(size))
    PAINTERS[scene](canvas, random.Random(f"{scene}-{variant}"))  # noqa: S311 - not security
    return canvas.finish()


def draw(scene: str, *, variant: int = 0, size: tuple[int, int] = (1600, 900)) -> bytes:
    """The scene as JPEG bytes (quality 85, progressive, sRGB, no EXIF).

    `variant` changes colours and positions deterministically, so several news items can share
    a scene and still look different. Same arguments give the same bytes.
    """
    image = render(scene, variant=variant, size=size)
    out = io.BytesIO()
    options = {"quality": JPEG_QUALITY, "progressive": True, "optimize": True}
    if SRGB_PROFILE:
        options["icc_profile"] = SRGB_PROFILE
    image.save(out, "JPEG", **options)
    return out.getvalue()
