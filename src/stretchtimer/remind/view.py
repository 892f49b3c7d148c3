"""Where the reminder stands at one clock reading: what the scheduler shows its screen.

The scheduler fills it in; the pane's text (``display``) is worked out from it
and nothing else.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import msgspec

from stretchtimer.history.records import BreakKind


class Status(StrEnum):
    WORKING = "working"
    IDLE = "idle"
    DUE = "due"
    HELD = "held"
    IN_BREAK = "in break"
    OFF_HOURS = "off hours"


class ReminderView(msgspec.Struct, frozen=True):
    """Everything the reminder screen shows, as of one clock reading."""

    status: Status
    #: Active seconds since the last long break.
    active_seconds: float
    next_kind: BreakKind
    next_routine: str
    #: Seconds until the next break falls due (0 when it is due).
    due_in: float
    postpones_left: int
    postponed: bool
    idle_seconds: float
    #: Why a due break is being held, or None.
    held_reason: str | None
    #: Seconds of snooze left, or 0.
    snooze_left: float
    #: The notice for the coming break has been given ("break in 30 s").
    noticed: bool = False
    #: The local time a pause (not a snooze) ends, or None.
    paused_until: datetime | None = None
    #: Skips left today, or None when there is no limit.
    skips_left: int | None = None
    #: Active seconds from one break of the coming kind to the next (0 when unknown).
    interval: float = 0.0
    #: The local date as the view was taken, to tell a pause ending today from tomorrow's.
    today: date | None = None
