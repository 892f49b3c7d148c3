"""The session engine alone: how fast it walks a long routine on a fake clock.

In the app the engine does its work once a second, so its speed only matters
as headroom; this measures that headroom. The routine is walked the way the
screen walks it (wake at ``next_wakeup()``, call ``update()``), with one
listener attached, and compared with a bare loop that does the least any
event-driven timer must do per phase: move a deadline, build an event and
hand it to a listener. The ratio between the two is the engine's overhead in
units of this machine's speed.
"""

from __future__ import annotations

from dataclasses import dataclass

from timing import median, ratio, time_calls

from stretchtimer.routine import Routine, Step, StepKind
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.events import Event, PhaseStarted
from stretchtimer.session.timeline import Phase, compile_timeline

STEP_COUNT = 2000
REPEAT = 7


@dataclass(frozen=True)
class EngineResult:
    steps: int
    phases: int
    wakeups: int
    session_seconds: float
    engine_seconds: float
    baseline_seconds: float
    compile_seconds: float

    @property
    def phases_per_second(self) -> float:
        return ratio(self.phases, self.engine_seconds)

    @property
    def us_per_phase(self) -> float:
        return ratio(self.engine_seconds * 1e6, self.phases)

    @property
    def us_per_wakeup(self) -> float:
        return ratio(self.engine_seconds * 1e6, self.wakeups)

    @property
    def baseline_us_per_phase(self) -> float:
        return ratio(self.baseline_seconds * 1e6, self.phases)

    @property
    def overhead(self) -> float:
        return ratio(self.engine_seconds, self.baseline_seconds)


def short_step(index: int) -> Step:
    """A step of one- and two-second phases, varied like real steps are."""
    name = f"Step {index + 1}"
    instructions = ("Sit tall.", "Breathe out slowly.", "Let the shoulders drop.")
    if index % 3 == 2:
        return Step(
            name=name,
            kind=StepKind.WARMUP,
            hold=None,
            reps=3,
            rep_time=1,
            prepare=1,
            rest=1,
            instructions=instructions,
        )
    return Step(
        name=name,
        hold=2,
        sets=1 + index % 2,
        sides=("left", "right") if index % 3 == 1 else (),
        prepare=1,
        rest=1,
        switch=1,
        instructions=instructions,
    )


def many_steps(count: int) -> Routine:
    return Routine(name=f"{count} short steps", steps=tuple(short_step(i) for i in range(count)))


class _Counter:
    """The one listener: counts events, as a cheap screen or recorder would look at them."""

    def __init__(self) -> None:
        self.events = 0
        self.phases = 0

    def __call__(self, event: Event) -> None:
        self.events += 1
        if isinstance(event, PhaseStarted):
            self.phases += 1


def new_session(routine: Routine) -> tuple[Session, FakeClock]:
    clock = FakeClock(0.0)
    return Session(routine, clock), clock


def walk(session: Session, clock: FakeClock) -> tuple[int, int, float]:
    """Run a whole session as the screen would; (phases, wake-ups, simulated seconds)."""
    counter = _Counter()
    session.subscribe(counter)
    session.start()
    wakeups = 0
    while session.state is SessionState.RUNNING:
        wakeup = session.next_wakeup()
        assert wakeup is not None
        clock.set(max(clock.now(), wakeup))
        session.update()
        wakeups += 1
    return counter.phases, wakeups, clock.now()


def bare_loop(phases: tuple[Phase, ...]) -> float:
    """The floor for any timer with events: a deadline, an event and a call per phase."""
    deadline = 0.0
    sink = _Counter()
    for phase in phases:
        started = deadline
        deadline += phase.duration
        sink(PhaseStarted(phase, started, float(phase.duration), deadline, started))
    return deadline


def run(step_count: int = STEP_COUNT, repeat: int = REPEAT) -> EngineResult:
    routine = many_steps(step_count)
    phases, wakeups, seconds = walk(*new_session(routine))
    timeline = compile_timeline(routine)
    assert phases == len(timeline.phases), (phases, len(timeline.phases))
    # Sessions are built up front: compiling the timeline is timed on its own.
    sessions = iter([new_session(routine) for _ in range(repeat)])
    engine = median(time_calls(lambda: walk(*next(sessions)), repeat))
    baseline = median(time_calls(lambda: bare_loop(timeline.phases), repeat))
    compiled = median(time_calls(lambda: compile_timeline(routine), repeat))
    return EngineResult(
        steps=step_count,
        phases=phases,
        wakeups=wakeups,
        session_seconds=seconds,
        engine_seconds=engine,
        baseline_seconds=baseline,
        compile_seconds=compiled,
    )
