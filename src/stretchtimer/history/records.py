"""What the history file holds: sessions and their steps, and the reminder's breaks.

The break records live here, not with the reminder that makes them: they are
rows of the history file, which the store writes and the stats count, and the
reminder only depends on history, never the other way round.

Times are stored as UTC ISO 8601 text and come back as aware datetimes; the
screens and commands turn them into local time only when they show them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import assert_never

import msgspec


class SessionStatus(StrEnum):
    #: Written when a session starts; stays if it never records its end.
    INTERRUPTED = "interrupted"
    #: Reached the end with every step completed.
    COMPLETED = "completed"
    #: Reached the end with some step skipped, only partly done, or left out by ratings.
    FINISHED = "finished"
    #: Stopped before the end.
    QUIT = "quit"
    #: An interrupted session that a later session continued.
    RESUMED = "resumed"


def to_utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_utc_text(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class StepRecord(msgspec.Struct, frozen=True):
    index: int
    name: str
    status: str
    planned_seconds: int
    actual_seconds: float
    parts_done: tuple[str, ...]
    parts_total: int
    finished_at: datetime
    #: How the plan differed from the routine as written (ratings), or None.
    adapted: str | None = None


class SessionRecord(msgspec.Struct, frozen=True):
    id: int
    routine: str
    routine_file: str | None
    started_at: datetime
    ended_at: datetime | None
    updated_at: datetime
    status: SessionStatus
    start_step: int
    step_count: int
    completed: int
    skipped: int
    partial: int
    active_seconds: float
    resumed_from: int | None
    steps: tuple[StepRecord, ...] = ()

    @property
    def stretched(self) -> bool:
        """Whether any stretching happened: what streaks and totals count."""
        return self.completed + self.partial > 0

    def next_step(self) -> int:
        """First step at or after the session's start that never finished."""
        done = {step.index for step in self.steps}
        index = self.start_step
        while index in done:
            index += 1
        return index


class InterruptedSession(msgspec.Struct, frozen=True):
    """An interrupted session that can be continued, and where."""

    session_id: int
    routine: str
    started_at: datetime
    next_step: int
    step_count: int


class BreakKind(StrEnum):
    LONG = "long"
    MICRO = "micro"

    @property
    def label(self) -> str:
        """What the person calls it: the pane, the title and the notification all say this."""
        match self:
            case BreakKind.LONG:
                return "break"
            case BreakKind.MICRO:
                return "micro break"
            case _:
                assert_never(self)


class Outcome(StrEnum):
    TAKEN = "taken"
    POSTPONED = "postponed"
    SKIPPED = "skipped"
    NATURAL = "natural"


class BreakRecord(msgspec.Struct, frozen=True):
    """One line of break history.

    ``at`` is when the break fell due (for a natural break, when the idle spell
    began). A postponed break that falls due again is a new record; a natural
    break that came before any prompt has ``fell_due`` false.
    """

    at: datetime
    kind: BreakKind
    routine: str
    outcome: Outcome
    fell_due: bool = True
