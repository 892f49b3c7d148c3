"""Time to first frame, launch after launch: stretchtimer against the floors, in rounds.

A first frame takes a few hundred milliseconds, and on a shared machine one
launch can take half as long again as the next (the same command's first
frames moved between 230 and 360 ms within minutes). Five full runs, as the
app part makes, leave a median ratio that moves by a quarter from one
``make bench`` to the next. Launching costs little, so this part launches
each app many times, in rounds (stretchtimer, the floor and the minimal floor
one after the other, each first in turn), stops each as soon as its first
frame is on screen, and reports, against each floor, the median of the
rounds' ratios with its quartiles: a noisy spell lands on the whole round.

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
from dataclasses import dataclass, field
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
    #: The minimal floor's launches, in the same rounds.
    minimal: list[float] = field(default_factory=list)

    def pair_ratios(self, against: str = "floor") -> list[float]:
        theirs = self.minimal if against == "minimal" else self.floor
        return [mine / other for mine, other in zip(self.stretchtimer, theirs, strict=True)]


#: The apps of a round; each goes first in turn.
APPS = ("stretchtimer", "floor", "minimal")


def _commands(python: str) -> dict[str, list[str]]:
    return {
        "stretchtimer": [python, "-m", "stretchtimer", "run", str(ROUTINE), "--mute"],
        "floor": [python, str(HERE / "floor_app.py"), "--seconds", "60"],
        "minimal": [python, str(HERE / "minimal_app.py"), "--seconds", "60"],
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
    found: dict[str, list[float]] = {key: [] for key in APPS}
    failed = 0
    try:
        with tempfile.TemporaryDirectory(prefix="stretchtimer-start-") as folder:
            for index in range(pairs):
                # Each goes first in turn, so none gains from its place in the round.
                order = APPS[index % len(APPS) :] + APPS[: index % len(APPS)]
                seen = {
                    key: _first_frame(tmux, f"{key}-{index}", commands[key], Path(folder))
                    for key in order
                }
                times = [seen[key] for key in APPS]
                if any(t is None for t in times):
                    failed += 1
                    continue
                app, floor, minimal = (t or 0.0 for t in times)
                for key, value in zip(APPS, (app, floor, minimal), strict=True):
                    found[key].append(value)
                if log:
                    print(
                        f"  round {index + 1}/{pairs}: stretchtimer {app * 1000:.0f} ms, "
                        f"floor {floor * 1000:.0f} ms ({app / floor:.2f}x), "
                        f"minimal {minimal * 1000:.0f} ms ({app / minimal:.2f}x)",
                        flush=True,
                    )
    finally:
        tmux.stop()
    return StartResult(found["stretchtimer"], found["floor"], failed, found["minimal"])


def summary(result: StartResult) -> dict[str, object]:
    ratios = result.pair_ratios()
    if len(ratios) < 2:
        return {"pairs": len(ratios), "failed": result.failed}
    low, _, high = statistics.quantiles(ratios, n=4)
    found: dict[str, object] = {
        "pairs": len(ratios),
        "failed": result.failed,
        "stretchtimer_median_s": statistics.median(result.stretchtimer),
        "floor_median_s": statistics.median(result.floor),
        "pair_ratio_median": statistics.median(ratios),
        "pair_ratio_quartiles": [low, high],
        "best_ratio": min(result.stretchtimer) / min(result.floor),
        "runs": {
            "stretchtimer": result.stretchtimer,
            "floor": result.floor,
            "minimal": result.minimal,
        },
    }
    if len(result.minimal) == len(ratios):
        to_minimal = result.pair_ratios("minimal")
        low, _, high = statistics.quantiles(to_minimal, n=4)
        found |= {
            "minimal_median_s": statistics.median(result.minimal),
            "minimal_ratio_median": statistics.median(to_minimal),
            "minimal_ratio_quartiles": [low, high],
            "minimal_best_ratio": min(result.stretchtimer) / min(result.minimal),
        }
    return found
