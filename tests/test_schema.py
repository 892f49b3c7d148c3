"""The JSON Schema editors use says what the loader says.

The same files go through both: cases made from the format table itself
(every key, every range's edges, every choice), a hand-written corpus, and
every bundled routine. A few things only the loader can know are listed on
their own, so the difference is a decision and not an accident.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from stretchtimer import locations
from stretchtimer.cli import main
from stretchtimer.cues import CUE_NAMES
from stretchtimer.loader import RoutineError, load_text
from stretchtimer.routine_format import (
    DEFAULT_KEYS_FORMAT,
    ROUTINE_FORMAT,
    STEP_FORMAT,
    STEP_KIND_WORDS,
    STEP_LIMIT_KEYS,
    Value,
)
from stretchtimer.schema import routine_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = Draft202012Validator(routine_schema())

BASE: dict[str, Any] = {
    "name": "Schema check",
    "steps": [{"name": "Neck tilt", "hold": 20}, {"name": "Shoulder rolls", "reps": 10}],
}

#: A figure a routine defines for itself, as docs/routine-format.md shows one.
WAVE: dict[str, Any] = {
    "description": "Standing, one arm waving overhead.",
    "view": "front",
    "props": ["floor"],
    "keyframes": {"stand": {"like": "stand-front"}, "up": {"like": "stand", "left_elbow": 20}},
}


def loader_accepts(text: str, folder: Path) -> bool:
    try:
        load_text(text, folder / "routine.yaml")
    except RoutineError:
        return False
    return True


def schema_accepts(text: str) -> bool:
    return VALIDATOR.is_valid(yaml.safe_load(text))


def variant(change: dict[str, Any] | None = None, **step: Any) -> str:
    """BASE with top-level keys replaced and the first step's keys set (None removes one)."""
    data = copy.deepcopy(BASE)
    data.update(change or {})
    if not step:
        return yaml.safe_dump(data, sort_keys=False)
    first = data["steps"][0]
    for key, value in step.items():
        if value is None:
            first.pop(key, None)
        else:
            first[key] = value
    return yaml.safe_dump(data, sort_keys=False)


#: Each limit key and the work key it bounds.
LIMITED = {key: work for key, work, _lower in STEP_LIMIT_KEYS}
REPS_LIMITS = tuple(key for key, work in LIMITED.items() if work == "reps")


def table_cases() -> list[tuple[str, str, bool]]:
    """(what, file text, valid?) for every key of the format table."""
    cases: list[tuple[str, str, bool]] = []
    for key in STEP_FORMAT:
        extra: dict[str, Any] = {"hold": None} if key.name in ("reps", *REPS_LIMITS) else {}
        if key.limits is not None:
            low, high = key.limits
            for value, valid in ((low, True), (high, True), (low - 1, False), (high + 1, False)):
                # A limit key bounds its work key, which is given at the same value here.
                work = (
                    {LIMITED[key.name]: min(max(value, low), high)} if key.name in LIMITED else {}
                )
                cases.append(
                    (
                        f"step {key.name}={value}",
                        variant(**extra, **work, **{key.name: value}),
                        valid,
                    )
                )
            cases.append((f"step {key.name}=text", variant(**extra, **{key.name: "soon"}), False))
            cases.append((f"step {key.name}=true", variant(**extra, **{key.name: True}), False))
        if key.value is Value.DURATION:
            low, _ = key.limits or (0, 0)
            work = {LIMITED[key.name]: low + 1} if key.name in LIMITED else {}
            cases.append(
                (f"step {key.name} as text", variant(**work, **{key.name: f"{low + 1}s"}), True)
            )
        if key.value in (Value.TEXT, Value.TEXT_LIST):
            cases.append((f"step {key.name} text", variant(**{key.name: "Sit tall."}), True))
            cases.append((f"step {key.name} blank", variant(**{key.name: "  "}), False))
            cases.append((f"step {key.name} mapping", variant(**{key.name: {"a": 1}}), False))
        if key.value is Value.TEXT_LIST:
            cases.append((f"step {key.name} list", variant(**{key.name: ["One.", "Two."]}), True))
            cases.append((f"step {key.name} nested", variant(**{key.name: [["One."]]}), False))
    for word in STEP_KIND_WORDS:
        cases.append((f"kind {word}", variant(kind=word), True))
    cases.append(("kind strech", variant(kind="strech"), False))
    for sides, valid in (
        ("both", True),
        ("left", True),
        ("right", True),
        (["right", "left"], True),
        (["left"], True),
        ([], False),
        (["left", "left"], False),
        (["middle"], False),
        ("middle", False),
    ):
        cases.append((f"sides {sides}", variant(sides=sides), valid))
    for cue in CUE_NAMES:
        cases.append((f"sound {cue}", variant({"sounds": {cue: "tick"}}), True))
        cases.append((f"step sound {cue}", variant(sounds={cue: "tick"}), True))
    cases.append(("sound for no cue", variant({"sounds": {"bong": "tick"}}), False))
    for key in DEFAULT_KEYS_FORMAT:
        low, high = key.limits or (0, 0)
        cases.append((f"defaults {key.name}", variant({"defaults": {key.name: high}}), True))
        cases.append(
            (f"defaults {key.name} over", variant({"defaults": {key.name: high + 1}}), False)
        )
    cases.append(("defaults hold", variant({"defaults": {"hold": 30}}), False))
    for key in ROUTINE_FORMAT:
        if key.required:
            data = {k: v for k, v in BASE.items() if k != key.name}
            cases.append((f"no {key.name}", yaml.safe_dump(data), False))
    for key in (*ROUTINE_FORMAT, *STEP_FORMAT):
        cases.append((f"misspelt {key.name}", variant({key.name + "x": 1}), False))
    return cases


