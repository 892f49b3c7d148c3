"""How areas felt, week by week, beside the sessions done and the breaks taken.

The two are set side by side and nothing more: a week with more stretching
and a lower neck score says nothing about cause, and the words and numbers
here claim none. Pure: callers pass local calendar days and today.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import msgspec

from stretchtimer.areas import AREAS
from stretchtimer.history.stats import week_start

#: Weeks shown, counting this one; older weeks are left to ``history``.
CHECKIN_WEEKS = 8


class AreaWeek(msgspec.Struct, frozen=True):
    """One area's scores in one week (``week`` is its Monday): their mean and how many."""

    week: date
    area: str
    mean: float
    count: int


class WeekAdherence(msgspec.Struct, frozen=True):
    week: date
    sessions: int
    breaks_taken: int


class CheckinWeeks(msgspec.Struct, frozen=True):
    checkins: tuple[AreaWeek, ...]
    adherence: tuple[WeekAdherence, ...]

    @property
    def areas(self) -> tuple[str, ...]:
        """The areas with any score, in the order of ``AREAS``."""
        scored = {entry.area for entry in self.checkins}
        return tuple(area for area in AREAS if area in scored)


def checkin_weeks(
    scores: Sequence[tuple[date, str, int]],
    session_days: Sequence[date],
    taken_break_days: Sequence[date],
    today: date,
    *,
    weeks: int = CHECKIN_WEEKS,
) -> CheckinWeeks:
    """Each week from the first with anything in it (within ``weeks``) to this one."""
    this_week = week_start(today)
    oldest = this_week - timedelta(weeks=weeks - 1)
    days = [d for d, _, _ in scores] + list(session_days) + list(taken_break_days)
    found = [week_start(d) for d in days if oldest <= week_start(d) <= this_week]
    if not found:
        return CheckinWeeks((), ())
    mondays = []
    monday = min(found)
    while monday <= this_week:
        mondays.append(monday)
        monday += timedelta(weeks=1)
    adherence = tuple(
        WeekAdherence(
            week,
            sum(1 for d in session_days if week_start(d) == week),
            sum(1 for d in taken_break_days if week_start(d) == week),
        )
        for week in mondays
    )
    grouped: dict[tuple[date, str], list[int]] = {}
    for day, area, score in scores:
        if week_start(day) in mondays:
            grouped.setdefault((week_start(day), area), []).append(score)
    order = {area: n for n, area in enumerate(AREAS)}
    checkins = tuple(
        AreaWeek(week, area, round(sum(values) / len(values), 2), len(values))
        for (week, area), values in sorted(
            grouped.items(), key=lambda item: (item[0][0], order.get(item[0][1], len(AREAS)))
        )
    )
    return CheckinWeeks(checkins, adherence)
