"""Today's breaks as the reminder pane counts them, read from the history file.

The history file is the one record of the day: it holds what this reminder
resolved, what it resolved before a restart, and what any other reminder on
the same history resolved. So the pane's "Today" line is read from it, again
after each break this reminder resolves and at least once a minute, instead
of being counted from this reminder's own events. Without a history (tests,
or none at all) the events are all there is, and are counted.

The counting rule itself lives in ``history.stats.tally_breaks``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol

from stretchtimer.history.records import BreakRecord
from stretchtimer.history.stats import BreakTally, tally_breaks
from stretchtimer.remind.clocks import WallClock
from stretchtimer.remind.events import BreakResolved, ReminderEvent

#: The file is read again at least this often (seconds on the monotonic clock), for what
#: other reminders recorded; the pane redraws about once a minute anyway.
REREAD_SECONDS = 60.0


class BreakReader(Protocol):
    def breaks_since(self, moment: datetime) -> list[BreakRecord]: ...


class TodayTally:
    def __init__(
        self,
        wall: WallClock,
        history: BreakReader | None = None,
        *,
        now: Callable[[], float],
    ) -> None:
        self._wall = wall
        self._history = history
        self._now = now
        #: Without a history: the day's records, from the events.
        self._records: list[BreakRecord] = []
        #: With one: the tally of the last read, kept instead of the records it was made
        #: from, which would grow all day and be walked at every redraw.
        self._read_tally = tally_breaks(())
        #: Monotonic reading of the last read, and the day it was for; None: read now.
        self._read_at: float | None = None
        self._day: date | None = None

    def on_event(self, event: ReminderEvent) -> None:
        if isinstance(event, BreakResolved):
            if self._history is None:
                self._records.append(event.record)
            else:
                self._read_at = None  # on its way to the file: read it back from there

    def tally(self) -> BreakTally:
        wall = self._wall()
        today = wall.date()
        if self._history is not None:
            if self._stale(today):
                midnight = wall.replace(hour=0, minute=0, second=0, microsecond=0)
                self._read_tally = _tally_of(self._history.breaks_since(midnight), today)
                self._read_at, self._day = self._now(), today
            return self._read_tally
        self._records = [r for r in self._records if r.at.astimezone().date() == today]
        return _tally_of(self._records, today)

    def _stale(self, today: date) -> bool:
        return (
            self._read_at is None
            or self._day != today
            or self._now() - self._read_at >= REREAD_SECONDS
        )


def _tally_of(records: list[BreakRecord], today: date) -> BreakTally:
    return tally_breaks(
        (r.outcome.value, r.fell_due) for r in records if r.at.astimezone().date() == today
    )
