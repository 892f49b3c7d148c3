"""The one way the end-to-end tests drive the real command: a tmux pane of their own.

Each test has a tmux server with a socket of its own (``-L``), so no test touches
a person's sessions. A test starts one program in the server's pane at a size
(``Tmux.start``), waits until what the pane shows meets a condition
(``wait_until``, or ``wait_for`` some text), and types (``keys``). Waits poll;
nothing sleeps a fixed time for the app to catch up.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

#: How long a wait may take before the test fails, showing what the pane showed.
TIMEOUT = 15.0
#: Every server has one session, one window, one pane.
PANE = "session"
#: What a pane prints when its program ends.
EXITED = "stretchtimer exited with"
#: Routines made for driving the app by hand: long phases, so nothing moves on by itself.
DATA = Path(__file__).parent / "data"


class Tmux:
    """A tmux server of a test's own, with the test's folder as the pane's working folder."""

    def __init__(self, socket: str, folder: Path) -> None:
        self.socket = socket
        self.folder = folder
        self._pid_file = folder / "pane-program.pid"

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return done.stdout

    # ------------------------------------------------------------ starting
    def start(self, command: str, *, size: tuple[int, int] = (80, 24)) -> None:
        """Run ``command`` (a shell command line) as the pane's program, in a terminal of ``size``.

        When it ends the pane says ``stretchtimer exited with STATUS``, then ``tty echo``
        or ``tty -echo``: whether the terminal was left echoing, as the shell after it
        would find it. ``program_pid()`` is the program's process id.
        """
        self._pid_file.unlink(missing_ok=True)
        inner = shlex.quote(f"echo $$ > {self._pid_file}; exec {command}")
        shell = (
            # Textual would take a COLUMNS or LINES left in the environment over the pane's size.
            f"cd {shlex.quote(str(self.folder))} && unset COLUMNS LINES && sh -c {inner}; "
            f'echo "{EXITED} $?"; '
            "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo | sed 's/^/tty /'; sleep 60"
        )
        width, height = size
        # A server whose last session was just closed exits a moment later; a new session asked
        # of it in that moment fails ("server exited unexpectedly"). The next attempt starts a
        # server of its own.
        for attempt in range(3):
            try:
                self("new-session", "-d", "-s", PANE, "-x", str(width), "-y", str(height), shell)
                return
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
                time.sleep(0.2)

    def program_pid(self) -> int:
        found = ""

        def written() -> bool:
            nonlocal found
            found = self._pid_file.read_text().strip() if self._pid_file.exists() else ""
            return bool(found)

        eventually(written, what="the pane's program to start")
        return int(found)

    def close(self) -> None:
        """Close the pane's terminal, as a closed window or a dropped SSH connection does."""
        self("kill-session", "-t", PANE)
        eventually(self._server_gone, what="the tmux server to exit after its last session")

    def _server_gone(self) -> bool:
        done = subprocess.run(["tmux", "-L", self.socket, "has-session"], capture_output=True)
        return done.returncode != 0

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    # ------------------------------------------------------------ reading
    def screen(self, *, joined: bool = False) -> str:
        """The pane's text; ``joined``: lines the terminal wrapped joined again."""
        return self("capture-pane", "-p", *(["-J"] if joined else []), "-t", PANE)

    def title(self) -> str:
        return self.show("pane_title")

    def show(self, name: str) -> str:
        """One of tmux's formats for the pane (``pane_tty``, ``alternate_on`` ...)."""
        return self("display-message", "-p", "-t", PANE, f"#{{{name}}}").strip()

    def modes(self) -> dict[str, str]:
        """The terminal modes a program may leave behind, and the title."""
        names = ("alternate_on", "mouse_any_flag", "mouse_all_flag", "cursor_flag", "pane_title")
        out = self("display-message", "-p", "-t", PANE, "|".join(f"#{{{n}}}" for n in names))
        return dict(zip(names, out.rstrip("\n").split("|"), strict=True))

    # ------------------------------------------------------------ waiting
    def wait_until(
        self,
        holds: Callable[[str], bool],
        *,
        what: str,
        read: Callable[[], str] | None = None,
        timeout: float = TIMEOUT,
    ) -> str:
        """Poll the pane (or ``read``) until ``holds`` is true of it; what was read last."""
        read = read or self.screen
        deadline = time.monotonic() + timeout
        seen = read()
        while not holds(seen):
            if time.monotonic() >= deadline:
                raise AssertionError(f"waited {timeout}s for {what}; it shows:\n{seen}")
            time.sleep(0.05)
            seen = read()
        return seen

    def wait_for(self, *texts: str, gone: str | None = None, timeout: float = TIMEOUT) -> str:
        """Until the pane shows every one of ``texts`` and not ``gone``."""
        return self.wait_until(
            lambda screen: all(t in screen for t in texts) and (gone is None or gone not in screen),
            what=f"{texts!r}" + (f" without {gone!r}" if gone else ""),
            timeout=timeout,
        )

    # ------------------------------------------------------------ typing
    def keys(self, *keys: str) -> None:
        """Keys by tmux's names (``Enter``, ``C-z``, ``Escape``), or text to type as it is."""
        self("send-keys", "-t", PANE, *keys)

    def type(self, text: str) -> None:
        """``text`` exactly, no key names read into it."""
        self("send-keys", "-t", PANE, "-l", text)


