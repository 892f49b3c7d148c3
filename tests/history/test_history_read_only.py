"""A history that cannot be written is still read, and says so before a session starts;
one that could not be written for a while and then could says what really happened.

"Cannot write" is made real in ways root cannot get around: a read-only tmpfs
mounted in a private mount namespace (``unshare``), SQLite's ``mode=ro`` and
``immutable=1``, and SQLite's page limit standing in for a full disk.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stretchtimer.history import store as store_module
from stretchtimer.history.commands import history_command, stats_command
from stretchtimer.history.records import BreakKind, BreakRecord, Outcome, SessionStatus
from stretchtimer.history.store import open_for_reading, open_store
from stretchtimer.routine import Routine, Step

QUICK = """\
name: Quick one
defaults:
  prepare: 0s
  rest: 0s
steps:
  - name: Neck tilt
    hold: 1s
"""


def _history_with_one_session(path: Path, start_run, recorder) -> bytes:
    start_run().finish_steps(4)
    recorder.close()  # folds the journal into the file, as a clean exit does
    return path.read_bytes()


def _cannot_open_read_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a read-only disk: SQLite can open the WAL file only as immutable."""
    real = store_module.connect

    def connect(path: Path, **kwargs: bool) -> sqlite3.Connection:
        if not kwargs.get("immutable"):
            raise sqlite3.OperationalError("unable to open database file")
        return real(path, **kwargs)

    monkeypatch.setattr(store_module, "connect", connect)


def test_a_file_only_sqlite_can_read_as_immutable_is_read(
    db_path: Path, start_run, recorder, new_recorder, monkeypatch, capsys
) -> None:
    before = _history_with_one_session(db_path, start_run, recorder)
    _cannot_open_read_write(monkeypatch)

    assert history_command(as_json=True, db_path=db_path) == 0
    assert '"status": "completed"' in capsys.readouterr().out
    assert stats_command(db_path=db_path, today=datetime(2025, 3, 12).date()) == 0
    assert "1 session" in capsys.readouterr().out

    second = new_recorder()
    assert second.current_streak() == 1  # read from the file it cannot write
    (message,) = second.take_messages()  # said before any session started
    assert "cannot be saved" in message and "can still be read" in message
    run = start_run(using=second)
    run.finish_steps(4)
    assert run.session.summary is not None and run.session.summary.completed == 4
    assert second.take_messages() == []  # said once
    second.close()
    assert db_path.read_bytes() == before


def test_a_read_only_connection_is_found_out_when_the_file_is_opened(
    db_path: Path, start_run, recorder, new_recorder, monkeypatch
) -> None:
    _history_with_one_session(db_path, start_run, recorder)
    real = store_module.connect
    monkeypatch.setattr(
        store_module, "connect", lambda path, **kw: real(path, **{**kw, "read_only": True})
    )
    second = new_recorder()
    assert second.interrupted_step("Desk break") is None
    (message,) = second.take_messages()
    assert "cannot be saved" in message and "readonly" in message
    store = open_for_reading(db_path)
    assert store.writable() is not None
    store.close()


def test_a_disk_that_fills_and_frees_keeps_the_session_and_says_so(
    db_path: Path, start_run, recorder, read_sessions, monkeypatch
) -> None:
    real = store_module.connect
    limit = {"pages": 8}

    def small_disk(path: Path, **kwargs: bool) -> sqlite3.Connection:
        conn = real(path, **kwargs)
        conn.execute(f"PRAGMA max_page_count = {limit['pages']}")
        return conn

    monkeypatch.setattr(store_module, "connect", small_disk)
    bulky = Routine(
        "Bulky",
        tuple(Step(name=f"{n} " + "x" * 3000, hold=20, prepare=0, rest=0) for n in range(8)),
    )
    run = start_run(bulky)
    run.finish_steps(4)  # the disk fills up along the way
    recorder.close()
    limit["pages"] = 10_000  # and is freed
    run.finish_steps(4)

    [message] = recorder.take_messages()
    assert "for a while" in message and "everything was saved" in message
    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED
    assert [s.index for s in record.steps] == list(range(8))


