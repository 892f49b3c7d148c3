"""The reminder's resident memory while it prompts: does an all-day pane grow?

One real reminder in a 100x30 tmux window (``remind --mute --every 2m
--postpone 2m``, up to 20 postpones a break from its settings file), a
break falling due every two minutes of the run and each prompt postponed
with ``p`` as soon as it shows, as a person would. Resident memory
(``VmRSS``) is read every 10 s; the figure is its growth from 1.5 minutes,
when start-up is long over, to the end: 8 minutes by default, an hour with
``run.py --remind-memory-minutes 60``. Beside it the same growth split by kind
(``RssAnon``, ``RssFile``, ``RssShmem``): what the program allocated, what of
its files was paged in, shared memory; the goal stays on ``VmRSS``.

The quiet reminder of ``bench_remind.real`` (no prompt in its minute) shows
what idling costs; this shows what each prompt leaves behind: restyles,
repaints, the title, the history file written and read back. With another
checkout (``run.py --before DIR``) its reminder runs beside this one, in a
window of its own, answered the same way.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import checkouts
import report
from app_run import ROOT, environment
from procfs import RESIDENT_KINDS, resident_kib, resident_kinds_kib
from terminal import Tmux

WIDTH, HEIGHT = 100, 30
#: Active time between prompts, and how far ``p`` moves one.
EVERY = "2m"
#: Memory is compared from here on: start-up, the first draws and imports are over.
EARLY_SECONDS = 90.0
SAMPLE_SECONDS = 10.0
#: The prompt's headline, and what the pane says once ``p`` took.
DUE_MARKER = "Time for a"
POSTPONED_MARKER = "Postponed:"
#: Growth from 1.5 minutes to the end, at most.
GROWTH_TARGET_KIB = 256


@dataclass
class MemoryRun:
    seconds: float
    #: ``remind``, or ``remind-before`` for the other checkout's.
    name: str = "remind"
    prompts: int = 0
    postponed: int = 0
    rss_early_kib: int | None = None
    rss_late_kib: int | None = None
    error: str | None = None
    #: (seconds since launch, VmRSS in KiB)
    samples: list[tuple[float, int]] = field(default_factory=list)
    #: (seconds since launch, {kind: KiB}) taken with each sample: which kind grew.
    kinds: list[tuple[float, dict[str, int]]] = field(default_factory=list)

    @property
    def growth_kib(self) -> int | None:
        if self.rss_early_kib is None or self.rss_late_kib is None:
            return None
        return self.rss_late_kib - self.rss_early_kib

    def rss_at(self, seconds: float) -> int | None:
        """The last sample taken at or before ``seconds``."""
        found = [rss for at, rss in self.samples if at <= seconds]
        return found[-1] if found else None

    def kinds_growth(self, start: float, end: float) -> dict[str, int] | None:
        """Each kind's growth from the last sample at or before ``start`` to the last
        at or before ``end``."""
        first = [kinds for at, kinds in self.kinds if at <= start]
        last = [kinds for at, kinds in self.kinds if at <= end]
        if not first or not last:
            return None
        return {kind: last[-1][kind] - first[-1][kind] for kind in RESIDENT_KINDS}


def run(minutes: float = 8.0, before: Path | None = None) -> list[MemoryRun]:
    """This checkout's reminder, and with ``before`` the other checkout's beside it in
    the same run (``checkouts.py``): the same prompts, the same load."""
    seconds = minutes * 60
    names = ["remind"] + (["remind" + checkouts.SUFFIX] if before is not None else [])
    results = {name: MemoryRun(seconds, name=name) for name in names}
    tmux = Tmux(f"stretchtimer-bench-remind-memory-{os.getpid()}")
    tmux.start()
    try:
        with tempfile.TemporaryDirectory(prefix="stretchtimer-bench-") as folder:
            pids = {}
            for name in names:
                home = Path(folder) / name / "home"
                home.mkdir(parents=True)
                env = environment(home)
                settings = home / "config" / "stretchtimer" / "config.toml"
                settings.parent.mkdir(parents=True)
                settings.write_text("[remind]\npostpone_limit = 20\n", encoding="utf-8")
                words = [sys.executable, "-m", "stretchtimer", "remind"]
                words += ["--mute", "--every", EVERY, "--postpone", EVERY, "--micro-every", "0"]
                if name != "remind" and before is not None:
                    words = checkouts.command(before, words)
                command = ["exec", "env", "-i", *env, *words]
                tmux.new_session(name, shlex.join(command), str(ROOT), width=WIDTH, height=HEIGHT)
                pids[name] = int(tmux.run("display-message", "-p", "-t", name, "#{pane_pid}"))
            _follow(tmux, pids, results)
    finally:
        tmux.stop()
    return list(results.values())


def _follow(tmux: Tmux, pids: dict[str, int], results: dict[str, MemoryRun]) -> None:
    """Answer every prompt with ``p`` and sample the memory until the run's end."""
    launched = time.monotonic()
    next_sample = 0.0
    due_shown = dict.fromkeys(pids, False)
    seconds = max(result.seconds for result in results.values())
    while (elapsed := time.monotonic() - launched) < seconds:
        for name in pids:
            result = results[name]
            if result.error:
                continue
            screen = tmux.capture(name)
            if not screen:
                result.error = "the reminder ended early"
                continue
            due = DUE_MARKER in screen
            if due and not due_shown[name]:
                result.prompts += 1
                tmux.send_keys(name, "p")
            if POSTPONED_MARKER in screen and due_shown[name] and not due:
                result.postponed += 1
            due_shown[name] = due
        if elapsed >= next_sample:
            for name, pid in pids.items():
                rss = resident_kib(pid)
                kinds = resident_kinds_kib(pid)
                if rss is not None:
                    results[name].samples.append((elapsed, rss))
                if kinds is not None:
                    results[name].kinds.append((elapsed, kinds))
            next_sample += SAMPLE_SECONDS
        time.sleep(0.5)
    for name, pid in pids.items():
        result = results[name]
        result.rss_early_kib = result.rss_at(EARLY_SECONDS)
        result.rss_late_kib = resident_kib(pid)
        if result.prompts == 0 and result.error is None:
            result.error = "no prompt was seen"


