"""A step counts as completed only when its work was actually held.

The property tests drive the engine with random commands on the fake clock and
measure, independently of the engine's own bookkeeping, how long each step's
work phases were running. Every duration and command falls on a half-second
grid, so sampling the state at each half second measures the work exactly.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import COMPLETED_SHARE, MAX_EXTRA_SECONDS, Session, SessionState
from stretchtimer.session.events import StepStatus
from stretchtimer.session.timeline import PhaseKind

TICK = 0.5


@st.composite
def steps(draw: st.DrawFn) -> Step:
    timing = {
        "prepare": draw(st.integers(0, 3)),
        "rest": draw(st.integers(0, 3)),
        "switch": draw(st.integers(0, 2)),
        "sets": draw(st.integers(1, 2)),
        "sides": draw(st.sampled_from([(), ("left", "right")])),
    }
    if draw(st.booleans()):
        return Step(name="Hold", hold=draw(st.integers(1, 25)), **timing)  # type: ignore[arg-type]
    return Step(
        name="Reps",
        hold=None,
        reps=draw(st.integers(1, 6)),
        rep_time=draw(st.integers(1, 3)),
        **timing,  # type: ignore[arg-type]
    )


COMMANDS = st.one_of(
    st.tuples(st.just("wait"), st.integers(1, 40)),
    # Keys come in bursts, as when someone holds one down.
    st.tuples(st.sampled_from(["less", "done", "more", "pause"]), st.integers(1, 8)),
    st.tuples(st.sampled_from(["skip", "back", "restart", "quit"]), st.just(1)),
)


def run(routine: Routine, commands: list[tuple[str, int]]) -> tuple[Session, dict[int, float]]:
    clock = FakeClock()
    session = Session(routine, clock)
    session.start()
    held: dict[int, float] = {}

    def tick() -> None:
        session.update()
        if session.state is SessionState.RUNNING and session.current_phase.kind is PhaseKind.WORK:
            held[session.step_index] = held.get(session.step_index, 0.0) + TICK
        clock.advance(TICK)
        session.update()

    actions = {
        "pause": session.toggle_pause,
        "skip": session.skip,
        "back": session.back,
        "restart": session.restart_step,
        "more": lambda: session.adjust(10),
        "less": lambda: session.adjust(-10),
        "done": session.finish_reps,
        "quit": session.quit,
    }
    for name, count in commands:
        if name == "wait":
            for _ in range(count):
                tick()
        else:
            for _ in range(count):
                actions[name]()
        if session.state is not SessionState.FINISHED:
            extra = session.phase_length - session.current_phase.duration
            assert extra <= MAX_EXTRA_SECONDS
    session.quit()
    return session, held


@settings(max_examples=200, deadline=None)
@given(st.lists(steps(), min_size=1, max_size=3), st.lists(COMMANDS, max_size=40))
def test_a_step_is_completed_only_when_its_work_was_held(
    routine_steps: list[Step], commands: list[tuple[str, int]]
) -> None:
    routine = Routine(name="Random", steps=tuple(routine_steps))
    session, held = run(routine, commands)
    summary = session.summary
    assert summary is not None
    for result in summary.results:
        work = held.get(result.step_index, 0.0)
        planned = result.planned_seconds
        if result.status is StepStatus.COMPLETED:
            assert work >= COMPLETED_SHARE * planned - 1e-6, (result, work)
        if work == 0:
            assert result.status is StepStatus.SKIPPED, (result, work)
        # The record never credits more work than was held.
        assert result.work_seconds <= work + 1e-6, (result, work)


@settings(max_examples=100, deadline=None)
@given(st.lists(steps(), min_size=1, max_size=3))
def test_a_routine_followed_to_the_end_completes_every_step(routine_steps: list[Step]) -> None:
    routine = Routine(name="Random", steps=tuple(routine_steps))
    session, _ = run(routine, [("wait", 40)] * 30)  # 10 minutes: longer than any
    summary = session.summary
    assert summary is not None and not summary.quit
    assert summary.completed == len(routine_steps)


def test_taking_away_time_to_the_end_earns_nothing() -> None:
    step = Step(name="Neck", hold=30, sets=2, sides=("left", "right"))
    routine = Routine(name="Desk", steps=(step, Step(name="Reps", hold=None, reps=10)))
    session, held = run(routine, [("less", 200)])
    summary = session.summary
    assert summary is not None and not summary.quit
    assert summary.completed == 0 and summary.partial == 0
    assert summary.skipped == 2
    assert held == {}


def test_more_time_stops_at_the_cap() -> None:
    routine = Routine(name="Desk", steps=(Step(name="Neck", hold=30, prepare=5),))
    session = Session(routine, FakeClock())
    session.start()
    for _ in range(36_000):
        session.adjust(10)
    assert session.phase_length == 5 + MAX_EXTRA_SECONDS
    assert session.remaining == 5 + MAX_EXTRA_SECONDS
