"""The big countdown, with a one-line fallback for small terminals.

Both forms are always composed; the stylesheet decides which one shows, so a
resize never has to rebuild widgets mid-session.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.strip import Strip
from textual.widgets import Digits

from stretchtimer.tui.textual_private import digit_lines
from stretchtimer.tui.widgets.line import Line


class BigTime(Digits):
    """Textual's ``Digits``, drawn through the line API.

    The stock widget wraps its glyphs in Rich renderables that are measured
    and laid out again on every change; this one turns the same glyphs into
    three strips. The countdown changes every second of a session, and this
    halves what each of those redraws costs. (Selecting the digits with the
    mouse is not supported; nothing else is lost.)
    """

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(value, id=id)
        self._lines: list[list[Segment]] | None = None

    def update(self, value: str) -> None:
        self._lines = None
        super().update(value)

    def notify_style_update(self) -> None:
        self._lines = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        style = self.rich_style
        if self._lines is None:
            self._lines = digit_lines(self.value, style)
        width = self.content_size.width
        if 0 <= y < len(self._lines):
            return Strip(self._lines[y]).crop_extend(0, width, style)
        return Strip.blank(width, style)


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown {
        height: auto;
        align-horizontal: center;
    }
    Countdown > Digits {
        width: auto;
    }
    Countdown > Line {
        width: auto;
        display: none;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = ""

    @property
    def value(self) -> str:
        return self._value

    def compose(self) -> ComposeResult:
        yield BigTime(self._value, id="big-time")
        yield Line(self._value, id="small-time")

    def show(self, value: str) -> bool:
        if value == self._value:
            return False
        self._value = value
        self.query_one(BigTime).update(value)
        self.query_one(Line).show(value)
        return True
