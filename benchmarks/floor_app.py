"""The Textual floor: a screen like the session screen, drawn once, then idle.

Usage: ``python floor_app.py [--seconds 12] [--redraw-hz 0] [--trace FILE]``

It composes the same kinds of widgets as stretchtimer's session screen (text
lines, a big ``Digits`` countdown, two progress bars, a compact footer), draws
them once and exits after ``--seconds``: whatever it costs is what Textual
itself costs for such a screen, and no countdown can be cheaper. With
``--redraw-hz 60`` it instead redraws the digits 60 times a second, the way a
naive timer screen would, to show the scale of the alternative.

``--quiet-input`` gives it stretchtimer's input driver (``tui/quiet_input.py``,
whose input thread sleeps until a key comes) in place of Textual's, which
polls ten times a second: the floor for an app that does what stretchtimer
does about Textual's polling.

``--trace`` writes the same JSON lines as ``stretchtimer run --trace`` (a
``SessionStarted`` when mounted, a ``SessionFinished`` when the timer fires),
so the harness treats both apps alike.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Footer, ProgressBar, Static

#: The text the harness waits for to call the first frame drawn.
TITLE = "Seated shoulder hold"


class FloorApp(App[None]):
    CSS = """
    #session { padding: 0 2; height: 1fr; }
    .row { height: auto; }
    .row > Static { width: auto; }
    #heading, #title { width: 1fr; }
    #title { text-style: bold; }
    #name-row { margin-top: 1; }
    #countdown { height: auto; align-horizontal: center; margin-top: 1; }
    Digits { width: auto; }
    ProgressBar { margin-top: 1; }
    #notes { height: 1fr; margin-top: 1; }
    """
    #: As many keys in the footer as the session screen shows.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "noop('pause')", "Pause"),
        Binding("n", "noop('next')", "Next"),
        Binding("p", "noop('back')", "Back"),
        Binding("r", "noop('restart')", "Restart"),
        Binding("plus", "noop('more')", "+10s"),
        Binding("minus", "noop('less')", "-10s"),
        Binding("m", "noop('mute')", "Mute"),
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "noop('keys')", "Keys"),
    ]

    def __init__(
        self, seconds: float, redraw_hz: float, trace: Path | None, *, quiet_input: bool = False
    ) -> None:
        driver_class = None
        if quiet_input:
            from stretchtimer.tui.quiet_input import QuietLinuxDriver

            driver_class = QuietLinuxDriver
        super().__init__(driver_class=driver_class)
        self._seconds = seconds
        self._redraw_hz = redraw_hz
        self._trace = trace
        self._started = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(id="session"):
            with Horizontal(classes="row"):
                yield Static("Benchmark hold · step 1 of 1", id="heading")
            with Horizontal(id="name-row", classes="row"):
                yield Static(TITLE, id="title")
                yield Static("stretch")
            yield Static("Hold")
            with Vertical(id="countdown"):
                yield Digits("0:12")
            yield ProgressBar(total=100, show_eta=False, id="phase-bar")
            yield ProgressBar(total=100, show_eta=False, id="session-bar")
            with VerticalScroll(id="notes"):
                yield Static(
                    "1. Sit tall with your feet flat and your shoulders loose.\n"
                    "2. Reach one arm across your chest and hold it with the other hand.\n"
                    "3. Breathe out slowly and let the shoulder soften."
                )
                yield Static("Keep the shoulder down, away from your ear.")
            yield Static("Last step")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._started = time.monotonic()
        self._record({"event": "SessionStarted", "clock": self._started})
        self.set_timer(self._seconds, self._finish)
        if self._redraw_hz > 0:
            self.set_interval(1 / self._redraw_hz, self._redraw)

    def _redraw(self) -> None:
        left = max(0.0, self._seconds - (time.monotonic() - self._started))
        self.query_one(Digits).update(f"0:{left:05.2f}")

    def _finish(self) -> None:
        self._record(
            {"event": "SessionFinished", "clock": time.monotonic(), "planned_total": self._seconds}
        )
        self.exit()

    def _record(self, record: dict[str, object]) -> None:
        if self._trace is not None:
            with self._trace.open("a", encoding="utf-8") as trace:
                trace.write(json.dumps(record) + "\n")

    def action_noop(self, _what: str) -> None:
        """The footer shows keys, as the session screen's does; they do nothing here."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=12.0)
    parser.add_argument("--redraw-hz", type=float, default=0.0)
    parser.add_argument("--trace", type=Path)
    parser.add_argument("--quiet-input", action="store_true")
    args = parser.parse_args()
    FloorApp(args.seconds, args.redraw_hz, args.trace, quiet_input=args.quiet_input).run()


if __name__ == "__main__":
    main()
