"""What a figure costs, and what a session costs against its peers: the session screen
with no figure, a still one and a moving one, beside termdown counting down the same
12 seconds and the Textual floors, full and minimal (drawn once, then idle), each in a real
terminal.

The three stretchtimer variants differ only in their routine (``benchmarks/routines/``):
the plain 12-second hold, the same hold with a still figure, and two 6-second reps of
cat-cow whose figure moves all the time. termdown comes from the package index through
uv (``uv tool run``) the first time, into uv's cache; without it that variant is left out.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from app_run import HERE, RunResult, Variant
from bench_app import FLOOR, FLOOR_QUIET, MINIMAL, STRETCHTIMER
from bench_app import run as run_variants

TERMDOWN_REQUIREMENT = "termdown==2.0.0"
STILL_ROUTINE = HERE / "routines" / "hold-figure-12s.yaml"
MOVING_ROUTINE = HERE / "routines" / "reps-figure-12s.yaml"


def _run_routine(routine: Path) -> Variant:
    def command(python: str, trace: Path) -> list[str]:
        return [python, "-m", "stretchtimer", "run", str(routine), "--mute", "--trace", str(trace)]

    return Variant(f"{routine.stem.split('-')[0]}-figure", command, needs_quit_key=True)


STILL_FIGURE = _run_routine(STILL_ROUTINE)
MOVING_FIGURE = _run_routine(MOVING_ROUTINE)


def _big_digits_shown(screen: str) -> bool:
    """termdown draws its digits in large letters: five rows of them mean it is up."""
    return sum(1 for line in screen.splitlines() if line.strip()) >= 5


def termdown_command() -> list[str] | None:
    """termdown's own script in uv's cache (installed there on first use), or None."""
    uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    try:
        done = subprocess.run(
            [
                uv,
                "tool",
                "run",
                "--from",
                TERMDOWN_REQUIREMENT,
                "python",
                "-c",
                "import sys; print(sys.prefix)",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    script = (
        Path(done.stdout.strip().splitlines()[-1]) / "bin" / "termdown" if done.stdout else None
    )
    if done.returncode != 0 or script is None or not script.exists():
        return None
    return [str(script)]


def termdown_variant(command: list[str]) -> Variant:
    return Variant(
        "termdown",
        lambda _python, _trace: [*command, "12"],
        needs_quit_key=False,
        shown=_big_digits_shown,
        traced=False,
    )


def run(runs: int) -> tuple[list[RunResult], str | None]:
    """Rounds of every variant; the second value says why termdown is missing, if it is."""
    variants = [STRETCHTIMER, STILL_FIGURE, MOVING_FIGURE, FLOOR, FLOOR_QUIET, MINIMAL]
    command = termdown_command()
    missing = (
        None if command else f"termdown could not be installed with uv ({TERMDOWN_REQUIREMENT})"
    )
    if command:
        variants.append(termdown_variant(command))
    return run_variants(runs, tuple(variants)), missing
