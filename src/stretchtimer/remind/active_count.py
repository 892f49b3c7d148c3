"""Active time towards each kind of break, kept as deadlines on the monotonic clock.

While the user works the count runs from a clock reading (``since``); each
kind keeps the seconds it had at that reading (``base``), so the moment a
break falls due is a fixed reading worked out once, not a sum kept up by
polling.
"""

from __future__ import annotations

from collections.abc import Iterable

from stretchtimer.history.records import BreakKind


class ActiveCount:
    def __init__(self, since: float | None) -> None:
        #: Reading from which the count runs; None while it is stopped.
        self.since = since
        #: Active seconds already counted, per kind, at ``since`` (or in total when stopped).
        self.base = {BreakKind.LONG: 0.0, BreakKind.MICRO: 0.0}

    @property
    def running(self) -> bool:
        return self.since is not None

    def active(self, kind: BreakKind, now: float) -> float:
        running = now - self.since if self.since is not None else 0.0
        return self.base[kind] + max(0.0, running)

    def stop(self, at: float) -> None:
        if self.since is None:
            return
        worked = max(0.0, at - self.since)
        for kind in self.base:
            self.base[kind] += worked
        self.since = None

    def start(self, at: float) -> None:
        if self.since is None:
            self.since = at

    def reset(self, kinds: Iterable[BreakKind], now: float) -> None:
        """These kinds count from zero as of ``now``."""
        offset = (now - self.since) if self.since is not None else 0.0
        for kind in kinds:
            self.base[kind] = -max(0.0, offset)

    def due_at(self, kind: BreakKind, interval: float) -> float | None:
        """The reading at which ``kind`` reaches ``interval``, while the count runs."""
        if self.since is None:
            return None
        return self.since + interval - self.base[kind]
