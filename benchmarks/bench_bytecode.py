"""The first frame with and without compiled bytecode, launch after launch, in pairs.

Usage: ``python benchmarks/bench_bytecode.py [--pairs N]`` with ``.venv``'s Python.

Both launches run with ``PYTHONDONTWRITEBYTECODE=1``, as in many containers.
"with bytecode" uses the ``.pyc`` files set-up wrote; "without" points
``PYTHONPYCACHEPREFIX`` at a folder that holds the standard library's bytecode
and nothing else, so the packages in ``.venv`` and stretchtimer's own modules
are compiled again on every start and never written, as they were before
set-up compiled them. Each launch runs in a pseudo-terminal of its own
(80x24, a new home folder) and is timed from the fork to the first output
that holds the step's name; pairs alternate which goes first, so a noisy
spell on the shared machine lands on both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from bench_first_frame_pairs import first_frame as pty_first_frame

HERE = Path(__file__).resolve().parent
ROUTINE = HERE / "routines" / "hold-12s.yaml"
MARKER = b"Seated shoulder hold"
STDLIB = sysconfig.get_paths()["stdlib"]
STDLIB_SKIPPED = r"site-packages|/tests?/|lib2to3|idlelib"


def first_frame(env: dict[str, str]) -> float:
    """Seconds from the fork to the step's name on the terminal."""
    argv = [sys.executable, "-m", "stretchtimer", "run", str(ROUTINE), "--mute"]
    wall, _cpu = pty_first_frame(argv, Path.cwd(), env, MARKER)
    return wall


def describe(label: str, times: list[float]) -> str:
    q1, median, q3 = statistics.quantiles(times, n=4)
    return (
        f"{label:<18} median {median * 1000:4.0f} ms, quartiles {q1 * 1000:.0f}-{q3 * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=15)
    pairs = parser.parse_args().pairs
    with tempfile.TemporaryDirectory() as folder:
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "24",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        empty = Path(folder, "stdlib-bytecode-only")
        empty.mkdir()
        # The standard library only: its test data holds files that do not compile on purpose.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-qq", "-x", STDLIB_SKIPPED, STDLIB],
            env={**base, "PYTHONPYCACHEPREFIX": str(empty)},
            check=False,
        )
        compiled = sum(1 for _ in empty.rglob("*.pyc"))
        variants = {
            "with bytecode": base,
            "without bytecode": {**base, "PYTHONPYCACHEPREFIX": str(empty)},
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for number in range(pairs):
            order = list(variants) if number % 2 == 0 else list(reversed(variants))
            for name in order:
                home = Path(folder, f"home-{number}-{name.replace(' ', '-')}")
                home.mkdir()
                times[name].append(first_frame({**variants[name], "HOME": str(home)}))
        if sum(1 for _ in empty.rglob("*.pyc")) != compiled:
            raise RuntimeError("bytecode was written although PYTHONDONTWRITEBYTECODE was set")
    for name, measured in times.items():
        print(describe(name, measured))


if __name__ == "__main__":
    main()
