"""Draw every figure keyframe as a PNG of dots: each Braille dot a round dot, nothing else.

A figure is meant to be read in the terminal, at a glance. Looking at the
dots themselves, large and without a terminal font in the way, is how to judge
whether the shape alone says what to do. Each is drawn at the size a 100 x 30
session screen gives it (``gallery.session_size``), not the smaller card of
``stretchtimer figures NAME``. ``make gallery`` writes
``docs/figures/<name>-<k>.png`` (k counts keyframes from 1). With ``--blind DIR``
it writes, for someone to judge who has not seen the names, one image per figure
(its keyframes side by side) under random names in ``DIR/images/``, the
descriptions shuffled in ``DIR/descriptions.txt``, and in ``DIR/key.json`` which
image is which figure (for whoever scores the judgement, not for the judge).
With ``--sheets DIR [NAME ...]`` it writes ``DIR/NAME.png``, a figure's keyframes
side by side, for every figure or the ones named: a scratch folder to look at
while drawing a figure.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import sys
from pathlib import Path

from PIL import Image, ImageDraw

from stretchtimer.figures.gallery import keyframe_rasters, session_size
from stretchtimer.figures.library import library
from stretchtimer.figures.raster import BODY, MARK, Raster

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "figures"
#: Pixels from one dot to the next, and each dot's radius.
PITCH = 8
RADIUS = 3
#: Keyframes side by side in a blind image are this many pixels apart.
GAP = 48
INK = {BODY: (20, 20, 20), MARK: (200, 60, 30)}
DIM = (150, 150, 150)
PAPER = (255, 255, 255)
_BRAILLE_BASE = 0x2800
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))


def dots(raster: Raster) -> list[tuple[int, int, int]]:
    """Every dot lit in ``raster`` as (x, y, weight of its cell), in dot coordinates."""
    out: list[tuple[int, int, int]] = []
    for row, (line, weights) in enumerate(zip(raster.lines, raster.weights, strict=True)):
        for col, char in enumerate(line):
            bits = ord(char) - _BRAILLE_BASE if char != " " else 0
            for dy, pair in enumerate(_DOT_BITS):
                for dx, bit in enumerate(pair):
                    if bits & bit:
                        out.append((col * 2 + dx, row * 4 + dy, weights[col]))
    return out


def picture(rasters: list[Raster]) -> Image.Image:
    """Rasters side by side, each dot a disc; one wider than tall goes under the last.

    A figure lying down is drawn in a band (96 x 10 cells): its keyframes side
    by side would make a strip too long to look at whole.
    """
    if not rasters:
        return Image.new("RGB", (3 * PITCH, 3 * PITCH), PAPER)
    width = rasters[0].width * 2 * PITCH
    height = len(rasters[0].lines) * 4 * PITCH
    stacked = width > 3 * height
    step_x, step_y = (0, height + GAP) if stacked else (width + GAP, 0)
    count = len(rasters)
    image = Image.new(
        "RGB",
        (width + step_x * (count - 1) + 2 * PITCH, height + step_y * (count - 1) + 2 * PITCH),
        PAPER,
    )
    pen = ImageDraw.Draw(image)
    for index, raster in enumerate(rasters):
        left, top = PITCH + index * step_x, PITCH + index * step_y
        for x, y, weight in dots(raster):
            cx, cy = left + x * PITCH + PITCH / 2, top + y * PITCH + PITCH / 2
            pen.ellipse(
                (cx - RADIUS, cy - RADIUS, cx + RADIUS, cy + RADIUS), fill=INK.get(weight, DIM)
            )
    return image


def write_gallery(folder: Path) -> int:
    """Every keyframe's picture; a picture of a keyframe or figure that is gone is removed."""
    folder.mkdir(parents=True, exist_ok=True)
    written: set[Path] = set()
    for name, figure in library().items():
        for index, raster in enumerate(keyframe_rasters(figure, *session_size(figure)), start=1):
            path = folder / f"{name}-{index}.png"
            picture([raster]).save(path, optimize=True)
            written.add(path)
    for stale in set(folder.glob("*.png")) - written:
        stale.unlink()
    return len(written)


def write_blind(folder: Path) -> int:
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    key: dict[str, str] = {}
    figures = library()
    for name, figure in figures.items():
        file = f"{secrets.token_hex(4)}.png"
        picture(keyframe_rasters(figure, *session_size(figure))).save(images / file, optimize=True)
        key[file] = name
    descriptions = [f.description for f in figures.values()]
    random.SystemRandom().shuffle(descriptions)
    (folder / "descriptions.txt").write_text("\n".join(descriptions) + "\n", encoding="utf-8")
    (folder / "key.json").write_text(
        json.dumps(dict(sorted(key.items())), indent=2) + "\n", encoding="utf-8"
    )
    return len(key)


def write_sheets(folder: Path, names: list[str]) -> int:
    figures = library()
    unknown = [name for name in names if name not in figures]
    if unknown:
        raise KeyError(", ".join(unknown))
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or list(figures):
        figure = figures[name]
        picture(keyframe_rasters(figure, *session_size(figure))).save(
            folder / f"{name}.png", optimize=True
        )
    return len(names or figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--blind", type=Path, metavar="DIR", help="images under random names, for a blind judgement"
    )
    parser.add_argument(
        "--sheets",
        type=Path,
        metavar="DIR",
        help="one image per figure (its keyframes side by side) as DIR/NAME.png",
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="only these figures (--sheets)")
    args = parser.parse_args(argv)
    if args.sheets is not None:
        try:
            count = write_sheets(args.sheets, args.names)
        except KeyError as unknown:
            print(f"no figure named {unknown.args[0]}", file=sys.stderr)
            return 1
        print(f"wrote {count} images in {args.sheets}")
        return 0
    if args.blind is not None:
        if (args.blind / "images").exists() and any((args.blind / "images").iterdir()):
            print(
                f"{args.blind / 'images'} is not empty: choose a new folder for a new judgement",
                file=sys.stderr,
            )
            return 1
        count = write_blind(args.blind)
        print(f"wrote {count} images, descriptions.txt and key.json in {args.blind}")
        return 0
    count = write_gallery(FOLDER)
    print(f"wrote {count} images in {FOLDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
