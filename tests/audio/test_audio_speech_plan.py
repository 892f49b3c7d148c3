"""Spoken words never sound over a cue: every decision checked on the fake clock."""

from __future__ import annotations

import wave

import pytest

from stretchtimer import catalog
from stretchtimer.audio.event_cues import SessionCues
from stretchtimer.audio.speech_plan import (
    GAP_SECONDS,
    MAIN_TONE_SECONDS,
    SHORT_TONE_SECONDS,
    YIELDING_CUES,
    Placed,
    SpeechPlan,
    speech_seconds,
)
from stretchtimer.cues import Cue
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.events import Event
from stretchtimer.sound_themes import THEMES, theme_dir

BUNDLED = [entry.name for entry in catalog.discover() if entry.origin == "bundled"]


class Heard:
    """Every cue and phrase a session would make heard, on the session clock."""

    def __init__(self, session: Session) -> None:
        self.cues: list[tuple[float, Cue]] = []
        self.words: list[tuple[float, str]] = []
        self.cuts: list[float] = []
        self.dropped: list[tuple[float, Cue]] = []
        cues, plan = SessionCues(), SpeechPlan()

        def listen(event: Event) -> None:
            prompt = cues.prompt_for(event)
            placed: Placed = plan.place(event, prompt)
            if prompt is not None and prompt.cue is not None and placed.cue is None:
                self.dropped.append((event.now, prompt.cue))
            if placed.cue is not None:
                self.cues.append((event.now, placed.cue))
            if placed.say is not None:
                self.words.append((event.now, placed.say))
            if placed.cut_speech:
                self.cuts.append(event.now)

        session.subscribe(listen)

    def spoken(self) -> list[tuple[float, float, str]]:
        """(start, end, words): when each phrase sounds, as the plan assumes.

        Words start once the tone sent at the same instant has rung and a
        gap has passed, and last as long as the estimate says.
        """
        out = []
        for at, text in self.words:
            rings = [
                at + (SHORT_TONE_SECONDS if cue in YIELDING_CUES else MAIN_TONE_SECONDS)
                for t, cue in self.cues
                if t == at
            ]
            start = max([at, *rings]) + GAP_SECONDS
            out.append((start, start + speech_seconds(text), text))
        return out

    def overlaps(self) -> list[tuple[str, float, Cue]]:
        """Cues that would start while words are being said (none allowed)."""
        return [
            (text, at, cue)
            for start, end, text in self.spoken()
            for at, cue in self.cues
            if start - GAP_SECONDS < at < end + GAP_SECONDS
        ]


def run(routine: Routine, *, step: float = 1.0) -> Heard:
    clock = FakeClock(start=0.0)
    session = Session(routine, clock)
    heard = Heard(session)
    session.start()
    while session.state is not SessionState.FINISHED:
        clock.advance(step)
        session.update()
    return heard


@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_routine_says_each_stretch_without_covering_a_cue(name: str) -> None:
    routine = catalog.load(name)
    heard = run(routine)
    assert heard.overlaps() == []
    said = [text for _, text in heard.words]
    for step in routine.steps:
        assert step.name in said, step.name
    assert heard.cuts == []


def test_a_long_name_in_a_5_s_get_ready_silences_the_pips_it_would_cover() -> None:
    """The issue's case: the name used to run over the first pip."""
    routine = Routine("r", (Step("Sitting shoulder roll with pillow", hold=20, prepare=5),))
    heard = run(routine)
    assert heard.words == [(0.0, "Sitting shoulder roll with pillow")]
    assert heard.overlaps() == []
    # Said from 0.9 s for about 2.8 s: the pips at 2 and 3 s give way, the last one sounds.
    assert heard.dropped == [(2.0, Cue.COUNTDOWN), (3.0, Cue.COUNTDOWN)]
    assert (4.0, Cue.COUNTDOWN) in heard.cues
    assert (5.0, Cue.START) in heard.cues


def test_words_too_long_for_the_get_ready_are_said_as_the_hold_starts() -> None:
    routine = Routine("r", (Step("Upper trapezius stretch", hold=20, prepare=2),))
    heard = run(routine)
    assert heard.words == [(2.0, "Upper trapezius stretch")]
    assert heard.cues[:3] == [(0.0, Cue.GET_READY), (1.0, Cue.COUNTDOWN), (2.0, Cue.START)]
    assert heard.overlaps() == []


def test_switch_sides_is_said_between_the_switch_tone_and_the_next_start() -> None:
    routine = Routine(
        "r", (Step("Neck tilt", hold=10, prepare=5, sides=("left", "right"), switch=3),)
    )
    heard = run(routine)
    switch_at = next(at for at, cue in heard.cues if cue is Cue.SWITCH)
    assert (switch_at, "switch sides") in heard.words
    assert heard.overlaps() == []
    assert (switch_at + 3, Cue.START) in heard.cues


def test_words_that_fit_nowhere_are_not_said_over_cues() -> None:
    """Phases of a second or two leave no room: the words wait, and never cover a cue."""
    routine = Routine(
        "r",
        (
            Step("Hands clasped behind the back", hold=2, prepare=1, rest=1),
            Step("Neck rolls", hold=3, prepare=1, rest=0),
        ),
    )
    heard = run(routine)
    assert heard.overlaps() == []


def test_a_skip_while_words_are_said_cuts_them_for_the_new_cue() -> None:
    clock = FakeClock(start=0.0)
    routine = Routine(
        "r", (Step("Seated thoracic extension", hold=20, prepare=5), Step("Neck rolls", hold=20))
    )
    session = Session(routine, clock)
    heard = Heard(session)
    session.start()
    clock.advance(1.5)
    session.update()
    session.skip()
    assert heard.cuts == [1.5]
    assert heard.cues[-1] == (1.5, Cue.NEXT)
    assert heard.words[-1] == (1.5, "Neck rolls")


def test_a_paused_phase_holds_its_words_until_the_next_tone() -> None:
    clock = FakeClock(start=0.0)
    routine = Routine("r", (Step("Neck rolls", hold=20, prepare=5), Step("Wall stretch", hold=20)))
    session = Session(routine, clock)
    heard = Heard(session)
    session.start()
    session.pause()
    session.skip()  # the next step begins paused: its deadline is unknown
    assert heard.words == [(0.0, "Neck rolls")]
    session.resume()
    clock.advance(20)
    session.update()  # the hold ends: the session is done
    assert all(text != "Wall stretch" or at == 20.0 for at, text in heard.words)


@pytest.mark.parametrize("theme", THEMES)
def test_the_tone_allowances_cover_every_bundled_cue(theme: str) -> None:
    """The plan lets the opening tone ring this long before words start: it must be enough."""
    for cue in Cue:
        with wave.open(str(theme_dir(theme) / f"{cue.value}.wav"), "rb") as wav:
            seconds = wav.getnframes() / wav.getframerate()
        allowance = SHORT_TONE_SECONDS if cue in YIELDING_CUES else MAIN_TONE_SECONDS
        if cue is not Cue.COMPLETE:  # nothing is said after the end
            assert seconds <= allowance, (cue, seconds)


def test_the_estimate_errs_long() -> None:
    """espeak-ng said the longest bundled name in 1.8 s and 'switch sides' in 0.8 s."""
    assert speech_seconds("Hands clasped behind the back") >= 1.8 * 1.25
    assert speech_seconds("switch sides") >= 0.83 * 1.25
