"""``new`` and ``edit``: files made from the template or a copy, and the edit-check loop.

The editor is a stand-in: a small shell script that changes the file the way
a person would, so the real ``subprocess`` path is the one tested.
"""

from __future__ import annotations

import io
import stat
import sys
from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.cli import main
from stretchtimer.editing import (
    SCHEMA_COMMENT,
    EditError,
    Outcome,
    edit_until_valid,
    editor_command,
    with_schema_line,
)
from stretchtimer.loader import load_routine

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def script(folder: Path, body: str, name: str = "editor.sh") -> Path:
    """An executable stand-in editor; ``$1`` is the file it is given."""
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def user_file(name: str) -> Path:
    return locations.user_routines_dir() / f"{name}.yaml"


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Input is not a terminal unless a test says otherwise: nobody to ask."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


# ---------------------------------------------------------------- new
def test_new_writes_a_working_template_that_names_the_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "new", "lunch-break")
    path = user_file("lunch-break")
    assert code == 0
    assert f"Created {path}" in out
    assert f"{path}: ok (2 steps" in out
    first = path.read_text().splitlines()[0]
    assert first == f"{SCHEMA_COMMENT}{locations.schema_file()}"
    assert locations.schema_file().is_file()
    routine = load_routine(path)
    assert routine.name == "Lunch break"
    code, out, _ = run(capsys, "list")
    assert "lunch-break" in out and "(yours)" in out


def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new", "mine")[0] == 0
    user_file("mine").write_text("name: Mine\nsteps: [{name: x, hold: 5}]\n")
    code, _, err = run(capsys, "new", "mine")
    assert code == 1
    assert "already exists" in err and "stretchtimer edit mine" in err
    assert user_file("mine").read_text() == "name: Mine\nsteps: [{name: x, hold: 5}]\n"
    code, _, err = run(capsys, "new", "mine", "--from", "desk-break")
    assert code == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "bad", ["../escape", "a/b", ".hidden", "", "two words", "_under", "x" * 101]
)
def test_new_refuses_names_that_are_not_plain_file_names(
    bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "new", bad)
    assert code == 1
    assert err.startswith("stretchtimer: error:") and "cannot name a routine" in err
    assert not locations.user_routines_dir().exists() or not any(
        locations.user_routines_dir().iterdir()
    )


def test_new_from_a_bundled_routine_copies_it_with_the_schema_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, _ = run(capsys, "new", "my-desk", "--from", "desk-break")
    assert code == 0
    copy = user_file("my-desk").read_text()
    bundled = (locations.bundled_routines_dir() / "desk-break.yaml").read_text()
    assert copy.splitlines()[0].startswith(SCHEMA_COMMENT)
    assert copy.split("\n", 1)[1] == bundled
    assert (
        load_routine(user_file("my-desk")).name
        == load_routine(locations.bundled_routines_dir() / "desk-break.yaml").name
    )


def test_new_from_a_user_routine_replaces_its_schema_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "old.yaml").write_text(
        "# yaml-language-server: $schema=/gone/routine.schema.json\n"
        "name: Old\nsteps: [{name: x, hold: 5}]\n"
    )
    assert run(capsys, "new", "newer", "--from", "old")[0] == 0
    lines = user_file("newer").read_text().splitlines()
    assert lines[0] == f"{SCHEMA_COMMENT}{locations.schema_file()}"
    assert lines[1:] == ["name: Old", "steps: [{name: x, hold: 5}]"]


def test_new_from_nowhere_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", "x", "--from", "desk-brake")
    assert code == 1
    assert "did you mean 'desk-break'" in err
    assert not user_file("x").exists()


def test_with_schema_line_keeps_everything_else() -> None:
    assert with_schema_line("name: a\n").endswith("\nname: a\n")
    assert with_schema_line("").count("\n") == 1
    twice = with_schema_line(with_schema_line("name: a\n"))
    assert twice == with_schema_line("name: a\n")


# ---------------------------------------------------------------- edit
def test_edit_runs_the_editor_and_checks_the_result(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "new", "mine")
    monkeypatch.setenv("VISUAL", str(script(tmp_path, "sed -i 's/hold: 30s/hold: 45s/' \"$1\"")))
    code, out, _ = run(capsys, "edit", "mine")
    assert code == 0
    assert f"{user_file('mine')}: ok (2 steps" in out
    assert load_routine(user_file("mine")).steps[0].hold == 45


