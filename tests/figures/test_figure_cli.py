"""``stretchtimer figures``, ``show`` with figures and ``show --json`` naming them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.cli import main
from stretchtimer.figures.library import library_names


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def braille(text: str) -> int:
    return sum(1 for c in text if 0x2801 <= ord(c) <= 0x28FF)


def test_figures_lists_every_figure_with_its_description(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "figures")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(library_names())
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)


def test_figures_name_draws_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "figures", "cat-cow")
    assert code == 0
    assert out.startswith("cat-cow: On hands and knees")
    assert braille(out) > 100
    _, right, _ = run(capsys, "figures", "cat-cow", "--side", "right")
    assert braille(right) == braille(out) and right != out


def test_an_unknown_figure_is_an_error_with_a_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "figures", "wall-strech")
    assert code == 1 and out == ""
    assert err.startswith("stretchtimer: error: no figure called 'wall-strech'")
    assert "(did you mean 'wall-stretch'?)" in err


def test_show_draws_each_steps_figure_beside_its_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "desk-break")
    assert code == 0
    blocks = out.split("\n\n")[1:]
    steps = [block for block in blocks if block[:3].strip().rstrip(".").isdigit()]
    assert len(steps) == 5
    for block in steps:
        assert braille(block) > 20, block
        assert all(len(line) <= 80 for line in block.splitlines())
    assert " 1. Shoulder roll: 0:08 hold · 3 sets  [0:40]" in out
    assert "    1. Sit tall near the front of your chair" in out


def test_show_leaves_out_figures_for_steps_without_one(capsys: pytest.CaptureFixture[str]) -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plain.yaml").write_text("name: Plain\nsteps:\n  - name: Neck\n    hold: 5s\n")
    code, out, _ = run(capsys, "show", "plain")
    assert code == 0 and braille(out) == 0


def test_show_json_names_each_steps_figure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "upper-back-floor", "--json")
    assert code == 0
    figures = [step["figure"] for step in json.loads(out)["steps"]]
    assert figures[:3] == ["cat-cow", "thread-the-needle", "toe-sitting-forward-bend"]
    assert all(name in library_names() for name in figures)


def test_show_json_gives_null_for_a_step_without_a_figure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text("name: Plain\nsteps:\n  - name: Neck\n    hold: 5s\n")
    _, out, _ = run(capsys, "show", str(path), "--json")
    assert json.loads(out)["steps"][0]["figure"] is None


def test_validate_reports_an_unknown_figure_at_its_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: Bad\nsteps:\n  - name: A\n    hold: 5\n    figure: cat-coww\n")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert err.strip() == (
        f"{path}:5:13: error: unknown figure 'cat-coww' (did you mean 'cat-cow'?); "
        "'stretchtimer figures' lists the bundled ones"
    )


def test_the_real_command_draws_without_a_utf_8_locale_without_failing(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "figures", "cat-cow"],
        capture_output=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 0, done.stderr
    assert b"needs a UTF-8 terminal" in done.stdout and b"Traceback" not in done.stderr
