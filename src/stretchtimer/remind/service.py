"""The break reminder put together: the scheduler and the adapters around it.

The scheduler decides; the pieces here only listen to its events and carry
them out (a history record, a cue sound, a desktop notification) or feed it
(the idle source, quiet times). The reminder screen talks to ``Reminder``
alone: it polls it when ``wake_in()`` says, shows ``text()``, and sends the
user's commands. Bell and title belong to the screen, which owns the terminal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import Protocol, assert_never

import msgspec

from stretchtimer.cues import Cue
from stretchtimer.doctor_rows import DoctorRow
from stretchtimer.history.records import BreakKind, BreakRecord
from stretchtimer.history.stats import BreakTally
from stretchtimer.i18n import _
from stretchtimer.idle.selection import IdleSelection, select_idle_source
from stretchtimer.remind.clocks import WallClock
from stretchtimer.remind.display import (
    ReminderText,
    reminder_text,
    seconds_until_text_changes,
)
from stretchtimer.remind.events import (
    BreakDue,
    BreakResolved,
    BreakStarted,
    NoticeGiven,
    Paused,
    ReminderEvent,
    WorkingHoursEnded,
)
from stretchtimer.remind.plan import Plan, PlannedRoutine
from stretchtimer.remind.quiet_sources import QuietSources
from stretchtimer.remind.scheduler import Scheduler
from stretchtimer.remind.settings import RemindSettings
from stretchtimer.remind.skips import SkipLedger
from stretchtimer.remind.today import TodayTally
from stretchtimer.routine import Routine
from stretchtimer.session.clock import Clock
from stretchtimer.wording import format_duration

#: The screen is woken at least this often even when nothing it shows changes,
#: so idle checks keep their pace (the scheduler asks for them too).
_MAX_SLEEP = 60.0


class BreakHistory(Protocol):
    def record_break(self, record: BreakRecord) -> None: ...

    def breaks_since(self, moment: datetime) -> list[BreakRecord]: ...


class CueSound(Protocol):
    def play_cue(self, cue: Cue) -> None: ...


class Notifier(Protocol):
    has_actions: bool

    def show(self, summary: str, body: str, *, buttons: bool = True) -> bool: ...

    def withdraw(self) -> None: ...

    def inhibited(self) -> bool | None: ...

    def row(self) -> DoctorRow: ...

    def take_problems(self) -> list[str]: ...

    def close(self) -> None: ...


def prompt_words(kind: BreakKind, routine: PlannedRoutine) -> tuple[str, str]:
    """The notification's summary and body for a break that fell due."""
    match kind:
        case BreakKind.LONG:
            summary = _("Time for a break")
        case BreakKind.MICRO:
            summary = _("Time for a micro break")
        case _:
            assert_never(kind)
    # Translators: a routine's name and its length, as in "Desk break, about 4m57s".
    body = _("{routine}, about {length}").format(
        routine=routine.name, length=format_duration(routine.seconds)
    )
    return summary, body


class ActionRelay:
    """Carries a notification button (pressed on the notifier's thread) to whoever
    listens now: the reminder screen while it is shown, nobody otherwise."""

    def __init__(self) -> None:
        self.handler: Callable[[str], None] | None = None

    def __call__(self, key: str) -> None:
        handler = self.handler
        if handler is not None:
            handler(key)


