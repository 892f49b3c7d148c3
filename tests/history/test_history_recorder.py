"""A session is written to the history file as it goes, not only at the end."""

from __future__ import annotations

import time
from pathlib import Path

from stretchtimer.history.records import SessionStatus
from stretchtimer.history.schema import SCHEMA_VERSION
from stretchtimer.history.store import open_store
from stretchtimer.session.engine import Session


def test_a_completed_session_is_recorded_with_its_steps(start_run, read_sessions, clocks):
    run = start_run()
    run.finish_steps(2)
    run.session.pause()
    clocks.advance(300)  # a long pause does not count as stretching time
    run.session.resume()
    run.finish_steps(2)

    [record] = read_sessions()
    assert record.status is SessionStatus.COMPLETED
    assert record.routine == "Desk break"
    assert record.routine_file == "/routines/desk-break.yaml"
    assert (record.completed, record.skipped, record.partial) == (4, 0, 0)
    assert record.active_seconds == 80
    assert record.started_at.isoformat() == "2025-03-12T09:00:00+00:00"
    assert record.ended_at is not None
    assert record.ended_at.isoformat() == "2025-03-12T09:06:20+00:00"
    assert [(s.index, s.status, s.planned_seconds, s.actual_seconds) for s in record.steps] == [
        (0, "completed", 20, 20.0),
        (1, "completed", 20, 20.0),
        (2, "completed", 20, 20.0),
        (3, "completed", 20, 20.0),
    ]


def test_a_session_with_a_step_left_out_by_ratings_is_finished_not_completed(
    start_run, read_sessions, make_routine
):
    import msgspec

    routine = make_routine(steps=1)
    left_out = ("Stretch 2: rated hurt, and the routine gives no easier version",)
    run = start_run(msgspec.structs.replace(routine, left_out=left_out))
    run.finish_steps(1)

    [record] = read_sessions()
    assert (record.completed, record.skipped, record.partial) == (1, 0, 0)
    assert record.status is SessionStatus.FINISHED


def test_rows_appear_while_the_session_is_still_running(start_run, read_sessions):
    run = start_run()
    [record] = read_sessions()
    assert record.status is SessionStatus.INTERRUPTED  # until it records an end
    assert record.ended_at is None
    assert record.steps == ()

    run.finish_steps(1)
    [record] = read_sessions()
    assert [s.index for s in record.steps] == [0]
    assert record.completed == 1
    assert record.active_seconds == 20


def test_quitting_records_quit_with_partial_and_skipped_steps(start_run, read_sessions, clocks):
    run = start_run()
    run.finish_steps(1)
    run.session.skip()  # step 2 skipped at once
    clocks.advance(8)
    run.session.update()
    run.session.quit()  # step 3 left after 8 s of holding: partial

    [record] = read_sessions()
    assert record.status is SessionStatus.QUIT
    assert (record.completed, record.skipped, record.partial) == (1, 1, 1)
    assert [(s.name, s.status) for s in record.steps] == [
        ("Stretch 1", "completed"),
        ("Stretch 2", "skipped"),
        ("Stretch 3", "partial"),
    ]
    assert record.steps[2].actual_seconds == 8


def test_sides_and_sets_record_which_parts_were_done(start_run, read_sessions, make_routine):
    routine = make_routine(steps=2, sides=("left", "right"), sets=2)
    run = start_run(routine)
    run.finish_steps(4)  # every part of step 1
    run.finish_steps(1)  # step 2: set 1 left only
    run.session.quit()

    [record] = read_sessions()
    first, second = record.steps
    assert first.parts_done == ("set 1 left", "set 1 right", "set 2 left", "set 2 right")
    assert (first.parts_total, first.planned_seconds) == (4, 80)
    assert second.status == "partial"
    assert second.parts_done == ("set 1 left",)


