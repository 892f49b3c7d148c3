"""``stretchtimer status`` as a tmux status line runs it: a whole new process each time.

Twenty runs of the real command against a reminder's control socket, each
beside a run of ``python -c pass`` (the floor: an interpreter that starts and
ends), interleaved so that a noisy moment lands on both. The reminder's end
is the real control server answering from a real scheduler on the real
clocks, in this process; the figure is dominated by the command's start-up,
which is what this part keeps an eye on. The answer is checked, so a status
that stopped working cannot look fast.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from timing import median

from stretchtimer.control.place import private_dir, socket_path
from stretchtimer.control.server import ControlServer, listen
from stretchtimer.remind.clocks import BootClock, local_now
from stretchtimer.remind.plan import Plan, PlannedRoutine
from stretchtimer.remind.remote import answer
from stretchtimer.remind.scheduler import Scheduler
from stretchtimer.session.clock import MonotonicClock

RUNS = 20
#: Well under half a second, as a status line needs.
TARGET_SECONDS = 0.300


@dataclass(frozen=True)
class StatusResult:
    status: list[float]
    floor: list[float]
    line: str

    @property
    def status_median(self) -> float:
        return median(self.status)

    @property
    def floor_median(self) -> float:
        return median(self.floor)

    @property
    def passed(self) -> bool:
        return self.status_median <= TARGET_SECONDS and self.line.startswith("break in")


def _wall(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - started, done.stdout.strip()


def run(runs: int = RUNS) -> StatusResult:
    with tempfile.TemporaryDirectory(prefix="st-bench-") as folder:
        runtime = Path(folder)
        os.chmod(runtime, 0o700)
        place = private_dir(runtime / "stretchtimer", create=True)
        plan = Plan(routines=(PlannedRoutine("desk-break", 300),))
        scheduler = Scheduler(plan, MonotonicClock(), BootClock(), local_now, lambda: 0.0)

        server = ControlServer(listen(socket_path(place)), partial(answer, scheduler))
        server.start()
        env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
        status_cmd = [sys.executable, "-m", "stretchtimer", "status"]
        floor_cmd = [sys.executable, "-c", "pass"]
        statuses: list[float] = []
        floors: list[float] = []
        line = ""
        try:
            _wall(status_cmd, env)  # the first run fills the file cache for both
            for index in range(runs):
                pair = [(status_cmd, statuses), (floor_cmd, floors)]
                for command, into in pair if index % 2 == 0 else reversed(pair):
                    seconds, out = _wall(command, env)
                    into.append(seconds)
                    if command is status_cmd:
                        line = out
        finally:
            server.close()
    return StatusResult(statuses, floors, line)


def lines(result: StatusResult) -> list[str]:
    extra = result.status_median - result.floor_median
    return [
        f"  stretchtimer status: median {result.status_median * 1000:.0f} ms "
        f"(of {len(result.status)} runs; it said '{result.line}')",
        f"  python -c pass:      median {result.floor_median * 1000:.0f} ms",
        f"  status costs {extra * 1000:.0f} ms over a bare interpreter",
    ]
