"""The big countdown, with a one-line fallback for small terminals.

Both forms are always composed; the stylesheet decides which one shows, so a
resize never has to rebuild widgets mid-session.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits

from stretchtimer.tui.widgets.line import Line


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
        yield Digits(self._value, id="big-time")
        yield Line(self._value, id="small-time")

    def show(self, value: str) -> bool:
        if value == self._value:
            return False
        self._value = value
        self.query_one(Digits).update(value)
        self.query_one(Line).show(value)
        return True
