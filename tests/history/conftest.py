"""Fixtures for the history tests: a routine, a clock pair and a recorder on a real file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stretchtimer.history.recorder import HistoryRecorder
from stretchtimer.history.records import SessionRecord
from stretchtimer.history.store import open_store
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session

HOLD = 20


def make_routine(name: str = "Desk break", steps: int = 4, **step_overrides: object) -> Routine:
    values: dict[str, object] = {"hold": HOLD, "prepare": 0, "rest": 0, "switch": 0}
    values.update(step_overrides)
    return Routine(
        name=name,
        steps=tuple(
            Step(name=f"Stretch {n + 1}", **values)  # type: ignore[arg-type]
            for n in range(steps)
        ),
        source=Path(f"/routines/{name.lower().replace(' ', '-')}.yaml"),
    )


class Clocks:
    """The engine's monotonic clock and the wall clock, moving together."""

    def __init__(self, start: datetime) -> None:
        self.mono = FakeClock()
        self._origin = self.mono.now()
        self._start = start

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self.mono.now() - self._origin)

    def advance(self, seconds: float) -> None:
        self.mono.advance(seconds)

    def jump(self, delta: timedelta) -> None:
        """Time passing between sessions (a day, an hour)."""
        self.mono.advance(delta.total_seconds())


@dataclass
class Run:
    session: Session
    clocks: Clocks

    def finish_steps(self, count: int = 1) -> None:
        """Hold the current step (and the next ``count - 1``) to the end."""
        for _ in range(count):
            self.clocks.advance(HOLD)
            self.session.update()


@pytest.fixture(name="make_routine")
def make_routine_fixture() -> Callable[..., Routine]:
    return make_routine


@pytest.fixture
def read_sessions(db_path: Path) -> Callable[[], list[SessionRecord]]:
    """Sessions as another process would see them now: a fresh connection each time."""

    def read() -> list[SessionRecord]:
        store = open_store(db_path, create=False)
        try:
            return list(reversed(store.sessions()))
        finally:
            store.close()

    return read


@pytest.fixture
def clocks() -> Clocks:
    return Clocks(datetime(2025, 3, 12, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.db"


@pytest.fixture
def new_recorder(db_path: Path, clocks: Clocks) -> Callable[..., HistoryRecorder]:
    def make(path: Path | None = None) -> HistoryRecorder:
        return HistoryRecorder(path or db_path, now=clocks.now, tz=UTC)

    return make


@pytest.fixture
def recorder(new_recorder: Callable[..., HistoryRecorder]) -> HistoryRecorder:
    return new_recorder()


@pytest.fixture
def start_run(recorder: HistoryRecorder, clocks: Clocks) -> Callable[..., Run]:
    def start(
        routine: Routine | None = None,
        *,
        start_step: int = 0,
        using: HistoryRecorder | None = None,
    ) -> Run:
        session = Session(routine or make_routine(), clocks.mono, start_step=start_step)
        (using or recorder).attach(session)
        session.start()
        return Run(session, clocks)

    return start
