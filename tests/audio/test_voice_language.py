"""Spoken cues in the voice of the language the words are in."""

from __future__ import annotations

from stretchtimer.audio.voice import speech_argv
from stretchtimer.i18n import use_language


def test_espeak_speaks_german_words_with_its_german_voice() -> None:
    argv = speech_argv("espeak-ng", "/usr/bin/espeak-ng", "Seiten wechseln", 100, "de")
    assert argv == ["/usr/bin/espeak-ng", "-a", "100", "-v", "de", "Seiten wechseln"]


def test_a_regional_language_asks_for_the_language_itself() -> None:
    assert speech_argv("spd-say", "spd-say", "cambia de lado", 100, "es_MX")[-3:] == [
        "-l",
        "es",
        "cambia de lado",
    ]


def test_english_keeps_each_command_default_voice() -> None:
    assert speech_argv("espeak-ng", "espeak-ng", "switch sides", 100, "en") == [
        "espeak-ng",
        "-a",
        "100",
        "switch sides",
    ]
    assert "-v" not in speech_argv("espeak-ng", "espeak-ng", "switch sides", 100, "en_XA")


def test_the_language_in_use_is_the_default() -> None:
    # The tests start in English: no voice option until a language is chosen.
    assert "-v" not in speech_argv("espeak-ng", "espeak-ng", "switch sides", 100)
    use_language(["de"])
    assert speech_argv("espeak-ng", "espeak-ng", "Seiten wechseln", 100)[3:5] == ["-v", "de"]


def test_each_step_name_is_read_in_the_language_it_is_written_in() -> None:
    """A German session of a routine translated for one step only: that step's name is
    German, the other is still the routine's own English, and each gets its voice."""
    from pathlib import Path

    from stretchtimer.audio.event_cues import SessionCues
    from stretchtimer.loader import load_text
    from stretchtimer.session.clock import FakeClock
    from stretchtimer.session.engine import Session
    from stretchtimer.session.events import PhaseStarted

    text = (
        "name: Neck break\nsteps:\n  - name: Neck flexion\n    hold: 10s\n"
        "  - name: Shoulder roll\n    hold: 10s\n"
        "translations:\n  de:\n    steps:\n      Neck flexion: {name: Nacken beugen}\n"
    )
    use_language(["de"])
    routine = load_text(text, Path("neck.yaml"), language="de")
    clock = FakeClock()
    session = Session(routine, clock)
    cues = SessionCues()
    said: list[tuple[str, str | None]] = []

    def listen(event: object) -> None:
        prompt = cues.prompt_for(event)  # type: ignore[arg-type]
        if isinstance(event, PhaseStarted) and prompt is not None and prompt.say:
            said.append((prompt.say, prompt.language))

    session.subscribe(listen)
    session.start()
    session.skip()
    assert said == [("Nacken beugen", "de"), ("Shoulder roll", "en")]
    assert "-v" not in speech_argv("espeak-ng", "espeak-ng", "Shoulder roll", 100, said[1][1])
