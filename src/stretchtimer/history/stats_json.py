"""What ``stretchtimer stats --json`` prints: the figures ``stats`` shows.

Scripts read this, so its fields are a contract: counts are integers,
minutes are numbers, days are ISO dates. ``breaks.today`` and
``breaks.week`` hold the reminder's breaks with ``due``, ``taken``,
``postponed``, ``skipped`` and ``natural``.
"""

from __future__ import annotations

import msgspec
import msgspec.structs

from stretchtimer.history.stats import BreakTally, SkippedStretch, Stats


class Span(msgspec.Struct, frozen=True):
    week: int | float
    total: int | float


class Streak(msgspec.Struct, frozen=True):
    current: int
    longest: int


class DayBreaksJson(BreakTally, frozen=True):
    day: str = ""


class Breaks(msgspec.Struct, frozen=True):
    today: BreakTally
    week: BreakTally
    #: Each day of this week so far, Monday first.
    days: tuple[DayBreaksJson, ...] = ()


class DayJson(msgspec.Struct, frozen=True):
    day: str
    sessions: int
    minutes: float


class StatsJson(msgspec.Struct, frozen=True):
    today: str
    sessions: Span
    minutes: Span
    streak: Streak
    breaks: Breaks
    most_skipped: tuple[SkippedStretch, ...]
    days: tuple[DayJson, ...]


def stats_json(stats: Stats) -> StatsJson:
    return StatsJson(
        today=stats.today.isoformat(),
        sessions=Span(stats.sessions_this_week, stats.sessions_total),
        minutes=Span(round(stats.minutes_this_week, 2), round(stats.minutes_total, 2)),
        streak=Streak(stats.current_streak, stats.longest_streak),
        breaks=Breaks(
            stats.breaks_today,
            stats.breaks_week,
            tuple(
                DayBreaksJson(**msgspec.structs.asdict(d.tally), day=d.day.isoformat())
                for d in stats.breaks_by_day
            ),
        ),
        most_skipped=stats.most_skipped,
        days=tuple(DayJson(d.day.isoformat(), d.sessions, round(d.minutes, 2)) for d in stats.days),
    )
