"""The minimal floor: the least a Textual app can cost showing this kind of screen.

Usage: ``python minimal_app.py [--seconds 12] [--trace FILE]``

Stock Textual and nothing else: a header, one line of text, a ``Digits``
reading and a footer, with no CSS of its own and no bindings, drawn once and
then left asleep until ``--seconds`` have passed. ``floor_app.py`` lays out
the same widgets as the session screen (progress bars, notes, a footer full
of keys); this one is the bare minimum below it, the floor the goals in
docs/performance.md are set against.

``--trace`` writes the JSON lines ``stretchtimer run --trace`` writes at the
start and the end (``SessionStarted``, ``SessionFinished``), so the harness
treats it like the other apps.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Header, Static

#: The line the harness waits for to call the first frame drawn (the other apps show it too).
TEXT = "Seated shoulder hold"


class MinimalApp(App[None]):
    def __init__(self, seconds: float, trace: Path | None) -> None:
        super().__init__()
        self._seconds = seconds
        self._trace = trace

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(TEXT)
        yield Digits("00:12")
        yield Footer()

    def on_mount(self) -> None:
        self._record({"event": "SessionStarted", "clock": time.monotonic()})
        self.set_timer(self._seconds, self._finish)

    def _finish(self) -> None:
        self._record(
            {"event": "SessionFinished", "clock": time.monotonic(), "planned_total": self._seconds}
        )
        self.exit()

    def _record(self, record: dict[str, object]) -> None:
        if self._trace is not None:
            with self._trace.open("a", encoding="utf-8") as trace:
                trace.write(json.dumps(record) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=12.0)
    parser.add_argument("--trace", type=Path)
    args = parser.parse_args()
    MinimalApp(args.seconds, args.trace).run()


if __name__ == "__main__":
    main()
