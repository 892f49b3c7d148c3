"""What ``stretchtimer stats --json`` prints: the figures ``stats`` shows.

Scripts read this, so its fields are a contract: counts are integers,
minutes are numbers, days are ISO dates. The session figures sit at the top
level (``sessions_total``, ``current_streak``, ``days``...;
``sessions_not_counted``: the sessions ``history`` lists that the counts
leave out, having no completed or partial step); ``breaks``
holds the reminder's breaks: ``breaks.today`` and ``breaks.week`` with
``due``, ``taken``, ``postponed``, ``skipped`` and ``natural``, and
``breaks.days`` the same for each day of this week. ``checkins`` gives each
week's mean score per area (``week``, ``area``, ``mean``, ``count``), and
``adherence`` each week's ``sessions`` and ``breaks_taken`` beside them.
"""

from __future__ import annotations

from datetime import date

import msgspec
import msgspec.structs

from stretchtimer.history.checkin_stats import AreaWeek, WeekAdherence
from stretchtimer.history.stats import BreakTally, DayTotal, SkippedStretch, Stats


class DayBreaksJson(BreakTally, frozen=True):
    day: str = ""


class Breaks(msgspec.Struct, frozen=True):
    today: BreakTally
    week: BreakTally
    #: Each day of this week so far, Monday first.
    days: tuple[DayBreaksJson, ...] = ()


class StatsJson(msgspec.Struct, frozen=True):
    today: date
    sessions_this_week: int
    minutes_this_week: float
    sessions_total: int
    minutes_total: float
    #: Sessions that history lists but the counts leave out: no completed or partial step.
    sessions_not_counted: int
    current_streak: int
    longest_streak: int
    most_skipped: tuple[SkippedStretch, ...]
    days: tuple[DayTotal, ...]
    breaks: Breaks
    #: Each week's mean check-in score per area (``week`` is its Monday).
    checkins: tuple[AreaWeek, ...] = ()
    #: Each week's sessions done and breaks taken, beside the check-ins.
    adherence: tuple[WeekAdherence, ...] = ()


def stats_json(stats: Stats) -> StatsJson:
    return StatsJson(
        today=stats.today,
        sessions_this_week=stats.sessions_this_week,
        minutes_this_week=stats.minutes_this_week,
        sessions_total=stats.sessions_total,
        minutes_total=stats.minutes_total,
        sessions_not_counted=stats.sessions_not_counted,
        current_streak=stats.current_streak,
        longest_streak=stats.longest_streak,
        most_skipped=stats.most_skipped,
        days=stats.days,
        breaks=Breaks(
            stats.breaks_today,
            stats.breaks_week,
            tuple(
                DayBreaksJson(**msgspec.structs.asdict(d.tally), day=d.day.isoformat())
                for d in stats.breaks_by_day
            ),
        ),
    )
