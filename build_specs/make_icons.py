"""Draw the app icon once and derive every platform's icon file from that one image.

    python build_specs/make_icons.py          # (re)draw resources/icons/source + outputs

The master is ``resources/icons/source/wolkvox-desktop-1024.png`` (drawn here, with Pillow,
so the artwork is reviewable code rather than an opaque binary). From it come:

- ``resources/icons/wolkvox-desktop.ico``   Windows: 16-256 px in one file (exe, installer)
- ``resources/icons/wolkvox-desktop.icns``  macOS: 16-1024 px (the .app bundle)
- ``resources/icons/wolkvox-desktop-<N>.png`` Linux and the window icon: 16-512 px
- ``resources/icons/wolkvox-desktop.png``  256 px, the .desktop entry's icon

The artwork: a rounded square shading from teal to blue, a white headset (contact center)
framing a white "play" triangle (start a campaign). At 32 px and below the headset is left out so
the triangle stays crisp. Needs Pillow (in the ``build`` extra).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "source" / "wolkvox-desktop-1024.png"
NAME = "wolkvox-desktop"

TEAL = (13, 148, 136)
BLUE = (29, 78, 216)
WHITE = (255, 255, 255, 255)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def _gradient(size: int) -> Image.Image:
    """Diagonal teal (top left) to blue (bottom right)."""
    img = Image.new("RGBA", (size, size))
    px = img.load()
    assert px is not None
    for y in range(size):
        for x in range(size):
            t = (x + 2 * y) / (3 * (size - 1))
            rgb = (round(a + (b - a) * t) for a, b in zip(TEAL, BLUE, strict=True))
            px[x, y] = (*rgb, 255)
    return img


def _rounded_triangle(
    d: ImageDraw.ImageDraw, tri: list[tuple[float, float]], r: float, u: Callable[[float], int]
) -> None:
    """Fill triangle ``tri`` (design units) with corners rounded to radius ``r``.

    Shrink it about its incenter so every edge moves in by ``r``, then walk its outline at
    distance ``r``: straight along the edges, on a circle of radius ``r`` round each corner.
    """
    (ax, ay), (bx, by), (cx, cy) = tri
    a, b, c = math.dist(tri[1], tri[2]), math.dist(tri[0], tri[2]), math.dist(tri[0], tri[1])
    per = a + b + c
    ix, iy = (a * ax + b * bx + c * cx) / per, (a * ay + b * by + c * cy) / per
    area = abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2
    k = (2 * area / per - r) / (2 * area / per)
    inner = [(ix + (x - ix) * k, iy + (y - iy) * k) for x, y in tri]
    turn = 1 if (bx - ax) * (cy - ay) - (cx - ax) * (by - ay) > 0 else -1
    outline: list[tuple[int, int]] = []
    for i, (x, y) in enumerate(inner):
        # Around corner i: from the outward normal of the edge arriving at it to the outward
        # normal of the edge leaving it, turning the way the outline turns.
        (px, py), (nx, ny) = inner[i - 1], inner[(i + 1) % 3]
        start = math.atan2(y - py, x - px) - turn * math.pi / 2
        end = math.atan2(ny - y, nx - x) - turn * math.pi / 2
        while turn * (end - start) < 0:
            end += turn * 2 * math.pi
        steps = 24
        for j in range(steps + 1):
            angle = start + (end - start) * j / steps
            outline.append((u(x + r * math.cos(angle)), u(y + r * math.sin(angle))))
    d.polygon(outline, fill=WHITE)


def draw(size: int = 1024, *, headset: bool = True) -> Image.Image:
    """The icon at ``size`` px, drawn 4x larger and scaled down (anti-aliasing)."""
    s = size * 4
    unit = s / 100  # design grid: 100 x 100

    def u(v: float) -> int:
        return round(v * unit)

    margin = u(4)
    body = (margin, margin, s - margin, s - margin)

    mask = Image.new("L", (s, s), 0)
    ImageDraw.Draw(mask).rounded_rectangle(body, radius=u(22), fill=255)
    canvas = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    canvas.paste(_gradient(s // 8).resize((s, s), Image.Resampling.BICUBIC), (0, 0), mask)

    # A soft top highlight gives the square some depth without looking glossy.
    shine = Image.new("L", (s, s), 0)
    ImageDraw.Draw(shine).ellipse((u(-30), u(-70), u(130), u(40)), fill=40)
    shine = shine.filter(ImageFilter.GaussianBlur(u(12)))
    shine = Image.composite(shine, Image.new("L", (s, s), 0), mask)
    canvas.alpha_composite(Image.merge("RGBA", (*[Image.new("L", (s, s), 255)] * 3, shine)))

    ink = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(ink)
    if headset:
        # Headband: the upper half of a thick ring.
        d.arc((u(20), u(17), u(80), u(77)), start=180, end=360, fill=WHITE, width=u(7))
        # Ear cups.
        d.rounded_rectangle((u(15), u(43), u(29), u(66)), radius=u(5), fill=WHITE)
        d.rounded_rectangle((u(71), u(43), u(85), u(66)), radius=u(5), fill=WHITE)
        # Microphone boom from the right cup towards the mouth.
        d.arc((u(40), u(44), u(80), u(84)), start=-5, end=100, fill=WHITE, width=u(4))
        d.ellipse((u(49), u(78.5), u(60), u(88.5)), fill=WHITE)
        _rounded_triangle(d, [(41, 35), (41, 71), (69, 53)], 3.5, u)
    else:
        _rounded_triangle(d, [(30, 20), (30, 80), (82, 50)], 6, u)

    # A faint shadow under the white artwork separates it from the lighter teal corner.
    alpha = ink.getchannel("A").filter(ImageFilter.GaussianBlur(u(1.2)))
    shadow = Image.merge("RGBA", (*[Image.new("L", (s, s), 0)] * 3,
                                  alpha.point(lambda v: v * 45 // 255)))
    canvas.alpha_composite(shadow, (0, u(0.8)))
    canvas.alpha_composite(ink)
    return canvas.resize((size, size), Image.Resampling.LANCZOS)


def derive(master: Image.Image) -> list[Path]:
    """Write every platform file from the master (small sizes redrawn without the headset)."""
    small = draw(256, headset=False)

    def at(size: int) -> Image.Image:
        src = master if size > 32 else small
        return src.resize((size, size), Image.Resampling.LANCZOS)

    written: list[Path] = []
    for size in PNG_SIZES:
        path = ICONS / f"{NAME}-{size}.png"
        at(size).save(path, optimize=True)
        written.append(path)
    main_png = ICONS / f"{NAME}.png"
    at(256).save(main_png, optimize=True)
    written.append(main_png)

    ico = ICONS / f"{NAME}.ico"
    frames = [at(n) for n in ICO_SIZES]
    frames[-1].save(ico, format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                    append_images=frames[:-1])
    written.append(ico)

    icns = ICONS / f"{NAME}.icns"
    master.save(icns, format="ICNS", append_images=[at(n) for n in ICNS_SIZES[:-1]])
    written.append(icns)
    return written


def main() -> int:
    SOURCE.parent.mkdir(parents=True, exist_ok=True)
    master = draw(1024)
    master.save(SOURCE, optimize=True)
    for path in [SOURCE, *derive(master)]:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
