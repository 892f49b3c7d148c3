"""The history file: opening it safely and the few queries the program needs.

Every write is a short ``BEGIN IMMEDIATE`` transaction on a WAL-mode file with
a busy timeout, so two sessions in two terminals take turns for a moment
instead of failing, and readers never wait for writers.

A file that cannot be written can still be read: read-only (``mode=ro``)
where SQLite can keep its shared-memory index beside the file, and as an
immutable file (``immutable=1``) where it cannot, on a read-only disk or in
a folder nobody may write to. Whatever stands at the path must be a regular
file: SQLite would wait forever on a FIFO.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stretchtimer.history.records import (
    BreakKind,
    BreakRecord,
    Outcome,
    SessionRecord,
    SessionStatus,
    StepRecord,
    from_utc_text,
    to_utc_text,
)
from stretchtimer.history.recovery import DamagedHistory, is_damage
from stretchtimer.history.schema import SchemaTooNew, latest_version, migrate, schema_version
from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text

if TYPE_CHECKING:
    from stretchtimer.session.events import StepResult

#: How long a write waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 2.0

_SESSION_COLUMNS = (
    "id, routine, routine_file, started_at, ended_at, updated_at, status, start_step,"
    " step_count, completed, skipped, partial, active_seconds, resumed_from"
)
_STEP_COLUMNS = (
    "session_id, step_index, name, status, planned_seconds, actual_seconds, parts_done,"
    " parts_total, finished_at"
)


class NotAHistoryFile(OSError):
    """The history path (or its journal) is a FIFO, a device, a socket or a folder."""


def connect(
    path: Path, *, create: bool = True, read_only: bool = False, immutable: bool = False
) -> sqlite3.Connection:
    """A raw connection in autocommit mode; transactions are always explicit.

    ``immutable`` reads the file as it stands, journal ignored, taking no locks:
    for a file SQLite may not even leave its index beside.
    """
    from stretchtimer.regular_file import special_file

    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        reason = special_file(candidate)
        if reason is not None:
            raise NotAHistoryFile(f"{candidate.name} {reason}")
    mode = "ro" if read_only or immutable else ("rwc" if create else "rw")
    uri = f"{path.resolve().as_uri()}?mode={mode}{'&immutable=1' if immutable else ''}"
    return sqlite3.connect(
        uri,
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_SECONDS,
        check_same_thread=False,
    )


def open_store(
    path: Path,
    *,
    create: bool = True,
    check: bool = True,
    read_only: bool = False,
    immutable: bool = False,
) -> Store:
    """Open (creating and migrating as needed) the history file at ``path``.

    Raises ``FileNotFoundError`` when ``create`` is false and there is no
    file; ``DamagedHistory`` when the file is damaged (holding the connection
    still open: move the files aside first, then call ``release()``);
    ``SchemaTooNew``; and ``sqlite3.Error`` or ``OSError`` when the file
    cannot be opened or written (``NotAHistoryFile`` when it is no file at all).
    """
    read_only = read_only or immutable
    if create and not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise FileNotFoundError(path)
    conn = connect(path, create=create, read_only=read_only, immutable=immutable)
    try:
        _prepare(conn, check=check, read_only=read_only)
    except BaseException as exc:
        if is_damage(exc):
            raise DamagedHistory(str(exc), conn) from exc
        conn.close()
        raise
    return Store(conn, path)


def _prepare(conn: sqlite3.Connection, *, check: bool, read_only: bool) -> None:
    # Before anything that writes: a newer program's file is left exactly as it is.
    version, known = schema_version(conn), latest_version()
    if version > known:
        raise SchemaTooNew(
            _(
                "history file is at schema version {version}; this stretchtimer knows {known}"
            ).format(version=version, known=known)
        )
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        with suppress(sqlite3.OperationalError):
            # Busy: the file still works in its current mode and is switched next time.
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    if check:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise DamagedHistory(str(verdict))
    if not read_only:
        migrate(conn)


def open_for_reading(path: Path) -> Store:
    """The file opened only to read it: read-only, or as immutable where even that fails.

    Raises as ``open_store`` does; ``FileNotFoundError`` when there is no file.
    """
    try:
        return open_store(path, create=False, read_only=True)
    except DamagedHistory:
        raise
    except sqlite3.OperationalError:
        # SQLite cannot make the index a read-only WAL file needs (a read-only disk
        # or folder): read the file as it stands.
        return open_store(path, create=False, immutable=True)


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._identity = _identity(path)

    def writable(self) -> str | None:
        """None when this connection can write the file; else SQLite's reason.

        A write that is always rolled back: the only sure test of access, since
        the file, its folder, the disk or SQLite's own mode may each forbid it.
        """
        try:
            with self.transaction():
                version = self.conn.execute("PRAGMA user_version").fetchone()[0]
                self.conn.execute(f"PRAGMA user_version = {int(version)}")
                raise _Probe
        except _Probe:
            return None
        except sqlite3.Error as exc:
            return str(exc)

    def still_at_path(self) -> bool:
        """Whether ``path`` still names the file this store has open.

        An open connection keeps writing to its file after that file was
        renamed, deleted or replaced: those writes would reach no one.
        """
        return self._identity is not None and _identity(self.path) == self._identity

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ writes
    def insert_session(
        self,
        *,
        routine: str,
        routine_file: str | None,
        started_at: str,
        start_step: int,
        step_count: int,
        resumed_from: int | None = None,
    ) -> int:
        cursor = self.conn.execute(
            "INSERT INTO sessions (routine, routine_file, started_at, updated_at, status,"
            " start_step, step_count, resumed_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                routine,
                routine_file,
                started_at,
                started_at,
                SessionStatus.INTERRUPTED.value,
                start_step,
                step_count,
                resumed_from,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def session_exists(self, session_id: int, *, routine: str, started_at: str) -> bool:
        """Whether this file holds that session: the id alone may be another's in another file."""
        row = self.conn.execute(
            "SELECT 1 FROM sessions WHERE id = ? AND routine = ? AND started_at = ?",
            (session_id, routine, started_at),
        ).fetchone()
        return row is not None

    def upsert_step(self, session_id: int, result: StepResult, finished_at: str) -> None:
        """Record a step; a step done again replaces its earlier (merged) row."""
        self.conn.execute(
            f"INSERT INTO steps ({_STEP_COLUMNS}, adapted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (session_id, step_index) DO UPDATE SET"
            " name = excluded.name, status = excluded.status,"
            " planned_seconds = excluded.planned_seconds,"
            " actual_seconds = excluded.actual_seconds, parts_done = excluded.parts_done,"
            " parts_total = excluded.parts_total, finished_at = excluded.finished_at,"
            " adapted = excluded.adapted",
            (
                session_id,
                result.step_index,
                result.key,
                result.status.value,
                result.planned_seconds,
                float(result.work_seconds),
                json.dumps(list(result.parts_done)),
                result.parts_total,
                finished_at,
                result.adapted,
            ),
        )

    def update_progress(self, session_id: int, *, active_seconds: float, updated_at: str) -> None:
        """Keep the session row's totals current, so an interrupted one still adds up."""
        self.conn.execute(
            "UPDATE sessions SET"
            " completed = (SELECT count(*) FROM steps"
            "   WHERE session_id = sessions.id AND status = 'completed'),"
            " skipped = (SELECT count(*) FROM steps"
            "   WHERE session_id = sessions.id AND status = 'skipped'),"
            " partial = (SELECT count(*) FROM steps"
            "   WHERE session_id = sessions.id AND status = 'partial'),"
            " active_seconds = ?, updated_at = ?"
            " WHERE id = ?",
            (round(active_seconds, 3), updated_at, session_id),
        )

    def finish_session(
        self,
        session_id: int,
        *,
        status: SessionStatus,
        ended_at: str,
        completed: int,
        skipped: int,
        partial: int,
        active_seconds: float,
    ) -> None:
        self.conn.execute(
            "UPDATE sessions SET status = ?, ended_at = ?, updated_at = ?, completed = ?,"
            " skipped = ?, partial = ?, active_seconds = ? WHERE id = ?",
            (
                status.value,
                ended_at,
                ended_at,
                completed,
                skipped,
                partial,
                round(active_seconds, 3),
                session_id,
            ),
        )

    def mark_resumed(self, session_id: int) -> bool:
        cursor = self.conn.execute(
            "UPDATE sessions SET status = ? WHERE id = ? AND status = ?",
            (SessionStatus.RESUMED.value, session_id, SessionStatus.INTERRUPTED.value),
        )
        return cursor.rowcount > 0

    def add_break(self, record: BreakRecord) -> None:
        self.conn.execute(
            "INSERT INTO breaks (due_at, kind, routine, outcome, fell_due) VALUES (?, ?, ?, ?, ?)",
            (
                to_utc_text(record.at),
                record.kind.value,
                record.routine,
                record.outcome.value,
                int(record.fell_due),
            ),
        )

    # ------------------------------------------------------------------ reads
    def breaks(self, since: datetime | None = None) -> list[BreakRecord]:
        """Break records, oldest first (from ``since`` on, when given)."""
        rows = self.conn.execute(
            "SELECT due_at, kind, routine, outcome, fell_due FROM breaks"
            " WHERE due_at >= ? ORDER BY due_at, id",
            (to_utc_text(since) if since is not None else "",),
        ).fetchall()
        return [_break(row) for row in rows]

    def latest_session(
        self, routine: str, *, exclude: Collection[int] = ()
    ) -> SessionRecord | None:
        """The most recently started session of a routine, with its steps."""
        skip = sorted(exclude)
        marks = ", ".join("?" for _ in skip)
        where = f" AND id NOT IN ({marks})" if skip else ""
        row = self.conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE routine = ?{where}"
            " ORDER BY started_at DESC, id DESC LIMIT 1",
            (routine, *skip),
        ).fetchone()
        if row is None:
            return None
        steps = self._steps_of([int(row[0])])
        return _session(row, steps.get(int(row[0]), ()))

    def sessions(self, *, limit: int | None = None, with_steps: bool = True) -> list[SessionRecord]:
        """Sessions, newest first."""
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY started_at DESC, id DESC"
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        rows = self.conn.execute(sql, params).fetchall()
        steps: dict[int, tuple[StepRecord, ...]] = {}
        if with_steps:
            steps = self._steps_of(None if limit is None else [int(r[0]) for r in rows])
        return [_session(row, steps.get(int(row[0]), ())) for row in rows]

    def step_outcomes(self) -> list[tuple[str, str]]:
        """(step name, status) for every step ever finished."""
        rows = self.conn.execute("SELECT name, status FROM steps").fetchall()
        return [(safe_text(str(name)), safe_text(str(status))) for name, status in rows]

    def session_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM sessions").fetchone()[0])

    def _steps_of(self, session_ids: list[int] | None) -> dict[int, tuple[StepRecord, ...]]:
        """Steps of the given sessions (of every session for ``None``)."""
        order = " ORDER BY session_id, step_index"
        # A file from before adapted plans (read without upgrading it) has no such column.
        columns = _STEP_COLUMNS + (", adapted" if schema_version(self.conn) >= 3 else "")
        if session_ids is None:
            return _group_steps(self.conn.execute(f"SELECT {columns} FROM steps{order}").fetchall())
        out: dict[int, tuple[StepRecord, ...]] = {}
        # In chunks, so a long listing stays under SQLite's limit on parameters.
        for start in range(0, len(session_ids), 500):
            chunk = session_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.conn.execute(
                f"SELECT {columns} FROM steps WHERE session_id IN ({marks}){order}", chunk
            ).fetchall()
            out.update(_group_steps(rows))
        return out


