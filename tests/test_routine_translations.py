"""A routine's own text in other languages: which one is shown, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchtimer.loader import RoutineError, load_text

ROUTINE = """\
name: Neck break
caution: Stop if it hurts.
description: Two stretches.
steps:
  - name: Neck flexion
    hold: 30s
    instructions: [Sit tall., Lower your chin., Breathe.]
    tip: Let your head hang.
    easier:
      name: Small nod
      hold: 15s
      instructions: [Nod a little.]
  - name: Shoulder roll
    reps: 5
    easier: Neck flexion
translations:
  de:
    name: Nackenpause
    caution: Hör auf, wenn es wehtut.
    steps:
      Neck flexion:
        name: Nacken beugen
        instructions: [Setz dich aufrecht hin und senke das Kinn.]
        easier: {name: Kleines Nicken}
  de_AT:
    name: Nackenpauserl
  pt:
    name: Pausa para o pescoço
"""


def load(language: str, text: str = ROUTINE):  # type: ignore[no-untyped-def]
    return load_text(text, Path("neck.yaml"), language=language)


def test_each_field_falls_back_to_the_routines_own_text() -> None:
    german = load("de")
    assert german.name == "Nackenpause"
    assert german.description == "Two stretches."  # not translated: the own text
    neck, roll = german.steps
    assert neck.name == "Nacken beugen"
    assert neck.instructions == ("Setz dich aufrecht hin und senke das Kinn.",)
    assert neck.tip == "Let your head hang."
    assert neck.easier is not None
    assert (neck.easier.name, neck.easier.instructions) == ("Kleines Nicken", ("Nod a little.",))
    assert roll.name == "Shoulder roll"
    # An easier step named by name is shown as that step's translation.
    assert roll.easier is not None and roll.easier.name == "Nacken beugen"


def test_a_region_is_tried_before_its_language_and_the_rest_comes_from_that_language() -> None:
    austrian = load("de_AT")
    assert austrian.name == "Nackenpauserl"
    assert austrian.shown_language == "de_AT"
    assert austrian.steps[0].name == "Neck flexion"  # de_AT gives no steps: the own text
    brazilian = load("pt_BR")
    assert (brazilian.name, brazilian.shown_language) == ("Pausa para o pescoço", "pt")
    swiss = load("de_CH")
    assert (swiss.name, swiss.shown_language) == ("Nackenpause", "de")


def test_a_language_without_a_translation_shows_the_routine_as_written() -> None:
    for language in ("en", "es", "fr_FR"):
        routine = load(language)
        assert routine.name == "Neck break"
        assert routine.own_name is None and routine.shown_language == "en"


def test_identity_stays_in_the_files_own_language() -> None:
    german = load("de")
    english = load("en")
    assert german.key == english.key == "Neck break"
    assert [s.key for s in german.steps] == [s.key for s in english.steps]
    assert german.steps[0].easier is not None and german.steps[0].easier.key == "Small nod"
    assert german.caution_key == english.caution == "Stop if it hurts."


def test_a_routine_written_in_german_may_be_translated_into_english() -> None:
    text = (
        "language: de\nname: Nackenpause\nsteps:\n  - {name: Nacken beugen, hold: 20}\n"
        "translations:\n  en:\n    steps:\n      Nacken beugen: {name: Neck flexion}\n"
    )
    austrian = load("de_AT", text)
    assert (austrian.steps[0].name, austrian.shown_language) == ("Nacken beugen", "de")
    english = load("en", text)
    assert (english.name, english.steps[0].name, english.steps[0].key) == (
        "Nackenpause",
        "Neck flexion",
        "Nacken beugen",
    )


def problems(text: str) -> list[str]:
    with pytest.raises(RoutineError) as info:
        load("de", text)
    return [line.removeprefix("neck.yaml:") for line in info.value.lines()]


BASE = "name: Neck break\nsteps:\n  - name: Neck flexion\n    hold: 30s\n"


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (
            "translations:\n  de:\n    steps:\n      Neck flexon: {name: Nacken}\n",
            "8:7: error: the translation 'de' names no step of the routine: 'Neck flexon' "
            "(did you mean 'Neck flexion'?); steps are named as the routine itself writes them",
        ),
        (
            "translations:\n  de:\n    steps:\n      Neck flexion: {instructions: []}\n",
            "8:36: error: 'instructions' in step 'Neck flexion' in the translation 'de' is empty; "
            "leave it out to show the routine's own",
        ),
        (
            "translations:\n  en: {name: Neck}\n",
            "6:3: error: the translation 'en' is the routine's own language ('language: en'); "
            "its text is the routine's own",
        ),
        (
            "translations:\n  de: {name: Nacken, hold: 20}\n",
            "6:22: error: unknown key 'hold' in the translation 'de'",
        ),
        (
            "translations:\n  de:\n    steps:\n      Neck flexion: {sides: both}\n",
            "8:22: error: 'sides' cannot be translated (step 'Neck flexion' in the translation "
            "'de'): only text is, and numbers, sides, figures and sounds stay as the routine "
            "itself gives them",
        ),
        (
            "translations:\n  de: {name: Nacken, figures: {}}\n",
            "6:22: error: 'figures' cannot be translated (the translation 'de'): only text is, "
            "and numbers, sides, figures and sounds stay as the routine itself gives them",
        ),
        (
            "translations:\n  de:\n    steps:\n      Neck flexion: {nmae: Nacken}\n",
            "8:22: error: unknown key 'nmae' in step 'Neck flexion' in the translation 'de' "
            "(did you mean 'name'?)",
        ),
        (
            "translations:\n  pt-BR: {name: Pescoço}\n",
            "6:3: error: a language under 'translations' must be a language tag such as en, de, "
            "es or pt_BR, not 'pt-BR' (did you mean 'pt_BR'?)",
        ),
        (
            "language: English\n",
            "5:11: error: 'language' must be a language tag such as en, de, es or pt_BR, "
            "not 'English'",
        ),
        (
            "translations:\n  de:\n    caution: Vorsicht.\n",
            "6:3: error: the translation 'de' gives a 'caution' but the routine has none "
            "in its own language",
        ),
        (
            "translations:\n  de:\n    steps:\n      Neck flexion: {easier: {name: Nicken}}\n",
            "8:22: error: step 'Neck flexion' has no 'easier' step of its own to translate",
        ),
        (
            "translations:\n  de:\n    steps: [Nacken]\n",
            "7:12: error: 'steps' in the translation 'de' must map each step's own name "
            "to its words, not a list",
        ),
    ],
)
def test_a_wrong_translation_is_reported_where_it_is(tail: str, expected: str) -> None:
    assert problems(BASE + tail) == [expected]


def test_an_easier_steps_words_hold_no_numbers_either() -> None:
    text = ROUTINE.replace("easier: {name: Kleines Nicken}", "easier: {name: Nicken, hold: 5}")
    assert problems(text) == [
        "24:32: error: 'hold' cannot be translated (the 'easier' step of step 'Neck flexion' "
        "in the translation 'de'): only text is, and numbers, sides, figures and sounds stay "
        "as the routine itself gives them"
    ]


def test_every_problem_in_the_translations_is_reported_at_once() -> None:
    tail = (
        "translations:\n  de:\n    steps:\n      Nekc flexion: {name: A}\n"
        "  es:\n    steps:\n      Neck flexion: {tip: ''}\n"
    )
    assert len(problems(BASE + tail)) == 2


def test_the_documented_translation_example_loads_as_the_docs_say() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "routine-format.md").read_text()
    section = doc.split("## Translations", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    german = load("de", example)
    assert (german.name, german.steps[0].name) == ("Nackenpause", "Nacken beugen")
    assert german.steps[0].tip == "Let the weight of your head do the work."
    assert german.steps[0].easier is not None
    assert german.steps[0].easier.name == "Kleines Nicken"
    spanish = load("es", example)
    assert (spanish.name, spanish.steps[0].name) == ("Pausa para el cuello", "Neck flexion")
