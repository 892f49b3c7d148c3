"""Routine files: what loads, and what a person is told when it does not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchtimer import yamlsafe
from stretchtimer.loader import RoutineError, load_routine, load_text
from stretchtimer.routine import Step, StepKind
from stretchtimer.session.timeline import compile_timeline

GOOD = """\
name: Desk break
description: A short one.
caution: Stop if it hurts.
defaults:
  prepare: 5s
  rest: 10s
  switch: 2s
  rep_time: 3s
steps:
  - name: Neck flexion
    hold: 1m
    sets: 2
    sides: both
    prepare: 0
    instructions:
      - Sit tall.
      - Let your chin drop.
    targets: [neck]
    tip: Breathe out as you drop.
  - name: Shoulder rolls
    kind: warmup
    reps: 10
"""


def write(tmp_path: Path, text: str | bytes, name: str = "routine.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def errors(tmp_path: Path, text: str | bytes) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    prefix = f"{path}:"
    lines = info.value.lines()
    assert all(line.startswith(prefix) for line in lines), lines
    return [line[len(prefix) :] for line in lines]


# ---------------------------------------------------------------- the good case
def test_a_complete_file_loads_with_defaults_applied(tmp_path: Path) -> None:
    routine = load_routine(write(tmp_path, GOOD))
    neck, rolls = routine.steps
    assert routine.name == "Desk break"
    assert routine.caution == "Stop if it hurts."
    assert (neck.hold, neck.sets, neck.sides, neck.prepare, neck.switch) == (
        60,
        2,
        ("left", "right"),
        0,
        2,
    )
    assert neck.instructions == ("Sit tall.", "Let your chin drop.")
    assert (rolls.kind, rolls.hold, rolls.reps, rolls.rep_time) == (StepKind.WARMUP, None, 10, 3)
    timeline = compile_timeline(routine)
    assert timeline.step_seconds(0) == 246 + 10


def test_a_step_without_timings_times_like_one_built_in_code(tmp_path: Path) -> None:
    """A file and the code agree on what an unset prepare, rest, switch or pace means."""
    loaded = load_routine(write(tmp_path, "name: A\nsteps:\n  - name: B\n    reps: 4\n"))
    built = Step(name="B", hold=None, reps=4)
    timings = ("prepare", "rest", "switch", "rep_time")
    assert [getattr(loaded.steps[0], k) for k in timings] == [getattr(built, k) for k in timings]
    assert loaded.steps[0].rest > 0 and loaded.steps[0].rep_time > 0


# ---------------------------------------------------------------- errors with positions
def test_every_problem_is_reported_at_once_with_line_and_column(tmp_path: Path) -> None:
    text = """\
name: Test
defaults:
  prepare: 5x
steps:
  - name: Neck
    hodl: 30s
    sides: [left, rigth]
  - name: Roll
    hold: 10
    reps: 5
    kind: stretchy
  - hold: 2h
