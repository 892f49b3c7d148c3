"""The countdown's font: glyphs kept as data, drawn at the size the room allows.

Two drawings of each character. In three rows, line-drawing glyphs (as a
clock in a small terminal has always looked). From five rows up, a 3x5 grid
of square pixels, each ``scale`` rows high and twice as many cells wide (a
cell is about twice as tall as it is wide), so the digits keep their shape
as they grow: 5, 10, 15 ... rows. The pictures are strings in the tables
below, read once; the drawings are kept per (text, rows), so a clock that
repaints every second draws each reading once.
"""

from __future__ import annotations

from functools import lru_cache

#: Three rows of line-drawing characters per glyph, one string per row.
SMALL_GLYPHS: dict[str, tuple[str, str, str]] = {
    "0": ("╭─╮", "│ │", "╰─╯"),
    "1": ("╶┐ ", " │ ", "╶┴╴"),
    "2": ("╶─╮", "┌─┘", "╰─╴"),
    "3": ("╶─╮", " ─┤", "╶─╯"),
    "4": ("╷ ╷", "╰─┤", "  ╵"),
    "5": ("╭─╴", "╰─╮", "╶─╯"),
    "6": ("╭─╴", "├─╮", "╰─╯"),
    "7": ("╶─┐", "  │", "  ╵"),
    "8": ("╭─╮", "├─┤", "╰─╯"),
    "9": ("╭─╮", "╰─┤", "╶─╯"),
    ":": (" ", ":", " "),
    "-": ("   ", "╶─╴", "   "),
    "+": ("   ", "╶┼╴", " ╵ "),
    " ": ("   ", "   ", "   "),
}

#: The pixel font: ``#`` is lit. Every glyph is five rows; digits three pixels wide.
PIXEL_FONT = """
0 ### #.# #.# #.# ###
1 .#. ##. .#. .#. ###
2 ### ..# ### #.. ###
3 ### ..# .## ..# ###
4 #.# #.# ### ..# ..#
5 ### #.. ### ..# ###
6 ### #.. ### #.# ###
7 ### ..# ..# .#. .#.
8 ### #.# ### #.# ###
9 ### #.# ### ..# ###
: . # . # .
- ... ... ### ... ...
+ ... .#. ### .#. ...
_ ... ... ... ... ...
"""

PIXEL_ROWS = 5
SMALL_ROWS = 3
LIT = "█"


def _read_pixel_font(table: str) -> dict[str, tuple[str, ...]]:
    glyphs: dict[str, tuple[str, ...]] = {}
    for line in table.strip().splitlines():
        name, *rows = line.split()
        if len(rows) != PIXEL_ROWS or len({len(row) for row in rows}) != 1:
            raise ValueError(f"glyph {name!r}: {PIXEL_ROWS} rows of one width are needed")
        glyphs[" " if name == "_" else name] = tuple(rows)
    return glyphs


PIXEL_GLYPHS = _read_pixel_font(PIXEL_FONT)


def sizes() -> tuple[int, ...]:
    """Every height the font is drawn at, smallest first (up to a whole monitor)."""
    return (SMALL_ROWS, *(PIXEL_ROWS * scale for scale in range(1, 9)))


def _known(text: str) -> str:
    return "".join(ch if ch in PIXEL_GLYPHS else " " for ch in text)


def width_of(text: str, rows: int) -> int:
    """How many cells ``text`` takes at ``rows`` high."""
    text = _known(text)
    if rows < PIXEL_ROWS:
        return sum(len(SMALL_GLYPHS[ch][0]) for ch in text) + max(0, len(text) - 1)
    scale = rows // PIXEL_ROWS
    pixels = sum(len(PIXEL_GLYPHS[ch][0]) for ch in text) + max(0, len(text) - 1)
    return pixels * 2 * scale


def fitting_rows(sample: str, width: int, height: int) -> int:
    """The tallest size at which ``sample`` fits ``width`` x ``height`` (three rows at least)."""
    best = SMALL_ROWS
    for rows in sizes():
        if rows <= height and width_of(sample, rows) <= width:
            best = rows
    return best


@lru_cache(maxsize=512)
def draw(text: str, rows: int) -> tuple[str, ...]:
    """``text`` drawn ``rows`` high (rounded down to a size the font has): one string a row.

    Characters the font lacks are drawn as spaces.
    """
    text = _known(text)
    if rows < PIXEL_ROWS:
        return tuple(" ".join(SMALL_GLYPHS[ch][row] for ch in text) for row in range(SMALL_ROWS))
    scale = rows // PIXEL_ROWS
    gap = " " * 2 * scale
    glyphs = [_glyph_rows(ch, scale) for ch in text]
    drawn: list[str] = []
    for row in range(PIXEL_ROWS):
        line = gap.join([glyph[row] for glyph in glyphs])
        drawn.extend([line] * scale)
    return tuple(drawn)


@lru_cache(maxsize=128)
def _glyph_rows(ch: str, scale: int) -> tuple[str, ...]:
    """One character's pixel rows at ``scale``: a countdown draws a new reading every
    second, from the same dozen glyphs."""
    return tuple(
        "".join((LIT if pixel == "#" else " ") * 2 * scale for pixel in row)
        for row in PIXEL_GLYPHS[ch]
    )
