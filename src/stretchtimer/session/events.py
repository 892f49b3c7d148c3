"""What the session engine tells its listeners.

The audio cues, the history and the timing trace follow a session through
these events alone, never reading the engine: each event carries what a
listener needs (the plan, phase start and deadline on the session clock,
reps, side, pauses, results, active time), so a new listener can be written
from this module without knowing how the engine keeps time.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol, assert_never

import msgspec

from stretchtimer.routine import Routine
from stretchtimer.session.timeline import Phase, Timeline


class StepStatus(StrEnum):
    COMPLETED = "completed"
    PARTIAL = "partial"
    SKIPPED = "skipped"

    @property
    def rank(self) -> int:
        """Which outcome counts when a step is done twice: the higher one."""
        match self:
            case StepStatus.SKIPPED:
                return 0
            case StepStatus.PARTIAL:
                return 1
            case StepStatus.COMPLETED:
                return 2
            case _:
                assert_never(self)


class StepResult(msgspec.Struct, frozen=True):
    """How one step went.

    ``work_seconds`` counts time actually spent in holds or reps (pauses
    excluded); ``parts_done`` names the work phases that ran to their end,
    such as ``"set 1 left"``. ``adapted`` says how the plan differed from the
    routine as written (ratings had changed it), so history keeps both.
    """

    step_index: int
    name: str
    status: StepStatus
    planned_seconds: int
    work_seconds: float
    parts_done: tuple[str, ...]
    parts_total: int
    adapted: str | None = None
    #: The step's name in its file's own language, when ``name`` is a translation.
    own_name: str | None = None

    @property
    def key(self) -> str:
        """What history and ratings know the step by (``Step.key``), in every language."""
        return self.own_name or self.name


class SessionSummary(msgspec.Struct, frozen=True):
    routine_name: str
    results: tuple[StepResult, ...]
    not_reached: int
    active_seconds: float
    quit: bool
    #: Steps of the routine that its ratings left out of this session: not done either.
    left_out: int = 0
    #: The routine's name in its file's own language, when ``routine_name`` is a translation.
    routine_own_name: str | None = None

    @property
    def routine_key(self) -> str:
        """What history and ratings know the routine by (``Routine.key``), in every language."""
        return self.routine_own_name or self.routine_name

    def count(self, status: StepStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def completed(self) -> int:
        return self.count(StepStatus.COMPLETED)

    @property
    def skipped(self) -> int:
        return self.count(StepStatus.SKIPPED)

    @property
    def partial(self) -> int:
        return self.count(StepStatus.PARTIAL)


# Every event carries ``now``: the session clock's reading when the engine sent
# it. Phase timing is given as readings of that same clock, so a listener can
# tell where the session stands at any moment without asking the engine.


class SessionStarted(msgspec.Struct, frozen=True):
    """The plan: what is run, compiled, and from which step."""

    routine: Routine
    timeline: Timeline
    first_step: int
    now: float


class PhaseStarted(msgspec.Struct, frozen=True):
    """A phase began at ``started_at`` (its predecessor's deadline, or ``now`` after a jump).

    ``deadline`` is when it ends unless someone pauses or changes its time;
    ``None`` when it began while the session was paused (after ``back`` or
    ``skip``), in which case ``length`` seconds remain.
    """

    phase: Phase
    started_at: float
    length: float
    deadline: float | None
    now: float

    @property
    def paused(self) -> bool:
        return self.deadline is None


class SideSwitch(msgspec.Struct, frozen=True):
    """The next work phase is on another side (sent when the switch begins)."""

    phase: Phase
    side: str
    now: float


class Countdown(msgspec.Struct, frozen=True):
    """One of the last three seconds of a phase has begun."""

    phase: Phase
    seconds_left: int
    now: float


class RepCompleted(msgspec.Struct, frozen=True):
    """Rep ``rep`` (1-based) of a rep phase is done; each lasts ``phase.rep_time`` seconds."""

    phase: Phase
    rep: int
    now: float


class PhaseTimeChanged(msgspec.Struct, frozen=True):
    """Time was added to (or taken from) the current phase.

    ``length`` is its new whole length, ``remaining`` what is left of it;
    ``deadline`` is ``None`` while paused. Taking more time than is left ends
    the phase instead: that is reported as the next ``PhaseStarted``.
    """

    phase: Phase
    length: float
    remaining: float
    deadline: float | None
    now: float


class Paused(msgspec.Struct, frozen=True):
    phase: Phase
    remaining: float
    active_seconds: float
    now: float


class Resumed(msgspec.Struct, frozen=True):
    phase: Phase
    deadline: float
    active_seconds: float
    now: float


class StepFinished(msgspec.Struct, frozen=True):
    """A step's outcome so far (a step done twice reports its merged result again)."""

    result: StepResult
    active_seconds: float
    now: float


class SessionFinished(msgspec.Struct, frozen=True):
    summary: SessionSummary
    now: float


Event = (
    SessionStarted
    | PhaseStarted
    | SideSwitch
    | Countdown
    | RepCompleted
    | PhaseTimeChanged
    | Paused
    | Resumed
    | StepFinished
    | SessionFinished
)
Listener = Callable[[Event], None]


class EventSource(Protocol):
    """What a listener attaches to: a session, or anything else that sends these events."""

    def subscribe(self, listener: Listener) -> None: ...