class Reminder:
    def __init__(
        self,
        settings: RemindSettings,
        plan: Plan,
        routines: dict[str, Routine],
        *,
        clock: Clock,
        boot_clock: Clock,
        wall: WallClock,
        idle: IdleSelection,
        notifier: Notifier | None = None,
        notifier_problem: str | None = None,
        history: BreakHistory | None = None,
        sound: CueSound | None = None,
        quiet_sources: QuietSources | None = None,
        skip_ledger: SkipLedger | None = None,
    ) -> None:
        from stretchtimer.remind.do_not_disturb import DoNotDisturb

        self.settings = settings
        self.plan = plan
        self.routines = routines
        self.idle_selection = idle
        self.notifier = notifier
        self.notifier_problem = notifier_problem
        self._history = history
        self._sound = sound
        self._wall = wall
        self._idle_problem: str | None = None
        self._idle_reported = False
        self.quiet_sources = quiet_sources
        quiet = DoNotDisturb(
            settings.quiet_programs,
            notifier.inhibited if notifier is not None else None,
            banners_off=quiet_sources.banners_off if quiet_sources else None,
            busy=quiet_sources.busy if quiet_sources else None,
        )
        self.scheduler = Scheduler(
            plan, clock, boot_clock, wall, self._idle_seconds, quiet, skip_ledger=skip_ledger
        )
        self.clock = clock
        self.today = TodayTally(wall, history, now=clock.now)
        self.scheduler.subscribe(self.today.on_event)
        self.scheduler.subscribe(self._on_event)

    # -- adapters that follow the scheduler --------------------------------------------------

    def _idle_seconds(self) -> float | None:
        source = self.idle_selection.source
        if source is None:
            return None
        try:
            idle = source.idle_seconds()
        except Exception as exc:  # a source that stops answering: count time as active
            if not self._idle_reported:
                self._idle_reported = True
                self._idle_problem = _("idle source {name} gave no usable answer ({exc})").format(
                    name=source.name, exc=exc
                )
            idle = None
        if self.quiet_sources is not None and self.quiet_sources.screen_locked():
            # A locked screen is someone away, whatever the idle source saw last.
            return max(idle or 0.0, float(self.plan.idle_after))
        return idle

    def _on_event(self, event: ReminderEvent) -> None:
        match event:
            case BreakDue(kind=kind, routine=name):
                if self._sound is not None and not self.settings.mute:
                    self._sound.play_cue(Cue.GET_READY)
                if self.notifier is not None:
                    summary, body = prompt_words(kind, self.routine_plan(kind, name))
                    self.notifier.show(summary, body)
            case BreakResolved(record=record):
                if self._history is not None:
                    self._history.record_break(self._as_kept(record))
                self._withdraw()
            case BreakStarted() | Paused() | WorkingHoursEnded():
                self._withdraw()
            case NoticeGiven():
                if self._sound is not None and not self.settings.mute:
                    self._sound.play_cue(Cue.TICK)
            case _:
                pass

    def _withdraw(self) -> None:
        if self.notifier is not None:
            self.notifier.withdraw()

    def _as_kept(self, record: BreakRecord) -> BreakRecord:
        """History names a break's routine as its file does, whatever language it is shown in."""
        routine = self.routines.get(record.routine)
        if routine is None or routine.key == record.routine:
            return record
        return msgspec.structs.replace(record, routine=routine.key)

    def routine_plan(self, kind: BreakKind, name: str) -> PlannedRoutine:
        for planned in self.plan.rotation(kind):
            if planned.name == name:
                return planned
        return self.plan.rotation(kind)[0]

    # -- what the screen uses ----------------------------------------------------------------

    def poll(self) -> None:
        self.scheduler.poll()

    def text(self) -> ReminderText:
        return reminder_text(self.scheduler.view(), self.tally())

    def tally(self) -> BreakTally:
        return self.today.tally()

    def wake_in(self) -> float:
        """Seconds until the screen should poll and look again."""
        until_poll = self.scheduler.next_poll() - self.clock.now()
        until_change = seconds_until_text_changes(self.scheduler.view())
        return max(0.0, min(until_poll, until_change, _MAX_SLEEP))

    def start(self) -> Routine:
        planned = self.scheduler.start()
        return self.routines[planned.name]

    def finish(self) -> None:
        self.scheduler.finish()

    def postpone(self) -> bool:
        return self.scheduler.postpone()

    def skip(self) -> bool:
        return self.scheduler.skip()

    def snooze(self, seconds: float | None = None) -> None:
        self.scheduler.snooze(self.settings.snooze if seconds is None else seconds)

    def problems(self) -> list[str]:
        found = [self._idle_problem] if self._idle_problem else []
        self._idle_problem = None
        if self.notifier is not None:
            found.extend(self.notifier.take_problems())
        return found

    def describe(self) -> list[str]:
        if self.notifier is not None:
            notifications = self.notifier.row()
        else:
            notifications = DoctorRow(
                _("notifications"),
                _("none, {problem}").format(problem=self.notifier_problem),
            )
        return [*self.idle_selection.describe(), *notifications.lines()]

    def close(self) -> None:
        self.scheduler.close()
        if self.notifier is not None:
            with contextlib.suppress(Exception):
                self.notifier.close()
        source = self.idle_selection.source
        if source is not None:
            with contextlib.suppress(Exception):
                source.close()
        if self.quiet_sources is not None:
            self.quiet_sources.close()


class IdleSourceError(Exception):
    """``--idle-source`` names a source that does not work here; the message says why."""


def choose_idle(settings: RemindSettings) -> IdleSelection:
    """The idle source; a forced one that fails is an error, not a silent fallback."""
    selection = select_idle_source(settings.idle_source)
    if selection.forced and selection.source is None:
        reason = selection.rejected[0].reason if selection.rejected else "unavailable"
        raise IdleSourceError(
            _("idle source '{idle_source}' cannot be used: {reason}").format(
                idle_source=settings.idle_source, reason=reason
            )
        )
    return selection


def open_notifier(
    settings: RemindSettings, on_action: Callable[[str], None]
) -> tuple[Notifier | None, str | None]:
    """The desktop notifier, or None and why not."""
    if not settings.notifications:
        return None, _("turned off in the settings")
    from stretchtimer.notify.dbus import NotifierUnavailable, open_notifier

    try:
        return open_notifier(on_action), None
    except NotifierUnavailable as exc:
        return None, str(exc)


def doctor_rows(settings: RemindSettings) -> list[DoctorRow]:
    """The reminder's checks for ``stretchtimer doctor``: idle source, notifications and
    each quiet-time source."""
    try:
        selection = select_idle_source(settings.idle_source)
    except ValueError as exc:
        return [DoctorRow(_("idle source"), str(exc))]
    rows = [selection.row()]
    if selection.source is not None:
        selection.source.close()
    notifier, problem = open_notifier(settings, lambda _key: None)
    if notifier is None:
        rows.append(DoctorRow(_("notifications"), _("none, {problem}").format(problem=problem)))
    else:
        rows.append(notifier.row())
        notifier.close()
    quiet = QuietSources.open(settings.busy_devices)
    rows.extend(quiet.rows())
    quiet.close()
    return rows
