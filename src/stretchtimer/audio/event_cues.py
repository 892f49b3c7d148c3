"""Which cue (and which spoken words) each engine event deserves.

Kept free of threads and devices so the rules a person hears can be read and
tested on their own. The rules:

* A step's prepare phase says "a stretch is coming": ``get-ready`` for the
  first one the session reaches, ``next`` for every later one. Playing both
  back to back would say the same thing twice and push the countdown pips
  around, so ``next`` replaces ``get-ready`` rather than joining it.
* A work phase plays ``start``, even when it is the first phase of a new step
  (a step without a prepare phase): the person has to act now, and ``start``
  is the cue that means "go". The step's name is spoken there instead.
* A side change plays ``switch`` (from the ``SideSwitch`` event, not from the
  switch phase, so a switch with zero seconds still sounds). A pause between
  sets on the same side is heard as ``rest``.
* Countdown seconds pip, completed reps tick, a finished (not quit) session
  plays ``complete``.
"""

from __future__ import annotations

from pathlib import Path
from typing import assert_never

import msgspec

from stretchtimer.cues import Cue
from stretchtimer.i18n import N_, _
from stretchtimer.routine import Routine, Step
from stretchtimer.session.events import (
    Countdown,
    Event,
    PhaseStarted,
    RepCompleted,
    SessionFinished,
    SessionStarted,
    SideSwitch,
)
from stretchtimer.session.timeline import Phase, PhaseKind, Timeline

#: Spoken at a switch of sides; translated when said, the language is chosen after import.
SWITCH_SIDES_PHRASE = N_("switch sides")


class Prompt(msgspec.Struct, frozen=True):
    """What an event should sound like: a cue, its sound file if overridden, words."""

    cue: Cue | None = None
    override: Path | None = None
    say: str | None = None
    #: The language ``say`` is written in, for the voice that reads it; None for the app's.
    #: A step name no translation covers is in the routine's own language.
    language: str | None = None


def sound_override(cue: Cue, routine: Routine, step: Step | None) -> Path | None:
    """The file a routine chose for a cue: the step's, else the routine's, else none."""
    if step is not None and cue.value in step.sounds:
        return step.sounds[cue.value]
    return routine.sounds.get(cue.value)


class SessionCues:
    """Follows one session's events; remembers the plan and whether a step was entered yet."""

    def __init__(self) -> None:
        self._routine: Routine | None = None
        self._timeline: Timeline | None = None
        self._entered_a_step = False

    def prompt_for(self, event: Event) -> Prompt | None:
        if isinstance(event, SessionStarted):
            self._routine, self._timeline = event.routine, event.timeline
            return None
        if self._routine is None:  # nothing is heard of a session that never started
            return None
        match event:
            case PhaseStarted(phase=phase):
                return self._phase_started(phase)
            case SideSwitch(phase=phase):
                return self._prompt(Cue.SWITCH, phase, say=_(SWITCH_SIDES_PHRASE))
            case Countdown(phase=phase):
                return self._prompt(Cue.COUNTDOWN, phase)
            case RepCompleted(phase=phase):
                return self._prompt(Cue.TICK, phase)
            case SessionFinished(summary=summary) if not summary.quit:
                return Prompt(Cue.COMPLETE, sound_override(Cue.COMPLETE, self._routine, None))
            case _:
                return None

    def _prompt(
        self, cue: Cue | None, phase: Phase, say: str | None = None, language: str | None = None
    ) -> Prompt:
        assert self._routine is not None
        step = self._routine.steps[phase.step_index]
        override = sound_override(cue, self._routine, step) if cue is not None else None
        return Prompt(cue, override, say, language)

    def _phase_started(self, phase: Phase) -> Prompt | None:
        assert self._routine is not None and self._timeline is not None
        step = self._routine.steps[phase.step_index]
        first_of_step = self._timeline.step_first_phase[phase.step_index] == phase.index
        cue: Cue | None
        match phase.kind:
            case PhaseKind.PREPARE:
                cue = Cue.NEXT if self._entered_a_step else Cue.GET_READY
            case PhaseKind.WORK:
                cue = Cue.START
            case PhaseKind.REST:
                cue = Cue.REST
            case PhaseKind.SWITCH:
                # A side change is heard from its SideSwitch event; a pause
                # between sets on the same side sounds like a rest.
                cue = None if phase.changes_side else Cue.REST
            case _:
                assert_never(phase.kind)
        if first_of_step:
            self._entered_a_step = True
        say = step.name if first_of_step else None
        if cue is None and say is None:
            return None
        routine = self._routine
        language = routine.shown_language if step.own_name is not None else routine.language
        return self._prompt(cue, phase, say, language)
