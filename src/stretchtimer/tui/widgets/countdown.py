"""The big countdown, with a one-line fallback for small terminals.

Both forms are always composed; the stylesheet decides which one shows, so a
resize never has to rebuild widgets mid-session.
"""

from __future__ import annotations

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
        #: The strips for the value on show, the blank strip, and the width they fit.
        self._strips: tuple[list[Strip], Strip, int] | None = None

    def update(self, value: str) -> None:
        self._strips = None
        super().update(value)

    def notify_style_update(self) -> None:
        self._strips = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        # The widget's style is worked out once per value: Textual computes it
        # afresh from every ancestor on each call, which for three lines a
        # second cost more than drawing the glyphs.
        width = self.content_size.width
        if self._strips is None or self._strips[2] != width:
            style = self.rich_style
            glyphs = digit_lines(self.value, style)
            rows = [Strip(row).crop_extend(0, width, style) for row in glyphs]
            self._strips = (rows, Strip.blank(width, style), width)
        rows, blank, _ = self._strips
        return rows[y] if 0 <= y < len(rows) else blank


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
