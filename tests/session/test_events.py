"""A listener that sees only the events knows everything it needs about a session.

``EventMirror`` stands for a future listener (a reminder scheduler, a figure
animator, the history): it never touches the ``Session``, yet at any clock
reading it must agree with the engine on the phase, its start and deadline,
the rep, the side, whether the session is paused, the active time, and the
results the history records.
"""

from __future__ import annotations

import math

import pytest
from fresh_imports import loaded_after
from hypothesis import given, settings
from hypothesis import strategies as st
from routines_for_tests import hold_step, rep_step, routine

from stretchtimer.routine import Routine
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.events import (
    Event,
    Paused,
    PhaseStarted,
    PhaseTimeChanged,
    Resumed,
    SessionFinished,
    SessionStarted,
    SessionSummary,
    StepFinished,
    StepResult,
)
from stretchtimer.session.timeline import Phase

EPSILON = 1e-6


class EventMirror:
    """The session as the events describe it."""

    def __init__(self) -> None:
        self.start: SessionStarted | None = None
        self.phase: Phase | None = None
        self.started_at = 0.0
        self.length = 0.0
        self.deadline: float | None = None
        self.paused_remaining = 0.0
        self.active_base = 0.0
        self.running_since: float | None = None
        self.results: dict[int, StepResult] = {}
        self.summary: SessionSummary | None = None

    def __call__(self, event: Event) -> None:
        match event:
            case SessionStarted(now=now):
                self.start = event
                self.running_since = now
            case PhaseStarted(phase=phase, started_at=started_at, length=length):
                self.phase, self.started_at, self.length = phase, started_at, length
                self.deadline = event.deadline
                self.paused_remaining = length
            case PhaseTimeChanged(length=length, remaining=remaining, deadline=deadline):
                self.length, self.deadline, self.paused_remaining = length, deadline, remaining
            case Paused(remaining=remaining, active_seconds=active):
                self.deadline, self.paused_remaining = None, remaining
                self.active_base, self.running_since = active, None
            case Resumed(deadline=deadline, active_seconds=active, now=now):
                self.deadline = deadline
                self.active_base, self.running_since = active, now
            case StepFinished(result=result):
                self.results[result.step_index] = result
            case SessionFinished(summary=summary):
                self.summary = summary
                self.active_base, self.running_since = summary.active_seconds, None
            case _:
                pass

    # What a figure animator or a reminder would ask, at clock reading ``t``.
    @property
    def paused(self) -> bool:
        return self.summary is None and self.deadline is None

    def remaining(self, t: float) -> float:
        if self.summary is not None:
            return 0.0
        if self.deadline is None:
            return self.paused_remaining
        return max(0.0, self.deadline - t)

    def rep(self, t: float) -> int | None:
        phase = self.phase
        if phase is None or phase.reps is None or phase.rep_time is None:
            return None
        elapsed = max(0.0, self.length - self.remaining(t))
        return min(phase.reps, int((elapsed + EPSILON) // phase.rep_time) + 1)

    def active_seconds(self, t: float) -> float:
        since = self.running_since
        return self.active_base + (t - since if since is not None else 0.0)


def agree(session: Session, mirror: EventMirror, clock: FakeClock) -> None:
    now = clock.now()
    if session.state is SessionState.FINISHED:
        assert mirror.summary == session.summary
        assert mirror.remaining(now) == 0.0
        return
    assert mirror.phase == session.current_phase
    assert mirror.phase.side == session.current_phase.side
    assert mirror.paused == (session.state is SessionState.PAUSED)
    assert mirror.remaining(now) == pytest.approx(session.remaining, abs=EPSILON)
    assert mirror.length == pytest.approx(session.phase_length, abs=EPSILON)
    assert mirror.rep(now) == session.current_rep
    assert mirror.active_seconds(now) == pytest.approx(session.active_seconds, abs=EPSILON)
    assert mirror.results == session.results


def demo() -> Routine:
    return routine(
        hold_step("Neck", sides=("left", "right"), sets=2, hold=6, prepare=2, switch=2, rest=3),
        rep_step("Rolls", reps=4, rep_time=2, prepare=0, rest=2),
        hold_step("Reach", sides=("left", "right"), switch=0, hold=4, prepare=1),
    )


COMMANDS = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(0.1, 9.0)),
        st.tuples(
            st.sampled_from(["pause", "resume", "skip", "back", "restart", "reps", "update"]),
            st.just(0.0),
        ),
        st.tuples(st.just("adjust"), st.sampled_from([-30.0, -5.0, -1.0, 5.0, 30.0])),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(commands=COMMANDS, start_step=st.integers(0, 2))
def test_a_listener_that_sees_only_events_agrees_with_the_engine(
    commands: list[tuple[str, float]], start_step: int
) -> None:
    clock = FakeClock()
    session = Session(demo(), clock, start_step=start_step)
    mirror = EventMirror()
    session.subscribe(mirror)
    session.start()
    agree(session, mirror, clock)
    for name, amount in commands:
        if name == "advance":
            clock.advance(amount)
            session.update()
        elif name == "adjust":
            session.adjust(int(amount))
        else:
            actions = {
                "pause": session.pause,
                "resume": session.resume,
                "skip": session.skip,
                "back": session.back,
                "restart": session.restart_step,
                "reps": session.finish_reps,
                "update": session.update,
            }
            actions[name]()
        agree(session, mirror, clock)
        # Between wake-ups too: the mirror answers for any reading, not only at events.
        if session.state is SessionState.RUNNING:
            clock.advance(0.4)
            agree(session, mirror, clock)
    session.quit()
    agree(session, mirror, clock)


def test_the_events_alone_give_the_history_everything_it_records() -> None:
    clock = FakeClock()
    plan = demo()
    session = Session(plan, clock, start_step=1)
    mirror = EventMirror()
    session.subscribe(mirror)
    session.start()
    clock.advance(3.5)
    session.update()
    session.pause()
    clock.advance(100)
    session.resume()
    session.skip()
    clock.advance(2)
    session.update()
    assert mirror.start is not None
    # The session row: which routine, from which file, from which step, how long.
    assert mirror.start.routine is plan
    assert mirror.start.first_step == 1
    assert len(mirror.start.routine.steps) == 3
    assert mirror.start.timeline.total_seconds == session.session_total
    # The step rows and the progress so far.
    assert mirror.results == session.results
    assert mirror.active_seconds(clock.now()) == pytest.approx(session.active_seconds)
    summary = session.quit()
    assert mirror.summary == summary
    assert mirror.active_seconds(clock.now()) == summary.active_seconds


def test_a_phase_started_while_paused_has_no_deadline_until_resumed() -> None:
    clock = FakeClock()
    session = Session(demo(), clock)
    seen: list[Event] = []
    session.subscribe(seen.append)
    session.start()
    clock.advance(1)
    session.pause()
    session.skip()
    started = [e for e in seen if isinstance(e, PhaseStarted)][-1]
    assert started.paused and started.deadline is None and started.phase.step_index == 1
    clock.advance(50)
    session.resume()
    resumed = seen[-1]
    assert isinstance(resumed, Resumed)
    assert resumed.deadline == pytest.approx(clock.now() + started.length)


def test_every_event_carries_the_clock_reading_it_was_sent_at() -> None:
    clock = FakeClock(100.0)
    session = Session(demo(), clock)
    seen: list[Event] = []
    session.subscribe(seen.append)
    session.start()
    clock.advance(2.5)  # past the 2 s prepare: the work phase began at 102
    session.update()
    assert {e.now for e in seen[:2]} == {100.0}
    work = next(e for e in seen if isinstance(e, PhaseStarted) and e.phase.index == 1)
    assert (work.started_at, work.now, work.deadline) == (102.0, 102.5, 108.0)
    assert math.isclose(work.length, 6.0)


def test_listeners_of_a_session_never_import_the_engine() -> None:
    """The history, the trace and the cue rules are written against the events alone."""
    modules = [
        "stretchtimer.history.recorder",
        "stretchtimer.session.trace",
        "stretchtimer.audio.event_cues",
        "stretchtimer.audio.session_audio",
    ]
    code = "".join(f"import {m}\n" for m in modules)
    assert loaded_after(code, ["stretchtimer.session.engine"]) == []
