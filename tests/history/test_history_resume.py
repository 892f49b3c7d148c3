"""An interrupted break can be picked up where it stopped, once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

from stretchtimer.history.records import SessionStatus


def test_an_abandoned_session_reads_as_interrupted_and_offers_its_next_step(
    start_run, new_recorder, read_sessions, make_routine
):
    run = start_run()
    run.finish_steps(2)
    # The terminal closes: no SessionFinished ever arrives.

    [record] = read_sessions()
    assert record.status is SessionStatus.INTERRUPTED
    assert record.ended_at is None
    assert (record.completed, record.active_seconds) == (2, 40)

    later = new_recorder()
    assert later.interrupted_step("Desk break") == 2
    found = later.interrupted_session("Desk break")
    assert found is not None
    assert (found.next_step, found.step_count) == (2, 4)


def test_resuming_continues_and_marks_the_old_session_resumed(
    start_run, new_recorder, read_sessions, clocks
):
    start_run().finish_steps(1)  # then the laptop lid closes
    clocks.jump(timedelta(minutes=30))

    recorder = new_recorder()
    step = recorder.interrupted_step("Desk break")
    assert step == 1
    resumed = start_run(start_step=step, using=recorder)
    assert recorder.interrupted_step("Desk break") is None  # not offered twice
    resumed.finish_steps(3)

    old, new = read_sessions()
    assert old.status is SessionStatus.RESUMED
    assert new.status is SessionStatus.COMPLETED
    assert new.resumed_from == old.id
    assert new.start_step == 1
    assert [s.index for s in new.steps] == [1, 2, 3]
    assert new_recorder().interrupted_step("Desk break") is None


def test_a_resumed_session_that_is_interrupted_again_continues_further_on(start_run, new_recorder):
    start_run().finish_steps(1)
    recorder = new_recorder()
    start_run(start_step=1, using=recorder).finish_steps(1)  # interrupted again
    assert new_recorder().interrupted_step("Desk break") == 2


def test_skipped_steps_count_as_finished_for_resuming(start_run, new_recorder):
    run = start_run()
    run.finish_steps(1)
    run.session.skip()
    assert new_recorder().interrupted_step("Desk break") == 2


def test_nothing_is_offered_when_there_is_nothing_to_continue(
    start_run, new_recorder, make_routine, clocks
):
    assert new_recorder().interrupted_step("Desk break") is None  # no history at all

    start_run()  # interrupted before finishing any step: just start again
    assert new_recorder().interrupted_step("Desk break") is None

    start_run(make_routine("Neck")).finish_steps(2)  # another routine's interruption
    assert new_recorder().interrupted_step("Desk break") is None
    assert new_recorder().interrupted_step("Neck") == 2

    clocks.jump(timedelta(hours=2))
    start_run(make_routine("Neck")).finish_steps(4)  # a later full session supersedes it
    assert new_recorder().interrupted_step("Neck") is None


def test_a_routine_that_got_shorter_is_not_resumed_past_its_end(start_run, new_recorder):
    start_run().finish_steps(3)
    recorder = new_recorder()
    assert recorder.interrupted_step("Desk break", step_count=4) == 3
    assert recorder.interrupted_step("Desk break", step_count=3) is None


def test_a_session_running_in_this_process_is_not_offered(start_run, recorder):
    start_run().finish_steps(2)
    assert recorder.interrupted_step("Desk break") is None


_CRASHING_SESSION = """
    import os, signal, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from stretchtimer.session.clock import FakeClock
    from stretchtimer.session.engine import Session
    from stretchtimer.history.recorder import HistoryRecorder
    from stretchtimer.routine import Routine, Step

    routine = Routine("Desk break", tuple(
        Step(name=f"Stretch {n}", hold=20, prepare=0, rest=0) for n in range(1, 5)))
    clock = FakeClock()
    recorder = HistoryRecorder(Path(sys.argv[1]))
    session = Session(routine, clock)
    recorder.attach(session)
    session.start()
    for _ in range(3):
        clock.advance(20)
        session.update()
    clock.advance(7)  # part-way into step 4
    session.update()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_process_loses_only_the_step_in_progress(db_path: Path, new_recorder):
    db_path.parent.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_CRASHING_SESSION), str(db_path)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()

    recorder = new_recorder()
    assert recorder.interrupted_step("Desk break") == 3
    assert recorder.take_messages() == []
