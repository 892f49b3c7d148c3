"""Rich renderables for the ``history`` and ``stats`` commands.

Colour only adds emphasis: every number is also written out, so the output
still reads when piped (Rich drops the styles when it is not a terminal).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta, tzinfo
from typing import assert_never

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from stretchtimer.history.locale_format import date_and_time, day_and_month, number, weekday_names
from stretchtimer.history.records import SessionRecord, SessionStatus
from stretchtimer.history.stats import BreakTally, DayTotal, Stats
from stretchtimer.session.outcome import StepCounts, counts_text
from stretchtimer.wording import length_text, plural


def _status_style(status: SessionStatus) -> str:
    match status:
        case SessionStatus.COMPLETED:
            return "green"
        case SessionStatus.FINISHED:
            return "cyan"
        case SessionStatus.QUIT:
            return "yellow"
        case SessionStatus.INTERRUPTED:
            return "red"
        case SessionStatus.RESUMED:
            return "dim"
        case _:
            assert_never(status)


def _counts(record: SessionRecord) -> StepCounts:
    """A row's counts of the steps it reached (its status says whether it reached the end)."""
    return StepCounts(record.completed, record.partial, record.skipped)


def history_table(records: Sequence[SessionRecord], tz: tzinfo | None = None) -> Table:
    table = Table(title="Stretch sessions", box=box.SIMPLE_HEAD, title_justify="left")
    # Status and length are short words that must read whole; the routine's name and
    # the step counts share what room is left, wrapping between words, and on a narrow
    # terminal the time goes under the date.
    table.add_column("Date", min_width=len("2026-12-07"))
    table.add_column("Routine", ratio=3, min_width=8)
    table.add_column("Status", no_wrap=True, min_width=len("interrupted"))
    table.add_column("Steps", ratio=2, min_width=8)
    table.add_column("Active", justify="right", no_wrap=True)
    for record in records:
        started = record.started_at.astimezone(tz)
        table.add_row(
            date_and_time(started),
            record.routine,
            Text(record.status.value, style=_status_style(record.status)),
            counts_text(_counts(record)),
            length_text(record.active_seconds),
        )
    return table


def stats_view(stats: Stats) -> RenderableType:
    parts: list[RenderableType] = [_totals(stats), Text()]
    if stats.breaks_week.due or stats.breaks_week.natural:
        parts.append(_breaks(stats))
    if stats.most_skipped:
        parts.append(_skipped(stats))
    parts.append(_calendar(stats.days))
    return Group(*parts)


def _totals(stats: Stats) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row(
        "This week",
        f"{plural(stats.sessions_this_week, 'session')}, "
        f"{length_text(stats.minutes_this_week * 60)} active",
    )
    grid.add_row(
        "All time",
        f"{plural(stats.sessions_total, 'session')}, "
        f"{length_text(stats.minutes_total * 60)} active",
    )
    if stats.sessions_not_counted:
        # history lists every session; say why the two counts differ.
        left_out = stats.sessions_not_counted
        grid.add_row(
            "Not counted",
            f"{plural(left_out, 'session')} with no completed or partial step "
            f"(history lists {'it' if left_out == 1 else 'them'})",
        )
    grid.add_row(
        "Streak",
        f"{plural(stats.current_streak, 'day')} (longest {plural(stats.longest_streak, 'day')})",
    )
    if stats.breaks_week.due or stats.breaks_week.natural:
        grid.add_row("Breaks today", breaks_text(stats.breaks_today))
        grid.add_row("Breaks this week", breaks_text(stats.breaks_week))
    return grid


def _breaks(stats: Stats) -> Table:
    """Reminder breaks per day of this week: taken of due, and what became of the rest."""
    table = Table(title="Breaks this week", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("Day")
    for name in ("Taken", "Postponed", "Skipped", "Natural"):
        table.add_column(name, justify="right")
    for entry in stats.breaks_by_day:
        tally = entry.tally
        table.add_row(
            day_and_month(entry.day, weekday=True),
            f"{number(tally.taken)} of {number(tally.due)}",
            number(tally.postponed),
            number(tally.skipped),
            number(tally.natural),
        )
    return table


def breaks_text(tally: BreakTally) -> str:
    """``3 taken of 4 due; 2 postponed, 1 skipped, 1 natural``."""
    return (
        f"{tally.taken} taken of {tally.due} due; {tally.postponed} postponed,"
        f" {tally.skipped} skipped, {tally.natural} natural"
    )


def _skipped(stats: Stats) -> Table:
    table = Table(title="Most skipped", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("Stretch")
    table.add_column("Skipped", justify="right")
    for item in stats.most_skipped:
        table.add_row(item.name, f"{number(item.skipped)} of {number(item.finished)}")
    return table


def _calendar(days: Sequence[DayTotal]) -> Table:
    """Active time per day, a row per week: a small heat map that still reads as numbers."""
    table = Table(
        title="Active time per day",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption="· no session",
        caption_justify="left",
    )
    table.add_column("Week of")
    for name in weekday_names():
        table.add_column(name, justify="right")
    if not days:
        return table
    first = days[0].day - timedelta(days=days[0].day.weekday())
    by_day = {d.day: d for d in days}
    monday = first
    while monday <= days[-1].day:
        cells: list[Text] = []
        for offset in range(7):
            total = by_day.get(monday + timedelta(days=offset))
            cells.append(_cell(total))
        table.add_row(day_and_month(monday), *cells)
        monday += timedelta(days=7)
    return table


def _cell(total: DayTotal | None) -> Text:
    if total is None:
        return Text("")
    if total.sessions == 0:
        return Text("·", style="dim")
    if total.minutes >= 15:
        style = "bold black on green"
    elif total.minutes >= 5:
        style = "bold green"
    else:
        style = "green"
    return Text(length_text(total.minutes * 60), style=style)
