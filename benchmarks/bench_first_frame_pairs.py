"""The first frame of a bundled routine, this tree against another checkout, in a
pseudo-terminal, with the minimal floor in the same rounds.

Usage: ``python benchmarks/bench_first_frame_pairs.py --against ../other [--rounds 15]``
with ``.venv``'s Python; the other checkout needs its own ``.venv`` (``make test`` there).

Each round launches ``stretchtimer run desk-break --mute`` from this tree, the same
from the other checkout, and ``minimal_app.py``, each first in turn, each in a
pseudo-terminal of its own (80x24, a new home folder). A launch is timed from the
fork to the first output holding the first step's name: wall time, and the CPU
time of all the process's threads at that moment (``/proc/PID/task/*/schedstat``).
Reported: medians, and the medians of each round's ratios, so a noisy spell on a
shared machine lands on the whole round.

With ``--user-routine FILE`` both trees start that file as a routine of the user's
instead (copied into each tree's own home, started by name, one untimed launch
first): the second and later starts of a user's routine, which may come from the
cache of loaded routines rather than through the YAML loader.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import statistics
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ROUTINE = "desk-break"
#: The first step of desk-break, and the floor's line: the frame is on screen.
MARKERS = {"app": b"Shoulder roll", "minimal": b"Seated shoulder hold"}
TIMEOUT = 20.0


def _cpu_seconds(pid: int) -> float:
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            continue  # a thread that ended just now
    return total / 1e9


def first_frame(
    argv: list[str], cwd: Path, env: dict[str, str], marker: bytes
) -> tuple[float, float]:
    """(wall, CPU) seconds from the fork to ``marker`` on the terminal."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execve(argv[0], argv, env)
    seen = b""
    try:
        while time.perf_counter() - start < TIMEOUT:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if marker in seen:
                wall = time.perf_counter() - start
                return wall, _cpu_seconds(pid)
        raise RuntimeError(f"no first frame in {TIMEOUT} s: {seen[-300:]!r}")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def _first_step(path: Path) -> str:
    """The first step's name in a routine file (the line after ``steps:``), unparsed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    after = lines[lines.index("steps:") + 1 :]
    return next(line.split("name:", 1)[1].strip() for line in after if "name:" in line)


def _quartiles(values: list[float]) -> str:
    q1, median, q3 = statistics.quantiles(values, n=4)
    return f"{median:.2f}x ({q1:.2f}-{q3:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", type=Path, required=True, help="another checkout")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--user-routine", type=Path, help="a routine file started as the user's")
    options = parser.parse_args()
    other = options.against.resolve()
    routine = ROUTINE
    if options.user_routine is not None:
        routine = options.user_routine.stem
        MARKERS["app"] = _first_step(options.user_routine).encode()
    launches = {
        "this": (
            [str(ROOT / ".venv/bin/python"), "-m", "stretchtimer", "run", routine, "--mute"],
            ROOT,
            "app",
        ),
        "other": (
            [str(other / ".venv/bin/python"), "-m", "stretchtimer", "run", routine, "--mute"],
            other,
            "app",
        ),
        "minimal": (
            [str(ROOT / ".venv/bin/python"), str(HERE / "minimal_app.py"), "--seconds", "60"],
            ROOT,
            "minimal",
        ),
    }
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in launches}
    names = list(launches)
    with tempfile.TemporaryDirectory() as folder:
        for number in range(options.rounds):
            order = names[number % 3 :] + names[: number % 3]
            for name in order:
                home = Path(folder, f"home-{number}-{name}")
                if options.user_routine is not None:
                    home = Path(folder, f"home-{name}")  # kept: the cache stays warm
                first = not home.exists()
                home.mkdir(exist_ok=True)
                env = {
                    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                    "TERM": "xterm-256color",
                    "COLUMNS": "80",
                    "LINES": "24",
                    "HOME": str(home),
                    "LANGUAGE": "en",
                }
                argv, cwd, kind = launches[name]
                if first and options.user_routine is not None:
                    routines = home / ".config" / "stretchtimer" / "routines"
                    routines.mkdir(parents=True)
                    (routines / options.user_routine.name).write_bytes(
                        options.user_routine.read_bytes()
                    )
                    first_frame(argv, cwd, env, MARKERS[kind])  # untimed: fills the cache
                found[name].append(first_frame(argv, cwd, env, MARKERS[kind]))
                time.sleep(0.3)
            row = "  ".join(
                f"{n} {w * 1000:.0f}/{c * 1000:.0f} ms"
                for n, (w, c) in ((n, found[n][-1]) for n in names)
            )
            print(f"round {number + 1}: wall/CPU {row}", flush=True)
    for index, what in ((0, "wall"), (1, "CPU")):
        medians = {n: statistics.median(t[index] for t in found[n]) for n in names}
        print(f"{what}: " + ", ".join(f"{n} {medians[n] * 1000:.0f} ms" for n in names))
        for a, b in (("this", "minimal"), ("other", "minimal"), ("this", "other")):
            ratios = [x[index] / y[index] for x, y in zip(found[a], found[b], strict=True)]
            print(f"  {what} {a}/{b}: {_quartiles(ratios)}")


if __name__ == "__main__":
    main()