#: A German translation of BASE, changed by each case below.
GERMAN: dict[str, Any] = {"name": "Schemaprüfung", "steps": {"Neck tilt": {"name": "Nacken"}}}


def translated(**change: Any) -> str:
    return variant({"translations": {"de": {**GERMAN, **change}}})


CORPUS: list[tuple[str, str, bool]] = [
    ("a translation", translated(), True),
    ("a language", variant({"language": "pt_BR"}), True),
    ("a language that is no tag", variant({"language": "German"}), False),
    ("a translation under no tag", variant({"translations": {"de-DE": GERMAN}}), False),
    ("a number in a translation", translated(steps={"Neck tilt": {"hold": 5}}), False),
    ("a hold in a translation", translated(hold=5), False),
    ("a translation's steps as a list", translated(steps=[{"name": "Nacken"}]), False),
    (
        "a translation's empty instructions",
        translated(steps={"Neck tilt": {"instructions": []}}),
        False,
    ),
    (
        "a translation's instructions",
        translated(steps={"Neck tilt": {"instructions": ["a", "b"]}}),
        True,
    ),
    ("version 1", variant({"version": 1}), True),
    ("version 2", variant({"version": 2}), False),
    ("version true", variant({"version": True}), False),
    ("description empty", variant({"description": ""}), True),
    ("a number as a name", variant({"name": 2024}), True),
    ("a list as a name", variant({"name": ["a"]}), False),
    ("no name in a step", variant(name=None), False),
    ("both hold and reps", variant(reps=5), False),
    ("neither hold nor reps", variant(hold=None), False),
    ("empty steps", variant({"steps": []}), False),
    ("steps is a mapping", variant({"steps": {"name": "x"}}), False),
    ("a step that is text", variant({"steps": ["stretch"]}), False),
    ("top level a list", "- name: x\n", False),
    ("duration 1m30s", variant(hold="1m30s"), True),
    ("duration 1h", variant(hold="1h"), True),
    ("duration with spaces", variant(hold=" 1m 30s "), True),
    ("duration without unit", variant(hold="30"), False),
    ("duration in wrong order", variant(hold="30s1m"), False),
    ("duration in days", variant(hold="1d"), False),
    ("a fraction of a second", variant(hold=2.5), False),
    (
        "a sound as a path",
        variant(sounds={"start": str(locations.bundled_sounds_dir() / "tick.wav")}),
        True,
    ),
    ("a sound as a number", variant(sounds={"start": 5}), False),
    ("long text", variant(tip="x" * 2001), False),
    ("a bundled figure", variant(figure="cat-cow"), True),
    ("a figure name in capitals", variant(figure="Cat Cow"), False),
    ("a figure as a list", variant(figure=["cat-cow"]), False),
    ("the routine's own figure", variant({"figures": {"wave": WAVE}}, figure="wave"), True),
    ("figures as a list", variant({"figures": [WAVE]}), False),
    ("a figure named in capitals", variant({"figures": {"Wave": WAVE}}), False),
    (
        "a figure with no keyframes",
        variant({"figures": {"wave": {**WAVE, "keyframes": {}}}}),
        False,
    ),
    ("a figure with an unknown key", variant({"figures": {"wave": {**WAVE, "colour": 1}}}), False),
    ("a figure seen from above", variant({"figures": {"wave": {**WAVE, "view": "top"}}}), False),
    ("a figure with an empty view", variant({"figures": {"wave": {**WAVE, "view": None}}}), False),
    ("an easier step by name", variant(easier="Shoulder rolls"), True),
    ("an easier step of its own", variant(easier={"name": "Chin tuck", "hold": 10}), True),
    ("an easier step without work", variant(easier={"name": "Chin tuck"}), False),
    ("an easier step as a list", variant(easier=["Shoulder rolls"]), False),
    ("limits around the hold", variant(min_hold=10, max_hold="40s"), True),
]

