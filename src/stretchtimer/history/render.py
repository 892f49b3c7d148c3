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
from stretchtimer.i18n import N_, _, ngettext
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


#: How each status reads in the table (the stored value, and ``--json``, stay English).
_STATUS_WORDS = {
    SessionStatus.COMPLETED: N_("completed"),
    SessionStatus.FINISHED: N_("finished"),
    SessionStatus.QUIT: N_("quit"),
    SessionStatus.INTERRUPTED: N_("interrupted"),
    SessionStatus.RESUMED: N_("resumed"),
}


def _counts(record: SessionRecord) -> StepCounts:
    """A row's counts of the steps it reached (its status says whether it reached the end)."""
    return StepCounts(record.completed, record.partial, record.skipped)


def history_table(records: Sequence[SessionRecord], tz: tzinfo | None = None) -> Table:
    table = Table(title=_("Stretch sessions"), box=box.SIMPLE_HEAD, title_justify="left")
    # Status and length are short words that must read whole; the routine's name and
    # the step counts share what room is left, wrapping between words, and on a narrow
    # terminal the time goes under the date.
    table.add_column(_("Date"), min_width=len("2026-12-07"))
    table.add_column(_("Routine"), ratio=3, min_width=8)
    status_width = max(len(_(word)) for word in _STATUS_WORDS.values())
    table.add_column(_("Status"), no_wrap=True, min_width=status_width)
    table.add_column(_("Steps"), ratio=2, min_width=8)
    table.add_column(_("Active"), justify="right", no_wrap=True)
    for record in records:
        started = record.started_at.astimezone(tz)
        table.add_row(
            date_and_time(started),
            record.routine,
            Text(_(_STATUS_WORDS[record.status]), style=_status_style(record.status)),
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
        _("This week"), _sessions_active(stats.sessions_this_week, stats.minutes_this_week)
    )
    grid.add_row(_("All time"), _sessions_active(stats.sessions_total, stats.minutes_total))
    if stats.sessions_not_counted:
        # history lists every session; say why the two counts differ.
        left_out = stats.sessions_not_counted
        grid.add_row(
            _("Not counted"),
            ngettext(
                "{n} session with no completed or partial step (history lists it)",
                "{n} sessions with no completed or partial step (history lists them)",
                left_out,
            ).format(n=left_out),
        )
    grid.add_row(
        _("Streak"),
        # Translators: {current} and {longest} are counted days, as in "3 days".
        _("{current} (longest {longest})").format(
            current=plural(stats.current_streak, "day"),
            longest=plural(stats.longest_streak, "day"),
        ),
    )
    if stats.breaks_week.due or stats.breaks_week.natural:
        grid.add_row(_("Breaks today"), breaks_text(stats.breaks_today))
        grid.add_row(_("Breaks this week"), breaks_text(stats.breaks_week))
    return grid


def _sessions_active(sessions: int, minutes: float) -> str:
    """``3 sessions, 12:00 active``."""
    return ngettext(
        "{n} session, {length} active", "{n} sessions, {length} active", sessions
    ).format(n=sessions, length=length_text(minutes * 60))


def _breaks(stats: Stats) -> Table:
    """Reminder breaks per day of this week: taken of due, and what became of the rest."""
    table = Table(title=_("Breaks this week"), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(_("Day"))
    for name in (_("Taken"), _("Postponed"), _("Skipped"), _("Natural")):
        table.add_column(name, justify="right")
    for entry in stats.breaks_by_day:
        tally = entry.tally
        table.add_row(
            day_and_month(entry.day, weekday=True),
            _("{taken} of {due}").format(taken=number(tally.taken), due=number(tally.due)),
            number(tally.postponed),
            number(tally.skipped),
            number(tally.natural),
        )
    return table


def breaks_text(tally: BreakTally) -> str:
    """``3 taken of 4 due; 2 postponed, 1 skipped, 1 natural``."""
    return _(
        "{taken} taken of {due} due; {postponed} postponed, {skipped} skipped, {natural} natural"
    ).format(
        taken=tally.taken,
        due=tally.due,
        postponed=tally.postponed,
        skipped=tally.skipped,
        natural=tally.natural,
    )


def _skipped(stats: Stats) -> Table:
    table = Table(title=_("Most skipped"), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(_("Stretch"))
    table.add_column(_("Skipped"), justify="right")
    for item in stats.most_skipped:
        table.add_row(
            item.name,
            _("{skipped} of {finished}").format(
                skipped=number(item.skipped), finished=number(item.finished)
            ),
        )
    return table


def _calendar(days: Sequence[DayTotal]) -> Table:
    """Active time per day, a row per week: a small heat map that still reads as numbers."""
    table = Table(
        title=_("Active time per day"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption=_("· no session"),
        caption_justify="left",
    )
    table.add_column(_("Week of"))
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
