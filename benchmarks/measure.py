"""Run a command as a child and report what it cost, for the app comparison.

Usage: ``python measure.py OUT.json -- COMMAND ...``

tmux starts this wrapper in its pane; the command inherits the pane's
terminal. Just before starting the child, ``OUT.json.start`` gets the child's
pid and the launch time (``time.monotonic()``, a clock every process on the
machine shares), so the harness can time the first frame from the real
launch and read ``/proc`` while the child runs. When the child exits,
``OUT.json`` gets its resource usage, which the kernel kept for it, threads
included: nothing needs to be sampled at the right moment.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def write_json(path: Path, data: dict[str, object]) -> None:
    """Write whole or not at all: the harness polls for these files."""
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data), encoding="utf-8")
    partial.replace(path)


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: measure.py OUT.json -- COMMAND ...", file=sys.stderr)
        return 2
    out = Path(argv[0])
    command = argv[2:]
    launched = time.monotonic()
    child = subprocess.Popen(command)
    write_json(out.with_name(out.name + ".start"), {"pid": child.pid, "launched": launched})
    status = child.wait()
    ended = time.monotonic()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    write_json(
        out,
        {
            "pid": child.pid,
            "status": status,
            "launched": launched,
            "ended": ended,
            "cpu_user": usage.ru_utime,
            "cpu_system": usage.ru_stime,
            # Linux reports kilobytes.
            "max_rss_kib": usage.ru_maxrss,
        },
    )
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
