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
