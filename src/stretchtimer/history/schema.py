"""The history database's layout and the steps that bring an old file up to date.

``PRAGMA user_version`` holds how many entries of ``MIGRATIONS`` a file has
had applied. A later change to the layout is a new entry appended to the list,
never an edit of an old one, so a file written by any earlier version of the
program is carried forward with its sessions intact.
"""

from __future__ import annotations

import sqlite3

from stretchtimer.i18n import _

#: Migration ``n`` (1-based) is ``MIGRATIONS[n - 1]``; each runs in one transaction.
MIGRATIONS: list[str] = [
    # 1: sessions and their steps.
    """
    CREATE TABLE sessions (
        id             INTEGER PRIMARY KEY,
        routine        TEXT    NOT NULL,
        routine_file   TEXT,
        started_at     TEXT    NOT NULL,  -- UTC, ISO 8601
        ended_at       TEXT,              -- NULL until the session records its end
        updated_at     TEXT    NOT NULL,
        status         TEXT    NOT NULL,  -- interrupted | completed | quit | resumed
        start_step     INTEGER NOT NULL DEFAULT 0,
        step_count     INTEGER NOT NULL,
        completed      INTEGER NOT NULL DEFAULT 0,
        skipped        INTEGER NOT NULL DEFAULT 0,
        partial        INTEGER NOT NULL DEFAULT 0,
        active_seconds REAL    NOT NULL DEFAULT 0,
        resumed_from   INTEGER REFERENCES sessions(id) ON DELETE SET NULL
    );
    CREATE INDEX sessions_by_start ON sessions (started_at);
    CREATE INDEX sessions_by_routine ON sessions (routine, started_at);

    CREATE TABLE steps (
        session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        step_index      INTEGER NOT NULL,
        name            TEXT    NOT NULL,
        status          TEXT    NOT NULL,  -- completed | partial | skipped
        planned_seconds INTEGER NOT NULL,
        actual_seconds  REAL    NOT NULL,
        parts_done      TEXT    NOT NULL DEFAULT '[]',  -- JSON list, e.g. ["set 1 left"]
        parts_total     INTEGER NOT NULL,
        finished_at     TEXT    NOT NULL,
        PRIMARY KEY (session_id, step_index)
    ) WITHOUT ROWID;
    """,
    # 2: breaks the reminder brought, and what became of each.
    """
    CREATE TABLE breaks (
        id       INTEGER PRIMARY KEY,
        due_at   TEXT    NOT NULL,  -- UTC, ISO 8601: when it fell due (or the idle spell began)
        kind     TEXT    NOT NULL,  -- long | micro
        routine  TEXT    NOT NULL,
        outcome  TEXT    NOT NULL,  -- taken | postponed | skipped | natural
        fell_due INTEGER NOT NULL   -- 0 for a natural break before any prompt
    );
    CREATE INDEX breaks_by_time ON breaks (due_at);
    """,
    # 3: ratings of the steps done, check-ins of how areas feel, and each step's adapted plan.
    """
    CREATE TABLE ratings (
        id         INTEGER PRIMARY KEY,
        routine    TEXT    NOT NULL,  -- the routine's name, as sessions.routine
        step_name  TEXT    NOT NULL,
        rating     TEXT    NOT NULL,  -- easy | right | hard | hurt
        rated_at   TEXT    NOT NULL,  -- UTC, ISO 8601
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        step_index INTEGER,           -- the session's step, when rated after a session
        cleared    INTEGER NOT NULL DEFAULT 0  -- 1 once reset: kept, no longer followed
    );
    CREATE INDEX ratings_by_routine ON ratings (routine, rated_at);

    CREATE TABLE checkins (
        id    INTEGER PRIMARY KEY,
        at    TEXT    NOT NULL,  -- UTC, ISO 8601; one check-in's areas share it
        area  TEXT    NOT NULL,  -- neck | shoulders | upper-back | lower-back | eyes | wrists
        score INTEGER NOT NULL   -- 0 (fine) to 10
    );
    CREATE INDEX checkins_by_time ON checkins (at);

    -- When the app last offered a check-in: it asks at most once a week, answered or not.
    CREATE TABLE checkin_offers (at TEXT NOT NULL);

    -- Why a step's plan differed from the routine as written (NULL: as written).
    ALTER TABLE steps ADD COLUMN adapted TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def latest_version() -> int:
    """The version this program writes (read at call time, so tests can add a migration)."""
    return len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The file was written by a newer stretchtimer; this one must not touch it."""


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, migrations: list[str] | None = None) -> int:
    """Apply the migrations a file has not had yet; return the version it ends at.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the
    explicit transactions here are the only ones.
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = schema_version(conn)
    if version > len(steps):
        raise SchemaTooNew(
            _(
                "history file is at schema version {version}; this stretchtimer knows {known}"
            ).format(version=version, known=len(steps))
        )
    for number in range(version + 1, len(steps) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited for the lock.
            if schema_version(conn) >= number:
                conn.execute("COMMIT")
                continue
            for statement in _statements(steps[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    out: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                out.append(pending.strip())
            pending = ""
    if pending.strip():
        out.append(pending.strip())
    return out
