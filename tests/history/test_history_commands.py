"""``stretchtimer history``, ``history --json``, ``stats`` and the doctor's line."""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, date, timedelta, timezone
from pathlib import Path

from stretchtimer.history.commands import history_command, history_health, stats_command


def _record_a_week(start_run, clocks) -> None:
    """Five days of breaks in a row, one skipped stretch each time, then a quit."""
    for _ in range(5):
        run = start_run()
        run.finish_steps(2)
        run.session.skip()
        run.finish_steps(1)
        clocks.jump(timedelta(days=1))
    start_run().session.quit()


def test_empty_history_is_one_friendly_line(db_path: Path):
    out = io.StringIO()
    assert history_command(as_json=False, db_path=db_path, out=out) == 0
    assert out.getvalue().count("\n") == 1
    assert "No stretch sessions" in out.getvalue()
    assert not db_path.exists()  # looking does not create anything

    out = io.StringIO()
    assert stats_command(db_path=db_path, out=out) == 0
    assert "No stretch sessions" in out.getvalue()


def test_empty_history_as_json_is_an_empty_list(db_path: Path):
    out = io.StringIO()
    assert history_command(as_json=True, db_path=db_path, out=out) == 0
    assert json.loads(out.getvalue()) == []


def test_history_table_lists_newest_first_in_local_time(db_path, start_run, clocks):
    _record_a_week(start_run, clocks)
    out = io.StringIO()
    tz = timezone(timedelta(hours=-5))
    assert history_command(as_json=False, db_path=db_path, out=out, tz=tz) == 0
    text = out.getvalue()
    assert "\x1b[" not in text  # piped: no colour codes
    rows = [line for line in text.splitlines() if "Desk break" in line]
    assert len(rows) == 6
    assert "2025-03-17 04:05" in rows[0] and "quit" in rows[0]
    assert "0 done, 1 skipped" in rows[0]  # the step it stopped in counts
    assert "2025-03-12 04:00" in rows[-1]
    assert "finished" in rows[-1]  # the end reached, but not every step completed
    assert "completed" not in rows[-1]
    assert "3 done, 1 skipped" in rows[-1]
    assert rows[-1].rstrip().endswith(" 1:00")  # 60 s of stretching, as a length is written


def test_history_json_has_sessions_with_their_steps(db_path, start_run, clocks):
    _record_a_week(start_run, clocks)
    out = io.StringIO()
    assert history_command(as_json=True, db_path=db_path, out=out) == 0
    sessions = json.loads(out.getvalue())
    assert len(sessions) == 6
    latest, oldest = sessions[0], sessions[-1]
    assert latest["status"] == "quit"
    assert oldest["routine"] == "Desk break"
    assert oldest["started_at"] == "2025-03-12T09:00:00+00:00"
    assert oldest["ended_at"] == "2025-03-12T09:01:00+00:00"
    assert (oldest["completed"], oldest["skipped"], oldest["partial"]) == (3, 1, 0)
    assert oldest["active_seconds"] == 60
    assert [s["status"] for s in oldest["steps"]] == [
        "completed",
        "completed",
        "skipped",
        "completed",
    ]
    assert oldest["steps"][0]["planned_seconds"] == 20
    assert list(oldest) == [
        "id",
        "routine",
        "routine_file",
        "started_at",
        "ended_at",
        "status",
        "start_step",
        "step_count",
        "completed",
        "skipped",
        "partial",
        "active_seconds",
        "resumed_from",
        "steps",
    ]
    assert list(oldest["steps"][0]) == [
        "index",
        "name",
        "status",
        "planned_seconds",
        "actual_seconds",
        "parts_done",
        "parts_total",
        "finished_at",
        "adapted",
    ]
    assert oldest["steps"][0]["finished_at"].endswith("+00:00")
    assert oldest["steps"][0]["adapted"] is None


def test_stats_reads_as_plain_text_when_piped(db_path, start_run, clocks):
    _record_a_week(start_run, clocks)  # Wed 12 March to Sun 16 March, then Mon 17 March
    out = io.StringIO()
    code = stats_command(db_path=db_path, out=out, today=date(2025, 3, 17), tz=UTC)
    assert code == 0
    text = out.getvalue()
    assert "\x1b[" not in text
    assert "This week" in text and "0 sessions" in text  # Monday's break was quit at once
    assert "All time" in text and "5 sessions, 5:00 active" in text
    # history lists six sessions: the one left out is named, with why.
    assert "Not counted  1 session with no completed or partial step (history lists it)" in text
    assert "5 days (longest 5 days)" in text  # today has no break yet: still alive
    assert "Most skipped" in text and "Stretch 3" in text and "5 of 5" in text
    week = next(line for line in text.splitlines() if line.strip().startswith("10 Mar"))
    assert week.split()[2:] == ["·", "·", "1:00", "1:00", "1:00", "1:00", "1:00"]


