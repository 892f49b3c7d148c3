"""A progress bar driven by the engine's numbers rather than by its own timer.

Textual's ``ProgressBar`` refreshes itself every second for its ETA; this bar
changes only when a cell would fill or its label would read differently.

It draws through Textual's line API: one ``Strip`` of four segments whose
styles are worked out once per theme. Going through a Rich ``Text`` instead
cost about four times as much, and a session redraws one or both bars every
second for as long as it runs.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

_CELL = "━"


class TimeBar(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"time-bar--done", "time-bar--left", "time-bar--label"}

    DEFAULT_CSS = """
    TimeBar {
        height: 1;
        width: 1fr;
    }
    TimeBar > .time-bar--done {
        color: $accent;
    }
    TimeBar > .time-bar--left {
        color: $foreground 20%;
    }
    TimeBar > .time-bar--label {
        color: $text-muted;
    }
    """

    def __init__(self, *, name: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self._caption = name
        self._fraction = 0.0
        self._label = ""
        self._drawn: tuple[int, str] | None = None
        self._palette: tuple[Style, Style, Style, Style] | None = None

    @property
    def fraction(self) -> float:
        return self._fraction

    @property
    def label(self) -> str:
        return self._label

    def _cells(self, fraction: float, label: str) -> tuple[int, int]:
        text = self._text_width(label)
        width = max(0, self.content_size.width - text)
        return round(fraction * width), width

    def _text_width(self, label: str) -> int:
        prefix = len(self._caption) + 1 if self._caption else 0
        return prefix + (len(label) + 1 if label else 0)

    def set_progress(self, fraction: float, label: str = "") -> bool:
        """Show ``fraction`` (0..1) and ``label``; redraw only on a visible change."""
        self._fraction = min(1.0, max(0.0, fraction))
        self._label = label
        done, _ = self._cells(self._fraction, label)
        key = (done, label)
        if key == self._drawn:
            return False
        self._drawn = key
        self.refresh()
        return True

    def notify_style_update(self) -> None:
        """The theme or the stylesheet changed: work the colours out again."""
        self._palette = None
        super().notify_style_update()

    def _bar_styles(self) -> tuple[Style, Style, Style, Style]:
        """The bar's own style and its parts', kept until the styles change.

        Textual works a widget's style out afresh from every ancestor each
        time it is asked, which cost more than drawing the line.
        """
        if self._palette is None:
            self._palette = (
                self.rich_style,
                self.get_component_rich_style("time-bar--done"),
                self.get_component_rich_style("time-bar--left"),
                self.get_component_rich_style("time-bar--label"),
            )
        return self._palette

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        style, done_style, left_style, label_style = self._bar_styles()
        if y != 0:
            return Strip.blank(width, style)
        done, bar = self._cells(self._fraction, self._label)
        self._drawn = (done, self._label)
        parts = [
            (f"{self._caption} " if self._caption else "", label_style),
            (_CELL * done, done_style),
            (_CELL * (bar - done), left_style),
            (f" {self._label}" if self._label else "", label_style),
        ]
        segments = [Segment(text, style) for text, style in parts if text]
        return Strip(segments).crop_extend(0, width, style)
