"""The all-day reminder: memory over simulated days, and a real run beside the floor.

Two parts. ``simulated`` runs the whole reminder (scheduler, today's tally,
the pane's text, a real history file) over several working days on fake
clocks, waking exactly when the screen would, and measures Python's traced
memory after the first day and after the last: an all-day program must not
grow. ``real`` starts ``stretchtimer remind`` and the Textual floors
(``floor_app.py`` and ``minimal_app.py``: drawn once, then asleep) side by
side in tmux for the same span, and compares their CPU per second once
settled and their resident memory early and late. What prompts leave behind
is ``bench_remind_memory.py``'s part.
"""

from __future__ import annotations

import gc
import shlex
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import checkouts
import report
from app_run import HERE, ROOT, environment
from procfs import cpu_precise_seconds
from terminal import Tmux

#: Text the reminder pane shows once drawn.
REMIND_MARKER = "Worked"
#: The floor's title.
FLOOR_MARKER = "Seated shoulder hold"
SETTLE_SECONDS = 3.0


@dataclass
class SimulatedResult:
    days: int
    polls_per_day: float
    cpu_ms_per_day: float
    traced_kib_after_day_1: float
    traced_kib_after_last: float
    breaks_recorded: int
    traced_kib_by_day: list[float] = field(default_factory=list)

    @property
    def growth_kib(self) -> float:
        return self.traced_kib_after_last - self.traced_kib_after_day_1


def simulated(days: int = 10) -> SimulatedResult:
    from stretchtimer.history.recorder import HistoryRecorder
    from stretchtimer.idle.selection import IdleSelection
    from stretchtimer.remind.build import build_plan
    from stretchtimer.remind.service import Reminder
    from stretchtimer.remind.settings import RemindSettings
    from stretchtimer.remind.view import Status
    from stretchtimer.session.clock import FakeClock

    class Keyboard:
        """Typing, with a ten-minute pause every 75 minutes of the day."""

        name = "simulated"

        def __init__(self, clock: FakeClock) -> None:
            self.clock = clock

        def idle_seconds(self) -> float:
            minute = (self.clock.now() / 60) % 75
            return (minute - 65) * 60 if minute >= 65 else 0.0

        def close(self) -> None:
            pass

    settings = RemindSettings()
    plan, routines = build_plan(settings)
    mono, boot = FakeClock(0.0), FakeClock(0.0)
    start = datetime(2026, 3, 2, 9, 0).astimezone()

    def wall() -> datetime:
        return start + timedelta(seconds=boot.now())

    with tempfile.TemporaryDirectory(prefix="stretchtimer-bench-") as folder:
        history = HistoryRecorder(Path(folder) / "history.db")
        reminder = Reminder(
            settings,
            plan,
            routines,
            clock=mono,
            boot_clock=boot,
            wall=wall,
            idle=IdleSelection(Keyboard(mono)),
            history=history,
        )
        polls = 0
        answer = 0
        shown: object = None
        traced: list[float] = []
        tracemalloc.start()
        cpu_start = time.process_time()
        for _day in range(days):
            end = mono.now() + 8 * 3600
            while mono.now() < end:
                step = max(reminder.wake_in(), 0.01)
                mono.advance(step)
                boot.advance(step)
                reminder.poll()
                polls += 1
                text = reminder.text()
                if text != shown:
                    shown = text  # what the screen would draw
                if reminder.scheduler.view().status is Status.DUE:
                    answer += 1
                    if answer % 3 == 0:
                        reminder.skip()
                    elif answer % 3 == 1 and reminder.postpone():
                        pass
                    else:
                        reminder.start()
                        mono.advance(300)
                        boot.advance(300)
                        reminder.finish()
            # The night: sixteen hours asleep.
            boot.advance(16 * 3600)
            reminder.poll()
            gc.collect()
            traced.append(tracemalloc.get_traced_memory()[0] / 1024)
        cpu = time.process_time() - cpu_start
        tracemalloc.stop()
        recorded = len(history.breaks_since(start))
        reminder.close()
        history.close()
    return SimulatedResult(
        days=days,
        polls_per_day=polls / days,
        cpu_ms_per_day=cpu * 1000 / days,
        traced_kib_after_day_1=traced[0],
        traced_kib_after_last=traced[-1],
        breaks_recorded=recorded,
        traced_kib_by_day=traced,
    )


@dataclass
class RealRun:
    name: str
    seconds: float
    cpu_per_second: float | None = None
    rss_early_kib: int | None = None
    rss_late_kib: int | None = None
    error: str | None = None
    samples: list[tuple[float, int]] = field(default_factory=list)


def _rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _pid_of(tmux: Tmux, session: str) -> int:
    return int(tmux.run("display-message", "-p", "-t", session, "#{pane_pid}").strip())