def lines(result: MemoryRun) -> list[str]:
    who = "" if result.name == "remind" else " (before)"
    if result.error:
        return [f"  FAILED{who}: {result.error}"]
    minutes = result.seconds / 60
    out = [
        f"  {minutes:.0f} minutes in tmux {WIDTH}x{HEIGHT}{who}, a prompt every {EVERY}: "
        f"{result.prompts} prompts, {result.postponed} postponed",
        f"  resident memory at 1.5 min {result.rss_early_kib} KiB, at {minutes:.0f} min "
        f"{result.rss_late_kib} KiB: {result.growth_kib:+d} KiB",
    ]
    by_kind = result.kinds_growth(EARLY_SECONDS, result.seconds)
    if by_kind is not None:
        out.append("  of which " + _kinds_text(by_kind))
    if minutes > 8:
        at_eight = result.rss_at(8 * 60)
        if at_eight is not None and result.rss_early_kib is not None:
            out.append(
                f"  from 1.5 to 8 min {at_eight - result.rss_early_kib:+d} KiB, from 8 min to "
                f"the end {(result.rss_late_kib or 0) - at_eight:+d} KiB"
            )
            late = result.kinds_growth(8 * 60, result.seconds)
            if late is not None:
                out.append("  from 8 min to the end, of which " + _kinds_text(late))
    return out


def _kinds_text(growth: dict[str, int]) -> str:
    words = {"RssAnon": "anonymous", "RssFile": "file-backed", "RssShmem": "shared"}
    return ", ".join(f"{words[kind]} {growth[kind]:+d} KiB" for kind in RESIDENT_KINDS)


def check(result: MemoryRun) -> report.Check:
    growth = result.growth_kib
    name = f"reminder RSS from 1.5 to {result.seconds / 60:.0f} min, prompting every {EVERY}"
    if result.name != "remind":
        name += " (before)"
    if result.error is not None or growth is None:
        return report.Check(name, "not measured", f"≤ {GROWTH_TARGET_KIB} KiB", False)
    return report.Check(
        name, f"{growth:+d} KiB", f"≤ {GROWTH_TARGET_KIB} KiB", growth <= GROWTH_TARGET_KIB
    )


if __name__ == "__main__":
    span = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
    other = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    for found in run(span, other):
        print("\n".join(lines(found)))
        for at, rss in found.samples:
            kinds = dict(found.kinds).get(at, {})
            split = " ".join(f"{kind} {kib}" for kind, kib in kinds.items())
            print(f"  {at:6.0f} s {rss} KiB  {split}")
