"""Instructions, not seconds: the app against the floor under callgrind.

CPU time on a shared machine moves by a quarter from one run to the next;
the number of instructions a program executes hardly moves at all. Each app
runs once under ``valgrind --tool=callgrind`` in a tmux window, exactly as in
the timed comparison (same commands, same clean environment). The harness
asks callgrind for a dump when the first frame shows and another when the
trace reports the end of the countdown, so the counts split into start-up
and the 12-second hold. Callgrind slows start-up about fifty-fold but not
the clock, so the hold still lasts 12 real seconds and both apps idle alike.

Instructions are a proxy: they ignore cache misses and time in the kernel,
so they say where work was added or removed, while the timed runs say what
it costs. Needs ``valgrind`` (``apt-get install valgrind``); skipped without.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import bench_app
import traces
from app_run import MARKER, ROOT, Variant, environment
from terminal import Tmux

#: Callgrind makes start-up take 15-30 s here; the hold adds 12 s.
RUN_TIMEOUT = 180.0
POLL = 0.05


@dataclass
class InstructionRun:
    variant: str
    error: str | None = None
    to_first_frame: int | None = None
    #: From the first frame to the end of the countdown.
    to_end: int | None = None

    @property
    def total(self) -> int | None:
        if self.to_first_frame is None or self.to_end is None:
            return None
        return self.to_first_frame + self.to_end


def available() -> str | None:
    """Why this part cannot run here, or None when it can."""
    missing = [tool for tool in ("valgrind", "callgrind_control") if shutil.which(tool) is None]
    return f"{' and '.join(missing)} not found (apt-get install valgrind)" if missing else None


def _dump(pid: int, out: Path) -> int | None:
    """Ask callgrind to write the counts since the last dump; return them."""
    before = set(out.parent.glob(out.name + "*"))
    subprocess.run(["callgrind_control", "--dump", str(pid)], capture_output=True, check=False)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for path in set(out.parent.glob(out.name + "*")) - before:
            count = _summary(path)
            if count is not None:
                return count
        time.sleep(POLL)
    return None


def _summary(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    return None


def _pane_pid(tmux: Tmux, name: str) -> int:
    return int(tmux.run("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])


def run_once(tmux: Tmux, variant: Variant, work: Path) -> InstructionRun:
    result = InstructionRun(variant.key)
    folder = work / variant.key
    home = folder / "home"
    home.mkdir(parents=True)
    trace = folder / "trace.jsonl"
    out = folder / "callgrind.out"
    python = sys.executable
    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--"]
    command = ["exec", "env", "-i", *environment(home), *valgrind, *variant.command(python, trace)]
    name = f"instructions-{variant.key}"
    deadline = time.monotonic() + RUN_TIMEOUT
    step = "first frame"
    try:
        tmux.new_session(name, shlex.join(command), str(ROOT))
        pid = _pane_pid(tmux, name)
        while MARKER not in tmux.capture(name):
            if time.monotonic() > deadline:
                raise TimeoutError
            time.sleep(POLL)
        result.to_first_frame = _dump(pid, out)
        step = "end of countdown"
        while not traces.finished(traces.read_trace(trace)):
            if time.monotonic() > deadline:
                raise TimeoutError
            time.sleep(POLL)
        result.to_end = _dump(pid, out)
        if result.to_first_frame is None or result.to_end is None:
            result.error = "callgrind wrote no counts"
    except TimeoutError:
        result.error = f"timed out waiting for: {step}"
    finally:
        tmux.kill_session(name)
    return result


def run() -> list[InstructionRun]:
    """One run of stretchtimer and one of the floor; counts hardly vary between runs."""
    bench_app.warm_up(sys.executable)
    tmux = Tmux(f"stretchtimer-instructions-{time.monotonic_ns()}")
    tmux.start()
    try:
        with tempfile.TemporaryDirectory(prefix="stretchtimer-instructions-") as folder:
            return [
                run_once(tmux, variant, Path(folder))
                for variant in (bench_app.STRETCHTIMER, bench_app.FLOOR)
            ]
    finally:
        tmux.stop()
