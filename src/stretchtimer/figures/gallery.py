"""Figures as plain text: keyframes side by side, and the gallery page made from the library.

``docs/figures.md`` is written from the library by ``scripts/make_gallery.py``
(and checked by a test), so a figure is drawn once, as data, and never again by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from stretchtimer.figures.draw import draw, fit, is_wide
from stretchtimer.figures.model import Figure
from stretchtimer.figures.raster import Raster

#: The size each keyframe is drawn at in the gallery and by ``stretchtimer figures NAME``.
CARD_COLS = 26
CARD_ROWS = 12
GAP = "   "


def card_cols(figure: Figure) -> int:
    """Twice as wide for a figure lying down: the session gives it a wide place too."""
    return CARD_COLS * 2 if is_wide(figure) else CARD_COLS


def keyframe_rasters(
    figure: Figure, cols: int = CARD_COLS, rows: int = CARD_ROWS, *, mirrored: bool = False
) -> list[Raster]:
    """Every keyframe of a figure, all fitted to one framing so they compare."""
    framing = fit(figure, cols, rows)
    return [
        draw(
            figure,
            k.pose,
            framing,
            mirrored=mirrored,
            marks=figure.marks_of(k),
            around=k.around,
        )
        for k in figure.keyframes
    ]


def side_by_side(rasters: Iterable[Raster], gap: str = GAP) -> list[str]:
    columns = [r.lines for r in rasters]
    if not columns:
        return []
    return [gap.join(column[row] for column in columns).rstrip() for row in range(len(columns[0]))]


def captions(figure: Figure, cols: int = CARD_COLS, gap: str = GAP) -> str:
    """Keyframe names under their drawings, each left-aligned in its column."""
    names = [k.name[:cols].ljust(cols) for k in figure.keyframes]
    return gap.join(names).rstrip()


def figure_text(figure: Figure, cols: int | None = None, rows: int = CARD_ROWS) -> list[str]:
    """A figure's keyframes drawn side by side, with their names underneath."""
    cols = card_cols(figure) if cols is None else cols
    return [*side_by_side(keyframe_rasters(figure, cols, rows)), captions(figure, cols)]


def motion_note(figure: Figure) -> str:
    first, *rest = [k.name for k in figure.keyframes]
    if not rest:
        return f"Still: `{first}`."
    target = rest[-1]
    reps = " → ".join(f"`{name}`" for name in rest)
    how = "back and forth" if figure.cycle == "sweep" else "round"
    return (
        f"A hold eases from `{first}` into `{target}` while you get ready. "
        f"A rep goes {how} through {reps}."
    )


def gallery_markdown(figures: Mapping[str, Figure]) -> str:
    lines = [
        "# Figures",
        "",
        "<!-- Written by scripts/make_gallery.py from src/stretchtimer/figures/library/;"
        " edit the figures there and run `make gallery`. -->",
        "",
        "Every stretch and warm-up of the bundled routines has a figure, drawn in the",
        "terminal with Braille characters (2 x 4 dots each). These are all of them, each",
        "keyframe side by side: the first is the neutral pose, the last the one a hold",
        "stays in. A figure faces you like a mirror: on a step for your left side, the",
        "limb that moves is on the screen's left. As drawn here each shows your right",
        "side (the figure's own left), and a left-side step shows its mirror image.",
        "Props (floor, chair, wall, pillow, screen, window) are drawn dimmer",
        "on screen. Where lines cross, the one behind has a gap: from the side the near",
        "arm and leg are in front of the trunk (a solid back), the far ones behind it.",
        "A figure whose move is a turn adds a small framed view from above",
        "(hips dim, shoulders and head with its nose), and one whose move is small may be",
        "a close-up from the chest up. How to name one in a routine, or draw your own:",
        "[the routine format](routine-format.md#figures). `stretchtimer figures` lists",
        "them and `stretchtimer figures NAME` draws one. Each keyframe is also drawn",
        "as a picture of its dots, one dot per Braille dot, in [figures/](figures/)",
        "(`figures/NAME-K.png`, K counting keyframes from 1).",
        "",
        "| figure | what it shows |",
        "| --- | --- |",
    ]
    lines += [f"| [`{name}`](#{name}) | {f.description} |" for name, f in figures.items()]
    for name, figure in figures.items():
        lines += [
            "",
            f"## {name}",
            "",
            f"{figure.description} Seen from the {figure.view}. {motion_note(figure)}",
            "",
            "```text",
            *figure_text(figure),
            "```",
        ]
    return "\n".join(lines) + "\n"
