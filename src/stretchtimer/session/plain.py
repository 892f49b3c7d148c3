"""A session told in plain lines, for runs with no terminal to draw on.

Under cron or CI, piped into another program, with ``TERM=dumb``, or for a
person who follows with a screen reader, a full-screen interface is of no
use. Plain mode runs the same engine on the same clock (deadlines, not
ticks) and says what happens as sentences, one a line: each step with its
instructions, each phase change, the last seconds, the outcome. Words, not
symbols or bars, so it reads well aloud.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import assert_never

from stretchtimer.i18n import _, ngettext
from stretchtimer.routine import Routine
from stretchtimer.safe_text import safe_text
from stretchtimer.session.clock import Clock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.events import (
    Countdown,
    Event,
    EventSource,
    PhaseStarted,
    RepCompleted,
    SessionFinished,
    SessionStarted,
    SessionSummary,
)
from stretchtimer.session.outcome import all_done
from stretchtimer.session.timeline import Phase, PhaseKind
from stretchtimer.wording import own_side, spoken_duration


def _where(phase: Phase) -> str:
    parts = []
    if phase.side:
        parts.append(own_side(safe_text(phase.side)))
    if phase.set_count > 1:
        parts.append(
            _("set {number} of {total}").format(number=phase.set_number, total=phase.set_count)
        )
    return ", ".join(parts)


def phase_sentence(phase: Phase, length: float) -> str:
    """What to do now and for how long, e.g. ``Hold, left side, for 30 seconds.``"""
    where = _where(phase)
    match phase.kind:
        case PhaseKind.PREPARE:
            what = _("Get ready")
        case PhaseKind.WORK:
            if phase.reps is not None:
                pace = spoken_duration(phase.rep_time or 0)
                if where:
                    return ngettext(
                        "{n} rep, {where}, one every {pace}.",
                        "{n} reps, {where}, one every {pace}.",
                        phase.reps,
                    ).format(n=phase.reps, where=where, pace=pace)
                return ngettext(
                    "{n} rep, one every {pace}.", "{n} reps, one every {pace}.", phase.reps
                ).format(n=phase.reps, pace=pace)
            what = _("Hold")
        case PhaseKind.SWITCH:
            what = _("Switch sides") if phase.changes_side else _("Rest between sets")
            # Translators: what comes after a switch, as in "Switch sides, next: your left side".
            where = _("next: {where}").format(where=where) if where else ""
        case PhaseKind.REST:
            what, where = _("Rest"), ""
        case _:
            assert_never(phase.kind)
    duration = spoken_duration(length)
    if not where:
        # Translators: {what} is Get ready, Hold, Rest...; {duration} as in "30 seconds".
        return _("{what} for {duration}.").format(what=what, duration=duration)
    return _("{what}, {where}, for {duration}.").format(what=what, where=where, duration=duration)


def summary_sentences(summary: SessionSummary) -> list[str]:
    name = safe_text(summary.routine_name)
    if all_done(summary):
        ending = _("Done: {routine}.").format(routine=name)
    elif summary.quit:
        ending = _("Stopped early: {routine}.").format(routine=name)
    else:
        ending = _("Ended: {routine}.").format(routine=name)
    n = summary.completed
    counts = [ngettext("{n} step completed", "{n} steps completed", n).format(n=n)]
    if n := summary.partial:
        counts.append(ngettext("{n} partly done", "{n} partly done", n).format(n=n))
    n = summary.skipped
    counts.append(ngettext("{n} skipped", "{n} skipped", n).format(n=n))
    if n := summary.not_reached:
        counts.append(ngettext("{n} not reached", "{n} not reached", n).format(n=n))
    return [
        ending,
        _("{counts}.").format(counts=", ".join(counts)),
        _("Active time: {duration}.").format(duration=spoken_duration(summary.active_seconds)),
    ]


class PlainNarrator:
    """Turns a session's events into sentences, handed to ``write`` one line at a time."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write
        self._routine: Routine | None = None
        self._step: int | None = None

    def attach(self, session: EventSource) -> None:
        session.subscribe(self.on_event)

    def on_event(self, event: Event) -> None:
        match event:
            case SessionStarted(routine=routine, timeline=timeline, first_step=first):
                self._routine = routine
                self._say(f"{safe_text(routine.name)}.")
                if routine.caution:
                    self._say(_("Caution: {caution}").format(caution=safe_text(routine.caution)))
                for line in routine.left_out:
                    self._say(_("Left out today: {line}").format(line=safe_text(line)))
                steps = len(routine.steps) - first
                left = (
                    timeline.total_seconds - timeline.phases[timeline.step_first_phase[first]].start
                )
                self._say(
                    ngettext(
                        "{n} step, about {duration}.", "{n} steps, about {duration}.", steps
                    ).format(n=steps, duration=spoken_duration(left))
                )
            case PhaseStarted(phase=phase, length=length):
                if phase.step_index != self._step:
                    self._step = phase.step_index
                    self._introduce_step(phase.step_index)
                self._say(phase_sentence(phase, length))
                if phase.reps is not None:
                    self._say(_("Rep {rep} of {reps}.").format(rep=1, reps=phase.reps))
            case Countdown(seconds_left=seconds):
                self._say(f"{seconds}.")
            case RepCompleted(phase=phase, rep=rep) if phase.reps is not None and rep < phase.reps:
                # Said as the next rep begins, so every rep is named, the last one too.
                self._say(_("Rep {rep} of {reps}.").format(rep=rep + 1, reps=phase.reps))
            case SessionFinished(summary=summary):
                self._say("")
                for line in summary_sentences(summary):
                    self._say(line)
            case _:
                pass

    def _introduce_step(self, index: int) -> None:
        assert self._routine is not None
        steps = self._routine.steps
        step = steps[index]
        self._say("")
        self._say(
            _("Step {number} of {total}: {name}.").format(
                number=index + 1, total=len(steps), name=safe_text(step.name)
            )
        )
        for number, line in enumerate(step.instructions, 1):
            self._say(f"{number}. {safe_text(line)}")
        if step.tip:
            self._say(_("Tip: {tip}").format(tip=safe_text(step.tip)))
        if step.adapted:
            self._say(_("Adapted: {adapted}").format(adapted=safe_text(step.adapted)))
        if step.cautious and self._routine.caution:
            self._say(_("Caution: {caution}").format(caution=safe_text(self._routine.caution)))

    def _say(self, line: str) -> None:
        self._write(line)


