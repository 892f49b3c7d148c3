"""What the reminder pane and the window title say, as plain text.

Worked out from the scheduler's view and today's tally, and nothing else,
so the screen can compare it with what it drew and redraw only when it
differs: whole minutes while the next break is more than a minute away,
seconds in the last minute.
"""

from __future__ import annotations

import math
from typing import assert_never

import msgspec

from stretchtimer.history.records import BreakKind
from stretchtimer.history.stats import BreakTally
from stretchtimer.i18n import _, ngettext
from stretchtimer.remind.view import ReminderView, Status
from stretchtimer.wording import (
    clock_on_day,
    hours_and_minutes,
    short_time_left,
    time_left,
)


class ReminderText(msgspec.Struct, frozen=True):
    headline: str
    detail: str
    worked: str
    today: str
    title: str
    #: "due", "idle", "held" ... for the screen's styling.
    mood: str
    #: The time to the next break as the big digits show it (``42``, ``2:05``), or "".
    countdown: str = ""
    #: How far the work interval has gone, 0 to 1, in hundredths.
    work_fraction: float = 0.0


def reminder_text(view: ReminderView, today: BreakTally) -> ReminderText:
    text = _reminder_text(view, today)
    return msgspec.structs.replace(
        text, countdown=countdown_digits(view), work_fraction=work_fraction(view)
    )


def countdown_digits(view: ReminderView) -> str:
    """The number the big countdown shows, in the unit the headline names.

    Minutes above a minute (``h:mm`` from two hours, as ``time_left`` words
    it), seconds in the last one, 0 when the break is due; nothing on a
    break or outside working hours.
    """
    match view.status:
        case Status.IN_BREAK | Status.OFF_HOURS:
            return ""
        case Status.DUE | Status.HELD:
            return "0"
        case Status.WORKING | Status.IDLE:
            pass
        case _:
            assert_never(view.status)
    seconds = view.due_in
    if seconds > 60:
        minutes = math.ceil(seconds / 60)
        return f"{minutes // 60}:{minutes % 60:02}" if minutes >= 120 else str(minutes)
    return str(max(0, math.ceil(seconds)))


def work_fraction(view: ReminderView) -> float:
    """How much of the active time between breaks has gone (full once a break is due).

    Worked out from the time left as the countdown rounds it, so it moves
    when the countdown does and the pane still redraws once a minute.
    """
    if view.status in (Status.IN_BREAK, Status.OFF_HOURS) or view.interval <= 0:
        return 0.0
    if view.due_in <= 0 or view.status in (Status.DUE, Status.HELD) or view.postponed:
        return 1.0
    seconds = view.due_in
    shown = math.ceil(seconds / 60) * 60 if seconds > 60 else math.ceil(seconds)
    return round(min(1.0, max(0.0, 1 - shown / view.interval)), 2)


def _by_kind(kind: BreakKind, long: str, micro: str) -> str:
    """The sentence for ``kind``: each kind has whole sentences of its own, since a
    language may decline "break" and "micro break" differently in the same place."""
    match kind:
        case BreakKind.LONG:
            return long
        case BreakKind.MICRO:
            return micro
        case _:
            assert_never(kind)