def test_a_step_done_again_is_one_row_with_the_merged_result(start_run, read_sessions, clocks):
    run = start_run()
    clocks.advance(6)
    run.session.update()
    run.session.skip()  # step 1: partial, 6 s held
    run.session.back()  # straight back to step 1 to do it properly
    run.finish_steps(1)
    run.session.quit()

    [record] = read_sessions()
    assert [(s.index, s.status, s.actual_seconds) for s in record.steps] == [
        (0, "completed", 26.0),
        (1, "skipped", 0.0),
    ]
    assert (record.completed, record.skipped, record.partial) == (1, 1, 0)


def test_quitting_before_starting_leaves_no_row(recorder, clocks, make_routine, db_path):
    session = Session(make_routine(), clocks.mono)
    recorder.attach(session)
    session.quit()
    assert recorder.take_messages() == []
    assert not db_path.exists()


def test_one_recorder_records_one_session_after_another(start_run, read_sessions, clocks):
    first = start_run()
    first.finish_steps(4)
    clocks.advance(3600)
    second = start_run()
    second.finish_steps(1)
    second.session.quit()

    statuses = [r.status for r in read_sessions()]
    assert statuses == [SessionStatus.COMPLETED, SessionStatus.QUIT]


def test_the_file_is_created_where_asked_in_wal_mode_and_current(start_run, db_path: Path):
    start_run().finish_steps(4)
    store = open_store(db_path, create=False)
    try:
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        store.close()
    assert mode == "wal"
    assert version == SCHEMA_VERSION


def test_default_location_is_the_user_data_folder(tmp_path, monkeypatch, clocks, make_routine):
    from stretchtimer.history.recorder import HistoryRecorder

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    recorder = HistoryRecorder(now=clocks.now)
    assert recorder.path == tmp_path / "xdg" / "stretchtimer" / "history.db"
    session = Session(make_routine(), clocks.mono)
    recorder.attach(session)
    session.start()
    assert recorder.path.exists()
    recorder.close()


def test_warm_up_opens_the_file_in_the_background(recorder, db_path, start_run):
    recorder.warm_up()
    for _ in range(1000):  # no session yet: only the warm-up can create the file
        if db_path.exists():
            break
        time.sleep(0.005)
    assert db_path.exists()
    start_run().finish_steps(4)
    assert recorder.take_messages() == []


def test_current_streak_counts_days_with_a_session(start_run, recorder, clocks):
    from datetime import timedelta

    assert recorder.current_streak() == 0
    for _ in range(3):
        start_run().finish_steps(4)
        clocks.jump(timedelta(days=1))
    # Three days in a row, the last one yesterday: still alive today.
    assert recorder.current_streak() == 3
    clocks.jump(timedelta(days=1))
    assert recorder.current_streak() == 0


class Relay:
    """An event source that is not a session: only ``subscribe``, nothing to reach back into."""

    def __init__(self) -> None:
        self.listeners: list = []

    def subscribe(self, listener) -> None:
        self.listeners.append(listener)

    def send(self, event) -> None:
        for listener in self.listeners:
            listener(event)


def test_the_recorder_needs_nothing_but_the_events(recorder, make_routine, read_sessions, clocks):
    relay = Relay()
    recorder.attach(relay)
    session = Session(make_routine(), clocks.mono, start_step=1)
    session.subscribe(relay.send)
    session.start()
    [record] = read_sessions()
    assert (record.routine, record.start_step, record.step_count) == ("Desk break", 1, 4)
    clocks.advance(20)
    session.update()
    clocks.advance(5)
    session.update()
    [record] = read_sessions()
    assert [(s.index, s.status) for s in record.steps] == [(1, "completed")]
    assert record.active_seconds == 20  # progress as of the step that finished
    session.quit()
    [record] = read_sessions()
    assert record.status is SessionStatus.QUIT
    assert (record.completed, record.partial, record.skipped) == (1, 1, 0)
    assert record.routine_file == "/routines/desk-break.yaml"