"""
    assert errors(tmp_path, text) == [
        "3:12: error: 'prepare' must be a duration like 30, '45s', '2m' or '1m30s', not '5x'",
        "6:5: error: unknown key 'hodl' in step 1 (did you mean 'hold'?)",
        "7:19: error: unknown side 'rigth' (did you mean 'right'?); sides are left and right",
        "10:5: error: step 2 gives both 'hold' and 'reps'; keep one of them",
        "11:11: error: 'kind' must be one of stretch, warmup, not 'stretchy' "
        "(did you mean 'stretch'?)",
        "12:5: error: step 3 has no 'name'",
        "12:11: error: 'hold' must be from 1s to 1h, not 2h",
    ]


def test_a_missing_key_is_reported_when_nothing_resembles_it(tmp_path: Path) -> None:
    assert errors(tmp_path, "name: A\nsteps:\n  - name: B\n    sets: 2\n") == [
        "3:5: error: step 1 needs 'hold' (how long) or 'reps' (how many)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: A\nsteps:\n  - name: B\n    hold: 5\n    hold: 6\n",
            "5:5: error: duplicate key 'hold'",
        ),
        ("- name: A\n", "1:1: error: the top level must be a mapping"),
        ("name: A\n", "1:1: error: the routine has no 'steps'"),
        ("steps:\n  - name: B\n    hold: 5\n", "1:1: error: the routine has no 'name'"),
        ("name: A\nsteps: []\n", "2:1: error: 'steps' is empty"),
        ("name: A\nsteps: lots\n", "2:8: error: 'steps' must be a list"),
        ("name: A\nsteps:\n  - just a string\n", "3:5: error: step 1 must be a mapping"),
        (
            "name: A\nsteps:\n  - name: B\n    reps: 0\n",
            "4:11: error: 'reps' must be from 1 to 500",
        ),
        (
            "name: A\nsteps:\n  - name: B\n    reps: ten\n",
            "4:11: error: 'reps' must be a whole number",
        ),
        (
            "name: A\nsteps:\n  - name: B\n    hold: 5\n    sets: 21\n",
            "5:11: error: 'sets' must be from 1 to 20",
        ),
        (
            "name: A\nsteps:\n  - name: B\n    hold: 5\n    sides: []\n",
            "5:12: error: 'sides' must be",
        ),
        (
            "name: A\nsteps:\n  - name: B\n    hold: 5\n    sides: [left, left]\n",
            "side 'left' is listed twice",
        ),
        (
            "name: A\nsteps:\n  - name: B\n    hold: 5\n    rest: 11m\n",
            "'rest' must be from 0s to 10m",
        ),
        (
            "name:\nsteps:\n  - name: B\n    hold: 5\n",
            "1:6: error: 'name' must be text, not nothing",
        ),
        (
            "name: A\nversion: 2\nsteps:\n  - name: B\n    hold: 5\n",
            "2:10: error: this stretchtimer reads format version 1",
        ),
        (
            "name: A\nsteps:\n  - name: B\n    hold: 5\n    sounds: {beep: x}\n",
            "unknown key 'beep' in 'sounds'",
        ),
        (
            "name: A\nsteps:\n  - name: B\n    hold: 5\n    sounds: {start: nowhere.wav}\n",
            "nowhere.wav: no such file",
        ),
        (
            "name: A\nstep:\n  - name: B\n",
            "unknown key 'step' in the routine (did you mean 'steps'?)",
        ),
    ],
)
def test_mistakes_get_messages_that_say_what_to_fix(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert any(expected in line for line in errors(tmp_path, text)), errors(tmp_path, text)


# ---------------------------------------------------------------- hostile files
@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_build(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test as if PyYAML had been built with libyaml, and as if without it."""
    if request.param == "libyaml":
        if yamlsafe.FAST_LOADER is None:
            pytest.skip("this PyYAML was built without libyaml")
    else:
        monkeypatch.setattr(yamlsafe, "FAST_LOADER", None)
    return str(request.param)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "1:0"),
        (b"# only a comment\n", "the file is empty"),
        (b"name: caf\xe9\n", "1:10: error: byte 0xe9 is not valid UTF-8"),
        (b"name: a\x00b\n", "NUL byte"),
        (b"name: [unclosed\n", "error: YAML syntax"),
        (b"name: A\n\tsteps: 1\n", "error: YAML syntax"),
        (b"a: &x [1]\nb: *x\n", "1:4: error: anchor '&x' is not allowed"),
        (b"a: *x\n", "1:4: error: alias '*x' is not allowed"),
        (
            b"name: !!python/object/apply:os.system ['echo hi']\n",
            "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        ),
        (b"name: !custom x\n", "tag '!custom' is not allowed"),
        (b"name: A\n---\nname: B\n", "2:1: error: a routine file holds one document"),
        (b"[" * 5000 + b"]" * 5000, "nesting is deeper than 20 levels"),
        (b"name: A\nsteps:\n  - {? [a, b] : c}\n", "keys in step 1 must be plain words"),
    ],
)
def test_hostile_files_get_a_clear_error(
    tmp_path: Path, content: bytes, expected: str, yaml_build: str
) -> None:
    if content == b"":
        assert errors(tmp_path, content) == [
            " error: the file is empty; a routine needs 'name:' and 'steps:'"
        ]
        return
    found = errors(tmp_path, content)
    assert any(expected in line for line in found), found


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path, yaml_build: str) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    found = errors(tmp_path, "\n".join(lines) + "\n")
    assert found == ["1:5: error: anchor '&a0' is not allowed; routine files do not use anchors"]


def test_deep_nesting_gets_one_positioned_error_whatever_the_build(
    tmp_path: Path, yaml_build: str
) -> None:
    for opener, closer in ((b"[", b"]"), (b"{a: ", b"}")):
        found = errors(tmp_path, b"name: A\nsteps: " + opener * 5000 + closer * 5000)
        assert len(found) == 1, found
        assert found[0].startswith("2:"), found
        assert "nesting is deeper than 20 levels" in found[0], found


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    found = errors(tmp_path, b"name: A\n" + b"# padding\n" * 200_000)
    assert found == [" error: file is larger than 1024 KiB; a routine is far smaller"]


def test_unreadable_paths_are_reported(tmp_path: Path) -> None:
    with pytest.raises(RoutineError, match="no such file"):
        load_routine(tmp_path / "missing.yaml")
    with pytest.raises(RoutineError, match="is a folder"):
        load_routine(tmp_path)