def _reminder_text(view: ReminderView, today: BreakTally) -> ReminderText:
    kind = view.next_kind
    routine = view.next_routine
    worked = _("Worked {time} since the last break").format(
        time=hours_and_minutes(int(view.active_seconds // 60))
    )
    tally = _("Today {taken} taken, {postponed} postponed, {skipped} skipped").format(
        taken=today.taken, postponed=today.postponed, skipped=today.skipped
    )
    left = view.postpones_left
    match view.status:
        case Status.DUE:
            more = _postpones_left(left)
            if view.skips_left == 0:
                more = _("{postpones}, no skips left today").format(postpones=more)
            return ReminderText(
                _by_kind(
                    kind, _("Time for a break: {routine}"), _("Time for a micro break: {routine}")
                ).format(routine=routine),
                _("Enter starts it; {more}").format(more=more),
                worked,
                tally,
                _by_kind(kind, _("stretchtimer: BREAK NOW"), _("stretchtimer: MICRO BREAK NOW")),
                "due",
            )
        case Status.IN_BREAK:
            return ReminderText(
                _by_kind(kind, _("On a break: {routine}"), _("On a micro break: {routine}")).format(
                    routine=routine
                ),
                "",
                worked,
                tally,
                _("stretchtimer: on a break"),
                "break",
            )
        case Status.IDLE:
            return ReminderText(
                _("Away {time}: the count is paused").format(
                    time=hours_and_minutes(int(view.idle_seconds // 60))
                ),
                _by_kind(kind, _("Next break: {routine}"), _("Next micro break: {routine}")).format(
                    routine=routine
                ),
                worked,
                tally,
                _("stretchtimer: paused (away)"),
                "idle",
            )
        case Status.HELD if view.paused_until is not None:
            until = _until(view)
            return ReminderText(
                _("Paused until {time}").format(time=until),
                _by_kind(
                    kind,
                    _("A break is due: it comes when the pause ends"),
                    _("A micro break is due: it comes when the pause ends"),
                ),
                worked,
                tally,
                _("stretchtimer: paused until {time}").format(time=until),
                "held",
            )
        case Status.HELD:
            return ReminderText(
                _by_kind(
                    kind,
                    _("A break is due, held: {reason}"),
                    _("A micro break is due, held: {reason}"),
                ).format(reason=view.held_reason),
                _("It comes when that ends: {routine}").format(routine=routine),
                worked,
                tally,
                _by_kind(kind, _("stretchtimer: break held"), _("stretchtimer: micro break held")),
                "held",
            )
        case Status.OFF_HOURS:
            return ReminderText(
                _("Outside working hours"),
                _("No breaks until they begin"),
                worked,
                tally,
                _("stretchtimer: off hours"),
                "idle",
            )
        case Status.WORKING:
            return _working_text(view, kind, worked, tally)
        case _:
            assert_never(view.status)


def _until(view: ReminderView) -> str:
    assert view.paused_until is not None
    today = view.today if view.today is not None else view.paused_until.date()
    return clock_on_day(view.paused_until, today)


def _working_text(view: ReminderView, kind: BreakKind, worked: str, tally: str) -> ReminderText:
    """Counting towards the next break: its time left, or the notice that it is near."""
    routine = view.next_routine
    left = view.postpones_left
    when = time_left(view.due_in)
    title = _by_kind(
        kind, _("stretchtimer: break in {time}"), _("stretchtimer: micro break in {time}")
    ).format(time=short_time_left(view.due_in))
    if view.noticed:
        return ReminderText(
            _by_kind(
                kind, _("Break in {time}: get ready"), _("Micro break in {time}: get ready")
            ).format(time=when),
            routine,
            worked,
            tally,
            title,
            "soon",
        )
    if view.postponed:
        next_in = _by_kind(
            kind, _("Postponed: break in {time}"), _("Postponed: micro break in {time}")
        ).format(time=when)
    else:
        next_in = _by_kind(kind, _("Next break in {time}"), _("Next micro break in {time}")).format(
            time=when
        )
    if view.paused_until is not None:
        until = _until(view)
        return ReminderText(
            _("Paused until {time}").format(time=until),
            next_in,
            worked,
            tally,
            _("stretchtimer: paused until {time}").format(time=until),
            "working",
        )
    if view.snooze_left > 0:
        detail = _("Snoozed for {time} more").format(time=time_left(view.snooze_left))
    elif view.postponed:
        detail = _postpones_left(left)
    else:
        detail = routine
    return ReminderText(next_in, detail, worked, tally, title, "working")


def _postpones_left(left: int) -> str:
    if not left:
        return _("no postpones left")
    return ngettext("{n} postpone left", "{n} postpones left", left).format(n=left)


def seconds_until_text_changes(view: ReminderView) -> float:
    """How long what is shown stays the same, as far as the countdown goes."""
    candidates = [_until_step(view.due_in)]
    if view.snooze_left > 0:
        candidates.append(_until_step(view.snooze_left))
    match view.status:
        case Status.WORKING | Status.DUE | Status.HELD:
            # "Worked N min" moves on each whole minute of active time.
            candidates.append(60 - view.active_seconds % 60)
        case Status.IDLE:
            candidates.append(60 - view.idle_seconds % 60)
        case Status.IN_BREAK | Status.OFF_HOURS:
            pass  # neither shows a count that moves
        case _:
            assert_never(view.status)
    return max(0.05, min(candidates))


def _until_step(remaining: float) -> float:
    if remaining <= 0:
        return math.inf
    if remaining > 60:
        # The minute figure changes when ``remaining`` drops to the next multiple of 60.
        step = remaining - (math.ceil(remaining / 60) - 1) * 60
        return step if step > 0 else 60.0
    return remaining - (math.ceil(remaining) - 1)
