"""A private tmux server: real terminals for the apps under test.

The benchmark runs each app in a detached 80x24 tmux window, so it draws to a
real terminal emulator exactly as it would for a person, and reads the screen
back with ``capture-pane``. The server uses its own socket and no config file,
so it neither sees nor disturbs anyone's tmux, and it stays up between runs
(``exit-empty off``) so starting a server is not billed to the first app.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

WIDTH = 80
HEIGHT = 24


class TmuxError(RuntimeError):
    pass


class Tmux:
    def __init__(self, socket_name: str) -> None:
        if shutil.which("tmux") is None:
            raise TmuxError("tmux is not installed (apt-get install tmux)")
        self.socket_name = socket_name

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket_name, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        if check and done.returncode != 0:
            raise TmuxError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self) -> None:
        self.run("start-server", ";", "set-option", "-g", "exit-empty", "off")

    def stop(self) -> None:
        """Stop the server and remove its socket, which tmux leaves behind."""
        self.run("kill-server", check=False)
        self.socket_path().unlink(missing_ok=True)

    def socket_path(self) -> Path:
        """Where tmux puts a ``-L`` socket: ``$TMUX_TMPDIR`` (or /tmp), then tmux-UID."""
        base = os.environ.get("TMUX_TMPDIR") or "/tmp"
        return Path(base) / f"tmux-{os.getuid()}" / self.socket_name

    def new_session(
        self, name: str, command: str, cwd: str, *, width: int = WIDTH, height: int = HEIGHT
    ) -> None:
        """Start ``command`` (a shell command line) detached, in an 80x24 window by default."""
        self.run(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            cwd,
            command,
        )

    def capture(self, name: str) -> str:
        """The window's visible text, or "" once it has gone."""
        return self.run("capture-pane", "-p", "-t", name, check=False)

    def send_keys(self, name: str, *keys: str) -> None:
        self.run("send-keys", "-t", name, *keys, check=False)

    def kill_session(self, name: str) -> None:
        self.run("kill-session", "-t", name, check=False)

    def has_session(self, name: str) -> bool:
        done = subprocess.run(
            ["tmux", "-L", self.socket_name, "-f", os.devnull, "has-session", "-t", name],
            capture_output=True,
            check=False,
        )
        return done.returncode == 0
