"""Telling a damaged history file from one that merely cannot be written.

A damaged file is moved aside, never deleted: the sessions in it may still be
recoverable by hand, and a fresh file lets today's break be recorded. A file
that cannot be written (read-only, disk full, locked) is left alone.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class DamagedHistory(Exception):
    """The file is not a usable SQLite database (or fails its integrity check).

    It may carry the connection that found the damage, still open: closing a
    read-write connection to a damaged file makes SQLite delete the -wal file
    beside it, and that journal may hold the latest sessions. So the files are
    moved first and ``release()`` closes the connection afterwards.
    """

    def __init__(self, message: str, connection: sqlite3.Connection | None = None) -> None:
        super().__init__(message)
        self.connection = connection

    def release(self) -> None:
        if self.connection is not None:
            with suppress(sqlite3.Error):
                self.connection.close()
            self.connection = None


def is_damage(exc: BaseException) -> bool:
    if isinstance(exc, DamagedHistory):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def quarantine(path: Path, now: datetime | None = None) -> Path:
    """Move ``path`` (and its -wal/-shm) aside; return where the database went.

    The companions keep SQLite's naming relative to the new name
    (``history.db.corrupt-<stamp>-wal``) so the moved copy opens with its
    journal if someone tries to rescue it.
    """
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if not companion.exists():
            continue
        try:
            companion.rename(target.with_name(target.name + suffix))
        except OSError:
            # A journal left beside a fresh file would be replayed into it.
            companion.unlink()
    return target


def set_aside_journal(path: Path, now: datetime | None = None) -> None:
    """Move the -wal and -shm beside ``path`` out of the way of the file now there.

    Called when ``path`` was replaced under an open connection: the journal
    beside it is the old file's, and SQLite would replay its pages into the
    new one. It is renamed, not deleted, like every other file set aside.
    """
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            try:
                companion.rename(path.with_name(f"{path.name}.replaced-{stamp}{suffix}"))
            except OSError:
                companion.unlink(missing_ok=True)
