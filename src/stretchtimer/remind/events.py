"""What the reminder's scheduler tells its listeners.

The reminder screen, the desktop notifier, the cue sound and the history
follow the day through these events; each carries what its listeners need,
so none of them asks the scheduler back.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from stretchtimer.history.records import BreakKind, BreakRecord


class NoticeGiven(msgspec.Struct, frozen=True):
    """A break will fall due soon ("break in 30 s")."""

    kind: BreakKind
    routine: str
    seconds: float


class BreakDue(msgspec.Struct, frozen=True):
    """Prompt now: a cue, the bell, the title and a desktop notification."""

    kind: BreakKind
    routine: str
    postpones_left: int
    postpone_seconds: int


class BreakHeld(msgspec.Struct, frozen=True):
    """A break is due but a quiet time holds its prompt; ``reason`` says which."""

    kind: BreakKind
    routine: str
    reason: str


class BreakStarted(msgspec.Struct, frozen=True):
    kind: BreakKind
    routine: str


class BreakResolved(msgspec.Struct, frozen=True):
    """A break was taken, postponed, skipped or taken naturally: one history record."""

    record: BreakRecord
    postpones_left: int = 0


class IdlePaused(msgspec.Struct, frozen=True):
    """No input for ``idle_seconds``: the count stopped when the idleness began."""

    idle_seconds: float


class ActivityResumed(msgspec.Struct, frozen=True):
    """Input again after an idle spell; ``natural`` names the break it counted as."""

    idle_seconds: float
    natural: BreakKind | None


class SuspendDetected(msgspec.Struct, frozen=True):
    """The machine slept; the time asleep counts as idle."""

    seconds: float
    natural: BreakKind | None


class Paused(msgspec.Struct, frozen=True):
    """No prompts until ``until`` (wall time): a pause, or the pane's snooze."""

    seconds: float
    until: datetime
    snooze: bool = False


class PauseOver(msgspec.Struct, frozen=True):
    """The pause ran out or was ended (``resume``)."""


class WorkingHoursEnded(msgspec.Struct, frozen=True):
    pass


class WorkingHoursBegan(msgspec.Struct, frozen=True):
    pass


ReminderEvent = (
    NoticeGiven
    | BreakDue
    | BreakHeld
    | BreakStarted
    | BreakResolved
    | IdlePaused
    | ActivityResumed
    | SuspendDetected
    | Paused
    | PauseOver
    | WorkingHoursEnded
    | WorkingHoursBegan
)
