"""Time sources for the session engine.

The engine never reads the system time itself: it asks a ``Clock``. Production
uses the monotonic clock, which cannot jump when the wall clock is changed;
tests use ``FakeClock`` and move time by hand, so a whole routine runs in
milliseconds and every deadline is exact.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale; only differences are meaningful."""
        ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += seconds

    def set(self, value: float) -> None:
        if value < self._now:
            raise ValueError("a clock cannot go backwards")
        self._now = value