def real(seconds: float = 60.0, before: Path | None = None) -> list[RealRun]:
    """All the apps at once for ``seconds`` after settling; the same load falls on each.

    With ``before``, the other checkout's reminder runs beside them (``checkouts.py``)."""
    python = sys.executable
    tmux = Tmux(f"stretchtimer-bench-remind-{int(time.time())}")
    tmux.start()
    runs = [RealRun("remind", seconds), RealRun("floor", seconds), RealRun("minimal", seconds)]
    remind = [python, "-m", "stretchtimer", "remind", "--mute", "--every", "2h"]
    commands = {
        "remind": remind,
        "floor": [python, str(HERE / "floor_app.py"), "--seconds", str(seconds + 30)],
        "minimal": [python, str(HERE / "minimal_app.py"), "--seconds", str(seconds + 30)],
    }
    markers = {"remind": REMIND_MARKER, "floor": FLOOR_MARKER, "minimal": FLOOR_MARKER}
    if before is not None:
        other = "remind" + checkouts.SUFFIX
        runs.append(RealRun(other, seconds))
        commands[other] = checkouts.command(before, remind)
        markers[other] = REMIND_MARKER
    try:
        with tempfile.TemporaryDirectory(prefix="stretchtimer-bench-") as folder:
            for run in runs:
                home = Path(folder) / run.name
                home.mkdir()
                command = ["exec", "env", "-i", *environment(home), *commands[run.name]]
                tmux.new_session(run.name, shlex.join(command), str(ROOT))
            deadline = time.monotonic() + 30
            for run in runs:
                while markers[run.name] not in tmux.capture(run.name):
                    if time.monotonic() > deadline:
                        run.error = "no first frame: " + tmux.capture(run.name)[:200]
                        break
                    time.sleep(0.05)
            time.sleep(SETTLE_SECONDS)
            pids = {run.name: _pid_of(tmux, run.name) for run in runs}
            begin = time.monotonic()
            cpu0 = {name: cpu_precise_seconds(pid) for name, pid in pids.items()}
            for run in runs:
                run.rss_early_kib = _rss_kib(pids[run.name])
            while time.monotonic() - begin < seconds:
                time.sleep(min(10.0, seconds / 6))
                for run in runs:
                    rss = _rss_kib(pids[run.name])
                    if rss is not None:
                        run.samples.append((time.monotonic() - begin, rss))
            elapsed = time.monotonic() - begin
            for run in runs:
                before, after = cpu0[run.name], cpu_precise_seconds(pids[run.name])
                if before is not None and after is not None:
                    run.cpu_per_second = (after - before) / elapsed
                run.rss_late_kib = _rss_kib(pids[run.name])
    finally:
        tmux.stop()
    return runs


def lines(sim: SimulatedResult | None, runs: list[RealRun] | None) -> list[str]:
    out: list[str] = []
    if sim is not None:
        out.append(
            f"  simulated: {sim.days} working days, {sim.polls_per_day:.0f} wake-ups a day, "
            f"{sim.cpu_ms_per_day:.0f} ms CPU a day, {sim.breaks_recorded} breaks recorded"
        )
        out.append(
            f"  traced memory after day 1 {sim.traced_kib_after_day_1:.0f} KiB, after day "
            f"{sim.days} {sim.traced_kib_after_last:.0f} KiB (growth {sim.growth_kib:+.1f} KiB)"
        )
        out.append("  by day: " + ", ".join(f"{k:.1f}" for k in sim.traced_kib_by_day) + " KiB")
    for run in runs or []:
        if run.error:
            out.append(f"  {run.name}: FAILED {run.error}")
            continue
        cpu = "-" if run.cpu_per_second is None else f"{run.cpu_per_second * 1000:.2f} ms/s"
        out.append(
            f"  {run.name:<14}{run.seconds:.0f} s: CPU {cpu}, RSS {run.rss_early_kib} KiB at "
            f"the start, {run.rss_late_kib} KiB at the end"
        )
    return out


#: Steady CPU of the reminder against the floor's, measured in the same run.
CPU_RATIO_TARGET = 1.3
#: ... and against the minimal floor's.
MINIMAL_CPU_RATIO_TARGET = 0.5
#: Traced memory may wander by this much from day 1 to the last day.
GROWTH_TARGET_KIB = 64.0


def checks(sim: SimulatedResult, runs: list[RealRun]) -> list[report.Check]:
    found = [
        report.Check(
            f"reminder memory over {sim.days} simulated days",
            f"{sim.growth_kib:+.1f} KiB",
            f"≤ {GROWTH_TARGET_KIB:.0f} KiB",
            sim.growth_kib <= GROWTH_TARGET_KIB,
        )
    ]
    by_name = {run.name: run for run in runs}
    remind, floor = by_name.get("remind"), by_name.get("floor")
    if remind is None or floor is None or remind.error or floor.error:
        found.append(report.Check("reminder CPU vs floor", "not measured", "a run", False))
        return found
    if remind.cpu_per_second is not None and floor.cpu_per_second:
        cpu_ratio = remind.cpu_per_second / floor.cpu_per_second
        found.append(
            report.Check(
                "reminder steady CPU vs the floor",
                f"{cpu_ratio:.2f}x",
                f"≤ {CPU_RATIO_TARGET}x",
                cpu_ratio <= CPU_RATIO_TARGET,
            )
        )
    minimal = by_name.get("minimal")
    if minimal is None or minimal.error or not minimal.cpu_per_second:
        found.append(
            report.Check("reminder CPU vs the minimal floor", "not measured", "a run", False)
        )
    elif remind.cpu_per_second is not None:
        to_minimal = remind.cpu_per_second / minimal.cpu_per_second
        found.append(
            report.Check(
                "reminder steady CPU vs the minimal floor",
                f"{to_minimal:.2f}x",
                f"≤ {MINIMAL_CPU_RATIO_TARGET}x",
                to_minimal <= MINIMAL_CPU_RATIO_TARGET,
            )
        )
    if remind.rss_early_kib and remind.rss_late_kib:
        grown = remind.rss_late_kib - remind.rss_early_kib
        found.append(
            report.Check(
                f"reminder RSS over {remind.seconds:.0f} s",
                f"{grown:+d} KiB",
                "≤ 1024 KiB",
                grown <= 1024,
            )
        )
    return found


if __name__ == "__main__":
    span = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    print("\n".join(lines(simulated(), real(span) if span > 0 else None)))
