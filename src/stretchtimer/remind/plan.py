"""What the reminder is asked to do: intervals, routines, limits and hours.

Everything is in whole seconds (or minutes of the day for working hours), so
the scheduler never parses text; the command line and ``config.toml`` turn
``20s`` or ``09:00-17:30`` into these numbers first.
"""

from __future__ import annotations

import re
from typing import assert_never

import msgspec

from stretchtimer.history.records import BreakKind
from stretchtimer.i18n import _

#: How far ``p`` moves a break when no postpone time was asked for.
DEFAULT_POSTPONE = 300


class PlannedRoutine(msgspec.Struct, frozen=True):
    """A routine the reminder may offer, with its length (which is also how long
    an idle spell must last to count as this break taken naturally)."""

    name: str
    seconds: int


class Plan(msgspec.Struct, frozen=True):
    routines: tuple[PlannedRoutine, ...]
    micro_routines: tuple[PlannedRoutine, ...] = ()
    #: Active seconds between long breaks.
    every: int = 3600
    #: Active seconds between micro breaks; 0 turns them off.
    micro_every: int = 1200
    #: How far a postponed break moves; None: ``DEFAULT_POSTPONE``, but never
    #: further than the break's own interval (see ``postpone_for``).
    postpone: int | None = None
    #: How many times one break may be postponed.
    postpone_limit: int = 2
    #: Seconds without input after which the count pauses.
    idle_after: int = 180
    #: The notice comes this long before a break falls due (0: no notice).
    notice: int = 30
    #: (start, end) minutes of the day during which breaks fall due; empty: always.
    working_hours: tuple[tuple[int, int], ...] = ()
    #: Every Nth break is a long one, on the micro breaks' clock; 0: the long interval
    #: runs on its own clock instead.
    long_after: int = 0
    #: Deliberate skips allowed per day; None: no limit.
    skips_per_day: int | None = None

    def __post_init__(self) -> None:
        if not self.routines:
            raise ValueError(_("a plan needs at least one routine for long breaks"))
        if self.every <= 0:
            raise ValueError(_("the long-break interval must be positive"))

    @property
    def micro_enabled(self) -> bool:
        return self.micro_every > 0 and bool(self.micro_routines)

    @property
    def cycles(self) -> bool:
        """Breaks come on one clock and every ``long_after``-th is long."""
        return self.long_after > 0 and self.micro_enabled

    def rotation(self, kind: BreakKind) -> tuple[PlannedRoutine, ...]:
        match kind:
            case BreakKind.LONG:
                return self.routines
            case BreakKind.MICRO:
                return self.micro_routines
            case _:
                assert_never(kind)

    def postpone_for(self, kind: BreakKind) -> int:
        """How far ``p`` moves a break of ``kind``.

        A postpone time given on purpose is kept as given; the default one is
        cut to the break's interval, so that trying ``--every 20s`` does not
        put a postponed break five minutes away, further than the next one.
        """
        if self.postpone is not None:
            return self.postpone
        return min(DEFAULT_POSTPONE, self.interval(kind))

    def interval(self, kind: BreakKind) -> int:
        match kind:
            case BreakKind.LONG:
                return self.micro_every if self.cycles else self.every
            case BreakKind.MICRO:
                return self.micro_every
            case _:
                assert_never(kind)


#: ASCII digits only, as every number the app reads: another script's digits are refused.
_SPAN = re.compile(r"^\s*([0-9]{1,2}):([0-9]{2})\s*-\s*([0-9]{1,2}):([0-9]{2})\s*$", re.ASCII)


def parse_working_hours(text: str) -> tuple[tuple[int, int], ...]:
    """``"09:00-12:30, 13:30-18:00"`` -> minute spans; ValueError says what is wrong.

    A span may cross midnight (``22:00-02:00``) for night shifts.
    """
    spans: list[tuple[int, int]] = []
    for part in text.split(","):
        if not part.strip():
            continue
        match = _SPAN.match(part)
        if not match:
            raise ValueError(_("'{span}' is not a span like 09:00-17:30").format(span=part.strip()))
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
            raise ValueError(_("'{span}' has a time that does not exist").format(span=part.strip()))
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start == end or start > 1440 or end > 1440:
            raise ValueError(_("'{span}' is empty or past midnight").format(span=part.strip()))
        spans.append((start, end))
    return tuple(spans)


def within_hours(spans: tuple[tuple[int, int], ...], minute_of_day: int) -> bool:
    if not spans:
        return True
    for start, end in spans:
        if start < end and start <= minute_of_day < end:
            return True
        if start > end and (minute_of_day >= start or minute_of_day < end):
            return True
    return False
