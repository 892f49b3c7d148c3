"""Where spoken words go, so that they never sound over a cue.

A stretch's name is said when its first phase begins, just after that
phase's tone. Said there blindly, a long name runs over the countdown pips
of a short get-ready, and a short switch has its pip in the middle of
"switch sides". So the words are planned on the session clock, from what the
events say about the phase (when it ends) and an estimate of how long the
speech command takes to say them:

* Words start once the phase's tone has had time to finish, and must end
  before the phase does, with a little silence either side.
* Countdown pips and rep ticks that fall while the words are being said give
  way: the words carry the same news, and the last pips still sound.
* Words that do not fit before the phase ends are held and said after the
  next phase's tone instead (a name too long for a 2 s get-ready is said as
  the hold starts), unless newer words replace them.
* A phase change cannot wait: if words are still being said when one comes
  (after a skip, or words that ran longer than estimated), they are cut.

Pure bookkeeping with no threads or devices, so a test can run a session on
the fake clock and check every decision.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec

from stretchtimer.audio.event_cues import Prompt
from stretchtimer.cues import Cue
from stretchtimer.session.events import (
    Event,
    Paused,
    PhaseStarted,
    PhaseTimeChanged,
    Resumed,
    SessionFinished,
    SideSwitch,
)

#: How long a phase's opening tone is allowed to ring before words may start
#: (the bundled ones last at most 0.75 s); a pip or a tick is far shorter.
MAIN_TONE_SECONDS = 0.8
SHORT_TONE_SECONDS = 0.15
#: Silence kept between words and a tone, on either side.
GAP_SECONDS = 0.1
#: Cues that give way to words rather than cut them.
YIELDING_CUES = frozenset({Cue.COUNTDOWN, Cue.TICK})


def speech_seconds(text: str) -> float:
    """About how long speech takes to say ``text``, erring long.

    Speech commands talk at about 175 words a minute, some 14 characters a
    second, and take a moment to start.
    """
    return 0.4 + len(text) / 14.0


class Placed(msgspec.Struct, frozen=True):
    """What to do for one event: the cue to play, the words to say, and whether to cut speech."""

    cue: Cue | None = None
    override: Path | None = None
    say: str | None = None
    cut_speech: bool = False
    #: The language ``say`` is written in (None: the app's).
    language: str | None = None


class SpeechPlan:
    """Follows one session's events and decides where its words go."""

    def __init__(self, estimate: Callable[[str], float] = speech_seconds) -> None:
        self._estimate = estimate
        self._deadline: float | None = None
        self._tone_until = float("-inf")
        self._speech_until = float("-inf")
        self._held: str | None = None
        self._held_language: str | None = None

    @property
    def held(self) -> str | None:
        """Words waiting for the next phase's tone."""
        return self._held

    @property
    def speaking_until(self) -> float:
        """Session-clock reading until which planned words (and their gap) last."""
        return self._speech_until

    def place(self, event: Event, prompt: Prompt | None, *, words_wanted: bool = True) -> Placed:
        self._follow(event)
        now = event.now
        cue = prompt.cue if prompt is not None else None
        override = prompt.override if prompt is not None else None
        words = prompt.say if prompt is not None and words_wanted else None
        language = prompt.language if prompt is not None else None
        cut = False
        if cue is not None and now < self._speech_until:
            if cue in YIELDING_CUES:
                cue, override = None, None
            else:
                cut = True
                self._speech_until = now
        if cue is not None:
            ring = SHORT_TONE_SECONDS if cue in YIELDING_CUES else MAIN_TONE_SECONDS
            self._tone_until = max(self._tone_until, now + ring)
        if isinstance(event, SessionFinished):
            self._held = None
        elif isinstance(event, PhaseStarted | SideSwitch) and words_wanted:
            if words is None and cue is not None and isinstance(event, PhaseStarted):
                words, language = self._held, self._held_language
            if words is not None:
                words = self._fit(words, language, now)
        else:
            words = None
        return Placed(cue, override, words, cut, language if words is not None else None)

    def _fit(self, words: str, language: str | None, now: float) -> str | None:
        """``words`` if they fit in the current phase from now on; else they are held."""
        start = max(now, self._tone_until, self._speech_until) + GAP_SECONDS
        end = start + self._estimate(words) + GAP_SECONDS
        if self._deadline is None or end > self._deadline:
            self._held, self._held_language = words, language
            return None
        self._held, self._held_language = None, None
        self._speech_until = end
        return words

    def _follow(self, event: Event) -> None:
        match event:
            case PhaseStarted(deadline=deadline) | PhaseTimeChanged(deadline=deadline):
                self._deadline = deadline
            case Resumed(deadline=deadline):
                self._deadline = deadline
            case Paused():
                self._deadline = None
            case _:
                pass
