"""``history`` dates and ``stats`` numbers as the chosen language writes them (CLDR, via Babel);
English and ``--json`` as they always were."""

from __future__ import annotations

import io
from datetime import UTC, date
from pathlib import Path

import pytest
from test_history_checkin_stats import TODAY, _fill

from stretchtimer.history.commands import history_command, stats_command
from stretchtimer.history.locale_format import day_and_month, number
from stretchtimer.i18n import use_language


def _history(db: Path, *, as_json: bool = False) -> str:
    out = io.StringIO()
    assert history_command(as_json=as_json, db_path=db, out=out, tz=UTC) == 0
    return out.getvalue()


def _stats(db: Path) -> str:
    out = io.StringIO()
    assert stats_command(db_path=db, out=out, today=TODAY, tz=UTC) == 0
    return out.getvalue()


@pytest.mark.parametrize(
    ("language", "started"),
    [("en", "2026-12-08 10:00"), ("de", "08.12.2026 10:00"), ("es", "8/12/2026 10:00")],
)
def test_history_dates_are_written_as_the_language_writes_them(
    tmp_path: Path, language: str, started: str
) -> None:
    db = tmp_path / "history.db"
    _fill(db)
    english_json = _history(db, as_json=True)
    use_language([language])
    rows = [line for line in _history(db).splitlines() if "Desk break" in line]
    assert rows[0].split()[:2] == started.split()
    assert _history(db, as_json=True) == english_json  # for scripts: never translated


@pytest.mark.parametrize(
    ("language", "week", "mean", "weekdays"),
    [
        ("en", "30 Nov", "4.0", "Week of Mon Tue Wed Thu Fri Sat Sun"),
        ("de", "30. Nov.", "4,0", "Woche ab Mo. Di. Mi. Do. Fr. Sa. So."),
        ("es", "30 nov", "4,0", "Semana del lun mar mié jue vie sáb dom"),
    ],
)
def test_stats_days_and_numbers_are_in_the_language(
    tmp_path: Path, language: str, week: str, mean: str, weekdays: str
) -> None:
    db = tmp_path / "history.db"
    _fill(db)
    use_language([language])
    text = _stats(db)
    [row] = [line for line in text.splitlines() if line.strip().startswith(week)][-1:]
    assert f" {mean} " in f"{row} "  # neck's mean that week: (5 + 3) / 2
    assert weekdays in " ".join(text.split())


@pytest.mark.parametrize(
    ("language", "day", "count"),
    [("en", "Wed 02 Dec", "1234"), ("de", "Mi., 2. Dez.", "1.234"), ("es", "mié, 2 dic", "1.234")],
)
def test_a_day_with_its_weekday_and_a_count(language: str, day: str, count: str) -> None:
    """The breaks table's days, and counts past a thousand."""
    use_language([language])
    assert day_and_month(date(2026, 12, 2), weekday=True) == day
    assert number(1234) == count
