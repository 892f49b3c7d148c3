"""What the running reminder answers on its control socket.

Requests arrive already checked for shape (``control.protocol``); here they
become scheduler commands and the reply is worked out from the scheduler's
view. It runs on the reminder's own loop, like a key press in the pane.
"""

from __future__ import annotations

import math
import os
import re
from datetime import datetime, timedelta
from typing import Any, assert_never

from stretchtimer.i18n import _
from stretchtimer.remind.scheduler import Scheduler
from stretchtimer.remind.view import Status

#: The longest pause one command may ask for.
MAX_PAUSE = 24 * 3600

_CLOCK_TIME = re.compile(r"^([0-9]{1,2}):([0-9]{2})$", re.ASCII)

Reply = dict[str, Any]


def state_of(scheduler: Scheduler) -> Reply:
    """The fields of ``status --json`` for the scheduler as it is now."""
    view = scheduler.view()
    pause = scheduler.current_pause
    next_in: int | None = math.ceil(view.due_in)
    state: str
    match view.status:
        case Status.OFF_HOURS:
            state, next_in = "outside-hours", None
        case Status.IN_BREAK:
            state, next_in = "in-break", None
        case Status.IDLE | Status.DUE | Status.HELD | Status.WORKING if pause is not None:
            state = pause.reason
        case Status.IDLE:
            state = "idle"
        case Status.DUE | Status.HELD:
            state, next_in = "due", 0
        case Status.WORKING:
            state = "working"
        case _:
            assert_never(view.status)
    return {
        "state": state,
        "next_break_in": next_in,
        "next_break": view.next_kind.label,
        "routine": view.next_routine,
        "held_reason": view.held_reason if pause is None else None,
        "paused_until": pause.until_wall.isoformat(timespec="seconds") if pause else None,
        "pid": os.getpid(),
        "now": scheduler.wall().isoformat(timespec="seconds"),
    }


def seconds_until(now: datetime, clock_time: str) -> int:
    """Seconds from ``now`` to the next ``HH:MM`` (today, or tomorrow once it has passed)."""
    found = _CLOCK_TIME.match(clock_time)
    if not found:
        raise ValueError(_("'{time}' is not a time like 14:00").format(time=clock_time))
    hour, minute = int(found[1]), int(found[2])
    if hour > 23 or minute > 59:
        raise ValueError(_("'{time}' is not a time of day").format(time=clock_time))
    target = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if target <= now:
        target += timedelta(days=1)
    return math.ceil((target - now).total_seconds())


def pause_seconds(scheduler: Scheduler, request: Reply) -> int:
    """How long a ``pause`` request asks for; ValueError says what is wrong with it."""
    seconds, until = request.get("seconds"), request.get("until")
    if isinstance(until, str):
        return seconds_until(scheduler.wall(), until)
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        raise ValueError(_("a pause needs 'seconds' (a whole number) or 'until' (HH:MM)"))
    if not 1 <= seconds <= MAX_PAUSE:
        raise ValueError(
            _("a pause lasts from 1 second to {max_pause} seconds, not {seconds}").format(
                max_pause=MAX_PAUSE, seconds=seconds
            )
        )
    return seconds


def answer(scheduler: Scheduler, request: Reply) -> Reply:
    """The reply's fields for a checked request; ValueError for a request that makes no sense."""
    cmd = request.get("cmd")
    if cmd == "pause":
        scheduler.pause(pause_seconds(scheduler, request))
    elif cmd == "resume":
        was_paused = scheduler.resume()
        # A break that waited for the pause falls due now, not at the next tick:
        # the reply tells the state the command left, as ``status`` will.
        scheduler.poll()
        return {**state_of(scheduler), "was_paused": was_paused}
    return state_of(scheduler)