def test_a_failure_already_shown_is_followed_by_word_that_all_is_saved(
    db_path: Path, start_run, recorder, read_sessions, monkeypatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.01)
    run = start_run()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # someone holds the file too long
    run.finish_steps(1)
    [shown] = recorder.take_messages()  # the app showed it as the session went on
    assert "could not be saved" in shown
    other.execute("COMMIT")
    other.close()
    run.finish_steps(3)

    [message] = recorder.take_messages()
    assert "again" in message and "nothing was lost" in message
    [record] = read_sessions()
    assert len(record.steps) == 4


def test_break_records_that_could_not_be_written_are_written_later(
    db_path: Path, recorder, monkeypatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.01)
    open_store(db_path).close()
    at = datetime(2025, 3, 12, 9, 0, tzinfo=UTC)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    recorder.record_break(BreakRecord(at, BreakKind.LONG, "desk-break", Outcome.SKIPPED))
    other.execute("COMMIT")
    other.close()
    recorder.record_break(BreakRecord(at, BreakKind.MICRO, "neck", Outcome.TAKEN))
    assert [b.outcome for b in recorder.breaks_since(at)] == [Outcome.SKIPPED, Outcome.TAKEN]
    assert "everything was saved" in recorder.take_messages()[-1]


@pytest.mark.parametrize("kind", ["fifo", "folder", "socket"])
def test_a_history_path_that_is_no_file_is_refused_at_once(
    db_path: Path, new_recorder, kind: str, capsys
) -> None:
    import socket

    db_path.parent.mkdir(parents=True)
    listener = None
    if kind == "fifo":
        os.mkfifo(db_path)
    elif kind == "folder":
        db_path.mkdir()
    else:
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(db_path))
    try:
        assert history_command(as_json=False, db_path=db_path) == 1
        err = capsys.readouterr().err
        assert "could not be read" in err and "not a" in err
        recorder = new_recorder()
        assert recorder.current_streak() == 0
        assert "not a" in recorder.take_messages()[0]
    finally:
        if listener is not None:
            listener.close()


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-rm", "sh", "-c", "true"], capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="no private mount namespaces here")
def test_on_a_read_only_disk_history_is_read_and_a_session_says_it_is_not_saved(
    tmp_path: Path, start_run, recorder, db_path: Path
) -> None:
    before = _history_with_one_session(db_path, start_run, recorder)
    (tmp_path / "quick.yaml").write_text(QUICK)
    disk = tmp_path / "disk"
    disk.mkdir()
    program = Path(sys.executable).with_name("stretchtimer")
    script = f"""
set -u
mount -t tmpfs tmpfs {disk}
mkdir {disk}/stretchtimer
cp {db_path} {disk}/stretchtimer/history.db
mount -o remount,ro {disk}
export XDG_DATA_HOME={disk} XDG_CONFIG_HOME={tmp_path}/config
for args in "history" "stats --json"; do
  {program} $args > {tmp_path}/out.txt 2>&1; echo "$args: $?"
done
{program} doctor | grep '^history'
{program} run {tmp_path}/quick.yaml --plain --mute < /dev/null > {tmp_path}/run.txt 2>&1
echo "run: $?"
cmp {disk}/stretchtimer/history.db {db_path} && echo unchanged
"""
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, check=False
    )
    lines = done.stdout.splitlines()
    assert lines[:2] == ["history: 0", "stats --json: 0"], done.stdout + done.stderr
    assert "read-only, 1 session" in lines[2]
    assert lines[3:] == ["run: 0", "unchanged"]
    told = (tmp_path / "run.txt").read_text().splitlines()
    # Said before the first step, not after the session.
    assert "cannot be saved" in told[0] and "the disk is read-only" in told[0]
    assert told[1] == "Quick one."
    assert db_path.read_bytes() == before
