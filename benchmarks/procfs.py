"""Reading a running process's CPU time and memory from Linux's ``/proc``.

Two CPU readings, for two purposes: ``/proc/PID/stat`` counts every thread
the process ever had but only in 10 ms ticks, which suits a whole run; the
per-thread ``schedstat`` files count nanoseconds but only for live threads,
which suits a short steady stretch such as a 12-second hold, whose cost may
be a few tens of milliseconds.
"""

from __future__ import annotations

import os
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks_seconds(pid: int) -> float | None:
    """User + system CPU seconds of the whole process, in clock ticks; None if gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces; the fields after it are fixed.
    fields = stat[stat.rindex(")") + 2 :].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / _TICKS


def cpu_precise_seconds(pid: int) -> float | None:
    """CPU seconds of the process's live threads, to the nanosecond; None if gone."""
    total = 0
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return None
    for task in tasks:
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e9


def voluntary_switches(pid: int) -> int | None:
    """Times the process's live threads gave up the CPU to wait (each is one wake-up); None if gone.

    A thread that sleeps until a timer or input wakes it counts one voluntary
    context switch per sleep, so the count over a span is how often the
    process woke, which is what keeps a laptop's CPU out of its deep idle states.
    """
    total = 0
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return None
    for task in tasks:
        try:
            status = (task / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def peak_rss_kib(pid: int) -> int | None:
    """The process's peak resident memory so far (``VmHWM``), in KiB; None if gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def resident_kib(pid: int) -> int | None:
    """The process's resident memory now (``VmRSS``), in KiB; None if gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return None


#: The three kinds ``VmRSS`` is the sum of, as ``/proc/PID/status`` names them.
RESIDENT_KINDS = ("RssAnon", "RssFile", "RssShmem")


def resident_kinds_kib(pid: int) -> dict[str, int] | None:
    """Resident memory by kind, in KiB: anonymous (the heaps, pymalloc's arenas, thread
    stacks), file-backed (the interpreter and the libraries paged in, mapped files) and
    shared memory; None if gone. A growth in the first is memory the program allocated; in
    the second, code or a mapped file touched for the first time."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = {}
    for line in status.splitlines():
        name, _, value = line.partition(":")
        if name in RESIDENT_KINDS:
            found[name] = int(value.split()[0])
    return found if len(found) == len(RESIDENT_KINDS) else None
