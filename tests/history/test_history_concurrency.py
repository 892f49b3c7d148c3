"""Two terminals, one history file: both sessions are recorded in full."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from stretchtimer.history.recorder import HistoryRecorder
from stretchtimer.history.records import SessionStatus
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session


def test_two_recorders_interleaving_on_one_file(db_path, make_routine, read_sessions):
    start = datetime(2025, 3, 12, 9, 0, tzinfo=UTC)
    terminals = []
    for offset, name in ((0, "Desk break"), (5, "Neck")):
        clock = FakeClock()
        origin = clock.now()

        def now(clock: FakeClock = clock, origin: float = origin, offset: int = offset) -> datetime:
            return start + timedelta(seconds=offset + clock.now() - origin)

        recorder = HistoryRecorder(db_path, now=now)
        session = Session(make_routine(name), clock)
        recorder.attach(session)
        terminals.append((recorder, session, clock))

    for _, session, _ in terminals:
        session.start()
    for _ in range(4):  # each finishes a step, in turn
        for _, session, clock in terminals:
            clock.advance(20)
            session.update()

    desk, neck = read_sessions()
    for record, name in ((desk, "Desk break"), (neck, "Neck")):
        assert record.routine == name
        assert record.status is SessionStatus.COMPLETED
        assert [s.index for s in record.steps] == [0, 1, 2, 3]
        assert record.completed == 4
    for recorder, _, _ in terminals:
        assert recorder.take_messages() == []


def test_two_recorders_writing_from_threads_at_once(db_path, make_routine, read_sessions):
    routine = make_routine(steps=30)
    errors: list[BaseException] = []
    recorders = [HistoryRecorder(db_path) for _ in range(2)]

    def run(recorder: HistoryRecorder) -> None:
        try:
            clock = FakeClock()
            session = Session(routine, clock)
            recorder.attach(session)
            session.start()
            for _ in range(30):
                clock.advance(20)
                session.update()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(r,)) for r in recorders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert [r.take_messages() for r in recorders] == [[], []]
    records = read_sessions()
    assert len(records) == 2
    assert all(len(r.steps) == 30 and r.status is SessionStatus.COMPLETED for r in records)
