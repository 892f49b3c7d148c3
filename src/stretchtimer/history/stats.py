"""Streaks and totals worked out from plain dates and numbers.

Nothing here reads a file or the clock: callers pass the local calendar day of
each session and what "today" is, which keeps the rules easy to pin down in
tests (month ends, gap days, the evening before today's break).

A day counts towards a streak when it has a session in which some stretching
happened (a step completed or partly done); opening a routine and quitting at
once does not keep a streak alive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import msgspec

#: Weeks shown in the per-day chart.
CHART_WEEKS = 4


def current_streak(days: Iterable[date], today: date) -> int:
    """Days in a row with a session, ending today, or yesterday if today has none yet.

    A streak stays alive through the day after its last session: the break
    for today may still come.
    """
    active = set(days)
    day = today if today in active else today - timedelta(days=1)
    streak = 0
    while day in active:
        streak += 1
        day -= timedelta(days=1)
    return streak


def longest_streak(days: Iterable[date]) -> int:
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


class SessionFacts(msgspec.Struct, frozen=True):
    """What the statistics need from one session."""

    day: date
    active_seconds: float
    stretched: bool


class DayTotal(msgspec.Struct, frozen=True):
    day: date
    sessions: int
    minutes: float


class SkippedStretch(msgspec.Struct, frozen=True):
    name: str
    skipped: int
    finished: int


class BreakTally(msgspec.Struct, frozen=True):
    """Reminder breaks over a span of days.

    ``due`` counts breaks that fell due, each once however often it was
    postponed; ``postponed`` counts the postponements themselves; ``natural``
    counts idle spells that stood in for a break, prompted or not.
    """

    due: int = 0
    taken: int = 0
    postponed: int = 0
    skipped: int = 0
    natural: int = 0


def tally_breaks(outcomes: Iterable[tuple[str, bool]]) -> BreakTally:
    """Totals from (outcome, fell_due) pairs, one per break record."""
    counts: Counter[str] = Counter()
    due = 0
    for outcome, fell_due in outcomes:
        counts[outcome] += 1
        if fell_due and outcome != "postponed":
            due += 1
    return BreakTally(
        due=due,
        taken=counts["taken"],
        postponed=counts["postponed"],
        skipped=counts["skipped"],
        natural=counts["natural"],
    )


class DayBreaks(msgspec.Struct, frozen=True):
    day: date
    tally: BreakTally


class BreakFacts(msgspec.Struct, frozen=True):
    """What the statistics need from one break record."""

    day: date
    outcome: str
    fell_due: bool


class Stats(msgspec.Struct, frozen=True):
    today: date
    sessions_this_week: int
    minutes_this_week: float
    sessions_total: int
    minutes_total: float
    current_streak: int
    longest_streak: int
    most_skipped: tuple[SkippedStretch, ...]
    #: One entry per day from the Monday ``CHART_WEEKS - 1`` weeks back to today.
    days: tuple[DayTotal, ...]
    breaks_today: BreakTally = BreakTally()
    breaks_week: BreakTally = BreakTally()
    #: Sessions in history that the counts above leave out: no step completed or partial.
    sessions_not_counted: int = 0
    #: Each day of this week so far, Monday first.
    breaks_by_day: tuple[DayBreaks, ...] = ()


def most_skipped(outcomes: Iterable[tuple[str, str]], limit: int = 5) -> list[SkippedStretch]:
    """Stretches skipped most often, from (step name, status) pairs.

    ``finished`` counts every time the stretch came up and was left, however it
    ended, so "skipped 4 of 5" reads differently from "skipped 4 of 40".
    """
    skipped: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for name, status in outcomes:
        seen[name] += 1
        if status == "skipped":
            skipped[name] += 1
    ranked = sorted(skipped.items(), key=lambda item: (-item[1], item[0]))
    return [SkippedStretch(name, count, seen[name]) for name, count in ranked[:limit]]


def compute_stats(
    sessions: Sequence[SessionFacts],
    outcomes: Iterable[tuple[str, str]],
    today: date,
    *,
    weeks: int = CHART_WEEKS,
    breaks: Sequence[BreakFacts] = (),
) -> Stats:
    counted = [s for s in sessions if s.stretched]
    monday = week_start(today)
    breaks_today = tally_breaks((b.outcome, b.fell_due) for b in breaks if b.day == today)
    breaks_week = tally_breaks((b.outcome, b.fell_due) for b in breaks if monday <= b.day <= today)
    breaks_by_day = tuple(
        DayBreaks(day, tally_breaks((b.outcome, b.fell_due) for b in breaks if b.day == day))
        for day in (monday + timedelta(days=n) for n in range((today - monday).days + 1))
    )
    this_week = [s for s in counted if monday <= s.day <= today]
    first = monday - timedelta(weeks=weeks - 1)
    sessions_on: Counter[date] = Counter()
    seconds_on: dict[date, float] = {}
    for s in counted:
        sessions_on[s.day] += 1
        seconds_on[s.day] = seconds_on.get(s.day, 0.0) + s.active_seconds
    days = tuple(
        DayTotal(day, sessions_on[day], seconds_on.get(day, 0.0) / 60)
        for day in (first + timedelta(days=n) for n in range((today - first).days + 1))
    )
    # A reminder's break is a session too: it counts when some stretching happened in it,
    # as the summary's streak does (a break started and skipped through earns no day).
    dates = [s.day for s in counted]
    return Stats(
        today=today,
        sessions_this_week=len(this_week),
        minutes_this_week=sum(s.active_seconds for s in this_week) / 60,
        sessions_total=len(counted),
        minutes_total=sum(s.active_seconds for s in counted) / 60,
        current_streak=current_streak(dates, today),
        longest_streak=longest_streak(dates),
        most_skipped=tuple(most_skipped(outcomes)),
        days=days,
        breaks_today=breaks_today,
        breaks_week=breaks_week,
        breaks_by_day=breaks_by_day,
        sessions_not_counted=len(sessions) - len(counted),
    )
