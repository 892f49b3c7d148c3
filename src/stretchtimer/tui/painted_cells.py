"""What the direct painter writes for a changed span, worked out as cheaply as it can be.

A settled second writes half a dozen spans (the seconds digit's rows, the
bars' moving ends, the label): each a cursor move and the span's cells. Rich
builds a ``Control`` object, segments and all, for every cursor move, and a
widget's finished line passed through the app's filters whole before the
span was cut from it; a span is cut first and filtered alone here, which
gives the same cells because every line filter maps segment by segment.
"""

from __future__ import annotations

from typing import Protocol

from textual.strip import Strip


class LineReader(Protocol):
    """A widget's finished line ``y``, cut to the cells from ``start`` to ``end``."""

    def __call__(self, y: int, start: int = 0, end: int | None = None) -> Strip: ...


def cursor_to(x: int, y: int) -> str:
    """The cursor moved to column ``x``, row ``y`` (from 0), as ``Control.move_to`` writes it."""
    return f"\x1b[{y + 1};{x + 1}H"


def reading(lines: list[Strip]) -> LineReader:
    """A reader of lines already finished (Textual's own, for a widget that is not plain)."""

    def read(y: int, start: int = 0, end: int | None = None) -> Strip:
        return lines[y].crop(start, end)

    return read
