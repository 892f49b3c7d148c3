"""The session engine: a routine's timeline run against a clock.

Time is kept as deadlines. A running phase knows the clock reading at which it
ends; ``update()`` compares the clock with that deadline and moves on, and the
next phase starts at the old deadline rather than at whatever moment
``update()`` happened to run, so late wake-ups never accumulate drift. Nothing
here counts ticks, and nothing here knows about screens, sound or storage:
they subscribe to events.
"""

from __future__ import annotations

import math
from enum import StrEnum

from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import Clock
from stretchtimer.session.events import (
    Countdown,
    Event,
    Listener,
    Paused,
    PhaseStarted,
    PhaseTimeChanged,
    RepCompleted,
    Resumed,
    SessionFinished,
    SessionStarted,
    SessionSummary,
    SideSwitch,
    StepFinished,
    StepResult,
    StepStatus,
)
from stretchtimer.session.timeline import Phase, PhaseKind, Timeline, compile_timeline

#: ``back`` within this many active seconds of a step's start goes to the
#: previous step; later, it restarts the current one (as music players do).
BACK_GRACE_SECONDS = 3.0

#: A step is completed when its work phases ran for at least this share of the
#: planned work time (holds, or reps at their pace), pauses excluded: taking
#: time off with ``-`` or ending reps early with Enter may trim a step, not
#: replace it. A work phase counts as a done part by the same share of its own
#: planned length.
COMPLETED_SHARE = 0.8

#: A step with less work than that counts as partial when at least this much
#: work was held or one part was done, and as skipped otherwise.
PARTIAL_WORK_SECONDS = 5.0

#: ``+`` adds time to a phase up to this much beyond its planned length.
MAX_EXTRA_SECONDS = 600

#: Countdown events are sent as each of these many seconds remain.
COUNTDOWN_FROM = 3

_EPSILON = 1e-6


class SessionState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


def part_label(phase: Phase) -> str:
    label = f"set {phase.set_number}" if phase.set_count > 1 else "work"
    return f"{label} {phase.side}" if phase.side else label


