"""``edit`` through the real command in a real terminal, and the picker handing it over.

The editor is a stand-in script that waits for a line typed on the terminal
before it changes the file, so these tests also show that the editor really
had the terminal (and, from the picker, that the app had let go of it).
"""

from __future__ import annotations

import stat
from pathlib import Path

from harness import Tmux, stretchtimer_command

ROUTINE = "name: Tmux edit\nsteps:\n  - name: Neck tilt\n    hold: 20\n"


def routine_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "config" / "stretchtimer" / "routines"
    folder.mkdir(parents=True)
    return folder


def editor_script(tmp_path: Path) -> Path:
    """First run: breaks the hold; later runs: mends it. Each waits for a typed line."""
    runs = tmp_path / "editor-runs"
    path = tmp_path / "stand-in-editor"
    path.write_text(
        "#!/bin/sh\n"
        f"echo run >> {runs}\n"
        "printf 'STAND-IN EDITOR> '\n"
        "read typed\n"
        f'if [ "$(wc -l < {runs})" -eq 1 ]; then sed -i "s/hold: 20/hold: 0/" "$1"\n'
        'else sed -i "s/hold: 0/hold: 40/" "$1"; fi\n',
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_edit_shows_problems_and_edits_again_until_the_file_loads(
    server: Tmux, tmp_path: Path
) -> None:
    folder = routine_folder(tmp_path)
    (folder / "mine.yaml").write_text(ROUTINE, encoding="utf-8")
    command = stretchtimer_command(
        tmp_path, "edit", "mine", env={"VISUAL": str(editor_script(tmp_path))}
    )
    server.start(command)
    server.wait_for("STAND-IN EDITOR>")
    server.keys("done", "Enter")
    server.wait_for("Edit again (e) or keep the file as it is (k)?")
    assert "mine.yaml:4:11: error: 'hold' must be from 1s to 1h, not 0s" in server.screen(
        joined=True
    )
    server.keys("e", "Enter")
    server.wait_until(
        lambda screen: screen.count("STAND-IN EDITOR>") == 2,
        read=lambda: server.screen(joined=True),  # long paths wrap at 80 columns
        what="the editor again",
    )
    server.keys("done", "Enter")
    server.wait_for("stretchtimer exited with 0")
    assert "mine.yaml: ok (1 step, 0:45)" in server.screen(joined=True)
    assert "hold: 40" in (folder / "mine.yaml").read_text()


def test_keep_leaves_the_broken_file_and_exits_1(server: Tmux, tmp_path: Path) -> None:
    folder = routine_folder(tmp_path)
    (folder / "mine.yaml").write_text(ROUTINE, encoding="utf-8")
    command = stretchtimer_command(
        tmp_path, "edit", "mine", env={"VISUAL": str(editor_script(tmp_path))}
    )
    server.start(command)
    server.wait_for("STAND-IN EDITOR>")
    server.keys("done", "Enter")
    server.wait_for("Edit again (e) or keep the file as it is (k)?")
    server.keys("k", "Enter")
    screen = server.wait_for("stretchtimer exited with 1")
    assert "Kept" in screen
    assert "hold: 0" in (folder / "mine.yaml").read_text()


def test_the_picker_hands_the_terminal_to_the_editor_and_comes_back(
    server: Tmux, tmp_path: Path
) -> None:
    folder = routine_folder(tmp_path)
    (tmp_path / "editor-runs").write_text("run\n")  # so the stand-in mends at once
    (folder / "mine.yaml").write_text(ROUTINE.replace("hold: 20", "hold: 0"), encoding="utf-8")
    command = stretchtimer_command(tmp_path, "--mute", env={"VISUAL": str(editor_script(tmp_path))})
    server.start(command)
    server.wait_for("Choose a routine", "mine  user  broken")
    # after back-and-hips, desk-break, full-upper-back and the two micro routines
    server.keys("Down", "Down", "Down", "Down", "Down")
    server.wait_for("mine cannot be used")
    server.keys("e")
    server.wait_for("STAND-IN EDITOR>", gone="Choose a routine")
    server.keys("done", "Enter")
    screen = server.wait_for("Choose a routine", "Tmux edit", "mine: saved, 1 step.")
    assert "mine  user  broken" not in screen
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")
