"""Tab completion in a real bash (tmux): the script that ``completion bash`` prints, eval'ed."""

from __future__ import annotations

import sys
from pathlib import Path

from harness import Tmux, user_environment


def _line_reads(server: Tmux, text: str) -> None:
    """Until the line being typed (the pane's last) reads ``text``, the cursor a space past it."""
    server.wait_until(
        lambda screen: (
            [line for line in screen.splitlines() if line][-1] == text
            and server.show("cursor_x") == str(len(text) + 1)
        ),
        what=f"the line to read {text!r}",
    )


def test_tab_completes_a_routine_name_and_a_command_in_bash(server: Tmux, tmp_path: Path) -> None:
    # The command as an installed one is found: by name, on PATH.
    path = f"{Path(sys.executable).parent}:/usr/bin:/bin"
    server.start(
        f"{user_environment(tmp_path, {'PATH': path, 'PS1': '$ '})} bash --norc --noprofile -i",
        size=(80, 10),
    )
    server.type('eval "$(stretchtimer completion bash)"; echo "completion $?"')
    server.keys("Enter")
    server.wait_for("completion 0")

    server.type("stretchtimer run desk-b")
    server.keys("Tab")
    _line_reads(server, "$ stretchtimer run desk-break")

    server.keys("C-u")
    server.type("stretchtimer fig")
    server.keys("Tab")
    _line_reads(server, "$ stretchtimer figures")

    # A routine written a moment ago completes too: names are read when Tab is pressed.
    server.keys("C-u")
    routines = tmp_path / "config" / "stretchtimer" / "routines"
    routines.mkdir(parents=True)
    (routines / "zz-mine.yaml").write_text("")
    server.type("stretchtimer show zz")
    server.keys("Tab")
    _line_reads(server, "$ stretchtimer show zz-mine")