class Session:
    """One run through a routine.

    Commands (``start``, ``pause``, ``skip`` ...) change the state at once and
    send events synchronously to every listener; ``update()`` lets the clock
    catch up. Callers schedule their next ``update()`` at ``next_wakeup()``.
    """

    def __init__(self, routine: Routine, clock: Clock, *, start_step: int = 0) -> None:
        if not routine.steps:
            raise ValueError("a routine needs at least one step")
        if not 0 <= start_step < len(routine.steps):
            raise ValueError(f"start_step {start_step} is outside the routine")
        self.routine = routine
        self.timeline: Timeline = compile_timeline(routine)
        self.clock = clock
        self.state = SessionState.READY
        self.start_step = start_step
        self._listeners: list[Listener] = []
        self._index = self.timeline.step_first_phase[start_step]
        self._phase_length = float(self.current_phase.duration)
        self._deadline = 0.0
        self._paused_remaining = float(self._phase_length)
        self._active_before = 0.0
        self._running_since = 0.0
        self._countdown_sent = COUNTDOWN_FROM + 1
        self._reps_sent = 0
        # The current step's attempt.
        self._step_entered_active = 0.0
        self._step_work = 0.0
        self._step_parts: list[str] = []
        self._step_finalized = False
        self._results: dict[int, StepResult] = {}
        self._summary: SessionSummary | None = None

    # ---------------------------------------------------------------- listeners
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # ---------------------------------------------------------------- queries
    @property
    def current_phase(self) -> Phase:
        return self.timeline.phases[self._index]

    @property
    def current_step(self) -> Step:
        return self.routine.steps[self.current_phase.step_index]

    @property
    def step_index(self) -> int:
        return self.current_phase.step_index

    @property
    def phase_length(self) -> float:
        """The current phase's length, including time added or removed."""
        return self._phase_length

    @property
    def remaining(self) -> float:
        """Seconds left in the current phase."""
        if self.state is SessionState.RUNNING:
            return max(0.0, self._deadline - self.clock.now())
        if self.state is SessionState.FINISHED:
            return 0.0
        return self._paused_remaining

    @property
    def remaining_whole(self) -> int:
        """What a countdown shows: the remaining time rounded up to a second."""
        return max(0, math.ceil(self.remaining - _EPSILON))

    @property
    def phase_elapsed(self) -> float:
        return max(0.0, self._phase_length - self.remaining)

    @property
    def current_rep(self) -> int | None:
        """1-based rep in progress, for rep work phases."""
        phase = self.current_phase
        if phase.reps is None or phase.rep_time is None:
            return None
        done = int((self.phase_elapsed + _EPSILON) // phase.rep_time)
        return min(phase.reps, done + 1)

    @property
    def active_seconds(self) -> float:
        """Time spent running, pauses excluded."""
        if self.state is SessionState.RUNNING:
            return self._active_before + (self.clock.now() - self._running_since)
        return self._active_before

    @property
    def session_remaining(self) -> float:
        """Planned seconds left: this phase's remainder plus every later phase."""
        if self.state is SessionState.FINISHED:
            return 0.0
        later = self.timeline.total_seconds - self.current_phase.end
        return self.remaining + later

    @property
    def session_total(self) -> int:
        return self.timeline.total_seconds

    @property
    def next_phase(self) -> Phase | None:
        if self._index + 1 < len(self.timeline.phases):
            return self.timeline.phases[self._index + 1]
        return None

    @property
    def next_step(self) -> Step | None:
        index = self.step_index + 1
        return self.routine.steps[index] if index < len(self.routine.steps) else None

    @property
    def summary(self) -> SessionSummary | None:
        return self._summary

    @property
    def results(self) -> dict[int, StepResult]:
        return dict(self._results)

    def next_wakeup(self) -> float | None:
        """Clock reading at which what a person sees next changes.

        That is the next whole-second boundary of the countdown (which is also
        where rep counts and phase ends fall), so a screen refreshes once a
        second and never in between.
        """
        if self.state is not SessionState.RUNNING:
            return None
        steps_left = math.ceil(self.remaining - _EPSILON) - 1
        return self._deadline - max(0, steps_left)

    # ---------------------------------------------------------------- commands
    def start(self) -> None:
        if self.state is not SessionState.READY:
            return
        now = self.clock.now()
        self.state = SessionState.RUNNING
        self._running_since = now
        self._emit(SessionStarted(self.routine, self.timeline, self.start_step, now))
        self._enter_phase(self._index, now)

    def pause(self) -> None:
        if self.state is not SessionState.RUNNING:
            return
        self.update()
        if self.state is not SessionState.RUNNING:
            return
        now = self.clock.now()
        self._paused_remaining = max(0.0, self._deadline - now)
        self._active_before += now - self._running_since
        self.state = SessionState.PAUSED
        self._emit(Paused(self.current_phase, self._paused_remaining, self._active_before, now))

    def resume(self) -> None:
        if self.state is not SessionState.PAUSED:
            return
        now = self.clock.now()
        self._running_since = now
        self._deadline = now + self._paused_remaining
        self.state = SessionState.RUNNING
        self._emit(Resumed(self.current_phase, self._deadline, self._active_before, now))

    def toggle_pause(self) -> None:
        if self.state is SessionState.RUNNING:
            self.pause()
        elif self.state is SessionState.PAUSED:
            self.resume()
        elif self.state is SessionState.READY:
            self.start()

    def update(self) -> None:
        """Let the clock catch up: end every phase whose deadline has passed."""
        if self.state is not SessionState.RUNNING:
            return
        now = self.clock.now()
        while self.state is SessionState.RUNNING and now >= self._deadline - _EPSILON:
            self._finish_phase(self._deadline)
        if self.state is SessionState.RUNNING:
            self._send_progress_events()

    def skip(self) -> None:
        """Leave the current step and start the next (or finish on the last)."""
        if not self._is_live():
            return
        self.update()
        if not self._is_live():
            return
        self._close_step()
        following = self.step_index + 1
        if following >= len(self.routine.steps):
            self._finish(quit=False)
        else:
            self._jump_to_step(following)

    def back(self) -> None:
        """Restart this step, or go to the previous one right after it began."""
        if not self._is_live():
            return
        self.update()
        if not self._is_live():
            return
        into_step = self.active_seconds - self._step_entered_active
        if into_step > BACK_GRACE_SECONDS or self.step_index == 0:
            self._restart_attempt()
            return
        # The current step will come round again; this attempt leaves no record.
        self._jump_to_step(self.step_index - 1)

    def restart_step(self) -> None:
        if not self._is_live():
            return
        self.update()
        if self._is_live():
            self._restart_attempt()

    def adjust(self, seconds: int) -> None:
        """Add (or, when negative, remove) time on the current phase."""
        if not self._is_live() or seconds == 0:
            return
        self.update()
        if not self._is_live():
            return
        if seconds > 0:
            room = self.current_phase.duration + MAX_EXTRA_SECONDS - self._phase_length
            seconds = min(seconds, math.floor(room + _EPSILON))
            if seconds <= 0:
                return
        if self.remaining + seconds <= _EPSILON:
            # Less than nothing left: the phase ends now, after the time it ran.
            self._phase_length = self.phase_elapsed
            self._finish_phase(self.clock.now())
            if self.state is SessionState.RUNNING:
                self._send_progress_events()
            return
        self._phase_length += seconds
        if self.state is SessionState.RUNNING:
            self._deadline += seconds
        else:
            self._paused_remaining += seconds
        if self.remaining_whole > COUNTDOWN_FROM:
            self._countdown_sent = COUNTDOWN_FROM + 1
        else:
            self._countdown_sent = max(self._countdown_sent, self.remaining_whole)
        running = self.state is SessionState.RUNNING
        self._emit(
            PhaseTimeChanged(
                self.current_phase,
                self._phase_length,
                self.remaining,
                self._deadline if running else None,
                self.clock.now(),
            )
        )

    def finish_reps(self) -> bool:
        """End a rep set now, as done. Only rep work phases accept this."""
        if not self._is_live() or self.current_phase.reps is None:
            return False
        self.update()
        if not self._is_live() or self.current_phase.reps is None:
            return False
        now = self.clock.now()
        self._phase_length = self.phase_elapsed
        self._finish_phase(now)
        if self.state is SessionState.RUNNING:
            self._send_progress_events()
        return True

    def quit(self) -> SessionSummary:
        """End the session early; the step in progress is recorded as it stands."""
        if self._summary is not None:
            return self._summary
        if self.state is SessionState.READY:
            return self._finish(quit=True)
        self.update()
        if self._summary is not None:
            return self._summary
        self._close_step()
        return self._finish(quit=True)

    # ---------------------------------------------------------------- internals
    def _is_live(self) -> bool:
        return self.state in (SessionState.RUNNING, SessionState.PAUSED)

    def _enter_phase(self, index: int, started_at: float) -> None:
        self._index = index
        phase = self.current_phase
        self._phase_length = float(phase.duration)
        if self.state is SessionState.RUNNING:
            self._deadline = started_at + phase.duration
        else:
            self._paused_remaining = float(phase.duration)
        self._countdown_sent = COUNTDOWN_FROM + 1
        if phase.duration <= COUNTDOWN_FROM:
            self._countdown_sent = phase.duration
        self._reps_sent = 0
        now = self.clock.now()
        running = self.state is SessionState.RUNNING
        deadline = self._deadline if running else None
        self._emit(PhaseStarted(phase, started_at, self._phase_length, deadline, now))
        if phase.changes_side and phase.side is not None:
            self._emit(SideSwitch(phase, phase.side, now))

    def _finish_phase(self, ended_at: float) -> None:
        """Close the current phase at ``ended_at`` and open the next one."""
        phase = self.current_phase
        if phase.kind is PhaseKind.WORK:
            self._step_work += self._phase_length
            if self._phase_length >= COMPLETED_SHARE * phase.duration - _EPSILON:
                self._step_parts.append(part_label(phase))
            if phase.work_number == phase.work_count:
                self._finalize_step(self._earned_status())
        following = self._index + 1
        if following >= len(self.timeline.phases):
            self._finish(quit=False, at=ended_at)
            return
        if self.timeline.phases[following].step_index != phase.step_index:
            self._begin_attempt()
        self._enter_phase(following, ended_at)

    def _send_progress_events(self) -> None:
        phase = self.current_phase
        if phase.reps is not None and phase.rep_time is not None:
            done = min(phase.reps, int((self.phase_elapsed + _EPSILON) // phase.rep_time))
            # The last rep ends with the phase, which has its own cue.
            while self._reps_sent < min(done, phase.reps - 1):
                self._reps_sent += 1
                self._emit(RepCompleted(phase, self._reps_sent, self.clock.now()))
        left = self.remaining_whole
        if 0 < left < self._countdown_sent:
            self._countdown_sent = left
            self._emit(Countdown(phase, left, self.clock.now()))

    def _begin_attempt(self) -> None:
        self._step_entered_active = self.active_seconds
        self._step_work = 0.0
        self._step_parts = []
        self._step_finalized = False

    def _jump_to_step(self, step_index: int) -> None:
        self._begin_attempt()
        self._enter_phase(self.timeline.step_first_phase[step_index], self.clock.now())

    def _restart_attempt(self) -> None:
        self._jump_to_step(self.step_index)

    def _close_step(self) -> None:
        """Record the step being left early, unless its work is already done."""
        if self._step_finalized:
            return
        if self.current_phase.kind is PhaseKind.WORK:
            self._step_work += self.phase_elapsed
        self._finalize_step(self._earned_status())

    def _earned_status(self) -> StepStatus:
        """What the work held in this attempt earns (see ``COMPLETED_SHARE``)."""
        step = self.current_step
        planned = step.work_seconds * step.work_phase_count
        if self._step_work >= COMPLETED_SHARE * planned - _EPSILON:
            return StepStatus.COMPLETED
        if self._step_parts or self._step_work >= PARTIAL_WORK_SECONDS:
            return StepStatus.PARTIAL
        return StepStatus.SKIPPED

    def _finalize_step(self, status: StepStatus) -> None:
        index = self.step_index
        step = self.routine.steps[index]
        result = StepResult(
            step_index=index,
            name=step.name,
            status=status,
            planned_seconds=step.work_seconds * step.work_phase_count,
            work_seconds=round(self._step_work, 3),
            parts_done=tuple(self._step_parts),
            parts_total=step.work_phase_count,
            adapted=step.adapted,
            own_name=step.own_name,
        )
        earlier = self._results.get(index)
        if earlier is not None:
            # A step done again keeps its best outcome and all the work put in.
            best = earlier.status if earlier.status.rank > status.rank else status
            result = StepResult(
                step_index=index,
                name=step.name,
                status=best,
                planned_seconds=result.planned_seconds,
                work_seconds=round(earlier.work_seconds + result.work_seconds, 3),
                parts_done=earlier.parts_done + result.parts_done,
                parts_total=result.parts_total,
                adapted=result.adapted,
                own_name=result.own_name,
            )
        self._results[index] = result
        self._step_finalized = True
        self._emit(StepFinished(result, self.active_seconds, self.clock.now()))

    def _finish(self, *, quit: bool, at: float | None = None) -> SessionSummary:
        if self.state is SessionState.RUNNING:
            end = self.clock.now() if at is None else at
            self._active_before += max(0.0, end - self._running_since)
            self._running_since = end
        self.state = SessionState.FINISHED
        results = tuple(self._results[i] for i in sorted(self._results))
        not_reached = sum(
            1 for i in range(self.start_step, len(self.routine.steps)) if i not in self._results
        )
        self._summary = SessionSummary(
            routine_name=self.routine.name,
            results=results,
            not_reached=not_reached,
            active_seconds=round(self._active_before, 3),
            quit=quit,
            left_out=len(self.routine.left_out),
            routine_own_name=self.routine.own_name,
        )
        self._emit(SessionFinished(self._summary, self.clock.now()))
        return self._summary
