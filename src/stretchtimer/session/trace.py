"""A timing trace of a session, for measuring how close phases end to plan.

``stretchtimer run ROUTINE --trace FILE`` writes one JSON line per engine
event with the clock reading at which the engine sent it, which is when the
app noticed. Since every phase starts exactly at its predecessor's deadline,
the lateness of a phase change is the gap between that reading and the
``started_at`` the event carries.

Each line is appended with the file opened and closed around it: nothing is
held open between events, so a session that never finishes (quit from a
screen that outlives it, a crash, a kill) leaves a complete file and no open
handle, and every line written is already on disk.
"""

from __future__ import annotations

import json
from pathlib import Path

from stretchtimer.regular_file import write_regular
from stretchtimer.session.events import (
    Event,
    EventSource,
    PhaseStarted,
    SessionFinished,
    SessionStarted,
)


class TraceWriter:
    def __init__(self, path: Path) -> None:
        self._path = path
        # Start an empty file now, so a path that cannot be written fails at once, and
        # one that names a FIFO or a device is refused instead of waiting or writing to it.
        write_regular(path, "")
        #: The planned length of the session being traced, for its last line.
        self._planned_total = 0

    def attach(self, session: EventSource) -> None:
        session.subscribe(self)

    def __call__(self, event: Event) -> None:
        record: dict[str, object] = {"event": type(event).__name__, "clock": event.now}
        match event:
            case SessionStarted(timeline=timeline):
                self._planned_total = timeline.total_seconds
            case PhaseStarted(phase=phase, started_at=started_at):
                record["phase"] = phase.index
                record["kind"] = phase.kind.value
                # The deadline this phase began at, as the engine holds it.
                record["started_at"] = started_at
                record["planned_offset"] = phase.start
            case SessionFinished(summary=summary):
                record["active_seconds"] = summary.active_seconds
                record["planned_total"] = self._planned_total
            case _:
                pass
        with self._path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
