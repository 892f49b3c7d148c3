"""The real command in tmux, with what a shell would see after it: status, echo, modes."""

from __future__ import annotations

import os
import shlex
import signal
import time
from pathlib import Path

from terminal import TIMEOUT, Tmux, history_rows, stretchtimer_command, user_environment

ROUTINE = Path(__file__).parent.parent / "tui" / "data" / "tmux-check.yaml"


def start_watched(
    server: Tmux,
    tmp_path: Path,
    *args: str,
    env: dict[str, str] | None = None,
    command: str | None = None,
) -> Path:
    """Start stretchtimer in a pane; after it, the pane prints its status and the tty's echo.

    Returns the file the app's process id is written to.
    """
    pid_file = tmp_path / "app.pid"
    command = command or stretchtimer_command(tmp_path, *args, env=env)
    inner = shlex.quote(f"echo $$ > {pid_file}; exec {command}")
    shell = (
        f"cd {tmp_path} && sh -c {inner}; "
        'echo "stretchtimer exited with $?"; '
        "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo | sed 's/^/tty /'; sleep 60"
    )
    server("new-session", "-d", "-s", "session", "-x", "100", "-y", "30", shell)
    return pid_file


def app_pid(pid_file: Path) -> int:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        text = pid_file.read_text().strip() if pid_file.exists() else ""
        if text:
            return int(text)
        time.sleep(0.05)
    raise AssertionError("the app never started")


def pane_modes(server: Tmux) -> dict[str, str]:
    names = ("alternate_on", "mouse_any_flag", "mouse_all_flag", "cursor_flag", "pane_title")
    out = server("display-message", "-p", "-t", "session", "|".join(f"#{{{n}}}" for n in names))
    return dict(zip(names, out.rstrip("\n").split("|"), strict=True))


def send_signal(pid_file: Path, number: signal.Signals) -> None:
    os.kill(app_pid(pid_file), number)


__all__ = ["ROUTINE", "history_rows", "user_environment"]
