"""Time to first frame, launch after launch: stretchtimer against the floors, in rounds.

A first frame takes a few hundred milliseconds, and on a shared machine one
launch can take half as long again as the next (the same command's first
frames moved between 230 and 360 ms within minutes). Five full runs, as the
app part makes, leave a median ratio that moves by a quarter from one
``make bench`` to the next. Launching costs little, so this part launches
each app many times, in rounds (stretchtimer, the floor and the minimal floor
one after the other, each first in turn), stops each as soon as its first
frame is written (another checkout's too, with ``run.py --before``), and
reports, against each floor, the median of the
rounds' ratios with its quartiles: a noisy spell lands on the whole round.

A launch is timed as the goals state it: in a pseudo-terminal of its own
(80x24), in a clean environment with a new home folder (a new user's first
start), from the fork to the first output that holds the step's name
(``bench_first_frame_pairs.first_frame``). An earlier version polled a tmux
pane every 5 ms from a launcher script; that added tmux's own drawing and the
launcher's start to every app alike, and moved the ratios by a tenth from run
to run.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import checkouts
from app_run import HERE, MARKER, ROOT, ROUTINE, environment
from bench_app import warm_up
from bench_first_frame_pairs import first_frame

#: Quiet time between launches, so one app's exit does not overlap the next's start.
GAP = 0.3


@dataclass(frozen=True)
class StartResult:
    stretchtimer: list[float]
    floor: list[float]
    failed: int
    #: The minimal floor's launches, in the same rounds.
    minimal: list[float] = field(default_factory=list)
    #: Another checkout's stretchtimer (``run.py --before``), in the same rounds.
    before: list[float] = field(default_factory=list)

    def pair_ratios(self, against: str = "floor", mine: str = "stretchtimer") -> list[float]:
        theirs = self.minimal if against == "minimal" else self.floor
        ours = self.before if mine == "before" else self.stretchtimer
        return [a / b for a, b in zip(ours, theirs, strict=True)]


#: The apps of a round; each goes first in turn.
APPS = ("stretchtimer", "floor", "minimal")


def _commands(python: str, before: Path | None = None) -> dict[str, list[str]]:
    found = {
        "stretchtimer": [python, "-m", "stretchtimer", "run", str(ROUTINE), "--mute"],
        "floor": [python, str(HERE / "floor_app.py"), "--seconds", "60"],
        "minimal": [python, str(HERE / "minimal_app.py"), "--seconds", "60"],
    }
    if before is not None:
        found["before"] = checkouts.command(before, found["stretchtimer"])
    return found


def _first_frame(name: str, command: list[str], folder: Path) -> float | None:
    """Seconds from the fork to the step's name on the terminal, or None if it never came."""
    home = folder / name / "home"
    home.mkdir(parents=True)
    env = dict(word.split("=", 1) for word in environment(home))
    argv = [shutil.which(command[0]) or command[0], *command[1:]]
    try:
        wall, _cpu = first_frame(argv, ROOT, env, MARKER.encode())
    except RuntimeError:
        return None
    finally:
        time.sleep(GAP)
    return wall


def run(pairs: int, before: Path | None = None, log: bool = True) -> StartResult:
    warm_up(sys.executable)
    if before is not None:
        checkouts.compile_checkout(before)
    commands = _commands(sys.executable, before)
    apps = (*APPS, "before") if before is not None else APPS
    found: dict[str, list[float]] = {key: [] for key in apps}
    failed = 0
    with tempfile.TemporaryDirectory(prefix="stretchtimer-start-") as folder:
        for index in range(pairs):
            # Each goes first in turn, so none gains from its place in the round.
            order = apps[index % len(apps) :] + apps[: index % len(apps)]
            seen = {
                key: _first_frame(f"{key}-{index}", commands[key], Path(folder)) for key in order
            }
            if any(t is None for t in seen.values()):
                failed += 1
                continue
            for key in apps:
                found[key].append(seen[key] or 0.0)
            if log:
                print(f"  round {index + 1}/{pairs}: {_round_line(seen)}", flush=True)
    return StartResult(
        found["stretchtimer"], found["floor"], failed, found["minimal"], found.get("before", [])
    )


def _round_line(seen: dict[str, float | None]) -> str:
    times = {key: value or 0.0 for key, value in seen.items()}
    app, floor, minimal = times["stretchtimer"], times["floor"], times["minimal"]
    line = (
        f"stretchtimer {app * 1000:.0f} ms, floor {floor * 1000:.0f} ms ({app / floor:.2f}x), "
        f"minimal {minimal * 1000:.0f} ms ({app / minimal:.2f}x)"
    )
    if "before" in times:
        line += f", before {times['before'] * 1000:.0f} ms ({times['before'] / minimal:.2f}x)"
    return line


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
            **({"before": result.before} if result.before else {}),
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
    if result.before and len(result.minimal) == len(ratios):
        before = result.pair_ratios("minimal", mine="before")
        low, _, high = statistics.quantiles(before, n=4)
        found |= {
            "before_median_s": statistics.median(result.before),
            "before_minimal_ratio_median": statistics.median(before),
            "before_minimal_ratio_quartiles": [low, high],
        }
    return found
