"""What the session engine tells its listeners.

The screen, the audio cues and the history all follow a session through these
events instead of polling, so each of them stays ignorant of timing rules.
"""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

import msgspec

from stretchtimer.timeline import Phase


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
    such as ``"set 1 left"``.
    """

    step_index: int
    name: str
    status: StepStatus
    planned_seconds: int
    work_seconds: float
    parts_done: tuple[str, ...]
    parts_total: int


class SessionSummary(msgspec.Struct, frozen=True):
    routine_name: str
    results: tuple[StepResult, ...]
    not_reached: int
    active_seconds: float
    quit: bool

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


class SessionStarted(msgspec.Struct, frozen=True):
    first_step: int


class PhaseStarted(msgspec.Struct, frozen=True):
    phase: Phase


class SideSwitch(msgspec.Struct, frozen=True):
    """The next work phase is on another side (sent when the switch begins)."""

    phase: Phase
    side: str


class Countdown(msgspec.Struct, frozen=True):
    """One of the last three seconds of a phase has begun."""

    phase: Phase
    seconds_left: int


class RepCompleted(msgspec.Struct, frozen=True):
    phase: Phase
    rep: int


class Paused(msgspec.Struct, frozen=True):
    pass


class Resumed(msgspec.Struct, frozen=True):
    pass


class StepFinished(msgspec.Struct, frozen=True):
    result: StepResult


class SessionFinished(msgspec.Struct, frozen=True):
    summary: SessionSummary


Event = (
    SessionStarted
    | PhaseStarted
    | SideSwitch
    | Countdown
    | RepCompleted
    | Paused
    | Resumed
    | StepFinished
    | SessionFinished
)
