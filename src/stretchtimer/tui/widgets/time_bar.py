"""A progress bar driven by the engine's numbers rather than by its own timer.

Textual's ``ProgressBar`` refreshes itself every second for its ETA; this bar
changes only when a cell would fill or its label would read differently.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
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
        self._name = name
        self._fraction = 0.0
        self._label = ""
        self._drawn: tuple[int, str] | None = None

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
        prefix = len(self._name) + 1 if self._name else 0
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

    def render(self) -> Text:
        done, width = self._cells(self._fraction, self._label)
        self._drawn = (done, self._label)
        text = Text(no_wrap=True, overflow="crop")
        if self._name:
            text.append(f"{self._name} ", style=self.get_component_rich_style("time-bar--label"))
        text.append(_CELL * done, style=self.get_component_rich_style("time-bar--done"))
        text.append(_CELL * (width - done), style=self.get_component_rich_style("time-bar--left"))
        if self._label:
            text.append(f" {self._label}", style=self.get_component_rich_style("time-bar--label"))
        return text
