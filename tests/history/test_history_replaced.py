"""The history file replaced, removed or overwritten while a session is being recorded.

An open SQLite connection keeps writing to the file it opened even after that
file was renamed or deleted, so without a check the session would vanish.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from stretchtimer.history.records import SessionStatus
from stretchtimer.history.store import open_store


def _corrupt_copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name)


def _replace_with(db_path: Path, data: bytes) -> None:
    """What an editor, a sync tool or ``mv other history.db`` does: a new file, renamed in."""
    other = db_path.with_name("incoming")
    other.write_bytes(data)
    os.replace(other, db_path)


def test_a_file_replaced_by_garbage_is_set_aside_and_the_session_kept(
    db_path: Path, start_run, recorder, read_sessions
):
    run = start_run()
    run.finish_steps(2)
    _replace_with(db_path, b"not a database at all " * 200)
    run.finish_steps(2)

    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED
    assert [s.index for s in record.steps] == [0, 1, 2, 3]
    [moved] = [n for n in _corrupt_copies(db_path.parent) if not n.endswith(("-wal", "-shm"))]
    assert (db_path.parent / moved).read_bytes() == b"not a database at all " * 200
    messages = recorder.take_messages()
    assert any("replaced or removed" in m for m in messages)
    assert any("damaged" in m and moved in m for m in messages)


def test_a_removed_file_is_started_afresh_with_the_session_so_far(
    db_path: Path, start_run, recorder, read_sessions
):
    run = start_run()
    run.finish_steps(1)
    for name in ("history.db", "history.db-wal", "history.db-shm"):
        (db_path.parent / name).unlink(missing_ok=True)
    run.finish_steps(3)

    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED
    assert len(record.steps) == 4
    [message] = recorder.take_messages()
    assert "replaced or removed" in message


def test_a_file_replaced_by_another_history_gets_the_session_added(
    db_path: Path, tmp_path: Path, start_run, new_recorder, recorder, read_sessions
):
    elsewhere = tmp_path / "elsewhere" / "history.db"
    other = new_recorder(elsewhere)
    start_run(using=other).finish_steps(4)
    other.close()

    run = start_run()
    run.finish_steps(2)
    _replace_with(db_path, elsewhere.read_bytes())
    run.finish_steps(2)

    earlier, ours = read_sessions()
    assert earlier.status is SessionStatus.COMPLETED
    assert ours.status is SessionStatus.COMPLETED and len(ours.steps) == 4
    assert _corrupt_copies(db_path.parent) == []


def test_a_copy_of_the_file_put_back_is_not_given_the_session_twice(
    db_path: Path, tmp_path: Path, start_run, recorder, read_sessions
):
    run = start_run()
    run.finish_steps(1)
    recorder.close()  # folds the journal in, so the copy holds the session's row
    backup = tmp_path / "backup.db"
    shutil.copyfile(db_path, backup)
    _replace_with(db_path, backup.read_bytes())
    run.finish_steps(3)

    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED and len(record.steps) == 4


def test_nothing_is_said_when_the_file_stays_put(db_path: Path, start_run, recorder):
    start_run().finish_steps(4)
    assert recorder.take_messages() == []
    store = open_store(db_path, create=False)
    assert store.session_count() == 1
    store.close()
