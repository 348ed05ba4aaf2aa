"""Demo pictures that read as photos at a glance: a town square, an office, people at work, things for
sale. Drawn with Pillow from gradients, shapes, soft light and a little blur and grain, deterministic
per seed, made by Plein itself (no third-party image, nothing to attribute; docs/design.md).

Used by the seeders (news header images, team images, notice-board photos); never at request time.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SCENES = ("town", "office", "meeting", "object")
SKIES = [((120, 170, 220), (235, 220, 200)), ((70, 110, 170), (250, 190, 140)), ((150, 190, 225), (225, 235, 240))]
FACADES = [(186, 120, 92), (150, 90, 70), (210, 190, 160), (120, 110, 100), (200, 160, 120), (90, 100, 110)]
WALLS = [(232, 228, 220), (214, 222, 228), (236, 226, 210)]
SHIRTS = [(40, 70, 120), (170, 60, 50), (60, 120, 90), (220, 170, 60), (90, 90, 100), (240, 240, 235)]
SKIN = [(240, 200, 170), (205, 150, 110), (150, 100, 70), (100, 70, 50)]


def _gradient(size, top, bottom):
    w, h = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(h):
        t = y / max(1, h - 1)
        draw.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return image


def _shade(colour, factor):
    return tuple(max(0, min(255, int(c * factor))) for c in colour)


def _person(draw, rng, x, base, scale):
    """A colleague seen from a little distance: shoulders, head, hair."""
    shirt, skin = rng.choice(SHIRTS), rng.choice(SKIN)
    hair = rng.choice([(40, 30, 25), (90, 60, 30), (200, 170, 110), (120, 120, 120)])
    w, h = 70 * scale, 90 * scale
    draw.rounded_rectangle([x - w / 2, base - h, x + w / 2, base + 10], radius=28 * scale, fill=shirt)
    r = 20 * scale
    draw.ellipse([x - r, base - h - 2 * r + 6, x + r, base - h + 6], fill=skin)
    draw.chord([x - r - 1, base - h - 2 * r + 2, x + r + 1, base - h + 2 * r * 0.2], 180, 360, fill=hair)


def _town(rng, size):
    w, h = size
    image = _gradient(size, *rng.choice(SKIES))
    draw = ImageDraw.Draw(image)
    sun = (rng.randint(w // 5, 4 * w // 5), rng.randint(h // 10, h // 3))
    draw.ellipse([sun[0] - 40, sun[1] - 40, sun[0] + 40, sun[1] + 40], fill=(255, 240, 210))
    x, ground = -20, int(h * 0.78)
    while x < w:
        bw, bh = rng.randint(w // 9, w // 5), rng.randint(h // 3, int(h * 0.62))
        colour = rng.choice(FACADES)
        top = ground - bh
        draw.rectangle([x, top, x + bw, ground], fill=colour)
        if rng.random() < 0.6:  # a Dutch stepped or pointed gable
            draw.polygon([(x, top), (x + bw / 2, top - bw * 0.45), (x + bw, top)], fill=_shade(colour, 0.9))
        for wy in range(top + 18, ground - 30, 34):
            for wx in range(int(x) + 12, int(x + bw) - 18, 26):
                lit = rng.random() < 0.25
                draw.rectangle([wx, wy, wx + 12, wy + 20], fill=(250, 225, 150) if lit else _shade(colour, 0.45))
        x += bw + rng.randint(0, 6)
    draw.rectangle([0, ground, w, h], fill=(150, 140, 130))
    for stripe in range(0, w, 60):  # paving
        draw.line([(stripe, ground), (stripe - 80, h)], fill=(135, 125, 118), width=2)
    for _ in range(rng.randint(2, 5)):
        _person(
            draw, rng, rng.randint(40, w - 40), rng.randint(min(ground + 40, h - 10), h - 10), rng.uniform(0.5, 0.8)
        )
    return image


def _office(rng, size, meeting=False):
    w, h = size
    wall = rng.choice(WALLS)
    image = _gradient(size, _shade(wall, 1.05), _shade(wall, 0.85))
    draw = ImageDraw.Draw(image)
    # Windows with daylight and a view of trees.
    for wx in range(40, w - 120, 220):
        draw.rectangle([wx, 40, wx + 170, int(h * 0.55)], fill=(200, 225, 240))
        draw.ellipse([wx + 20, int(h * 0.35), wx + 120, int(h * 0.6)], fill=(120, 160, 110))
        draw.rectangle([wx, 40, wx + 170, int(h * 0.55)], outline=(90, 90, 90), width=6)
        draw.line([(wx + 85, 40), (wx + 85, int(h * 0.55))], fill=(90, 90, 90), width=4)
    desk_top = int(h * 0.7)
    people = rng.randint(3, 5) if meeting else rng.randint(2, 3)
    for n in range(people):
        _person(draw, rng, int(w * (n + 0.7) / (people + 0.4)), desk_top + 10, rng.uniform(1.0, 1.25))
    draw.rectangle([0, desk_top, w, desk_top + 24], fill=(170, 120, 80) if meeting else (240, 240, 240))
    draw.rectangle([0, desk_top + 24, w, h], fill=_shade(wall, 0.55))
    for _ in range(people):  # laptops, cups and notes on the table
        lx = rng.randint(20, w - 120)
        draw.polygon(
            [(lx, desk_top), (lx + 90, desk_top), (lx + 80, desk_top - 50), (lx + 10, desk_top - 50)], fill=(60, 64, 70)
        )
        cx = rng.randint(20, w - 40)
        draw.rectangle([cx, desk_top - 22, cx + 18, desk_top], fill=(250, 250, 250))
    if meeting:
        draw.rectangle([w - 190, 60, w - 40, 180], fill=(250, 250, 250), outline=(120, 120, 120), width=4)
        for line in range(3):
            draw.line(
                [(w - 175, 85 + line * 30), (w - rng.randint(60, 110), 85 + line * 30)], fill=(40, 90, 160), width=5
            )
    return image


def _object(rng, size):
    """Something for sale on a table: a bicycle wheel, a lamp, a plant."""
    w, h = size
    image = _gradient(size, rng.choice(WALLS), _shade(rng.choice(WALLS), 0.8))
    draw = ImageDraw.Draw(image)
    table = int(h * 0.72)
    draw.rectangle([0, table, w, h], fill=(160, 115, 80))
    kind = rng.choice(["plant", "lamp", "wheel"])
    cx = w // 2 + rng.randint(-w // 6, w // 6)
    if kind == "plant":
        draw.polygon(
            [(cx - 60, table), (cx + 60, table), (cx + 45, table - 110), (cx - 45, table - 110)], fill=(190, 100, 70)
        )
        for _ in range(14):
            lx, ly = cx + rng.randint(-120, 120), table - rng.randint(140, 300)
            draw.ellipse(
                [lx - 40, ly - 18, lx + 40, ly + 18], fill=rng.choice([(60, 130, 70), (80, 150, 80), (40, 110, 60)])
            )
    elif kind == "lamp":
        draw.rectangle([cx - 8, table - 220, cx + 8, table], fill=(60, 60, 60))
        draw.ellipse([cx - 70, table - 20, cx + 70, table + 6], fill=(60, 60, 60))
        draw.polygon(
            [(cx - 110, table - 200), (cx + 110, table - 200), (cx + 60, table - 300), (cx - 60, table - 300)],
            fill=(240, 200, 120),
        )
    else:
        for r, colour in ((150, (40, 40, 40)), (138, (200, 200, 200)), (30, (80, 80, 80))):
            draw.ellipse([cx - r, table - 150 - r, cx + r, table - 150 + r], fill=colour)
        for angle in range(0, 360, 15):
            draw.line(
                [
                    (cx, table - 150),
                    (cx + 136 * math.cos(math.radians(angle)), table - 150 + 136 * math.sin(math.radians(angle))),
                ],
                fill=(120, 120, 120),
                width=2,
            )
    return image


def _finish(image, rng):
    """Soft focus, light from one side and a little grain: what makes shapes read as a photo."""
    w, h = image.size
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    light = _gradient((w, h), (255, 245, 225), (40, 40, 60)).resize((w, h))
    image = Image.blend(image, light, 0.12)
    vignette = Image.new("L", (w, h), 0)
    ImageDraw.Draw(vignette).ellipse([-w * 0.2, -h * 0.3, w * 1.2, h * 1.3], fill=255)
    vignette = vignette.filter(ImageFilter.GaussianBlur(min(w, h) // 6))
    image = Image.composite(image, Image.new("RGB", (w, h), (20, 20, 30)), vignette)
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).convert("RGB")  # seeded grain
    return Image.blend(image, noise, 0.04)


def picture(scene, seed, size=(1200, 675)):
    """JPEG bytes of a `scene` (one of SCENES), the same for the same seed."""
    rng = random.Random(f"{scene}-{seed}")
    if scene == "town":
        image = _town(rng, size)
    elif scene == "object":
        image = _object(rng, size)
    else:
        image = _office(rng, size, meeting=scene == "meeting")
    buffer = io.BytesIO()
    _finish(image, rng).save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
