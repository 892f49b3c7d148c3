"""A timing trace of a session, for measuring how close phases end to plan.

``stretchtimer run ROUTINE --trace FILE`` writes one JSON line per engine
event with the clock reading at which the listener saw it. Since every phase
starts exactly at its predecessor's deadline, the lateness of a phase change
is the gap between that reading and the planned start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from stretchtimer.engine import Session
from stretchtimer.events import Event, PhaseStarted, SessionFinished, SessionStarted


class TraceWriter:
    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8")
        self._session: Session | None = None
        self._planned_start = 0.0

    def attach(self, session: Session) -> None:
        self._session = session
        session.subscribe(self)

    def __call__(self, event: Event) -> None:
        session = self._session
        if session is None:
            return
        now = session.clock.now()
        record: dict[str, object] = {"event": type(event).__name__, "clock": now}
        if isinstance(event, SessionStarted):
            self._planned_start = now
        elif isinstance(event, PhaseStarted):
            record["phase"] = event.phase.index
            record["kind"] = event.phase.kind.value
            # The deadline this phase began at, as the engine holds it.
            record["started_at"] = session.clock.now() - session.phase_elapsed
            record["planned_offset"] = event.phase.start
        elif isinstance(event, SessionFinished):
            record["active_seconds"] = event.summary.active_seconds
            record["planned_total"] = session.session_total
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()
        if isinstance(event, SessionFinished):
            self._file.close()
