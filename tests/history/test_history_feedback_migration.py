"""A file written before ratings and check-ins is carried forward with everything in it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from stretchtimer.adapt.policy import Rating
from stretchtimer.history import schema
from stretchtimer.history.feedback import add_checkin, add_rating, checkins, ratings
from stretchtimer.history.store import open_for_reading, open_store

FIXTURE = Path(__file__).parent / "data" / "history-v2.sql"


def _write_version_2(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(FIXTURE.read_text())
    conn.close()


def test_the_fixture_is_the_version_2_layout(tmp_path: Path):
    _write_version_2(tmp_path / "old.db")
    ours = sqlite3.connect(tmp_path / "ours.db", isolation_level=None)
    schema.migrate(ours, schema.MIGRATIONS[:2])
    query = "SELECT name, sql FROM sqlite_master ORDER BY name"
    old = sqlite3.connect(tmp_path / "old.db")
    assert old.execute(query).fetchall() == ours.execute(query).fetchall()
    assert schema.schema_version(old) == 2


def test_a_version_2_file_is_upgraded_in_place_and_keeps_its_sessions_and_breaks(db_path: Path):
    _write_version_2(db_path)
    store = open_store(db_path)
    try:
        assert schema.schema_version(store.conn) == schema.SCHEMA_VERSION == 3
        [session] = store.sessions()
        assert (session.id, session.routine, session.active_seconds) == (3, "Desk break", 95.0)
        assert [step.name for step in session.steps] == ["Neck tilt", "Shoulder rolls"]
        assert [b.routine for b in store.breaks()] == ["Desk break"]
        at = datetime(2026, 12, 1, 9, tzinfo=UTC)
        with store.transaction():
            add_rating(
                store,
                routine="Desk break",
                step_name="Neck tilt",
                rating=Rating.EASY,
                at=at,
                session_id=3,
                step_index=0,
            )
            add_checkin(store, at, {"neck": 4})
        [row] = ratings(store, "Desk break")
        assert (row.step, row.rating) == ("Neck tilt", Rating.EASY)
        assert [(c.area, c.score) for c in checkins(store)] == [("neck", 4)]
        rated = store.conn.execute("SELECT session_id, step_index FROM ratings").fetchone()
        assert rated == (3, 0)
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(steps)")]
        assert columns[-1] == "adapted"
    finally:
        store.close()


def test_a_version_2_file_read_without_writing_has_no_ratings_and_is_left_as_it_was(
    db_path: Path,
):
    _write_version_2(db_path)
    before = db_path.read_bytes()
    store = open_for_reading(db_path)
    try:
        assert ratings(store, "Desk break") == []
        assert checkins(store) == []
        assert len(store.sessions()) == 1
    finally:
        store.close()
    assert db_path.read_bytes() == before


def test_a_step_done_as_adapted_keeps_the_plan_beside_what_was_done(start_run, db_path: Path):
    from stretchtimer.routine import Routine, Step

    step = Step(name="Neck tilt", hold=35, prepare=0, rest=0, adapted="hold 35 s, was 30 s")
    run = start_run(Routine(name="Desk break", steps=(step, msgspec.structs.replace(step))))
    run.finish_steps(2)
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT planned_seconds, actual_seconds, adapted FROM steps").fetchall()
    conn.close()
    assert rows[0] == (35, 35.0, "hold 35 s, was 30 s")
    store = open_store(db_path)
    [session] = store.sessions()
    store.close()
    assert session.steps[0].adapted == "hold 35 s, was 30 s"  # history --json gives it too


def test_a_rating_after_a_session_is_kept_with_that_session(start_run, recorder, db_path: Path):
    from stretchtimer.history.feedback_commands import HistoryRatings

    run = start_run()
    assert recorder.latest_session_id() is None  # not finished yet
    run.finish_steps(4)
    ratings = HistoryRatings(recorder.latest_session_id, db_path=db_path)
    assert ratings.rate("Desk break", "Stretch 2", 1, Rating.HARD) is None
    conn = sqlite3.connect(db_path)
    row = conn.execute("SELECT session_id, step_index, step_name FROM ratings").fetchone()
    session_id = conn.execute("SELECT max(id) FROM sessions").fetchone()[0]
    conn.close()
    assert row == (session_id, 1, "Stretch 2")
