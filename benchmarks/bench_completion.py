"""What a Tab costs: the command answering a completion, against the interpreter alone.

Usage: ``python benchmarks/bench_completion.py [--runs N]`` with ``.venv``'s Python.

Each Tab runs ``stretchtimer`` with the line in its environment, as the
scripts of ``stretchtimer completion`` do. The three commands take turns, so
a noisy spell on a shared machine lands on all of them; every run has
``PYTHONDONTWRITEBYTECODE=1`` and the bytecode set-up compiled.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND = Path(sys.executable).parent / "stretchtimer"
LINE = "stretchtimer run desk-b"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        answer = Path(folder, "answer")
        base = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HOME": folder}
        tab = {
            **base,
            "_ARGCOMPLETE": "1",
            "_ARGCOMPLETE_SHELL": "bash",
            "_ARGCOMPLETE_SUPPRESS_SPACE": "1",
            "COMP_LINE": LINE,
            "COMP_POINT": str(len(LINE)),
            "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        }
        commands = {
            "python -c pass": ([sys.executable, "-c", "pass"], base),
            f"a Tab after '{LINE}'": ([str(COMMAND)], tab),
            "stretchtimer --version": ([str(COMMAND), "--version"], base),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, env) in commands.items():
                start = time.perf_counter()
                subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - start)
        if answer.read_text().split() != ["desk-break"]:
            raise RuntimeError(f"the Tab answered {answer.read_text()!r}")
    for name, measured in times.items():
        q1, median, q3 = statistics.quantiles(measured, n=4)
        quartiles = f"{q1 * 1000:.0f}-{q3 * 1000:.0f} ms"
        print(f"{name:<36} median {median * 1000:4.0f} ms, quartiles {quartiles}")


if __name__ == "__main__":
    main()
