"""The check-in chart ``stats`` prints: a row a week, what was done beside how areas felt."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from stretchtimer.areas import SCORE_RANGE, area_name
from stretchtimer.history.checkin_stats import CheckinWeeks
from stretchtimer.history.locale_format import day_and_month, number, one_decimal
from stretchtimer.i18n import _

#: Eighths of a block, for a score drawn as a bar one character wide.
_LEVELS = " ▁▂▃▄▅▆▇█"
#: The widest bar of sessions or breaks, in characters.
_BAR = 8


def _bar(count: int, most: int) -> Text:
    width = 0 if most == 0 else max(1 if count else 0, round(_BAR * count / most))
    text = Text("█" * width, style="green")
    text.append(f"{' ' * (_BAR - width)} {number(count)}")
    return text


def _score(mean: float) -> Text:
    high = SCORE_RANGE[1]
    level = _LEVELS[min(len(_LEVELS) - 1, round((len(_LEVELS) - 1) * mean / high))]
    return Text(f"{level} {one_decimal(mean)}", style="yellow")


def checkin_chart(weeks: CheckinWeeks) -> Table:
    table = Table(
        title=_("Week by week: what you did, and how areas felt (0 fine, 10 worst)"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption=_("Side by side only: whether one follows from the other is for you to judge."),
        caption_justify="left",
    )
    table.add_column(_("Week of"))
    table.add_column(_("Sessions"))
    table.add_column(_("Breaks taken"))
    for area in weeks.areas:
        table.add_column(area_name(area), justify="right")
    most_sessions = max((w.sessions for w in weeks.adherence), default=0)
    most_breaks = max((w.breaks_taken for w in weeks.adherence), default=0)
    means = {(entry.week, entry.area): entry.mean for entry in weeks.checkins}
    for week in weeks.adherence:
        cells = [
            _score(means[(week.week, area)]) if (week.week, area) in means else Text("·", "dim")
            for area in weeks.areas
        ]
        table.add_row(
            day_and_month(week.week),
            _bar(week.sessions, most_sessions),
            _bar(week.breaks_taken, most_breaks),
            *cells,
        )
    return table
