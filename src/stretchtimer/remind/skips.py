"""How many deliberate skips are left today, for ``skips_per_day``.

Counted per local calendar day on the injected wall clock; a new day starts
with the full allowance.
"""

from __future__ import annotations

from datetime import date

from stretchtimer.remind.clocks import WallClock


class DailySkips:
    def __init__(self, limit: int | None, wall: WallClock) -> None:
        self.limit = limit
        self._wall = wall
        self._day: date | None = None
        self._used = 0

    def _today(self) -> None:
        day = self._wall().date()
        if day != self._day:
            self._day, self._used = day, 0

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
        return True
