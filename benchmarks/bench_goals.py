"""Steady CPU as the goals state it: a long hold and a moving figure against termdown and
the minimal floor, each in a real 100x30 terminal.

The figures part times a 12-second hold from two seconds after its first
frame; the goals are stated over a longer, later window: the CPU time of all
the process's threads from 8 s after launch over the next 25 s. So every app
here counts down 40 s (``routines/hold-40s.yaml``; ``reps-figure-40s.yaml``,
ten 4-second reps of cat-cow whose figure moves all along; ``termdown 40``;
``minimal_app.py --seconds 40``), and is closed once the window is over. A
round runs every variant once, in a new order each round, so a noisy spell
lands on all of them; the figures are medians over the rounds (three by
default) and the ratios' lowest and highest within a round.

With another checkout (``run.py --before DIR``) the two stretchtimer
variants run from it as well, in the same rounds (``checkouts.py``).
"""

from __future__ import annotations

import os
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import checkouts
import traces
from app_run import HERE, ROOT, measured_launch, read_json
from bench_app import warm_up
from bench_figures import termdown_command
from procfs import cpu_precise_seconds, voluntary_switches
from terminal import Tmux

WIDTH, HEIGHT = 100, 30
#: The window: from this long after launch ...
WINDOW_START = 8.0
#: ... for this long.
WINDOW = 25.0
#: What each app counts down: the window and some to spare.
SPAN = 40
LAUNCH_TIMEOUT = 15.0
HOLD = HERE / "routines" / "hold-40s.yaml"
REPS = HERE / "routines" / "reps-figure-40s.yaml"

SESSION, MOVING, TERMDOWN, MINIMAL = "session", "moving", "termdown", "minimal"
LABELS = {
    SESSION: "a 40 s hold (the session)",
    MOVING: "40 s of cat-cow reps (moving figure)",
    TERMDOWN: f"termdown {SPAN}",
    MINIMAL: "the minimal floor",
}


@dataclass
class GoalRun:
    variant: str
    index: int
    cpu_per_second: float | None = None
    wakeups_per_second: float | None = None
    error: str | None = None


def _stretchtimer(routine: Path) -> Callable[[str], list[str]]:
    return lambda python: [python, "-m", "stretchtimer", "run", str(routine), "--mute"]


def variants(before: Path | None) -> tuple[dict[str, Callable[[str], list[str]]], str | None]:
    """Every variant's command, given the Python; the second value says why termdown is
    missing, if it is."""
    found: dict[str, Callable[[str], list[str]]] = {
        SESSION: _stretchtimer(HOLD),
        MOVING: _stretchtimer(REPS),
        MINIMAL: lambda python: [python, str(HERE / "minimal_app.py"), "--seconds", str(SPAN)],
    }
    if before is not None:
        for key in (SESSION, MOVING):
            mine = found[key]
            found[key + checkouts.SUFFIX] = lambda python, mine=mine: checkouts.command(
                before, mine(python)
            )
    termdown = termdown_command()
    if termdown is None:
        return found, "termdown could not be installed with uv"
    found[TERMDOWN] = lambda _python: [*termdown, str(SPAN)]
    return found, None


def _one(tmux: Tmux, key: str, index: int, words: list[str], folder: Path) -> GoalRun:
    result = GoalRun(key, index)
    name = f"{key}-{index}"
    home = folder / name / "home"
    home.mkdir(parents=True)
    start_file = folder / name / "usage.json.start"
    line = measured_launch(home, folder / name / "usage.json", words)
    tmux.new_session(name, shlex.join(line), str(ROOT), width=WIDTH, height=HEIGHT)
    try:
        deadline = time.monotonic() + LAUNCH_TIMEOUT
        start = None
        while start is None and time.monotonic() < deadline:
            start = read_json(start_file)
            time.sleep(0.05)
        if start is None:
            result.error = "did not start"
            return result
        pid = int(traces.number(start["pid"]))
        launched = traces.number(start["launched"])
        time.sleep(max(0.0, launched + WINDOW_START - time.monotonic()))
        cpu0, switches0, at0 = cpu_precise_seconds(pid), voluntary_switches(pid), time.monotonic()
        time.sleep(max(0.0, launched + WINDOW_START + WINDOW - time.monotonic()))
        cpu1, switches1, at1 = cpu_precise_seconds(pid), voluntary_switches(pid), time.monotonic()
        if cpu0 is None or cpu1 is None or switches0 is None or switches1 is None:
            screen = " / ".join(s.strip() for s in tmux.capture(name).splitlines() if s.strip())
            result.error = f"ended before the window was over (screen: {screen[:160]})"
            return result
        result.cpu_per_second = (cpu1 - cpu0) / (at1 - at0)
        result.wakeups_per_second = (switches1 - switches0) / (at1 - at0)
        return result
    finally:
        tmux.kill_session(name)
        time.sleep(0.3)


