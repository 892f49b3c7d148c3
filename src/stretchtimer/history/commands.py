"""What ``stretchtimer history``, ``stats`` and ``doctor`` run.

These read; at most they bring an older file's layout up to date. A damaged
or newer file is reported rather than repaired: moving a file aside is left to
the recorder, when a session actually needs somewhere to write. Rich is only
loaded here (through ``render``), never on the way to a session.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

import msgspec
import msgspec.structs

from stretchtimer.doctor_rows import DoctorRow
from stretchtimer.history.checkin_stats import checkin_weeks
from stretchtimer.history.records import SessionRecord
from stretchtimer.history.recovery import DamagedHistory, is_damage
from stretchtimer.history.schema import SchemaTooNew, latest_version, schema_version
from stretchtimer.history.stats import BreakFacts, SessionFacts, compute_stats
from stretchtimer.history.store import NotAHistoryFile, Store, open_for_reading, open_store
from stretchtimer.i18n import N_, _
from stretchtimer.wording import plural

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")

EMPTY_HISTORY = N_("No stretch sessions recorded yet: finish a break and it will show up here.")


class _Unavailable(Exception):
    pass


def history_command(
    *,
    as_json: bool,
    db_path: Path | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    limit: int | None = None,
    tz: tzinfo | None = None,
) -> int:
    """Print past sessions, newest first: a table, or JSON with ``as_json``."""
    out = out or sys.stdout
    path = db_path or _default_path()
    try:
        records = _read(path, lambda store: store.sessions(limit=limit, with_steps=as_json))
    except _Unavailable as exc:
        print(exc, file=err or sys.stderr)
        return 1
    records = records or []
    if as_json:
        from stretchtimer.history.history_json import session_json
        from stretchtimer.json_output import json_text

        out.write(json_text([session_json(record) for record in records]) + "\n")
        return 0
    if not records:
        print(_(EMPTY_HISTORY), file=out)
        return 0
    from stretchtimer.history.render import history_table

    _console(out).print(history_table(records, tz))
    return 0


def stats_command(
    *,
    as_json: bool = False,
    db_path: Path | None = None,
    out: TextIO | None = None,
    today: date | None = None,
    err: TextIO | None = None,
    tz: tzinfo | None = None,
) -> int:
    """Print totals, streaks, breaks, the most skipped stretches and a per-day chart (or JSON)."""
    out = out or sys.stdout
    path = db_path or _default_path()
    from stretchtimer.history.feedback import checkins

    try:
        found = _read(
            path,
            lambda store: (
                store.sessions(with_steps=False),
                store.step_outcomes(),
                store.breaks(),
                checkins(store),
            ),
        )
    except _Unavailable as exc:
        print(exc, file=err or sys.stderr)
        return 1
    records, outcomes, breaks, scores = found if found is not None else ([], [], [], [])
    facts = [session_facts(record, tz) for record in records]
    break_facts = [
        BreakFacts(b.at.astimezone(tz).date(), b.outcome.value, b.fell_due) for b in breaks
    ]
    day = today or datetime.now(tz).date()
    stats = compute_stats(facts, outcomes, day, breaks=break_facts)
    weeks = checkin_weeks(
        [(c.at.astimezone(tz).date(), c.area, c.score) for c in scores],
        [f.day for f in facts if f.stretched],
        [b.day for b in break_facts if b.outcome == "taken"],
        day,
    )
    if as_json:
        from stretchtimer.history.stats_json import stats_json
        from stretchtimer.json_output import json_text

        shown = msgspec.structs.replace(
            stats_json(stats), checkins=weeks.checkins, adherence=weeks.adherence
        )
        out.write(json_text(shown) + "\n")
        return 0
    if not records and not breaks and not scores:
        print(_(EMPTY_HISTORY), file=out)
        return 0
    from stretchtimer.history.render import stats_view

    console = _console(out)
    console.print(stats_view(stats))
    if weeks.checkins:
        from stretchtimer.history.checkin_render import checkin_chart

        console.print(checkin_chart(weeks))
    return 0


def session_facts(record: SessionRecord, tz: tzinfo | None = None) -> SessionFacts:
    return SessionFacts(
        day=record.started_at.astimezone(tz).date(),
        active_seconds=record.active_seconds,
        stretched=record.stretched,
    )


class HistoryHealth(msgspec.Struct, frozen=True):
    """What ``doctor`` reports about the history file."""

    path: Path
    exists: bool
    writable: bool
    sessions: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.writable and self.problem is None

    def describe(self) -> str:
        return self.row().lines()[0]

    def row(self) -> DoctorRow:
        return DoctorRow(_("history"), self._text(), problem=not self.ok)

    def _text(self) -> str:
        if self.problem:
            return f"{self.path}: {self.problem}"
        if not self.exists:
            state = (
                _("not created yet, folder writable") if self.writable else _("cannot be created")
            )
            return f"{self.path} ({state})"
        access = _("writable") if self.writable else _("read-only")
        if self.sessions is None:
            return f"{self.path} ({access})"
        # Translators: {access} is "writable" or "read-only"; {sessions} as in "3 sessions".
        return _("{path} ({access}, {sessions})").format(
            path=self.path, access=access, sessions=plural(self.sessions, "session")
        )


def history_health(db_path: Path | None = None) -> HistoryHealth:
    path = db_path or _default_path()
    if not path.exists():
        writable = _can_create(path)
        problem = None if writable else _("the folder cannot be created or written")
        return HistoryHealth(path, False, writable, None, problem)
    try:
        store = _open_for_reading(path)
    except _Unavailable as exc:
        return HistoryHealth(path, True, False, None, str(exc))
    sessions = 0
    if store is not None:
        try:
            sessions = store.session_count()
        finally:
            store.close()
    return HistoryHealth(path, True, _can_write(path), sessions, None)


class _Rollback(Exception):
    pass


def _can_write(path: Path) -> bool:
    """Try a write that is never committed: the only sure test of access."""
    try:
        store = open_store(path, create=False)
    except DamagedHistory as exc:
        exc.release()
        return False
    except (sqlite3.Error, OSError, SchemaTooNew):
        return False
    try:
        with store.transaction():
            store.conn.execute(f"PRAGMA user_version = {schema_version(store.conn)}")
            raise _Rollback
    except _Rollback:
        return True
    except (sqlite3.Error, OSError):
        return False
    finally:
        store.close()


def _read(path: Path, query: Callable[[Store], T]) -> T | None:
    """Run a query on the history file; ``None`` when there is no history yet."""
    store = _open_for_reading(path)
    if store is None:
        return None
    try:
        return query(store)
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise _Unavailable(_damaged(path, exc)) from exc
        raise _Unavailable(
            _("Session history at {path} could not be read ({exc}).").format(path=path, exc=exc)
        ) from exc
    finally:
        store.close()


def _open_for_reading(path: Path) -> Store | None:
    """The file opened to read, or ``None`` when there is no history yet.

    It is opened read-only first (as an immutable file where even that is
    refused, on a read-only disk or folder), which leaves a damaged file and
    its journal exactly as they are; read-write only when an older layout
    needs upgrading.
    """
    if not path.exists():
        return None
    reason: BaseException | None = None
    try:
        store = open_for_reading(path)
    except FileNotFoundError:
        return None
    except SchemaTooNew as exc:
        raise _Unavailable(
            _("Session history at {path}: {exc}.").format(path=path, exc=exc)
        ) from exc
    except DamagedHistory as exc:
        exc.release()
        raise _Unavailable(_damaged(path, exc)) from exc
    except NotAHistoryFile as exc:
        raise _Unavailable(
            _("Session history at {path} could not be read ({exc}).").format(path=path, exc=exc)
        ) from exc
    except (sqlite3.Error, OSError) as exc:
        reason = exc
    else:
        version = schema_version(store.conn)
        if version == latest_version():
            return store
        store.close()
        if version == 0:
            return None
    try:
        return open_store(path, create=False)
    except SchemaTooNew as exc:
        raise _Unavailable(
            _("Session history at {path}: {exc}.").format(path=path, exc=exc)
        ) from exc
    except DamagedHistory as exc:
        exc.release()
        raise _Unavailable(_damaged(path, exc)) from exc
    except (sqlite3.Error, OSError) as exc:
        if reason is None:
            raise _Unavailable(
                _(
                    "Session history at {path} is from an older stretchtimer "
                    "and cannot be brought up to date where it is ({exc})."
                ).format(path=path, exc=exc)
            ) from exc
        raise _Unavailable(
            _("Session history at {path} could not be read ({reason}).").format(
                path=path, reason=reason or exc
            )
        ) from exc


def _damaged(path: Path, exc: BaseException) -> str:
    return _(
        "Session history at {path} is damaged ({exc}). The next session will move it aside and "
        "start a new file."
    ).format(path=path, exc=exc)


def _can_create(path: Path) -> bool:
    """Whether the file could be made: its nearest existing folder is writable."""
    folder = path.parent
    while not folder.exists():
        if folder.parent == folder:
            return False
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _default_path() -> Path:
    from stretchtimer import locations

    return locations.history_file()


def _console(out: TextIO) -> Console:
    from rich.console import Console

    return Console(file=out, highlight=False)
