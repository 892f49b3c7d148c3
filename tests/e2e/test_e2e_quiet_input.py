"""The quiet input driver in the real command: a paused session sleeps until a key comes.

Wake-ups are the kernel's count of the process's voluntary context switches.
"""

from __future__ import annotations

import time
from pathlib import Path

from harness import DATA, Tmux, stretchtimer_command

ROUTINE = DATA / "terminal-check.yaml"


def _wakeups(pid: int) -> int:
    """Voluntary context switches of all the process's threads: one per sleep."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for line in (task / "status").read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def test_a_paused_session_sleeps_until_a_key_comes(server: Tmux, tmp_path: Path) -> None:
    server.start(stretchtimer_command(tmp_path, "run", str(ROUTINE), "--mute"))
    server.wait_for("First stretch", "Get ready")
    server.keys("space")
    server.wait_for("PAUSED")
    app_pid = server.program_pid()
    time.sleep(1.0)  # let the pause's own repaint and the title settle
    before = _wakeups(app_pid)
    time.sleep(2.0)  # a paused session has nothing to do
    woke = _wakeups(app_pid) - before
    # Textual's own driver polls for keys ten times a second: 20 or more here.
    assert woke <= 4, f"a paused session woke {woke} times in 2 s"
    server.keys("space")  # and keys still work after the long sleep
    server.wait_for("Get ready", gone="PAUSED")
    server.keys("q")
    server.wait_for("End this session?")
    server.keys("Escape")  # a lone Escape, with nothing typed after it
    server.wait_for("First stretch", gone="End this session?")
    server.keys("q")
    server.wait_for("End this session?")
    server.keys("y")
    server.wait_for("stopped early")
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")