def test_a_broken_edit_is_shown_with_positions_and_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "new", "mine")
    monkeypatch.setenv("EDITOR", str(script(tmp_path, "sed -i 's/hold: 30s/hodl: 30s/' \"$1\"")))
    code, _, err = run(capsys, "edit", "mine")
    assert code == 1
    assert f"{user_file('mine')}:15:5: error: unknown key 'hodl'" in err
    assert "Kept" in err
    assert "hodl: 30s" in user_file("mine").read_text()  # nothing typed is lost


def test_edit_again_until_it_loads(tmp_path: Path) -> None:
    """The crontab -e loop: problems, 'edit again', a second editor run, then done."""
    target = tmp_path / "r.yaml"
    target.write_text("name: R\nsteps:\n  - name: x\n    hold: 5\n")
    runs = tmp_path / "runs"
    editor = script(
        tmp_path,
        f"echo run >> {runs}\n"
        f'if [ $(wc -l < {runs}) -eq 1 ]; then sed -i "s/hold: 5/hold: 0/" "$1"; '
        f'else sed -i "s/hold: 0/hold: 7/" "$1"; fi',
    )
    questions: list[str] = []
    said: list[str] = []

    def ask(question: str) -> str:
        questions.append(question)
        return "e\n"

    result = edit_until_valid(target, editor=[str(editor)], ask=ask, say=said.append)
    assert result.outcome is Outcome.VALID
    assert result.routine is not None and result.routine.steps[0].hold == 7
    assert len(questions) == 1 and "(e)" in questions[0] and "(k)" in questions[0]
    assert said == [f"{target}:4:11: error: 'hold' must be from 1s to 1h, not 0s"]
    assert runs.read_text().count("run") == 2


@pytest.mark.parametrize("answer", ["k\n", "keep\n", EOFError()])
def test_keep_leaves_the_file_as_the_editor_left_it(tmp_path: Path, answer: object) -> None:
    target = tmp_path / "r.yaml"
    target.write_text("name: R\nsteps:\n  - name: x\n    hold: 5\n")
    editor = script(tmp_path, 'echo "  - oops" >> "$1"')

    def ask(_question: str) -> str:
        if isinstance(answer, EOFError):
            raise answer
        return str(answer)

    result = edit_until_valid(target, editor=[str(editor)], ask=ask, say=lambda _: None)
    assert result.outcome is Outcome.KEPT
    assert result.problems and result.problems[0].startswith(f"{target}:5:5: error:")
    assert target.read_text().endswith("  - oops\n")


def test_editing_a_bundled_routine_edits_a_copy_of_your_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = locations.bundled_routines_dir() / "desk-break.yaml"
    before = bundled.read_text()
    monkeypatch.setenv(
        "VISUAL", str(script(tmp_path, "sed -i 's/^name: .*/name: My desk/' \"$1\""))
    )
    code, out, _ = run(capsys, "edit", "desk-break")
    assert code == 0
    assert "desk-break is bundled: editing your own copy" in out
    assert bundled.read_text() == before
    assert load_routine(user_file("desk-break")).name == "My desk"
    code, out, _ = run(capsys, "show", "desk-break")
    assert out.startswith("My desk")


def test_edit_of_an_unknown_routine_points_at_new(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "edit", "nothing-here")
    assert code == 1
    assert "stretchtimer new nothing-here" in err


def test_an_editor_that_fails_is_reported_and_the_file_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "new", "mine")
    monkeypatch.setenv("VISUAL", str(script(tmp_path, "exit 3")))
    code, out, err = run(capsys, "edit", "mine")
    assert code == 0
    assert "editor exited with status 3" in err
    assert ": ok (" in out
    monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
    code, _, err = run(capsys, "edit", "mine")
    assert code == 1
    assert "cannot run the editor" in err and "Traceback" not in err


def test_the_editor_is_visual_then_editor_then_a_fallback(tmp_path: Path) -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert editor_command({"VISUAL": " ", "EDITOR": "nano -w"}) == ["nano", "-w"]
    script(tmp_path, "true", name="nano")
    assert editor_command({"PATH": str(tmp_path)}) == [str(tmp_path / "nano")]
    with pytest.raises(EditError, match="set VISUAL or EDITOR"):
        editor_command({"PATH": str(tmp_path / "empty")})
