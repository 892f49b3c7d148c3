"""The reminder's scheduler: active time, idle spells and breaks falling due.

Active time is kept as deadlines on the injected monotonic clock: while the
user works, the count runs from a clock reading (``ActiveCount``), and each kind of
break falls due at a fixed reading worked out from it. An idle spell stops the
count where the idleness *began* (the idle source says how long ago that
was), so checking idleness only every few seconds costs no accuracy.

``poll()`` lets the scheduler catch up with the clocks and the idle source;
callers run it again at ``next_poll()``. Commands (``start``, ``postpone``,
``skip``, ``snooze`` ...) change the state at once. Every change is sent to
the listeners as an event from ``stretchtimer.remind.events``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import assert_never

from stretchtimer.history.records import BreakKind, BreakRecord, Outcome
from stretchtimer.remind.active_count import ActiveCount
from stretchtimer.remind.clocks import WallClock
from stretchtimer.remind.events import (
    ActivityResumed,
    BreakDue,
    BreakHeld,
    BreakResolved,
    BreakStarted,
    IdlePaused,
    NoticeGiven,
    Paused,
    PauseOver,
    ReminderEvent,
    SuspendDetected,
    WorkingHoursBegan,
    WorkingHoursEnded,
)
from stretchtimer.remind.pause import Pause
from stretchtimer.remind.pending import IdleProbe, Pending, QuietProbe, no_quiet
from stretchtimer.remind.plan import Plan, PlannedRoutine, within_hours
from stretchtimer.remind.skips import DailySkips, SkipLedger
from stretchtimer.remind.view import ReminderView, Status
from stretchtimer.session.clock import Clock

#: How often the idle source is asked (an idle check is a cheap call, but not free).
IDLE_CHECK_SECONDS = 5.0

#: Outside working hours nothing is due; the calendar is looked at this often.
OFF_HOURS_CHECK_SECONDS = 60.0

#: A boot-time clock that gains this much on the monotonic one means the machine slept.
SUSPEND_THRESHOLD_SECONDS = 5.0


class Scheduler:
    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        boot_clock: Clock,
        wall: WallClock,
        idle: IdleProbe,
        quiet: QuietProbe = no_quiet,
        skip_ledger: SkipLedger | None = None,
    ) -> None:
        self.plan = plan
        self.clock = clock
        self.boot_clock = boot_clock
        self.wall = wall
        self.idle = idle
        self.quiet = quiet
        self._listeners: list[Callable[[ReminderEvent], None]] = []
        now = clock.now()
        self._boot_offset = boot_clock.now() - now
        self._count = ActiveCount(now)
        #: Short breaks since the last long one (for ``long_after``).
        self._short_run = 0
        self._skips = DailySkips(plan.skips_per_day, wall, skip_ledger)
        self._rotation = {BreakKind.LONG: 0, BreakKind.MICRO: 0}
        self._idle_since: float | None = None
        self._last_idle = 0.0
        self._pending: Pending | None = None
        self._in_break = False
        #: The pause (``pause`` from the command line, or the pane's snooze) on now, or None.
        self._pause: Pause | None = None
        self._noticed_for: float | None = None
        self._off_hours = not self._in_hours()
        if self._off_hours:
            self._count.since = None

    # -- listeners --------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[ReminderEvent], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[ReminderEvent], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: ReminderEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- active time ------------------------------------------------------------------------

    def active(self, kind: BreakKind, now: float | None = None) -> float:
        return self._count.active(kind, self.clock.now() if now is None else now)

    def _stop_counting(self, at: float) -> None:
        self._count.stop(at)

    def _start_counting(self, at: float) -> None:
        if not self._in_break and not self._off_hours:
            self._count.start(at)

    def _reset(self, kind: BreakKind, now: float) -> None:
        """A break of ``kind`` happened: its count starts again (a long one resets both)."""
        match kind:
            case BreakKind.LONG:
                kinds = [BreakKind.LONG, BreakKind.MICRO]
                self._short_run = 0
            case BreakKind.MICRO:
                # With ``long_after`` both kinds run on one clock.
                kinds = [BreakKind.LONG, BreakKind.MICRO] if self.plan.cycles else [kind]
                self._short_run += 1
            case _:
                assert_never(kind)
        self._count.reset(kinds, now)
        self._noticed_for = None

    def routine_for(self, kind: BreakKind) -> PlannedRoutine:
        rotation = self.plan.rotation(kind)
        return rotation[self._rotation[kind] % len(rotation)]

    def _next_kind(self, now: float) -> BreakKind:
        """The kind of the next break: a micro break is dropped when the long one
        would follow within a quarter of the micro interval."""
        if not self.plan.micro_enabled:
            return BreakKind.LONG
        if self.plan.cycles:
            long_now = self._short_run >= self.plan.long_after - 1
            return BreakKind.LONG if long_now else BreakKind.MICRO
        long_left = self.plan.every - self.active(BreakKind.LONG, now)
        micro_left = self.plan.micro_every - self.active(BreakKind.MICRO, now)
        if micro_left + self.plan.micro_every / 4 < long_left:
            return BreakKind.MICRO
        return BreakKind.LONG

    def _due_at(self, kind: BreakKind) -> float | None:
        """The clock reading at which ``kind`` falls due, while the count runs."""
        return self._count.due_at(kind, self.plan.interval(kind))

    def _in_hours(self) -> bool:
        if not self.plan.working_hours:
            return True
        wall = self.wall()
        return within_hours(self.plan.working_hours, wall.hour * 60 + wall.minute)

    # -- polling ----------------------------------------------------------------------------

    def poll(self) -> None:
        """Catch up with the clocks, the calendar and the idle source."""
        now = self.clock.now()
        self._check_suspend(now)
        if not self._check_hours(now):
            return
        if self._pause is not None and now >= self._pause.until:
            self._pause = None
            self._emit(PauseOver())
        if self._in_break:
            return
        self._check_idle(now)
        if self._idle_since is not None:
            return
        self._check_due(now)

    def _check_suspend(self, now: float) -> None:
        offset = self.boot_clock.now() - now
        slept = offset - self._boot_offset
        self._boot_offset = offset
        if slept < SUSPEND_THRESHOLD_SECONDS or self._in_break:
            return
        # Asleep counts as idle: the spell is the sleep plus any idleness before it.
        before = self._last_idle if self._idle_since is None else now - self._idle_since
        spell = slept + before
        natural = self._natural(spell)
        if natural is not None:
            self._take_naturally(natural, now, ago=spell)
            if self._idle_since is not None:
                self._idle_since = now  # that spell is accounted for
        self._emit(SuspendDetected(slept, natural))

    def _check_hours(self, now: float) -> bool:
        if not self.plan.working_hours:
            return True
        inside = self._in_hours()
        if inside and self._off_hours:
            self._off_hours = False
            self._reset(BreakKind.LONG, now)
            self._count = ActiveCount(None)
            self._start_counting(now)
            self._emit(WorkingHoursBegan())
        elif not inside and not self._off_hours:
            self._off_hours = True
            self._stop_counting(now)
            self._abandon()
            self._idle_since = None
            self._emit(WorkingHoursEnded())
        return inside

    def _natural(self, spell: float) -> BreakKind | None:
        """The biggest break an idle spell of ``spell`` seconds stands in for."""
        if spell >= self.routine_for(BreakKind.LONG).seconds:
            return BreakKind.LONG
        if self.plan.micro_enabled and spell >= self.routine_for(BreakKind.MICRO).seconds:
            return BreakKind.MICRO
        return None

    def _check_idle(self, now: float) -> None:
        idle = self.idle()
        idle = 0.0 if idle is None else max(0.0, idle)
        self._last_idle = idle
        if self._idle_since is None:
            if idle >= self.plan.idle_after:
                began = now - idle
                self._idle_since = began
                self._stop_counting(began)
                self._emit(IdlePaused(idle))
            return
        if idle >= self.plan.idle_after:
            return
        back_at = now - idle
        spell = max(0.0, back_at - self._idle_since)
        self._idle_since = None
        natural = self._natural(spell)
        if natural is not None:
            self._take_naturally(natural, back_at, ago=idle + spell)
        self._start_counting(back_at)
        self._emit(ActivityResumed(spell, natural))

    def _take_naturally(self, kind: BreakKind, now: float, *, ago: float) -> None:
        """An idle spell as long as a break, which began ``ago`` seconds before now:
        the break counts as taken naturally."""
        at = self.wall() - timedelta(seconds=max(0.0, ago))
        pending = self._pending
        if pending is not None and (kind is BreakKind.LONG or pending.kind is kind):
            # The break that was waiting was taken naturally; a long spell that also
            # covers a waiting micro break counts as both, so neither goes unrecorded.
            self._pending = None
            self._emit(
                BreakResolved(BreakRecord(at, pending.kind, pending.routine, Outcome.NATURAL))
            )
            if pending.kind is kind:
                self._reset(kind, now)
                return
        record = BreakRecord(at, kind, self.routine_for(kind).name, Outcome.NATURAL, False)
        self._reset(kind, now)
        self._emit(BreakResolved(record))

    def _check_due(self, now: float) -> None:
        pending = self._pending
        if pending is None:
            kind = self._next_kind(now)
            due_at = self._due_at(kind)
            if due_at is None:
                return
            if now < due_at:
                self._maybe_notice(kind, due_at, now)
                return
            pending = self._pending = Pending(kind, self.routine_for(kind).name, now)
        if pending.prompted:
            return
        if (
            pending.kind is BreakKind.MICRO
            and not self.plan.cycles
            and self.active(BreakKind.LONG, now) >= self.plan.every
        ):
            # A micro break kept waiting (postponed, held) until the long one is due
            # becomes the long one, instead of two prompts in a row.
            pending.kind = BreakKind.LONG
            pending.routine = self.routine_for(BreakKind.LONG).name
        if pending.postponed_until is not None and now < pending.postponed_until:
            return
        reason = self._quiet_reason(now)
        if reason is not None:
            if reason != pending.held_reason:
                pending.held_reason = reason
                self._emit(BreakHeld(pending.kind, pending.routine, reason))
            return
        pending.held_reason = None
        pending.prompted = True
        pending.due_at = now
        postpone = self.plan.postpone_for(pending.kind)
        self._emit(BreakDue(pending.kind, pending.routine, self._postpones_left(), postpone))

    def _maybe_notice(self, kind: BreakKind, due_at: float, now: float) -> None:
        notice = self.plan.notice
        if notice <= 0 or now < due_at - notice or self._noticed_for == due_at:
            return
        if self._quiet_reason(now) is not None:
            return
        self._noticed_for = due_at
        self._emit(NoticeGiven(kind, self.routine_for(kind).name, due_at - now))

    def _quiet_reason(self, now: float) -> str | None:
        if self._pause is not None and now < self._pause.until:
            return self._pause.reason
        return self.quiet()

    def _postpones_left(self) -> int:
        used = self._pending.postponed if self._pending is not None else 0
        return max(0, self.plan.postpone_limit - used)

    def next_poll(self) -> float:
        """The clock reading at which ``poll()`` should run next."""
        now = self.clock.now()
        if self._off_hours:
            return now + OFF_HOURS_CHECK_SECONDS
        wake = now + IDLE_CHECK_SECONDS
        candidates = [wake]
        if self._pause is not None:
            candidates.append(self._pause.until)
        pending = self._pending
        if pending is not None and pending.postponed_until is not None:
            candidates.append(pending.postponed_until)
        elif pending is None and self._count.running:
            due_at = self._due_at(self._next_kind(now))
            if due_at is not None:
                candidates.append(due_at)
                if self.plan.notice > 0 and self._noticed_for != due_at:
                    candidates.append(due_at - self.plan.notice)
        # A deadline already passed (a notice held back by a quiet time, say) waits
        # for the next idle check instead of waking the caller at once, forever.
        return min(c for c in candidates if c > now)

    # -- commands ---------------------------------------------------------------------------

    def start(self) -> PlannedRoutine:
        """Start the due break now (or the next one early): it is recorded as taken here,
        so a started break counts however the reminder ends (a kill, a crash ...)."""
        now = self.clock.now()
        pending = self._pending
        if pending is None:
            kind = self._next_kind(now)
            pending = self._pending = Pending(kind, self.routine_for(kind).name, now)
        rotation = self.plan.rotation(pending.kind)
        planned = next((r for r in rotation if r.name == pending.routine), rotation[0])
        if self._in_break:
            return planned
        self._stop_counting(now)
        self._in_break = True
        self._emit(BreakStarted(pending.kind, pending.routine))
        self._record(pending, Outcome.TAKEN)
        return planned

    def finish(self) -> None:
        """The routine of a started break ended (done or quit early): the count starts again."""
        if not self._in_break or self._pending is None:
            return
        self._settle()
        self._in_break = False
        self._idle_since = None
        self._start_counting(self.clock.now())

    def postpone(self) -> bool:
        """Move the due break by the plan's postpone time; False when none are left."""
        pending = self._pending
        if pending is None or self._in_break or self._postpones_left() <= 0:
            return False
        now = self.clock.now()
        record = BreakRecord(self.wall(), pending.kind, pending.routine, Outcome.POSTPONED)
        pending.postponed += 1
        pending.postponed_until = now + self.plan.postpone_for(pending.kind)
        pending.prompted = False
        pending.held_reason = None
        self._emit(BreakResolved(record, self._postpones_left()))
        return True

    def skip(self) -> bool:
        """Skip the due break; False when none is due or no skips are left today."""
        if self._pending is None or self._in_break or not self._skips.use():
            return False
        self._resolve(Outcome.SKIPPED)
        return True

    def pause(self, seconds: float, *, snooze: bool = False) -> Pause:
        """No prompts for ``seconds`` (the pane's snooze is the same, named apart);
        the count goes on, and a break that falls due meanwhile waits for the end."""
        now = self.clock.now()
        until_wall = self.wall() + timedelta(seconds=seconds)
        self._pause = Pause(now + seconds, until_wall, snooze)
        if self._pending is not None and not self._in_break:
            self._pending.prompted = False
        self._emit(Paused(seconds, until_wall, snooze))
        return self._pause

    @property
    def current_pause(self) -> Pause | None:
        return self._pause

    def snooze(self, seconds: float) -> Pause:
        return self.pause(seconds, snooze=True)

    def resume(self) -> bool:
        """End a pause or snooze now; False when none was on."""
        if self._pause is None:
            return False
        self._pause = None
        self._emit(PauseOver())
        return True

    def _abandon(self) -> None:
        """A break that fell due and never happened (the day's hours ended, the
        reminder was closed) is recorded as skipped, so no break that fell due
        goes unrecorded."""
        pending = self._pending
        if pending is None or self._in_break:
            return
        if pending.prompted or pending.held_reason is not None or pending.postponed:
            self._resolve(Outcome.SKIPPED)
        else:
            self._pending = None

    def close(self) -> None:
        """The reminder is ending: settle a break still waiting (a started one is taken)."""
        self._abandon()

    def _resolve(self, outcome: Outcome) -> None:
        self._record(self._settle(), outcome)

    def _settle(self) -> Pending:
        """The break is over: the next in its rotation comes, counted from zero."""
        pending = self._pending
        assert pending is not None
        self._pending = None
        self._rotation[pending.kind] += 1
        self._reset(pending.kind, self.clock.now())
        return pending

    def _record(self, pending: Pending, outcome: Outcome) -> None:
        now = self.clock.now()
        due_wall = self.wall() - timedelta(seconds=max(0.0, now - pending.due_at))
        self._emit(BreakResolved(BreakRecord(due_wall, pending.kind, pending.routine, outcome)))

    # -- what the screen shows --------------------------------------------------------------

    def view(self) -> ReminderView:
        now = self.clock.now()
        pending = self._pending
        if self._off_hours:
            status = Status.OFF_HOURS
        elif self._in_break:
            status = Status.IN_BREAK
        elif self._idle_since is not None:
            status = Status.IDLE
        elif pending is not None and pending.prompted:
            status = Status.DUE
        elif pending is not None and pending.held_reason is not None:
            status = Status.HELD
        else:
            status = Status.WORKING
        if pending is not None:
            kind, routine = pending.kind, pending.routine
            if pending.postponed_until is not None and not pending.prompted:
                due_in = max(0.0, pending.postponed_until - now)
            else:
                due_in = 0.0
        else:
            kind = self._next_kind(now)
            routine = self.routine_for(kind).name
            due_in = max(0.0, self.plan.interval(kind) - self.active(kind, now))
        noticed = pending is None and self._noticed_for is not None and self._noticed_for > now
        idle = now - self._idle_since if self._idle_since is not None else 0.0
        pause = self._pause
        snooze_left = max(0.0, pause.until - now) if pause is not None else 0.0
        return ReminderView(
            status=status,
            active_seconds=self.active(BreakKind.LONG, now),
            next_kind=kind,
            next_routine=routine,
            due_in=due_in,
            postpones_left=self._postpones_left(),
            postponed=pending is not None and pending.postponed > 0,
            idle_seconds=idle,
            held_reason=pending.held_reason if pending is not None else None,
            snooze_left=snooze_left,
            noticed=noticed,
            paused_until=pause.until_wall if pause is not None and not pause.snooze else None,
            skips_left=self._skips.left(),
            interval=float(self.plan.interval(kind)),
            today=self.wall().date(),
        )
