"""Old history files are carried forward, never thrown away."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from stretchtimer.history import schema
from stretchtimer.history.commands import history_command
from stretchtimer.history.schema import SCHEMA_VERSION, migrate
from stretchtimer.history.store import open_store

# The layout as version 1 shipped it, frozen here: MIGRATIONS[0] may never change.
_VERSION_1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY, routine TEXT NOT NULL, routine_file TEXT,
    started_at TEXT NOT NULL, ended_at TEXT, updated_at TEXT NOT NULL, status TEXT NOT NULL,
    start_step INTEGER NOT NULL DEFAULT 0, step_count INTEGER NOT NULL,
    completed INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
    partial INTEGER NOT NULL DEFAULT 0, active_seconds REAL NOT NULL DEFAULT 0,
    resumed_from INTEGER REFERENCES sessions(id) ON DELETE SET NULL
);
CREATE INDEX sessions_by_start ON sessions (started_at);
CREATE INDEX sessions_by_routine ON sessions (routine, started_at);
CREATE TABLE steps (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_index INTEGER NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
    planned_seconds INTEGER NOT NULL, actual_seconds REAL NOT NULL,
    parts_done TEXT NOT NULL DEFAULT '[]', parts_total INTEGER NOT NULL,
    finished_at TEXT NOT NULL, PRIMARY KEY (session_id, step_index)
) WITHOUT ROWID;
PRAGMA user_version = 1;
"""


def _write_version_1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(_VERSION_1)
    conn.execute(
        "INSERT INTO sessions VALUES (7, 'Desk break', NULL, '2024-11-02T08:15:00+00:00',"
        " '2024-11-02T08:21:00+00:00', '2024-11-02T08:21:00+00:00', 'completed', 0, 2,"
        " 2, 0, 0, 300.5, NULL)"
    )
    conn.execute(
        "INSERT INTO steps VALUES (7, 0, 'Neck tilt', 'completed', 60, 60.0, '[\"work left\"]',"
        " 2, '2024-11-02T08:17:00+00:00')"
    )
    conn.commit()
    conn.close()


def test_a_new_file_is_at_the_latest_version(db_path: Path):
    store = open_store(db_path)
    assert schema.schema_version(store.conn) == SCHEMA_VERSION
    store.close()


def test_the_first_migration_is_the_frozen_version_1_layout(tmp_path: Path):
    def layout(conn: sqlite3.Connection) -> list[tuple[str, str]]:
        return conn.execute(
            "SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()

    frozen = sqlite3.connect(tmp_path / "frozen.db")
    frozen.executescript(_VERSION_1)
    ours = sqlite3.connect(tmp_path / "ours.db", isolation_level=None)
    migrate(ours, schema.MIGRATIONS[:1])
    assert layout(ours) == layout(frozen)


def test_a_version_1_file_keeps_its_sessions_when_opened(db_path: Path, start_run, read_sessions):
    _write_version_1(db_path)
    start_run().finish_steps(4)  # the recorder opens it and adds a session

    old, new = read_sessions()
    assert (old.id, old.routine, old.active_seconds) == (7, "Desk break", 300.5)
    assert old.steps[0].parts_done == ("work left",)
    assert new.completed == 4


def test_a_later_migration_upgrades_a_version_1_file_when_a_session_opens_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, start_run, read_sessions
):
    _write_version_1(db_path)
    later = [*schema.MIGRATIONS, "ALTER TABLE sessions ADD COLUMN mood TEXT;"]
    monkeypatch.setattr(schema, "MIGRATIONS", later)

    start_run().finish_steps(4)

    conn = sqlite3.connect(db_path)
    assert schema.schema_version(conn) == len(later)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(sessions)")]
    conn.close()
    assert "mood" in columns
    old, new = read_sessions()
    assert (old.id, old.routine, len(old.steps)) == (7, "Desk break", 1)
    assert new.completed == 4


def test_a_failing_migration_leaves_the_file_as_it_was(db_path: Path):
    _write_version_1(db_path)
    broken = [*schema.MIGRATIONS, "ALTER TABLE sessions ADD COLUMN mood TEXT; NOT SQL;"]
    conn = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(sqlite3.Error):
        migrate(conn, broken)
    assert schema.schema_version(conn) == len(schema.MIGRATIONS)  # up to the broken one
    columns = [row[1] for row in conn.execute("PRAGMA table_info(sessions)")]
    assert "mood" not in columns
    conn.close()


def test_history_reads_a_version_1_file(db_path: Path, capsys: pytest.CaptureFixture[str]):
    _write_version_1(db_path)
    assert history_command(as_json=False, db_path=db_path) == 0
    assert "Desk break" in capsys.readouterr().out
