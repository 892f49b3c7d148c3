"""The bundled routines in German and Spanish: every word translated, every number the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.bundled_steps import bundled_step
from stretchtimer.loader import load_routine
from stretchtimer.routine import Routine, Step
from stretchtimer.session.timeline import compile_timeline

LANGUAGES = ("de", "es")
BUNDLED = sorted(locations.bundled_routines_dir().glob("*.yaml"))
#: What a step shows in words; everything else must be the same in every language.
WORDS = ("name", "instructions", "tip", "own_name", "easier")


def _numbers(step: Step) -> dict[str, object]:
    numbers = {
        field: getattr(step, field) for field in step.__struct_fields__ if field not in WORDS
    }
    numbers["easier"] = _numbers(step.easier) if step.easier is not None else None
    return numbers


def _texts(routine: Routine) -> list[tuple[str, str | tuple[str, ...] | None]]:
    """Every text a person reads, labelled by where it is."""
    texts: list[tuple[str, str | tuple[str, ...] | None]] = [
        ("name", routine.name),
        ("description", routine.description),
        ("caution", routine.caution),
    ]
    for step in routine.steps:
        for shown in (step, step.easier):
            if shown is not None:
                where = f"step '{shown.key}'"
                texts += [(f"{where} {field}", getattr(shown, field)) for field in WORDS[:3]]
    return texts


@pytest.fixture(scope="module")
def english() -> dict[Path, Routine]:
    return {path: load_routine(path, bundled_step, language="en") for path in BUNDLED}


def test_all_ten_routines_are_there() -> None:
    assert len(BUNDLED) == 10


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_a_translated_routine_keeps_the_english_numbers_step_for_step(
    path: Path, language: str, english: dict[Path, Routine]
) -> None:
    original = english[path]
    translated = load_routine(path, bundled_step, language=language)
    assert translated.shown_language == language
    assert [_numbers(s) for s in translated.steps] == [_numbers(s) for s in original.steps]
    assert [s.key for s in translated.steps] == [s.name for s in original.steps]
    assert translated.key == original.name
    ignored = {"steps", "name", "description", "caution", "own_name", "own_caution"}
    rest = {f for f in Routine.__struct_fields__ if f not in ignored | {"shown_language"}}
    assert {f: getattr(translated, f) for f in rest} == {f: getattr(original, f) for f in rest}
    assert compile_timeline(translated).total_seconds == compile_timeline(original).total_seconds


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_word_of_a_bundled_routine_is_translated(
    path: Path, language: str, english: dict[Path, Routine]
) -> None:
    translated = load_routine(path, bundled_step, language=language)
    untranslated = [
        where
        for (where, mine), (_, theirs) in zip(
            _texts(translated), _texts(english[path]), strict=True
        )
        if theirs is not None and mine == theirs
    ]
    assert untranslated == []