class _Probe(Exception):
    pass


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _group_steps(rows: list[Any]) -> dict[int, tuple[StepRecord, ...]]:
    grouped: dict[int, list[StepRecord]] = {}
    for row in rows:
        grouped.setdefault(int(row[0]), []).append(_step(row))
    return {key: tuple(value) for key, value in grouped.items()}


def _step(row: Any) -> StepRecord:
    try:
        parts = tuple(safe_text(str(p)) for p in json.loads(row[6]))
    except (TypeError, ValueError):
        parts = ()
    return StepRecord(
        index=int(row[1]),
        name=safe_text(str(row[2])),
        status=safe_text(str(row[3])),
        planned_seconds=int(row[4]),
        actual_seconds=float(row[5]),
        parts_done=parts,
        parts_total=int(row[7]),
        finished_at=from_utc_text(str(row[8])),
        adapted=safe_text(str(row[9])) if len(row) > 9 and row[9] is not None else None,
    )


def _break(row: Any) -> BreakRecord:
    at, kind, routine, outcome, due = row
    return BreakRecord(
        from_utc_text(str(at)),
        BreakKind(str(kind)),
        safe_text(str(routine)),
        Outcome(str(outcome)),
        bool(due),
    )


def _session(row: Any, steps: tuple[StepRecord, ...]) -> SessionRecord:
    return SessionRecord(
        id=int(row[0]),
        routine=safe_text(str(row[1])),
        routine_file=None if row[2] is None else safe_text(str(row[2])),
        started_at=from_utc_text(str(row[3])),
        ended_at=None if row[4] is None else from_utc_text(str(row[4])),
        updated_at=from_utc_text(str(row[5])),
        status=SessionStatus(str(row[6])),
        start_step=int(row[7]),
        step_count=int(row[8]),
        completed=int(row[9]),
        skipped=int(row[10]),
        partial=int(row[11]),
        active_seconds=float(row[12]),
        resumed_from=None if row[13] is None else int(row[13]),
        steps=steps,
    )
