"""The benchmark trace: one JSON line per event, written as it happens, never a file left open."""

from __future__ import annotations

import json
import os
from pathlib import Path

from routines_for_tests import hold_step, routine

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session
from stretchtimer.session.trace import TraceWriter


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def open_handles(path: Path) -> list[str]:
    """This process's file descriptors that point at ``path``."""
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            if Path(os.readlink(fd)) == path.resolve():
                found.append(fd.name)
        except OSError:
            continue
    return found


def two_steps() -> Session:
    return Session(routine(hold_step("A", prepare=2, hold=4, rest=1), hold_step("B")), FakeClock())


def test_a_session_that_never_finishes_leaves_its_lines_and_no_open_file(tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    session = two_steps()
    TraceWriter(path).attach(session)
    clock = session.clock
    assert isinstance(clock, FakeClock)
    session.start()
    clock.advance(2.25)  # the prepare phase ended at 2 s; the app noticed 0.25 s late
    session.update()
    # The session is abandoned here: no quit, no end.
    assert open_handles(path) == []
    records = lines(path)
    assert [r["event"] for r in records] == ["SessionStarted", "PhaseStarted", "PhaseStarted"]
    work = records[-1]
    assert (work["kind"], work["planned_offset"]) == ("work", 2)
    assert float(work["clock"]) - float(work["started_at"]) == 0.25  # type: ignore[arg-type]


def test_the_last_line_gives_the_plan_and_the_time_spent(tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    session = two_steps()
    TraceWriter(path).attach(session)
    session.start()
    clock = session.clock
    assert isinstance(clock, FakeClock)
    clock.advance(3)
    session.update()
    session.quit()
    end = lines(path)[-1]
    assert end["event"] == "SessionFinished"
    assert end["planned_total"] == session.session_total
    assert end["active_seconds"] == 3
    assert open_handles(path) == []


def test_one_trace_follows_every_session_the_app_runs(tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    writer = TraceWriter(path)
    for _ in range(2):
        session = two_steps()
        writer.attach(session)
        session.start()
        session.quit()
    events = [r["event"] for r in lines(path)]
    assert events.count("SessionStarted") == 2 and events.count("SessionFinished") == 2
