"""One app run in a real terminal, followed from outside.

The app starts in a fresh tmux window (80x24, TERM=xterm-256color, an empty
home and XDG folders of its own) under ``measure.py``. From outside, the run
records:

* first frame: launch until ``capture-pane`` shows the app's marker text,
  and the CPU spent by then (start-up's share of the total);
* CPU to the end of the countdown: ``/proc/PID/stat`` as soon as the trace's
  ``SessionFinished`` appears, which is start-up plus the 12-second hold, the
  same span for both apps, and peak RSS (``VmHWM``) at that moment;
* CPU per second once settled: the nanosecond thread counters from 2 s after
  the first frame to the end, when start-up work is over and only the
  countdown itself costs anything; over the same span, wake-ups per second:
  the threads' voluntary context switches;
* from the trace, how late the app saw the countdown end;
* at exit, the child's own resource usage as the kernel kept it.
"""

from __future__ import annotations

import json
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import traces
from procfs import cpu_precise_seconds, cpu_ticks_seconds, peak_rss_kib, voluntary_switches
from terminal import Tmux

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ROUTINE = HERE / "routines" / "hold-12s.yaml"
#: The step name in ``ROUTINE``; the floor shows it as its title too.
MARKER = "Seated shoulder hold"
HOLD_SECONDS = 12.0
#: After the first frame, start-up work (late layout, the footer) is over by then.
SETTLE_SECONDS = 2.0
#: How long one run may take before it is abandoned as failed.
RUN_TIMEOUT = 40.0
POLL = 0.010
#: Near the end of the countdown the trace is polled this often, so little of
#: what comes after the end (the summary screen, shutting down) is counted.
FINE_POLL = 0.002


def _shows_marker(screen: str) -> bool:
    return MARKER in screen


@dataclass(frozen=True)
class Variant:
    key: str
    #: The command, given the Python to use and the trace file to write.
    command: Callable[[str, Path], list[str]]
    #: Runs until told to leave (stretchtimer shows a summary and waits for a key).
    needs_quit_key: bool
    #: Whether the screen shows the first frame yet.
    shown: Callable[[str], bool] = _shows_marker
    #: Whether it writes a timing trace; one that does not (another program) is
    #: read at the end of its countdown by the clock instead, then left to exit.
    traced: bool = True


@dataclass
class RunResult:
    variant: str
    index: int
    error: str | None = None
    first_frame: float | None = None
    cpu_first_frame: float | None = None
    cpu_to_end: float | None = None
    cpu_settled_per_second: float | None = None
    wakeups_settled_per_second: float | None = None
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

    def to_json(self) -> dict[str, object]:
        return asdict(self)


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


def _wait_for(check: Callable[[], bool], deadline: float, interval: float = POLL) -> None:
    while not check():
        if time.monotonic() > deadline:
            raise _Timeout
        time.sleep(interval)


def measured_launch(home: Path, usage_file: Path, command: list[str]) -> list[str]:
    """The shell words that run ``command`` in a clean environment under ``measure.py``.

    ``measure.py`` writes the child's pid and launch time to ``USAGE.start``
    at once, and its resource usage to ``usage_file`` when it exits.
    """
    wrapped = [sys.executable, str(HERE / "measure.py"), str(usage_file), "--"]
    return ["exec", "env", "-i", *environment(home), *wrapped, *command]


def read_json(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.monotonic()))


def run_once(tmux: Tmux, variant: Variant, index: int, work: Path) -> RunResult:
    """Launch, watch and measure one run; a failed run comes back with ``error`` set."""
    result = RunResult(variant.key, index)
    name = f"{variant.key}-{index}"
    folder = work / name
    home = folder / "home"
    home.mkdir(parents=True)
    trace = folder / "trace.jsonl"
    usage_file = folder / "usage.json"
    start_file = folder / "usage.json.start"
    python = sys.executable
    command = measured_launch(home, usage_file, variant.command(python, trace))
    deadline = time.monotonic() + RUN_TIMEOUT
    step = "start"
    try:
        tmux.new_session(name, shlex.join(command), str(ROOT))
        _wait_for(start_file.exists, deadline)
        start = read_json(start_file) or {}
        pid = int(traces.number(start["pid"]))
        launched = traces.number(start["launched"])

        step = "first frame"
        seen_at = 0.0

        def frame_shown() -> bool:
            nonlocal seen_at
            seen_at = time.monotonic()
            return variant.shown(tmux.capture(name))

        _wait_for(frame_shown, deadline)
        result.first_frame = seen_at - launched
        result.cpu_first_frame = cpu_precise_seconds(pid)

        step = "settling"
        _sleep_until(seen_at + SETTLE_SECONDS)
        settled_at, settled_cpu = time.monotonic(), cpu_precise_seconds(pid)
        settled_switches = voluntary_switches(pid)

        step = "end of countdown"
        _sleep_until(launched + HOLD_SECONDS - 0.5)
        if variant.traced:
            _wait_for(lambda: traces.finished(traces.read_trace(trace)), deadline, FINE_POLL)
        ended_at, ended_cpu = time.monotonic(), cpu_precise_seconds(pid)
        ended_switches = voluntary_switches(pid)
        result.cpu_to_end = cpu_ticks_seconds(pid)
        result.peak_rss_kib = peak_rss_kib(pid)
        if settled_cpu is not None and ended_cpu is not None:
            result.cpu_settled_per_second = (ended_cpu - settled_cpu) / (ended_at - settled_at)
        if settled_switches is not None and ended_switches is not None:
            result.wakeups_settled_per_second = (ended_switches - settled_switches) / (
                ended_at - settled_at
            )
        if variant.traced:
            score = traces.score(traces.read_trace(trace))
            result.planned, result.duration = score.planned, score.duration
            result.end_late, result.phase_late = score.end_late, score.phase_late

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
    except (KeyError, ValueError, OSError) as exc:
        result.error = f"{step}: {exc}"
    usage = read_json(usage_file)
    if usage is not None:
        result.cpu_total = traces.number(usage["cpu_user"]) + traces.number(usage["cpu_system"])
        result.max_rss_kib = int(traces.number(usage["max_rss_kib"]))
        if usage.get("status") != 0 and result.error is None:
            result.error = f"exit status {usage.get('status')}"
    if result.error is not None:
        result.error += _screen_hint(tmux, name)
    tmux.kill_session(name)
    return result


def _screen_hint(tmux: Tmux, name: str) -> str:
    text = " / ".join(line.strip() for line in tmux.capture(name).splitlines() if line.strip())
    return f" (screen: {text[:200]})" if text else ""
