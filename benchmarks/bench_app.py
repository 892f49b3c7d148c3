"""The real app against the Textual floors, each in a real terminal.

Four variants: stretchtimer running a single 12-second hold, the floor
(``floor_app.py``: the same kind of screen drawn once, then idle for 12 s),
the minimal floor (``minimal_app.py``: stock Textual, a header, a line, a
``Digits`` and a footer, drawn once) and the floor redrawn 60 times a second.
They run interleaved (A B C D A B C D ...), so a noisy spell on the shared
machine lands on all of them alike rather than on one variant's runs.
``app_run.py`` does and measures one run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import checkouts
from app_run import HERE, ROOT, ROUTINE, RunResult, Variant, run_once
from terminal import Tmux

import stretchtimer


def _stretchtimer(python: str, trace: Path) -> list[str]:
    routine = str(ROUTINE)
    return [python, "-m", "stretchtimer", "run", routine, "--mute", "--trace", str(trace)]


def _floor(python: str, trace: Path) -> list[str]:
    return [python, str(HERE / "floor_app.py"), "--trace", str(trace)]


def _minimal(python: str, trace: Path) -> list[str]:
    return [python, str(HERE / "minimal_app.py"), "--trace", str(trace)]


def _floor_60hz(python: str, trace: Path) -> list[str]:
    return [*_floor(python, trace), "--redraw-hz", "60"]


def _floor_quiet(python: str, trace: Path) -> list[str]:
    return [*_floor(python, trace), "--quiet-input"]


STRETCHTIMER = Variant("stretchtimer", _stretchtimer, needs_quit_key=True)
FLOOR = Variant("floor", _floor, needs_quit_key=False)
#: The least a Textual app showing such a screen costs: the floor the goals are set against.
MINIMAL = Variant("minimal", _minimal, needs_quit_key=False)
FLOOR_60HZ = Variant("floor-60hz", _floor_60hz, needs_quit_key=False)
#: The floor with stretchtimer's input driver, for the figures part's like-for-like ratio.
FLOOR_QUIET = Variant("floor-quiet", _floor_quiet, needs_quit_key=False)
VARIANTS = (STRETCHTIMER, FLOOR, MINIMAL, FLOOR_60HZ)


def before_variant(checkout: Path) -> Variant:
    """stretchtimer's variant run from another checkout (``run.py --before``)."""
    return Variant(
        STRETCHTIMER.key + checkouts.SUFFIX,
        lambda python, trace: checkouts.command(checkout, _stretchtimer(python, trace)),
        needs_quit_key=True,
    )


def trace_supported(python: str) -> bool:
    """Whether this checkout's ``stretchtimer run`` takes ``--trace`` (a hidden option).

    A missing routine is reported only after the options are parsed, so an
    unknown option shows up as argparse's complaint and a known one does not.
    """
    done = subprocess.run(
        [python, "-m", "stretchtimer", "run", "/nonexistent.yaml", "--trace", os.devnull],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    return "unrecognized arguments" not in done.stderr + done.stdout


def warm_up(python: str) -> None:
    """Compile stretchtimer and the floor to bytecode before any run is timed.

    Otherwise the first run of a fresh checkout (or of a file just edited)
    would pay for compiling, and only stretchtimer's runs would: Textual came
    compiled by pip.
    """
    package = Path(stretchtimer.__file__).parent
    subprocess.run(
        [python, "-m", "compileall", "-q", str(package), str(HERE)],
        capture_output=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )


def run(runs: int, variants: tuple[Variant, ...] = VARIANTS, log: bool = True) -> list[RunResult]:
    """``runs`` rounds of every variant, interleaved; failed runs are kept, marked."""
    warm_up(sys.executable)
    tmux = Tmux(f"stretchtimer-bench-{os.getpid()}")
    tmux.start()
    results: list[RunResult] = []
    try:
        with tempfile.TemporaryDirectory(prefix="stretchtimer-bench-") as folder:
            for index in range(runs):
                for variant in variants:
                    result = run_once(tmux, variant, index, Path(folder))
                    results.append(result)
                    if log:
                        _log(result, runs)
    finally:
        tmux.stop()
    return results


def _log(result: RunResult, runs: int) -> None:
    where = f"  run {result.index + 1}/{runs} {result.variant:<13}"
    if result.error:
        print(f"{where} FAILED: {result.error}", flush=True)
        return
    print(
        f"{where} first frame {_ms(result.first_frame)}, CPU {_s(result.cpu_to_end)}, "
        f"settled {_ms(result.cpu_settled_per_second, 1)}/s, "
        f"end {_ms(result.end_late, 1)} late",
        flush=True,
    )


def _ms(value: float | None, decimals: int = 0) -> str:
    return "-" if value is None else f"{value * 1000:.{decimals}f} ms"


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"
