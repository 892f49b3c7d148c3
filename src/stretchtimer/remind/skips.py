"""How many deliberate skips are left today, for ``skips_per_day``.

Counted per local calendar day on the injected wall clock; a new day starts
with the full allowance. The count is kept in a ledger outside the process,
so quitting and starting the reminder again does not give a fresh allowance.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from stretchtimer.remind.clocks import WallClock


class SkipLedger(Protocol):
    """Where today's count of skips outlives the reminder."""

    def read(self) -> tuple[str | None, int]:
        """The day (ISO date) the count is for, and the count."""
        ...

    def write(self, day: str, used: int) -> None: ...


class DailySkips:
    def __init__(
        self, limit: int | None, wall: WallClock, ledger: SkipLedger | None = None
    ) -> None:
        self.limit = limit
        self._wall = wall
        self._ledger = ledger
        self._day: date | None = None
        self._used = 0

    def _today(self) -> None:
        day = self._wall().date()
        if day != self._day:
            self._day, self._used = day, 0
            if self._ledger is not None:
                kept_day, used = self._ledger.read()
                if kept_day == day.isoformat():
                    self._used = max(0, used)

    def left(self) -> int | None:
        """Skips left today, or None when there is no limit."""
        if self.limit is None:
            return None
        self._today()
        return max(0, self.limit - self._used)

    def use(self) -> bool:
        """Count one skip; False (and nothing counted) when none are left."""
        if self.left() == 0:
            return False
        self._today()
        self._used += 1
        if self._ledger is not None and self._day is not None:
            self._ledger.write(self._day.isoformat(), self._used)
        return True
