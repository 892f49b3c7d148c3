"""The real app against the Textual floor, each in a real terminal.

Each run starts one app in a fresh tmux window (80x24, TERM=xterm-256color,
an empty home and XDG folders of its own) under ``measure.py``, and follows
it from outside:

* first frame: launch until ``capture-pane`` shows the app's marker text;
* CPU to the end of the countdown: ``/proc/PID/stat`` when the trace's
  ``SessionFinished`` appears (start-up plus the 12-second hold, the same
  span for both apps), and the CPU of the hold alone, first frame to end,
  from the per-thread nanosecond counters;
* peak RSS (``VmHWM``) at the same moment;
* from the trace, how late the countdown ended against its deadline;
* at exit, the child's own resource usage as the kernel kept it.

The variants run interleaved (A B C A B C ...), so a noisy spell on the
machine lands on all of them alike rather than on one variant's runs.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from procfs import cpu_precise_seconds, cpu_ticks_seconds, peak_rss_kib
from terminal import Tmux

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ROUTINE = HERE / "routines" / "hold-12s.yaml"
#: The step name in ``ROUTINE``; the floor shows it as its title too.
MARKER = "Seated shoulder hold"
HOLD_SECONDS = 12.0
#: How long one run may take before it is abandoned as failed.
RUN_TIMEOUT = 40.0
POLL = 0.010
#: Near the end of the countdown the trace is polled this often, so little of
#: what happens after the end (the summary screen, shutting down) is counted.
FINE_POLL = 0.002


@dataclass(frozen=True)
class Variant:
    key: str
    label: str
    #: Runs until told to leave (stretchtimer shows a summary and waits for a key).
    needs_quit_key: bool

    def command(self, python: str, trace: Path) -> list[str]:
        if self.key == "stretchtimer":
            return [
                python,
                "-m",
                "stretchtimer",
                "run",
                str(ROUTINE),
                "--mute",
                "--trace",
                str(trace),
            ]
        hz = "60" if self.key == "floor-60hz" else "0"
        return [python, str(HERE / "floor_app.py"), "--redraw-hz", hz, "--trace", str(trace)]


STRETCHTIMER = Variant("stretchtimer", "stretchtimer", needs_quit_key=True)
FLOOR = Variant("floor", "Textual floor (draw once)", needs_quit_key=False)
FLOOR_60HZ = Variant("floor-60hz", "floor redrawn at 60 Hz", needs_quit_key=False)
VARIANTS = (STRETCHTIMER, FLOOR, FLOOR_60HZ)


@dataclass
class RunResult:
    variant: str
    index: int
    error: str | None = None
    first_frame: float | None = None
    cpu_to_end: float | None = None
    cpu_hold: float | None = None
    hold_wall: float | None = None
    peak_rss_kib: int | None = None
    cpu_total: float | None = None
    max_rss_kib: int | None = None
    end_late: float | None = None
    duration: float | None = None
    planned: float | None = None
    phase_late: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def cpu_hold_per_second(self) -> float | None:
        if self.cpu_hold is None or not self.hold_wall:
            return None
        return self.cpu_hold / self.hold_wall

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["cpu_hold_per_second"] = self.cpu_hold_per_second
        return data


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


def read_trace(path: Path) -> list[dict[str, object]]:
    """The complete JSON lines written so far (a line being written is skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    records = []
    for line in text.splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records


def _finished(records: list[dict[str, object]]) -> bool:
    return any(r.get("event") == "SessionFinished" for r in records)


def _read_json(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _number(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"expected a number, got {value!r}")


def score_trace(result: RunResult, records: list[dict[str, object]]) -> None:
    """Lateness of each phase change and of the end, against the trace's own plan."""
    started = next((r for r in records if r.get("event") == "SessionStarted"), None)
    finished = next((r for r in records if r.get("event") == "SessionFinished"), None)
    if started is None or finished is None:
        result.error = "the trace has no start or no end"
        return
    start = _number(started["clock"])
    phases = [r for r in records if r.get("event") == "PhaseStarted" and "started_at" in r]
    # The first phase starts with the session: only later ones end a deadline.
    for record in phases[1:]:
        result.phase_late.append(_number(record["clock"]) - _number(record["started_at"]))
    planned_total = _number(finished["planned_total"])
    end = _number(finished["clock"])
    result.planned = planned_total
    result.duration = end - start
    result.end_late = end - (start + planned_total)


def environment(home: Path) -> list[str]:
    """A clean environment, as a new terminal for a new user would give."""
    venv_bin = str(Path(sys.executable).parent)
    folders = {
        "XDG_CONFIG_HOME": home / "config",
        "XDG_DATA_HOME": home / "data",
        "XDG_STATE_HOME": home / "state",
        "XDG_CACHE_HOME": home / "cache",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    return [
        f"HOME={home}",
        f"PATH={venv_bin}:/usr/local/bin:/usr/bin:/bin",
        "LANG=C.UTF-8",
        "TERM=xterm-256color",
        *(f"{name}={path}" for name, path in folders.items()),
    ]


class _Timeout(Exception):
    pass


def _wait_for(check: object, deadline: float, interval: float = POLL) -> None:
    assert callable(check)
    while not check():
        if time.monotonic() > deadline:
            raise _Timeout
        time.sleep(interval)


def run_once(tmux: Tmux, variant: Variant, index: int, work: Path) -> RunResult:
    result = RunResult(variant.key, index)
    name = f"{variant.key}-{index}"
    folder = work / name
    home = folder / "home"
    home.mkdir(parents=True)
    trace = folder / "trace.jsonl"
    usage_file = folder / "usage.json"
    start_file = folder / "usage.json.start"
    python = sys.executable
    command = [
        "exec",
        "env",
        "-i",
        *environment(home),
        python,
        str(HERE / "measure.py"),
        str(usage_file),
        "--",
        *variant.command(python, trace),
    ]
    deadline = time.monotonic() + RUN_TIMEOUT
    step = "start"
    try:
        tmux.new_session(name, shlex.join(command), str(ROOT))
        _wait_for(start_file.exists, deadline)
        start = _read_json(start_file) or {}
        pid = int(_number(start["pid"]))
        launched = _number(start["launched"])

        step = "first frame"
        seen_at = 0.0

        def frame_shown() -> bool:
            nonlocal seen_at
            seen_at = time.monotonic()
            return MARKER in tmux.capture(name)

        _wait_for(frame_shown, deadline)
        result.first_frame = seen_at - launched
        hold_cpu_from = cpu_precise_seconds(pid)

        step = "end of countdown"
        time.sleep(max(0.0, launched + HOLD_SECONDS - 0.5 - time.monotonic()))
        _wait_for(lambda: _finished(read_trace(trace)), deadline, FINE_POLL)
        ended_at = time.monotonic()
        cpu_end = cpu_ticks_seconds(pid)
        hold_cpu_to = cpu_precise_seconds(pid)
        result.peak_rss_kib = peak_rss_kib(pid)
        result.cpu_to_end = cpu_end
        if hold_cpu_from is not None and hold_cpu_to is not None:
            result.cpu_hold = hold_cpu_to - hold_cpu_from
            result.hold_wall = ended_at - seen_at
        score_trace(result, read_trace(trace))

        step = "exit"
        while not usage_file.exists():
            if time.monotonic() > deadline:
                raise _Timeout
            if variant.needs_quit_key:
                # Again every 0.3 s: a key sent before the summary screen is up may be lost.
                tmux.send_keys(name, "q")
            time.sleep(0.3 if variant.needs_quit_key else POLL)
    except _Timeout:
        result.error = f"timed out waiting for: {step}"
        tmux.kill_session(name)
    except (KeyError, ValueError, OSError) as exc:
        result.error = f"{step}: {exc}"
        tmux.kill_session(name)
    usage = _read_json(usage_file)
    if usage is not None:
        result.cpu_total = _number(usage["cpu_user"]) + _number(usage["cpu_system"])
        result.max_rss_kib = int(_number(usage["max_rss_kib"]))
        if usage.get("status") != 0 and result.error is None:
            result.error = f"exit status {usage.get('status')}"
    if result.error is not None:
        result.error += _screen_hint(tmux, name)
    tmux.kill_session(name)
    return result


def _screen_hint(tmux: Tmux, name: str) -> str:
    text = " / ".join(line.strip() for line in tmux.capture(name).splitlines() if line.strip())
    return f" (screen: {text[:200]})" if text else ""


def run(runs: int, variants: tuple[Variant, ...] = VARIANTS, log: bool = True) -> list[RunResult]:
    """``runs`` rounds of every variant, interleaved; failed runs are kept, marked."""
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
        f"hold {_ms(result.cpu_hold)} CPU, end {_ms(result.end_late, signed=True)} late",
        flush=True,
    )


def _ms(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:+.1f} ms" if signed else f"{value * 1000:.0f} ms"


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"
