"""A 10-minute session under late wake-ups and pauses, on a simulated clock.

The screen wakes at ``next_wakeup()``, but a real event loop is always a
little late. Here every wake-up comes 0-20 ms late (at random), and the
session is paused several times mid-second. Because each phase starts at its
predecessor's deadline, not when ``update()`` ran, the session should end at
its planned length plus the time spent paused, give or take one wake-up's
lateness. A timer that counted one-second ticks under the same lateness is
worked out alongside, to show what deadlines save.

Many seeded sessions are run; the report gives the worst of them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from stretchtimer.routine import Routine, Step, StepKind
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.events import Event, PhaseStarted, SessionFinished
from stretchtimer.session.timeline import compile_timeline

PLANNED_SECONDS = 600
SESSIONS = 200
PAUSES = 6
MAX_JITTER = 0.020
#: How far a 10-minute session may end from plan (the target).
TARGET_SECONDS = 0.2


@dataclass(frozen=True)
class DriftResult:
    sessions: int
    planned_seconds: int
    pauses_per_session: int
    max_paused_seconds: float
    max_end_error: float
    """Worst |seen end - (start + plan + paused)|, as the screen saw it."""
    max_boundary_error: float
    """Worst |phase start the engine holds - planned start|: drift, wake-ups aside."""
    max_phase_late: float
    """Worst lateness of a phase change as seen, against its planned start."""
    max_active_error: float
    """Worst |active seconds - plan|: pauses must not count as work."""
    tick_counter_late: float
    """Median lateness of a tick-counting timer under the same wake-ups."""

    @property
    def passed(self) -> bool:
        return self.max_end_error <= TARGET_SECONDS and self.max_active_error <= TARGET_SECONDS


def ten_minute_routine() -> Routine:
    """Desk-break-like steps (holds, sides, reps) topped up to exactly 600 s."""
    steps: list[Step] = []
    for index in range(7):
        name = f"Stretch {index + 1}"
        if index % 3 == 2:
            steps.append(
                Step(name=name, kind=StepKind.WARMUP, hold=None, reps=10, rep_time=3, prepare=5)
            )
        else:
            steps.append(Step(name=name, hold=30, sides=("left", "right"), prepare=5, switch=5))
    so_far = compile_timeline(Routine(name="", steps=(*steps, Step(name="x", hold=1, prepare=0))))
    last_hold = PLANNED_SECONDS - so_far.total_seconds + 1
    steps.append(Step(name="Last hold", hold=last_hold, prepare=0))
    routine = Routine(name="Ten minutes", steps=tuple(steps))
    assert compile_timeline(routine).total_seconds == PLANNED_SECONDS
    return routine


@dataclass
class _Outcome:
    end_error: float
    boundary_error: float
    phase_late: float
    active_error: float
    paused: float


def simulate(routine: Routine, seed: int) -> _Outcome:
    """One session: late wake-ups throughout, ``PAUSES`` pauses at random moments."""
    rng = random.Random(seed)
    clock = FakeClock(0.0)
    session = Session(routine, clock)
    start = clock.now()
    paused = 0.0
    worst_late = 0.0
    worst_boundary = 0.0
    seen_end: float | None = None

    def listen(event: Event) -> None:
        nonlocal worst_late, worst_boundary, seen_end
        if isinstance(event, PhaseStarted):
            planned = start + paused + event.phase.start
            worst_late = max(worst_late, event.now - planned)
            worst_boundary = max(worst_boundary, abs(event.started_at - planned))
        elif isinstance(event, SessionFinished):
            seen_end = event.now

    session.subscribe(listen)
    session.start()
    pause_at = sorted(rng.uniform(5, PLANNED_SECONDS - 5) for _ in range(PAUSES))
    while session.state is SessionState.RUNNING:
        wakeup = session.next_wakeup()
        assert wakeup is not None
        if pause_at and session.active_seconds + (wakeup - clock.now()) > pause_at[0]:
            # Pause somewhere before the coming wake-up, hold still, resume.
            clock.advance(rng.uniform(0, max(0.0, wakeup - clock.now())))
            pause_at.pop(0)
            session.pause()
            if session.summary is not None:  # the pause landed on the very end
                continue
            held = rng.uniform(0.3, 30.0)
            clock.advance(held)
            paused += held
            session.resume()
            continue
        clock.set(max(clock.now(), wakeup + rng.uniform(0, MAX_JITTER)))
        session.update()
    summary = session.summary
    assert summary is not None and seen_end is not None
    return _Outcome(
        end_error=abs(seen_end - (start + PLANNED_SECONDS + paused)),
        boundary_error=worst_boundary,
        phase_late=worst_late,
        active_error=abs(summary.active_seconds - PLANNED_SECONDS),
        paused=paused,
    )


def tick_counter_lateness(seed: int) -> float:
    """How late a loop that sleeps one second per tick ends after ``PLANNED_SECONDS`` ticks."""
    rng = random.Random(seed)
    return sum(rng.uniform(0, MAX_JITTER) for _ in range(PLANNED_SECONDS))


def run(sessions: int = SESSIONS) -> DriftResult:
    routine = ten_minute_routine()
    outcomes = [simulate(routine, seed) for seed in range(sessions)]
    ticks = sorted(tick_counter_lateness(seed) for seed in range(sessions))
    return DriftResult(
        sessions=sessions,
        planned_seconds=PLANNED_SECONDS,
        pauses_per_session=PAUSES,
        max_paused_seconds=max(o.paused for o in outcomes),
        max_end_error=max(o.end_error for o in outcomes),
        max_boundary_error=max(o.boundary_error for o in outcomes),
        max_phase_late=max(o.phase_late for o in outcomes),
        max_active_error=max(o.active_error for o in outcomes),
        tick_counter_late=ticks[len(ticks) // 2],
    )
