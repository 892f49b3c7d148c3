"""Today's breaks as the reminder pane counts them: what history already held
when the reminder started, plus every break resolved since.

The counting rule itself lives in ``history.stats.tally_breaks``; this only
keeps today's records and starts afresh when the date changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from stretchtimer.history.records import BreakRecord
from stretchtimer.history.stats import BreakTally, tally_breaks
from stretchtimer.remind.clocks import WallClock
from stretchtimer.remind.events import BreakResolved, ReminderEvent


class TodayTally:
    def __init__(self, wall: WallClock, earlier: Iterable[BreakRecord] = ()) -> None:
        self._wall = wall
        self._records = list(earlier)

    def on_event(self, event: ReminderEvent) -> None:
        if isinstance(event, BreakResolved):
            self._records.append(event.record)

    def tally(self) -> BreakTally:
        today: date = self._wall().date()
        self._records = [r for r in self._records if r.at.astimezone().date() == today]
        return tally_breaks((r.outcome.value, r.fell_due) for r in self._records)