def run(
    rounds: int, before: Path | None = None, log: bool = True
) -> tuple[list[GoalRun], str | None]:
    warm_up(sys.executable)
    if before is not None:
        checkouts.compile_checkout(before)
    commands, missing = variants(before)
    keys = list(commands)
    tmux = Tmux(f"stretchtimer-goals-{os.getpid()}")
    tmux.start()
    results: list[GoalRun] = []
    try:
        with tempfile.TemporaryDirectory(prefix="stretchtimer-goals-") as folder:
            for index in range(rounds):
                turn = index % len(keys)
                for key in keys[turn:] + keys[:turn]:
                    found = _one(tmux, key, index, commands[key](sys.executable), Path(folder))
                    results.append(found)
                    if log:
                        print(f"  round {index + 1}/{rounds} {_line(found)}", flush=True)
    finally:
        tmux.stop()
    return results, missing


def _line(run: GoalRun) -> str:
    if run.error:
        return f"{run.variant:<17} FAILED: {run.error}"
    assert run.cpu_per_second is not None and run.wakeups_per_second is not None
    return (
        f"{run.variant:<17} {run.cpu_per_second * 1000:.2f} ms/s, "
        f"{run.wakeups_per_second:.1f} wake-ups/s"
    )


#: (name, variant, baseline): the ratios the goals name.
RATIOS = (
    ("session / minimal floor", SESSION, MINIMAL),
    ("session / termdown", SESSION, TERMDOWN),
    ("moving figure / termdown", MOVING, TERMDOWN),
)


def _median(runs: list[GoalRun], key: str) -> float | None:
    found = [r.cpu_per_second for r in runs if r.variant == key and r.cpu_per_second is not None]
    return statistics.median(found) if found else None


def ratio(runs: list[GoalRun], variant: str, baseline: str) -> dict[str, float] | None:
    """The ratio of the medians, with its lowest and highest within one round; None
    when either was not measured."""
    mine, theirs = _median(runs, variant), _median(runs, baseline)
    if mine is None or not theirs:
        return None
    by_round: dict[int, dict[str, float]] = {}
    for r in runs:
        if r.cpu_per_second is not None:
            by_round.setdefault(r.index, {})[r.variant] = r.cpu_per_second
    within = [
        found[variant] / found[baseline]
        for found in by_round.values()
        if variant in found and found.get(baseline)
    ]
    return {
        "median": mine / theirs,
        "low": min(within, default=float("nan")),
        "high": max(within, default=float("nan")),
    }


def summary(runs: list[GoalRun], missing: str | None) -> dict[str, object]:
    keys = sorted({r.variant for r in runs})
    ratios: dict[str, dict[str, float] | None] = {}
    for name, variant, baseline in RATIOS:
        ratios[name] = ratio(runs, variant, baseline)
        if any(r.variant == variant + checkouts.SUFFIX for r in runs):
            ratios[name + checkouts.SUFFIX] = ratio(runs, variant + checkouts.SUFFIX, baseline)
    return {
        "window": {"from_launch_s": WINDOW_START, "length_s": WINDOW},
        "medians_ms_per_s": {
            key: None if (m := _median(runs, key)) is None else m * 1000 for key in keys
        },
        "ratios": ratios,
        "termdown_missing": missing,
        "failed": [asdict(r) for r in runs if r.error],
        "runs": [asdict(r) for r in runs],
    }


def lines(found: dict[str, object]) -> list[str]:
    medians = found["medians_ms_per_s"]
    ratios = found["ratios"]
    assert isinstance(medians, dict) and isinstance(ratios, dict)
    out = [f"  CPU of all threads from {WINDOW_START:.0f} s after launch over {WINDOW:.0f} s:"]
    order = [SESSION, MOVING, TERMDOWN, MINIMAL]
    for key in sorted(medians, key=lambda k: (order.index(k.removesuffix(checkouts.SUFFIX)), k)):
        value = medians[key]
        base = key.removesuffix(checkouts.SUFFIX)
        label = LABELS[base] + (", the other checkout" if key != base else "")
        shown = "not measured" if value is None else f"{value:.2f} ms/s"
        out.append(f"  {label:58}{shown:>14}")
    if found["termdown_missing"]:
        out.append(f"  {found['termdown_missing']}")
    for name, value in ratios.items():
        label = name.replace(checkouts.SUFFIX, ", the other checkout")
        if value is None:
            out.append(f"  {label}: not measured")
        else:
            out.append(
                f"  {label}: {value['median']:.2f}x "
                f"(rounds {value['low']:.2f}-{value['high']:.2f}x)"
            )
    return out
