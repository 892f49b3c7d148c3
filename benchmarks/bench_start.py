"""Time to first frame, launch after launch: stretchtimer against the floor, in pairs.

A first frame takes a few hundred milliseconds, and on a shared machine one
launch can take half as long again as the next (the same command's first
frames moved between 230 and 360 ms within minutes). Five full runs, as the
app part makes, leave a median ratio that moves by a quarter from one
``make bench`` to the next. Launching costs little, so this part launches
each app many times, in pairs (one after the other, each first in every other
pair), stops each as soon as its first frame is on screen, and reports the
median of the pairs' ratios with its quartiles: a noisy spell lands on both
halves of a pair.

The launch is the app part's (``app_run.py``): a fresh 80x24 tmux window, a
clean environment with a new home folder, ``measure.py`` recording the launch
time, the screen polled until the step name shows.
"""

from __future__ import annotations

import os
import shlex
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import traces
from app_run import HERE, MARKER, ROOT, ROUTINE, measured_launch, read_json
from bench_app import warm_up
from terminal import Tmux

#: How long a launch may take to show its first frame before it counts as failed.
LAUNCH_TIMEOUT = 15.0
POLL = 0.005
#: Quiet time between launches, so one app's exit does not overlap the next's start.
GAP = 0.3


@dataclass(frozen=True)
class StartResult:
    stretchtimer: list[float]
    floor: list[float]
    failed: int

    def pair_ratios(self) -> list[float]:
        return [mine / theirs for mine, theirs in zip(self.stretchtimer, self.floor, strict=True)]


def _commands(python: str) -> dict[str, list[str]]:
    return {
        "stretchtimer": [python, "-m", "stretchtimer", "run", str(ROUTINE), "--mute"],
        "floor": [python, str(HERE / "floor_app.py"), "--seconds", "60"],
    }


def _first_frame(tmux: Tmux, name: str, command: list[str], folder: Path) -> float | None:
    home = folder / name / "home"
    home.mkdir(parents=True)
    start_file = folder / name / "usage.json.start"
    line = measured_launch(home, folder / name / "usage.json", command)
    deadline = time.monotonic() + LAUNCH_TIMEOUT
    tmux.new_session(name, shlex.join(line), str(ROOT))
    try:
        start = None
        while start is None and time.monotonic() < deadline:
            start = read_json(start_file)
            time.sleep(POLL)
        if start is None:
            return None
        launched = traces.number(start["launched"])
        while time.monotonic() < deadline:
            seen_at = time.monotonic()
            if MARKER in tmux.capture(name):
                return seen_at - launched
            time.sleep(POLL)
        return None
    finally:
        tmux.kill_session(name)
        time.sleep(GAP)


def run(pairs: int, log: bool = True) -> StartResult:
    warm_up(sys.executable)
    commands = _commands(sys.executable)
    tmux = Tmux(f"stretchtimer-start-{os.getpid()}")
    tmux.start()
    mine: list[float] = []
    theirs: list[float] = []
    failed = 0
    try:
        with tempfile.TemporaryDirectory(prefix="stretchtimer-start-") as folder:
            for index in range(pairs):
                # Each goes first in every other pair, so neither gains from going second.
                order = ("stretchtimer", "floor") if index % 2 == 0 else ("floor", "stretchtimer")
                seen = {
                    key: _first_frame(tmux, f"{key}-{index}", commands[key], Path(folder))
                    for key in order
                }
                app, floor = seen["stretchtimer"], seen["floor"]
                if app is None or floor is None:
                    failed += 1
                    continue
                mine.append(app)
                theirs.append(floor)
                if log:
                    print(
                        f"  pair {index + 1}/{pairs}: stretchtimer {app * 1000:.0f} ms, "
                        f"floor {floor * 1000:.0f} ms, {app / floor:.2f}x",
                        flush=True,
                    )
    finally:
        tmux.stop()
    return StartResult(mine, theirs, failed)


def summary(result: StartResult) -> dict[str, object]:
    ratios = result.pair_ratios()
    if len(ratios) < 2:
        return {"pairs": len(ratios), "failed": result.failed}
    low, _, high = statistics.quantiles(ratios, n=4)
    return {
        "pairs": len(ratios),
        "failed": result.failed,
        "stretchtimer_median_s": statistics.median(result.stretchtimer),
        "floor_median_s": statistics.median(result.floor),
        "pair_ratio_median": statistics.median(ratios),
        "pair_ratio_quartiles": [low, high],
        "best_ratio": min(result.stretchtimer) / min(result.floor),
        "runs": {"stretchtimer": result.stretchtimer, "floor": result.floor},
    }
