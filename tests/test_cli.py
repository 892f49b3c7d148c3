"""The command line as a person uses it: output, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.cli import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted(p.stem for p in (ROOT / "routines").glob("*.yaml"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def user_routine(name: str, text: str) -> Path:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_list_names_shows_every_bundled_routine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--names")
    assert code == 0
    assert out.split() == BUNDLED
    assert "desk-break" in BUNDLED and len(BUNDLED) >= 5


def test_list_shows_steps_and_total_time(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    line = next(line for line in out.splitlines() if line.startswith("desk-break "))
    assert code == 0
    assert line.split()[1:] == ["5", "steps", "4:57"]  # as the picker and the clock write it


def test_list_counts_one_step_in_the_singular(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine("single", "name: Single\nsteps:\n  - name: Reach\n    hold: 20s\n")
    code, out, _ = run(capsys, "list")
    line = next(line for line in out.splitlines() if line.startswith("single "))
    assert code == 0
    assert " 1 step " in line and "steps" not in line


def test_user_routines_are_listed_and_broken_ones_say_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_routine("mine", "name: Mine\nsteps:\n  - name: Reach\n    hold: 20s\n")
    user_routine("oops", "name: Oops\nsteps:\n  - name: Reach\n    hodl: 20s\n")
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "mine" in out and "(yours)" in out
    oops = next(line for line in out.splitlines() if line.startswith("oops"))
    assert "broken:" in oops and "did you mean 'hold'?" in oops


def test_show_prints_every_step_and_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine(
        "two",
        "name: Two\ncaution: Go gently.\nsteps:\n  - name: Neck\n    hold: 1m\n    sets: 2\n"
        "    sides: both\n    switch: 2s\n    prepare: 0\n",
    )
    code, out, _ = run(capsys, "show", "two")
    assert code == 0
    assert "Caution: Go gently." in out
    assert " 1. Neck: 1:00 hold · 2 sets · each side  [4:06]" in out
    assert "Total: 4:06 in 1 step" in out


def test_show_json_gives_the_plan_and_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "desk-break", "--json")
    plan = json.loads(out)
    assert code == 0
    assert plan["name"] and plan["steps"]
    assert plan["total_seconds"] == plan["timeline"][-1]["start"] + plan["timeline"][-1]["seconds"]
    for step in plan["steps"]:
        assert {"name", "kind", "hold", "reps", "sets", "sides"} <= step.keys()
        assert (step["hold"] is None) != (step["reps"] is None)
        assert isinstance(step["sides"], list)


def test_show_json_fields_are_a_contract(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "desk-break", "--json")
    plan = json.loads(out)
    assert list(plan) == [
        "name",
        "description",
        "caution",
        "source",
        "total_seconds",
        "steps",
        "timeline",
    ]
    assert list(plan["steps"][0]) == [
        "name",
        "kind",
        "hold",
        "reps",
        "sets",
        "sides",
        "prepare",
        "rest",
        "switch",
        "rep_time",
        "seconds",
        "instructions",
        "targets",
        "tip",
        "figure",
        "adapted",
        "skip",
    ]
    assert list(plan["timeline"][0]) == [
        "step",
        "kind",
        "start",
        "seconds",
        "set",
        "sets",
        "side",
        "reps",
    ]
    assert plan["timeline"][0]["kind"] == "prepare"


def test_show_json_never_prints_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "sneaky.yaml"
    name = "Sneaky\x1b[2J\x9b31m\x7f break"
    path.write_text(
        f'name: "{name.encode("unicode_escape").decode()}"\nsteps:\n  - name: Neck\n    hold: 5s\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "show", str(path), "--json")
    assert code == 0
    assert not any((ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in out)
    # Decoded, the name still holds no control character: it is kept in its visible form.
    assert json.loads(out)["name"] == "Sneaky␛[2J\ufffd31m␡ break"


def test_the_desk_break_takes_about_five_minutes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "desk-break", "--json")
    plan = json.loads(out)
    assert 270 <= plan["total_seconds"] <= 330
    assert all(step["kind"] in ("stretch", "warmup") for step in plan["steps"])


def test_validate_accepts_every_bundled_routine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", *BUNDLED)
    assert code == 0, err
    assert out.count(": ok (") == len(BUNDLED)


def test_validate_reports_each_problem_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Bad\nsteps:\n  - name: A\n    hodl: 5\n    sets: 0\n")
    code, out, err = run(capsys, "validate", "desk-break", str(bad), "no-such-routine")
    assert code == 1
    assert "desk-break.yaml: ok" in out
    assert f"{bad}:4:5: error: unknown key 'hodl' in step 1 (did you mean 'hold'?)" in err
    assert f"{bad}:5:11: error: 'sets' must be from 1 to 20, not 0" in err
    assert "error: no routine named 'no-such-routine'" in err


def test_an_unknown_name_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "run", "desk-brake")
    assert code == 1
    assert "did you mean 'desk-break'?" in err


def test_usage_mistakes_exit_1_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 1 and "usage: stretchtimer" in err
    code, _, err = run(capsys, "run", "desk-break", "--volume", "150")
    assert code == 1 and "outside 0 to 100" in err


def test_a_user_file_shadows_the_bundled_one(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine("desk-break", "name: My own desk break\nsteps:\n  - name: A\n    hold: 5\n")
    _, out, _ = run(capsys, "show", "desk-break")
    assert out.startswith("My own desk break")


def test_a_broken_config_file_warns_and_carries_on(capsys: pytest.CaptureFixture[str]) -> None:
    locations.config_dir().mkdir(parents=True, exist_ok=True)
    locations.config_file().write_text("volume = 'loud'\n")
    code, out, err = run(capsys, "list", "--names")
    assert code == 0 and "desk-break" in out
    assert "warning:" in err and "'volume' must be a whole number" in err


def test_the_real_command_never_shows_a_traceback(tmp_path: Path) -> None:
    hostile = tmp_path / "bomb.yaml"
    hostile.write_bytes(b"a: &a [1]\nb: [*a, *a]\n\xff\xfe")
    for args in (["validate", str(hostile)], ["run", str(hostile)], ["show", str(tmp_path)]):
        done = subprocess.run(
            [sys.executable, "-m", "stretchtimer", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "c")},
        )
        assert done.returncode == 1, done
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().startswith((str(hostile), str(tmp_path), "stretchtimer:"))


def test_the_wheel_carries_the_bundled_routines_and_sounds(tmp_path: Path) -> None:
    """``pip install .`` elsewhere still finds the bundled routines and sounds."""
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if built.returncode != 0 and "No matching distribution" in built.stderr:
        pytest.skip("the build backend cannot be fetched here")
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("stretchtimer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {f"stretchtimer/routines/{n}.yaml" for n in BUNDLED} <= set(names)
    themes = [p.name for p in (ROOT / "sounds").iterdir() if p.is_dir()]
    assert len(themes) >= 2
    for theme in themes:
        for cue in (ROOT / "sounds" / theme).glob("*.wav"):
            assert f"stretchtimer/sounds/{theme}/{cue.name}" in names
    assert "stretchtimer/routine.schema.json" in names
    assert "stretchtimer/figures/library/cat-cow.yaml" in names  # the figures `show` draws
    catalogs = {p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src").rglob("*.mo")}
    assert "stretchtimer/locale/de/LC_MESSAGES/stretchtimer.mo" in catalogs
    assert catalogs <= set(names)  # the languages, compiled: a wheel is not built from .po
    # The bundled routines and figures, compiled: a start of one reads no YAML.
    assert {"stretchtimer/bundled_routines.msgpack", "stretchtimer/figures/library.msgpack"} <= set(
        names
    )
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def installed(code: str) -> subprocess.CompletedProcess[str]:
        """``code`` run by a Python that finds stretchtimer only where it was installed."""
        return subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=elsewhere,
            env={**os.environ, "PYTHONPATH": str(target)},
        )

    done = installed(
        "import stretchtimer, sys; from stretchtimer.cli import main;"
        "print(stretchtimer.__file__); sys.exit(main(['list', '--names']))"
    )
    assert done.returncode == 0, done.stderr
    first, *listed = done.stdout.split()
    assert first.startswith(str(target))
    assert listed == BUNDLED
    # Installed, the compiled data is the YAML's (the same checksum): it is used.
    started = installed(
        "import sys; from stretchtimer import catalog; routine = catalog.load('desk-break');"
        "[routine.figure_for(i) for i in range(len(routine.steps))];"
        "print(routine.source, 'yaml' in sys.modules)"
    )
    assert started.returncode == 0, started.stderr
    source, read_yaml = started.stdout.split()
    assert (source.startswith(str(target)), read_yaml) == (True, "False")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, None, None)),
        (["--mute"], (True, None, None)),
        (["--volume", "30", "--voice"], (None, 30, True)),
        (["run", "desk-break", "--mute", "--volume", "5"], (True, 5, None)),
        (["--mute", "run", "desk-break"], (True, None, None)),
        (["--volume", "20", "pick"], (None, 20, None)),
    ],
)
def test_sound_options_work_with_and_without_a_command(
    argv: list[str], expected: tuple[object, ...]
) -> None:
    from stretchtimer.cli import build_parser

    args = build_parser().parse_args(argv)
    assert (args.mute, args.volume, args.voice) == expected


@pytest.mark.parametrize(
    "argv", [["run", "desk-break", "--mute", "--resume"], ["pick", "--volume", "40"]]
)
def test_a_session_command_parses_as_with_every_command(argv: list[str]) -> None:
    from stretchtimer.cli import build_parser

    assert vars(build_parser(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_a_session_by_name_builds_no_other_command_group() -> None:
    from fresh_imports import loaded_after

    from stretchtimer.cli import GROUPS

    started = ("session", "control", "completion")  # imported by the command line itself
    others = [f"stretchtimer.cli.{name}" for name in GROUPS if name not in started]
    probe = "from stretchtimer.cli import build_parser\nbuild_parser({argv!r})"
    assert loaded_after(probe.format(argv=["run", "desk-break"]), others) == []
    # The same probe sees the groups a command needs: the line above cannot pass by looking nowhere.
    assert "stretchtimer.cli.routines" in loaded_after(probe.format(argv=["list"]), others)