def eventually(condition: Callable[[], bool], *, what: str, timeout: float = TIMEOUT) -> None:
    """Poll ``condition`` until it holds; for what is not on the pane (a process, a file)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            raise AssertionError(f"waited {timeout}s for {what}")
        time.sleep(0.05)


def runtime_dir(tmp_path: Path) -> Path:
    """A runtime folder of the test's own, short enough for a Unix socket's path
    (a test's ``tmp_path`` may not be), and the same for every command of one test."""
    digest = hashlib.sha1(str(tmp_path).encode()).hexdigest()[:12]
    # Made by the reminder when it starts (its own folder inside, 0700); removed after the test.
    return Path(tempfile.gettempdir()) / f"st-run-{digest}"


@cache
def _cautions_read() -> bytes:
    """The state of a person who has run the bundled routines and those in ``DATA`` before."""
    import msgspec

    from stretchtimer import catalog
    from stretchtimer.state import State, caution_digest

    routines = [entry.routine for entry in catalog.discover() if entry.origin == "bundled"]
    routines += [catalog.load(str(path)) for path in sorted(DATA.glob("*.yaml"))]
    read = {r.name: caution_digest(r.caution) for r in routines if r and r.caution}
    return msgspec.json.encode(State(cautions=read))


def cautions_already_read(tmp_path: Path) -> None:
    """Sessions of those routines start at once, as for someone who has read their cautions:
    a test of something else need not press a key first. A routine of a test's own, with
    a caution, waits for one (the first time)."""
    state = tmp_path / "state" / "stretchtimer" / "state.json"
    if not state.exists():
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_bytes(_cautions_read())


def user_environment(tmp_path: Path, extra: Mapping[str, str] | None = None) -> str:
    """``env`` arguments giving the app its own config, data, state and runtime folders."""
    cautions_already_read(tmp_path)
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_RUNTIME_DIR": str(runtime_dir(tmp_path)),
        "TERM": "xterm-256color",
        **(extra or {}),
    }
    return "env " + " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())


def stretchtimer_command(tmp_path: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    """The real command as a shell command line, with ``user_environment``'s folders."""
    quoted = " ".join(shlex.quote(a) for a in args)
    return f"{user_environment(tmp_path, env)} {sys.executable} -m stretchtimer {quoted}"


def run_command(
    tmp_path: Path, *args: str, runtime_folder: bool = True
) -> subprocess.CompletedProcess[str]:
    """The real command outside the pane, on the same folders, for what it prints;
    without ``runtime_folder``, from a shell with no ``XDG_RUNTIME_DIR`` (an SSH login)."""
    cautions_already_read(tmp_path)
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(runtime_dir(tmp_path)),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    if not runtime_folder:
        del env["XDG_RUNTIME_DIR"]
    return subprocess.run(
        [sys.executable, "-m", "stretchtimer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def history_rows(tmp_path: Path) -> list[dict[str, object]]:
    """``history --json`` for the folders that ``user_environment`` gives ``tmp_path``."""
    done = run_command(tmp_path, "history", "--json")
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, object]] = json.loads(done.stdout)
    return rows
