"""A scrollbar drawn in whole cells, in a column of its own.

Textual's scrollbar ends its thumb in eighth-blocks (``▂``, ``▅``), which
beside a list of text read as stray characters. This one draws the thumb as
whole coloured cells (blank glyphs), and ``own_column`` keeps a column for
it, so the text is never drawn under it and does not shift when it appears.
"""

from __future__ import annotations

from typing import ClassVar

from textual.scrollbar import ScrollBarRender
from textual.widget import Widget


class WholeCellScrollBar(ScrollBarRender):
    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


def own_column(widget: Widget) -> None:
    """Give ``widget``'s vertical scrollbar a column of its own, drawn in whole cells."""
    widget.styles.scrollbar_gutter = "stable"
    widget.styles.scrollbar_size_vertical = 1
    # Textual's documented way to give one widget's scrollbar another renderer,
    # though the attribute is typed as belonging to the class.
    widget.vertical_scrollbar.renderer = WholeCellScrollBar  # type: ignore[misc]