def run_plain(session: Session, clock: Clock, sleep: Callable[[float], None]) -> SessionSummary:
    """Run ``session`` to its end, sleeping until each of the engine's wake-ups.

    Nobody can press a key here, so the session is never paused and always
    has a next wake-up; ``sleep`` is ``time.sleep`` for real and moves a
    ``FakeClock`` in tests.
    """
    if session.state is SessionState.READY:
        session.start()
    while session.state is not SessionState.FINISHED:
        wakeup = session.next_wakeup()
        if wakeup is None:
            session.quit()
            break
        sleep(max(0.0, wakeup - clock.now()))
        session.update()
    summary = session.summary
    assert summary is not None
    return summary


class StoppedBySignal(BaseException):
    """SIGTERM, SIGHUP or SIGINT (Ctrl+C) arrived: the session ends where it is, left
    interrupted, and says so.

    A ``BaseException``, as ``KeyboardInterrupt`` is: the signal may land while a listener
    runs (the history writing a step), and listeners catch ``Exception`` so that their own
    failures never end a session; a stop must pass through them."""

    def __init__(self, number: int) -> None:
        super().__init__(f"stopped by signal {number}")
        self.number = number


#: The signals that end a plain session where it is.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGTERM, SIGHUP and SIGINT into ``StoppedBySignal`` while a plain session runs."""

    def stop(number: int, _frame: object) -> None:
        raise StoppedBySignal(number)

    previous = {number: signal.signal(number, stop) for number in ENDING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def write_whole_line(
    line: str, write: Callable[[str], object], flush: Callable[[], object]
) -> None:
    """Write ``line`` and its newline with the ending signals held back until both are out.

    A Ctrl+C that lands while a line is being written would otherwise stop the
    session half-way through it, and the words saying that the session was
    stopped would run on from the cut line. Held back, the signal takes effect
    as soon as the line is complete.
    """
    held = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING_SIGNALS)
    try:
        write(line + "\n")
        flush()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
