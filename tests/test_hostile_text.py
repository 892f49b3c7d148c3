"""Routine text, file names and history rows never carry control codes past the core."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from stretchtimer import catalog
from stretchtimer.cli import main
from stretchtimer.history.commands import history_command, stats_command
from stretchtimer.loader import RoutineError, load_routine
from stretchtimer.safe_text import is_safe

TITLE = "\x1b]0;owned\x07"
WIPE = "\x1b[2J"
HOSTILE = f"{TITLE}Neck{WIPE}\u202e\x9b1m"


def _quoted(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode() + '"'


def hostile_routine(folder: Path, file_name: str = "hostile.yaml") -> Path:
    path = folder / file_name
    q = _quoted(HOSTILE)
    path.write_text(
        f"name: {q}\ndescription: {q}\ncaution: {q}\nsteps:\n"
        f"  - name: {q}\n    hold: 5s\n    tip: {q}\n    targets: [{q}]\n"
        f"    instructions:\n      - {q}\n      - {_quoted('line one' + chr(10) + WIPE)}\n",
        encoding="utf-8",
    )
    return path


def _no_controls(text: str) -> bool:
    return not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_every_text_a_routine_file_gives_is_safe_to_show(tmp_path: Path) -> None:
    routine = load_routine(hostile_routine(tmp_path))
    step = routine.steps[0]
    single_line = [routine.name, step.name, *step.targets]
    multi_line = [routine.description, routine.caution, step.tip, *step.instructions]
    assert all(is_safe(text) for text in single_line)
    assert all(text is not None and is_safe(text, multiline=True) for text in multi_line)
    assert routine.name.startswith("␛]0;owned␇Neck")  # visible, not dropped
    assert step.instructions[1] == "line one\n␛[2J"  # a line break in instructions stays


def test_a_figure_the_routine_defines_shows_only_safe_text(tmp_path: Path) -> None:
    q = _quoted(HOSTILE)
    path = tmp_path / "figured.yaml"
    path.write_text(
        "name: Figured\nfigures:\n  wave:\n"
        f"    description: {q}\n    view: front\n    keyframes:\n"
        f"      {q}: {{like: stand-front}}\n"
        "steps:\n  - {name: Wave, hold: 5, figure: wave}\n",
        encoding="utf-8",
    )
    figure = load_routine(path).figure_for(0)
    assert figure is not None
    assert is_safe(figure.description) and figure.description.startswith("␛]0;owned␇Neck")
    assert all(is_safe(keyframe.name) for keyframe in figure.keyframes)


def test_error_messages_quoting_the_file_are_safe(tmp_path: Path) -> None:
    path = tmp_path / f"bad{WIPE}.yaml"
    path.write_text(f"name: x\nsteps: []\n{_quoted(TITLE)}: 1\n", encoding="utf-8")
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    lines = caught.value.lines()
    assert any("unknown key '␛]0;owned␇'" in line for line in lines)
    assert all(is_safe(line) for line in lines)
    assert all("bad␛[2J.yaml" in line for line in lines)


def test_a_file_name_with_control_codes_lists_and_runs_by_its_visible_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    hostile_routine(folder, f"x{TITLE}.yaml")
    names = [entry.name for entry in catalog.discover(folder)]
    assert "x␛]0;owned␇" in names
    assert catalog.resolve("x␛]0;owned␇", folder).name == f"x{TITLE}.yaml"
    assert catalog.resolve(f"x{TITLE}", folder).name == f"x{TITLE}.yaml"


@pytest.mark.parametrize("args", [["list"], ["show", "hostile"], ["show", "hostile", "--json"]])
def test_commands_print_no_control_codes(
    args: list[str], isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = isolated_user_dirs / ".config" / "stretchtimer" / "routines"
    folder.mkdir(parents=True)
    hostile_routine(folder)
    hostile_routine(folder, f"named{WIPE}.yaml")
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert _no_controls(out) and _no_controls(err)
    assert "␛" in out  # the codes are there to be seen, made harmless
    if "--json" in args:
        assert _no_controls(json.dumps(json.loads(out), ensure_ascii=False))


def test_validate_and_unknown_names_quote_safely(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", f"nothing{WIPE}"]) == 1
    assert main(["validate", f"./missing{TITLE}.yaml"]) == 1
    out, err = capsys.readouterr()
    assert _no_controls(out + err)
    assert "nothing␛[2J" in err


def test_old_history_rows_with_control_codes_are_shown_safely(tmp_path: Path) -> None:
    from stretchtimer.history.store import open_store

    db = tmp_path / "history.db"
    store = open_store(db)
    with store.transaction():
        row = store.insert_session(
            routine=HOSTILE,
            routine_file=f"/r/{WIPE}.yaml",
            started_at="2025-03-12T09:00:00+00:00",
            start_step=0,
            step_count=1,
        )
    store.close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO steps (session_id, step_index, name, status, planned_seconds,"
            " actual_seconds, parts_done, parts_total, finished_at)"
            " VALUES (?, 0, ?, 'skipped', 30, 0, ?, 1, '2025-03-12T09:01:00+00:00')",
            (row, HOSTILE, json.dumps([WIPE])),
        )
    conn.close()
    for command in (
        lambda out: history_command(as_json=False, db_path=db, out=out),
        lambda out: history_command(as_json=True, db_path=db, out=out),
        lambda out: stats_command(db_path=db, out=out),
        lambda out: stats_command(as_json=True, db_path=db, out=out),
    ):
        out = io.StringIO()
        assert command(out) == 0
        assert _no_controls(out.getvalue()), out.getvalue()
    out = io.StringIO()
    history_command(as_json=True, db_path=db, out=out)
    (session,) = json.loads(out.getvalue())
    assert session["routine"].startswith("␛]0;owned␇Neck")
    assert _no_controls(json.dumps(session, ensure_ascii=False))
    out = io.StringIO()
    stats_command(as_json=True, db_path=db, out=out)
    stats = json.loads(out.getvalue())
    assert stats["most_skipped"][0]["name"].startswith("␛]0;owned␇Neck")
    assert _no_controls(json.dumps(stats, ensure_ascii=False))