def test_the_python_tag_never_runs_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"name: !!python/object/apply:os.system ['touch {marker}']\nsteps: []\n"
    with pytest.raises(RoutineError):
        load_text(text, tmp_path / "x.yaml")
    assert not marker.exists()


def test_a_routine_may_name_its_own_wav_sounds(tmp_path: Path) -> None:
    import wave

    with wave.open(str(tmp_path / "ding.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(8000)
        wav.writeframes(b"\x00\x00" * 800)
    write(tmp_path, "not a wav", "fake.wav")
    text = (
        "name: A\nsounds:\n  start: ding.wav\nsteps:\n  - name: B\n    hold: 5\n"
        "    sounds:\n      rest: fake.wav\n"
    )
    (problem,) = errors(tmp_path, text)
    assert problem.startswith(
        f"8:13: error: sound 'fake.wav' for 'rest': {tmp_path / 'fake.wav'}: "
        "not a readable PCM WAV file"
    )
    routine = load_routine(write(tmp_path, text.replace("rest: fake.wav", "rest: ding.wav")))
    assert routine.sounds["start"] == tmp_path / "ding.wav"
    assert routine.steps[0].sounds["rest"] == tmp_path / "ding.wav"


# ---------------------------------------------------------------- property-based
_keys = st.sampled_from(
    ["name", "steps", "hold", "reps", "sets", "sides", "kind", "defaults", "prepare", "x", "tip"]
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 5000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.sampled_from(["both", "left", "30s", "1m", "warmup", "stretch", "5x"]),
)
_documents = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(_keys, children, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_documents)
def test_any_document_loads_or_raises_routine_error(document: object) -> None:
    text = yaml.safe_dump(document)
    try:
        routine = load_text(text, Path("generated.yaml"))
    except RoutineError as error:
        assert error.problems
        assert all(line.startswith("generated.yaml") for line in error.lines())
    else:
        assert routine.steps and routine.name
        assert compile_timeline(routine).total_seconds > 0


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_loads_or_raises_routine_error(text: str) -> None:
    try:
        load_text(text, Path("typed.yaml"))
    except RoutineError as error:
        assert error.problems


def test_the_documented_example_is_a_valid_routine(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "routine-format.md").read_text()
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    routine = load_routine(write(tmp_path, example))
    assert [s.name for s in routine.steps] == [
        "Neck flexion",
        "Upper trapezius stretch",
        "Shoulder rolls",
    ]
    assert routine.steps[1].sides == ("left", "right")
    assert routine.steps[2].rest == 0


def test_a_file_with_thousands_of_problems_lists_twenty_and_how_many_more(
    tmp_path: Path,
) -> None:
    keys = "\n".join(f"        k{i}: [0, 0]" for i in range(10_000))
    path = tmp_path / "many.yaml"
    path.write_text(
        "name: Many\nfigures:\n  many:\n    description: x\n    view: front\n"
        f"    keyframes:\n      stand:\n{keys}\n"
        "steps:\n  - name: A\n    hold: 10s\n    figure: many\n"
    )
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    lines = caught.value.lines()
    assert len(caught.value.problems) > 10_000  # every one is still found
    assert len(lines) == 21
    assert all(": error: " in line for line in lines[:20])
    assert lines[-1] == f"{path}: and {len(caught.value.problems) - 20} more problems"
    assert "k0" in lines[1] and "k9999" not in "".join(lines)


def test_limits_and_easier_steps_load_and_their_mistakes_have_positions(tmp_path: Path) -> None:
    good = """\
name: Limits
steps:
  - name: Neck tilt
    hold: 20s
    max_hold: 40s
    easier: Chin tuck
  - name: Chin tuck
    hold: 10
  - name: Rolls
    reps: 8
    min_reps: 4
    easier: {name: Shrugs, reps: 5}
"""
    routine = load_routine(write(tmp_path, good))
    neck, tuck, rolls = routine.steps
    assert (neck.max_hold, neck.easier) == (40, tuck)
    assert rolls.min_reps == 4 and rolls.easier is not None and rolls.easier.reps == 5
    bad = """\
name: Limits
steps:
  - name: Neck tilt
    hold: 20s
    max_hold: 10s
    easier: Chin tuk
  - name: Chin tuck
    hold: 10
"""
    assert errors(tmp_path, bad) == [
        "5:5: error: 'max_hold' in step 1 is less than its 'hold'",
        "6:13: error: 'easier' in step 1 names no other step, nor a bundled one:"
        " 'Chin tuk' (did you mean 'Chin tuck'?)",
    ]