def test_stats_keeps_colour_for_a_terminal(db_path, start_run, clocks, monkeypatch):
    _record_a_week(start_run, clocks)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.StringIO()
    stats_command(db_path=db_path, out=out, today=date(2025, 3, 17), tz=UTC)
    assert "\x1b[" in out.getvalue()


def test_a_damaged_file_is_reported_and_left_alone(db_path: Path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"not a database at all" * 50)
    db_path.with_name("history.db-wal").write_bytes(b"journal")
    out, err = io.StringIO(), io.StringIO()
    assert history_command(as_json=False, db_path=db_path, out=out, err=err) == 1
    assert "damaged" in err.getvalue()
    assert out.getvalue() == ""
    assert not any(".corrupt-" in p.name for p in db_path.parent.iterdir())
    assert db_path.with_name("history.db-wal").read_bytes() == b"journal"
    assert stats_command(db_path=db_path, out=out, err=err) == 1


def test_doctor_line_for_a_missing_healthy_and_damaged_file(db_path, start_run, tmp_path):
    missing = history_health(db_path)
    assert (missing.exists, missing.writable, missing.ok) == (False, True, True)
    assert "not created yet" in missing.describe()

    start_run().finish_steps(4)
    healthy = history_health(db_path)
    assert (healthy.exists, healthy.writable, healthy.sessions) == (True, True, 1)
    assert healthy.describe() == f"History: {db_path} (writable, 1 session)"

    (tmp_path / "blocker").write_text("a file")
    blocked = history_health(tmp_path / "blocker" / "data" / "history.db")
    assert not blocked.writable and not blocked.ok

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"garbage" * 100)
    damaged = history_health(broken)
    assert not damaged.ok
    assert "damaged" in damaged.describe()
    assert broken.exists()


def test_doctor_sees_a_file_that_cannot_be_written(db_path, start_run, monkeypatch):
    from stretchtimer.history import store as store_module

    start_run().finish_steps(4)
    real = store_module.connect
    monkeypatch.setattr(
        store_module, "connect", lambda path, **kw: real(path, create=False, read_only=True)
    )
    health = history_health(db_path)
    assert (health.exists, health.writable, health.sessions) == (True, False, 1)
    assert "read-only" in health.describe()


def test_commands_use_the_user_data_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    health = history_health()
    assert health.path == tmp_path / "xdg" / "stretchtimer" / "history.db"
    assert os.fspath(health.path) in health.describe()


def test_stats_as_json_has_the_totals_and_streaks(db_path, start_run, clocks):
    _record_a_week(start_run, clocks)
    out = io.StringIO()
    assert stats_command(as_json=True, db_path=db_path, out=out, today=date(2025, 3, 17)) == 0
    stats = json.loads(out.getvalue())
    assert stats["sessions_total"] == 5  # the quit at once stretched nothing
    assert stats["sessions_not_counted"] == 1
    assert stats["current_streak"] >= 1
    assert stats["today"] == "2025-03-17"


def test_stats_as_json_with_no_history_is_all_zeros(db_path: Path):
    out = io.StringIO()
    assert stats_command(as_json=True, db_path=db_path, out=out) == 0
    stats = json.loads(out.getvalue())
    assert stats["sessions_total"] == 0 and stats["most_skipped"] == []


def test_the_status_and_length_read_whole_in_a_narrow_terminal():
    from datetime import datetime

    from rich.console import Console

    from stretchtimer.history.records import SessionRecord, SessionStatus
    from stretchtimer.history.render import history_table

    at = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    records = [
        SessionRecord(n, name, None, at, at, at, SessionStatus(status), 0, 3, 0, 2, 1, 63.0, None)
        for n, (name, status) in enumerate(
            [("Micro break, eyes and neck", "finished"), ("Neck and shoulders", "interrupted")]
        )
    ]
    for width in (80, 60):
        console = Console(width=width, file=io.StringIO(), color_system=None)
        console.print(history_table(records, UTC))
        text = console.file.getvalue()
        assert all(len(line.rstrip()) <= width for line in text.splitlines())
        assert "Active" in text and text.count("1:03") == 2
        for word in ("finished", "interrupted", "Routine", "Status", "Micro", "shoulders"):
            assert word in text, (width, word)
