"""``stretchtimer figures [NAME]`` and the figures ``show`` draws beside a plan.

Plain text for a terminal or a pipe; the Braille needs a UTF-8 output, and
where there is none the figures are left out rather than turned into question marks.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Mapping, Sequence
from typing import TextIO

from stretchtimer.figures.animation import mirrored_for
from stretchtimer.figures.draw import draw_keyframe
from stretchtimer.figures.gallery import (
    CARD_COLS,
    CARD_ROWS,
    GAP,
    card_cols,
    keyframe_rasters,
    side_by_side,
)
from stretchtimer.figures.library import library, library_figure, library_names
from stretchtimer.figures.model import Figure
from stretchtimer.i18n import _
from stretchtimer.suggestions import suggest

#: The figure beside each step of ``show``: small enough to leave room for the plan.
PLAN_FIGURE_COLS = 22
PLAN_FIGURE_ROWS = 9


class UnknownFigure(Exception):
    """A figure name that is not in the library."""


def can_draw(stream: TextIO) -> bool:
    """Whether ``stream`` can carry Braille characters."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        "\u28ff".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def find(name: str) -> Figure:
    figure = library_figure(name)
    if figure is None:
        hint = suggest(name, library_names())
        raise UnknownFigure(
            _("no figure called '{name}'{hint}; 'stretchtimer figures' lists them all").format(
                name=name, hint=hint
            )
        )
    return figure


def _seen(view: str, side: str) -> str:
    """Where the figure is seen from and whose side it shows, as one whole sentence."""
    if side == "left":
        mirrored = _("your left side, as in a mirror (--side right draws the other)")
    else:
        mirrored = _("your right side, as in a mirror (--side left draws the other)")
    if view == "front":
        # Translators: {shown} is "your left side, as in a mirror (...)".
        return _("Seen from the front, {shown}.").format(shown=mirrored)
    if view == "side":
        return _("Seen from the side, {shown}.").format(shown=mirrored)
    return _("Seen from the {view}, {shown}.").format(view=view, shown=mirrored)


def list_lines(figures: Mapping[str, Figure]) -> list[str]:
    width = max((len(name) for name in figures), default=0)
    return [f"{name:<{width}}  {_(figure.description)}" for name, figure in figures.items()]


def drawing_lines(figure: Figure, width: int, *, mirrored: bool = False) -> list[str]:
    """Every keyframe of ``figure``, named, as many side by side as ``width`` allows."""
    cols = card_cols(figure) if card_cols(figure) <= width else CARD_COLS
    rasters = keyframe_rasters(figure, cols, CARD_ROWS, mirrored=mirrored)
    per_row = max(1, (width + len(GAP)) // (cols + len(GAP)))
    lines: list[str] = []
    for first in range(0, len(rasters), per_row):
        if lines:
            lines.append("")
        lines += side_by_side(rasters[first : first + per_row])
        names = [k.name[:cols].ljust(cols) for k in figure.keyframes]
        lines.append(GAP.join(names[first : first + per_row]).rstrip())
    return lines


def figures_command(
    name: str | None, *, side: str = "left", out: TextIO | None = None, width: int | None = None
) -> int:
    """List the library, or draw one figure; raise ``UnknownFigure`` for a name it lacks."""
    stream = out if out is not None else sys.stdout
    if name is None:
        for line in list_lines(library()):
            print(line, file=stream)
        return 0
    figure = find(name)
    columns = width if width is not None else shutil.get_terminal_size().columns
    # On a terminal, lines longer than it is wide would wrap into each other.
    narrow = columns if stream.isatty() else None
    print(_fitted(f"{figure.name}: {_(figure.description)}", narrow), file=stream)
    print(_fitted(_seen(figure.view, side), narrow), file=stream)
    if not can_draw(stream):
        print(_("(the drawing needs a UTF-8 terminal)"), file=stream)
        return 0
    lines = drawing_lines(figure, columns, mirrored=mirrored_for(side))
    needed = max((len(line) for line in lines), default=0)
    print(file=stream)
    if narrow is not None and needed > narrow:
        message = f"(the drawing needs {needed} columns; this terminal has {narrow})"
        print(_fitted(message, narrow), file=stream)
        return 0
    for line in lines:
        print(line, file=stream)
    return 0


def _fitted(text: str, columns: int | None) -> str:
    """``text`` wrapped at word boundaries to ``columns`` (as it is, for no width)."""
    if columns is None or len(text) <= columns:
        return text
    return "\n".join(textwrap.wrap(text, max(columns, 10))) or text


def beside(
    text: Sequence[str], figure: Sequence[str], *, text_width: int, gap: str = "  "
) -> list[str]:
    """``text`` (already wrapped to ``text_width``) with ``figure`` on its right, top-aligned."""
    rows = max(len(text), len(figure))
    out = []
    for row in range(rows):
        left = text[row] if row < len(text) else ""
        right = figure[row] if row < len(figure) else ""
        out.append(f"{left:<{text_width}}{gap}{right}".rstrip() if right else left.rstrip())
    return out


def step_block(
    heading: str,
    details: Sequence[str],
    figure: Figure | None,
    *,
    width: int,
    side: str | None = None,
) -> list[str]:
    """One step of ``show``: its heading and details wrapped, its figure (target pose) beside,
    for the step's first ``side`` as the session shows it."""
    if figure is None or width < PLAN_FIGURE_COLS + 30:
        text_width = width
        drawing: list[str] = []
    else:
        text_width = width - PLAN_FIGURE_COLS - 2
        mirrored = mirrored_for(side)
        drawing = list(
            draw_keyframe(figure, PLAN_FIGURE_COLS, PLAN_FIGURE_ROWS, mirrored=mirrored).lines
        )
    text = textwrap.wrap(heading, text_width, subsequent_indent="    ") or [""]
    for detail in details:
        text += textwrap.wrap(
            detail, text_width, initial_indent="    ", subsequent_indent="       "
        )
    return beside(text, drawing, text_width=text_width)
