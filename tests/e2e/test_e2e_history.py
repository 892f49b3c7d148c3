"""History through the real command: a closed terminal, then ``--resume``."""

from __future__ import annotations

import os
from pathlib import Path

from harness import Tmux, history_rows, stretchtimer_command

ROUTINE = """\
name: Resume check
defaults:
  prepare: 0
  rest: 0
steps:
  - name: First reach
    hold: 1
  - name: Second reach
    hold: 60
  - name: Third reach
    hold: 60
"""


def test_a_closed_terminal_leaves_an_interrupted_session_to_resume(
    server: Tmux, tmp_path: Path
) -> None:
    routine = tmp_path / "resume-check.yaml"
    routine.write_text(ROUTINE)
    server.start(stretchtimer_command(tmp_path, "run", str(routine), "--mute"))
    server.wait_for("Second reach", "step 2 of 3")
    server.close()  # the terminal goes away mid-step

    (session,) = history_rows(tmp_path)
    assert session["status"] == "interrupted"
    assert session["completed"] == 1

    command = stretchtimer_command(tmp_path, "run", str(routine), "--mute", "--resume")
    server.start(command)
    server.wait_for("Second reach", "step 2 of 3")
    server.keys("n")
    server.wait_for("Third reach", "step 3 of 3")
    server.keys("q")
    server.wait_for("End this session?")
    server.keys("y")
    server.wait_for("Resume check — stopped early")
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")

    newest, oldest = history_rows(tmp_path)
    assert oldest["status"] == "resumed"
    assert newest["status"] == "quit"
    assert newest["start_step"] == 1
    # Step 2 skipped at once; step 3 left within seconds (partial on a very slow machine).
    assert newest["completed"] == 0
    assert newest["skipped"] + newest["partial"] == 2  # type: ignore[operator]


def test_a_history_file_replaced_mid_session_is_noticed_and_the_session_kept(
    server: Tmux, tmp_path: Path
) -> None:
    routine = tmp_path / "resume-check.yaml"
    routine.write_text(ROUTINE)
    server.start(stretchtimer_command(tmp_path, "run", str(routine), "--mute"))
    server.wait_for("Second reach", "step 2 of 3")
    db = tmp_path / "data" / "stretchtimer" / "history.db"
    incoming = db.with_name("incoming")
    incoming.write_bytes(b"someone else's file " * 100)
    os.replace(incoming, db)  # as a sync tool or a restore from backup would
    server.keys("n")  # leaving step 2 writes it, and finds the file changed
    screen = server.wait_for("Third reach", "History")
    assert "replaced" in screen
    server.keys("q")
    server.wait_for("End this session?")
    server.keys("y")
    server.wait_for("stopped early")
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")

    (session,) = history_rows(tmp_path)
    assert session["status"] == "quit"
    assert session["completed"] == 1
    assert len(session["steps"]) == 3  # type: ignore[arg-type]
    moved = [p.name for p in db.parent.iterdir() if ".corrupt-" in p.name]
    assert any(not name.endswith(("-wal", "-shm")) for name in moved)


def test_taking_all_the_time_away_completes_nothing(server: Tmux, tmp_path: Path) -> None:
    routine = tmp_path / "resume-check.yaml"
    routine.write_text(ROUTINE.replace("hold: 1\n", "hold: 30\n"))
    server.start(stretchtimer_command(tmp_path, "run", str(routine), "--mute"))
    server.wait_for("First reach", "step 1 of 3")
    server.keys(*["minus"] * 30)  # a burst, as when the key is held down
    screen = server.wait_for("Resume check — 0 done, 3 skipped")
    assert "Completed: 0" in screen and "Skipped: 3" in screen
    assert "all done" not in screen
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")

    (session,) = history_rows(tmp_path)
    assert (session["completed"], session["partial"], session["skipped"]) == (0, 0, 3)
