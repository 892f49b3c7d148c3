"""Check-ins week by week beside the sessions done and the breaks taken, in stats and its JSON."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

from stretchtimer.history.checkin_stats import checkin_weeks
from stretchtimer.history.commands import stats_command
from stretchtimer.history.feedback import add_checkin
from stretchtimer.history.records import BreakKind, BreakRecord, Outcome, SessionStatus
from stretchtimer.history.store import open_store

TODAY = date(2026, 12, 9)  # a Wednesday


def _at(day: int, month: int = 12) -> datetime:
    return datetime(2026, month, day, 10, tzinfo=UTC)


def _fill(db: Path) -> None:
    store = open_store(db)
    with store.transaction():
        for moment in (_at(30, 11), _at(1), _at(8)):
            row = store.insert_session(
                routine="Desk break",
                routine_file=None,
                started_at=moment.isoformat(),
                start_step=0,
                step_count=2,
            )
            store.finish_session(
                row,
                status=SessionStatus.COMPLETED,
                ended_at=moment.isoformat(),
                completed=2,
                skipped=0,
                partial=0,
                active_seconds=120,
            )
        store.add_break(BreakRecord(_at(2), BreakKind.LONG, "Desk break", Outcome.TAKEN, True))
        store.add_break(BreakRecord(_at(2), BreakKind.LONG, "Desk break", Outcome.SKIPPED, True))
        add_checkin(store, _at(23, 11), {"neck": 6})
        add_checkin(store, _at(1), {"neck": 5, "eyes": 2})
        add_checkin(store, _at(3), {"neck": 3})
        add_checkin(store, _at(8), {"shoulders": 4})
    store.close()


def test_stats_json_gives_weekly_area_means_and_adherence(tmp_path: Path):
    db = tmp_path / "history.db"
    _fill(db)
    out = io.StringIO()
    assert stats_command(as_json=True, db_path=db, out=out, today=TODAY, tz=UTC) == 0
    figures = json.loads(out.getvalue())
    assert figures["checkins"] == [
        {"week": "2026-11-23", "area": "neck", "mean": 6.0, "count": 1},
        {"week": "2026-11-30", "area": "neck", "mean": 4.0, "count": 2},
        {"week": "2026-11-30", "area": "eyes", "mean": 2.0, "count": 1},
        {"week": "2026-12-07", "area": "shoulders", "mean": 4.0, "count": 1},
    ]
    assert figures["adherence"] == [
        {"week": "2026-11-23", "sessions": 0, "breaks_taken": 0},
        {"week": "2026-11-30", "sessions": 2, "breaks_taken": 1},
        {"week": "2026-12-07", "sessions": 1, "breaks_taken": 0},
    ]


def test_stats_shows_the_weeks_side_by_side_and_claims_no_cause(tmp_path: Path):
    db = tmp_path / "history.db"
    _fill(db)
    out = io.StringIO()
    assert stats_command(db_path=db, out=out, today=TODAY, tz=UTC) == 0
    text = out.getvalue()
    words = " ".join(text.split())
    assert "how areas felt" in words and "is for you to judge" in words
    [row] = [line for line in text.splitlines() if line.strip().startswith("30 Nov")][-1:]
    assert "2" in row and "4.0" in row and "2.0" in row


def test_weeks_only_from_the_first_with_anything_and_none_without_data():
    assert checkin_weeks([], [], [], TODAY).adherence == ()
    weeks = checkin_weeks([(date(2026, 12, 8), "neck", 3)], [], [], TODAY)
    assert [w.week for w in weeks.adherence] == [date(2026, 12, 7)]
    old = checkin_weeks([(date(2025, 1, 6), "neck", 3)], [], [], TODAY)
    assert old.checkins == () and old.adherence == ()
