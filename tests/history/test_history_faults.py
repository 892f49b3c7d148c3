"""A broken, read-only or full history file never stops a break.

The tests run as root in some environments, where ``chmod`` does not stop
writes, so "cannot write" is made real in ways root cannot get around: the
file opened through SQLite's ``mode=ro``, a folder path that runs through a
regular file, and SQLite's own page limit standing in for a full disk.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from stretchtimer.history import store as store_module
from stretchtimer.history.records import SessionStatus
from stretchtimer.history.schema import SCHEMA_VERSION
from stretchtimer.history.store import open_store
from stretchtimer.routine import Routine, Step


def _only_corrupt_copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name)


def test_a_garbage_file_is_moved_aside_and_a_fresh_one_takes_over(
    db_path: Path, start_run, recorder, read_sessions
):
    db_path.parent.mkdir(parents=True)
    garbage = os.urandom(4096)
    db_path.write_bytes(garbage)
    db_path.with_name("history.db-wal").write_bytes(b"stale journal")
    db_path.with_name("history.db-shm").write_bytes(b"stale index")

    run = start_run()
    run.finish_steps(4)

    moved = "history.db.corrupt-20250312T090000Z"
    assert _only_corrupt_copies(db_path.parent) == [moved, f"{moved}-shm", f"{moved}-wal"]
    assert (db_path.parent / moved).read_bytes() == garbage
    assert (db_path.parent / f"{moved}-wal").read_bytes() == b"stale journal"
    [message] = recorder.take_messages()
    assert "damaged" in message
    assert moved in message
    assert recorder.take_messages() == []
    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED
    assert len(record.steps) == 4


def test_a_truncated_database_is_moved_aside(db_path: Path, start_run, new_recorder, read_sessions):
    first = new_recorder()
    for _ in range(40):  # enough rows for the file to span many pages
        start_run(using=first).finish_steps(4)
    first.close()  # folds the journal into the file
    data = db_path.read_bytes()
    assert len(data) > 16_384
    db_path.write_bytes(data[: len(data) // 3])

    recorder = new_recorder()
    start_run(using=recorder).finish_steps(4)

    # Forty sessions of 80 s each have passed on the clock.
    moved = "history.db.corrupt-20250312T095320Z"
    assert moved in _only_corrupt_copies(db_path.parent)
    assert (db_path.parent / moved).read_bytes() == data[: len(data) // 3]
    [message] = recorder.take_messages()
    assert "damaged" in message
    assert len(read_sessions()) == 1


def test_damage_found_mid_session_keeps_the_whole_session(
    db_path: Path, start_run, recorder, read_sessions
):
    run = start_run()
    run.finish_steps(2)
    recorder.close()  # so the damage is read from disk, not from a cache
    db_path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    run.finish_steps(2)

    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED
    assert [s.index for s in record.steps] == [0, 1, 2, 3]
    assert len(recorder.take_messages()) == 1


def _open_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real = store_module.connect

    def read_only(path: Path, **kwargs: bool):
        return real(path, **{**kwargs, "read_only": True})

    monkeypatch.setattr(store_module, "connect", read_only)


def test_a_read_only_file_gives_one_message_and_the_session_runs_on(
    db_path: Path, start_run, new_recorder, recorder, monkeypatch
):
    open_store(db_path).close()  # an existing, healthy, empty history
    _open_read_only(monkeypatch)

    run = start_run()
    run.finish_steps(4)

    assert run.session.summary is not None and run.session.summary.completed == 4
    [message] = recorder.take_messages()
    assert "cannot be saved" in message
    assert "readonly" in message
    assert recorder.take_messages() == []
    monkeypatch.undo()
    store = open_store(db_path, create=False)
    assert store.session_count() == 0
    store.close()


def test_a_folder_that_cannot_be_created_gives_one_message(tmp_path: Path, clocks, make_routine):
    from stretchtimer.history.recorder import HistoryRecorder
    from stretchtimer.session.engine import Session

    (tmp_path / "blocker").write_text("a file where the data folder should be")
    recorder = HistoryRecorder(tmp_path / "blocker" / "history.db", now=clocks.now)
    session = Session(make_routine(), clocks.mono)
    recorder.attach(session)
    session.start()
    for _ in range(4):
        clocks.advance(20)
        session.update()

    assert session.summary is not None and session.summary.completed == 4
    [message] = recorder.take_messages()
    assert "could not be saved" in message
    assert recorder.current_streak() == 0
    assert recorder.interrupted_step("Desk break") is None


def test_a_full_disk_gives_one_message_and_the_session_runs_on(
    start_run, recorder, monkeypatch, tmp_path: Path
):
    real = store_module.connect
    empty = store_module.open_store(tmp_path / "empty.db")
    pages = empty.conn.execute("PRAGMA page_count").fetchone()[0]
    empty.close()

    def small_disk(path: Path, **kwargs: bool):
        conn = real(path, **kwargs)
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the tables fit, little more does
        return conn

    monkeypatch.setattr(store_module, "connect", small_disk)
    bulky = Routine(
        "Bulky",
        tuple(Step(name=f"{n} " + "x" * 3000, hold=20, prepare=0, rest=0) for n in range(20)),
    )
    run = start_run(bulky)
    run.finish_steps(20)

    assert run.session.summary is not None and run.session.summary.completed == 20
    [message] = recorder.take_messages()
    assert "could not be saved" in message
    assert "full" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod")
def test_a_read_only_folder_gives_one_message(db_path: Path, start_run, recorder):
    db_path.parent.mkdir(parents=True)
    db_path.parent.chmod(0o500)
    try:
        start_run().finish_steps(4)
        [message] = recorder.take_messages()
        assert "could not be saved" in message
    finally:
        db_path.parent.chmod(0o700)


def test_a_lock_held_elsewhere_briefly_is_waited_for(
    db_path: Path, start_run, recorder, read_sessions
):
    run = start_run()
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.05, lambda: other.execute("COMMIT"))
    release.start()
    run.finish_steps(4)  # the first write waits for the other transaction
    release.join()
    other.close()
    assert recorder.take_messages() == []
    [record] = read_sessions()
    assert len(record.steps) == 4


def test_after_a_failed_write_the_next_one_sends_the_whole_session(
    db_path: Path, start_run, recorder, read_sessions, monkeypatch
):
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.01)
    run = start_run()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # someone holds the file too long
    run.finish_steps(2)
    other.execute("COMMIT")
    other.close()
    run.finish_steps(2)

    assert len(recorder.take_messages()) == 1
    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED
    assert [s.index for s in record.steps] == [0, 1, 2, 3]


def test_a_file_from_a_newer_version_is_left_alone(db_path: Path, start_run, recorder):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()

    start_run().finish_steps(4)

    [message] = recorder.take_messages()
    assert "newer" in message
    assert db_path.read_bytes() == before
    assert _only_corrupt_copies(db_path.parent) == []


def test_an_unexpected_error_in_the_recorder_never_reaches_the_session(
    start_run, recorder, monkeypatch
):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something nobody planned for")

    monkeypatch.setattr(store_module.Store, "upsert_step", broken)
    run = start_run()
    run.finish_steps(4)
    assert run.session.summary is not None and run.session.summary.completed == 4
    [message] = recorder.take_messages()
    assert "something nobody planned for" in message
