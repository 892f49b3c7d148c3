"""Reading timing traces: ``stretchtimer run --trace`` and the floor's own.

A trace is JSON lines, one per engine event, each with the ``clock``
(``time.monotonic()``) at which the app saw it. Every phase starts exactly at
its predecessor's deadline, and a ``PhaseStarted`` line carries that deadline
as ``started_at``; so how late the app noticed a phase change is
``clock - started_at``, and how late it noticed the end is the
``SessionFinished`` clock against the start plus ``planned_total``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

Record = dict[str, object]


@dataclass
class TraceScore:
    planned: float
    duration: float
    end_late: float
    phase_late: list[float] = field(default_factory=list)


def read_trace(path: Path) -> list[Record]:
    """The complete JSON lines written so far (a line being written is skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    records = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def finished(records: list[Record]) -> bool:
    return any(r.get("event") == "SessionFinished" for r in records)


def number(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"expected a number, got {value!r}")


def score(records: list[Record]) -> TraceScore:
    """Lateness of each phase change and of the end; ValueError if the trace is incomplete."""
    started = next((r for r in records if r.get("event") == "SessionStarted"), None)
    ended = next((r for r in records if r.get("event") == "SessionFinished"), None)
    if started is None or ended is None:
        raise ValueError("the trace has no start or no end")
    start = number(started["clock"])
    end = number(ended["clock"])
    planned = number(ended["planned_total"])
    phases = [r for r in records if r.get("event") == "PhaseStarted" and "started_at" in r]
    # The first phase starts with the session: only later ones follow a deadline.
    late = [number(r["clock"]) - number(r["started_at"]) for r in phases[1:]]
    return TraceScore(
        planned=planned, duration=end - start, end_late=end - (start + planned), phase_late=late
    )