#: What the loader refuses and a JSON Schema cannot see, each with the reason.
BEYOND_SCHEMA: list[tuple[str, str]] = [
    ("a longest hold below the hold (the schema compares no keys)", variant(max_hold=10)),
    ("a fewest reps above the reps", variant(hold=None, reps=5, min_reps=8)),
    ("a hold limit on a step of reps", variant(hold=None, reps=5, max_hold=40)),
    ("an easier step named but not there", variant(easier="Shoulder roll")),
    ("a step easier than itself", variant(easier="Neck tilt")),
    ("a translated step that is not there", translated(steps={"Neck tlit": {"name": "N"}})),
    (
        "a translation into the routine's own language",
        variant({"translations": {"en": {"name": "Schema check"}}}),
    ),
    (
        "an easier step with its own easier step",
        variant(easier={"name": "Chin tuck", "hold": 10, "easier": "Shoulder rolls"}),
    ),
    ("a text duration out of range (ranges of text are not patterns)", variant(hold="2h")),
    ("a whole-valued float (JSON Schema counts 30.0 as an integer)", variant(hold=30.0)),
    ("a key given twice (gone once parsed)", "name: a\nname: b\nsteps:\n  - {name: x, hold: 5}\n"),
    ("an alias (expanded once parsed)", "name: &n a\nsteps:\n  - {name: *n, hold: 5}\n"),
    ("a figure neither bundled nor defined (names are the loader's)", variant(figure="cat-cows")),
    (
        "a figure's joints (the skeleton is the loader's)",
        variant({"figures": {"wave": {**WAVE, "keyframes": {"up": {"elbow": 20}}}}}),
    ),
]


@pytest.mark.parametrize(
    ("what", "text", "valid"), [pytest.param(*case, id=case[0]) for case in table_cases() + CORPUS]
)
def test_the_loader_and_the_schema_agree(what: str, text: str, valid: bool, tmp_path: Path) -> None:
    assert loader_accepts(text, tmp_path) is valid, what
    assert schema_accepts(text) is valid, what


@pytest.mark.parametrize(("what", "text"), [pytest.param(*c, id=c[0]) for c in BEYOND_SCHEMA])
def test_what_only_the_loader_can_tell(what: str, text: str, tmp_path: Path) -> None:
    assert not loader_accepts(text, tmp_path), what
    assert schema_accepts(text), what


def test_a_missing_sound_file_is_only_the_loaders_to_find(tmp_path: Path) -> None:
    text = variant(sounds={"start": "gong.wav"})
    assert schema_accepts(text)
    assert not loader_accepts(text, tmp_path)
    (tmp_path / "gong.wav").write_bytes((locations.bundled_sounds_dir() / "tick.wav").read_bytes())
    assert loader_accepts(text, tmp_path)


def test_every_key_of_the_format_table_is_in_the_schema() -> None:
    schema = routine_schema()
    step = schema["$defs"]["step"]
    assert list(schema["properties"]) == [k.name for k in ROUTINE_FORMAT]
    assert list(step["properties"]) == [k.name for k in STEP_FORMAT]
    defaults = schema["properties"]["defaults"]["properties"]
    assert list(defaults) == [k.name for k in DEFAULT_KEYS_FORMAT]
    for key in STEP_FORMAT:
        described = step["properties"][key.name]["description"]
        assert described.startswith(key.doc)
    assert schema["required"] == ["name", "steps"]
    assert step["required"] == ["name"]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(routine_schema())
    assert routine_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", sorted((ROOT / "routines").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_routine_validates_against_the_schema(path: Path) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


@pytest.mark.parametrize(
    "copy_path",
    [ROOT / "src" / "stretchtimer" / "routine.schema.json", ROOT / "docs" / "routine.schema.json"],
)
def test_the_shipped_copies_are_up_to_date(copy_path: Path) -> None:
    """If this fails: stretchtimer schema > PATH, for both copies."""
    assert copy_path.read_text(encoding="utf-8") == schema_text()


def test_schema_command_prints_it_and_says_where_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == routine_schema()
    assert main(["schema", "--path"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == locations.schema_file()
    assert json.loads(path.read_text()) == printed


def test_the_format_docs_name_every_key() -> None:
    """docs/routine-format.md lists the keys by hand; a key added to the table must join it."""
    keys_section = (ROOT / "docs" / "routine-format.md").read_text().split("## Keys")[1]
    keys_section = keys_section.split("\n## ")[0]
    for key in (*ROUTINE_FORMAT, *STEP_FORMAT):
        assert f"`{key.name}`" in keys_section, key.name
