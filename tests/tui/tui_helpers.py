"""Routines, fake services and screen readers shared by the Textual tests."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual import events
from textual.app import App
from textual.pilot import Pilot

from stretchtimer.catalog import RoutineEntry
from stretchtimer.config import Config
from stretchtimer.routine import Routine, Step, StepKind
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.timeline import PhaseKind
from stretchtimer.state import CautionsRead
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.textual_private import whole_screen


def two_step_routine() -> Routine:
    """Every kind of phase: prepare, hold on two sides with a switch, rest, reps."""
    return Routine(
        name="Mini break",
        description="Two short steps for the tests.",
        caution="Stop if anything hurts.",
        steps=(
            Step(
                name="Neck tilt",
                hold=20,
                sides=("left", "right"),
                prepare=5,
                switch=5,
                rest=15,
                instructions=("Sit tall.", "Tip your ear toward your shoulder."),
                tip="Breathe out as you tilt.",
            ),
            Step(
                name="Shoulder rolls",
                kind=StepKind.WARMUP,
                hold=None,
                reps=10,
                rep_time=3,
                prepare=5,
                instructions=("Roll both shoulders back.",),
            ),
        ),
    )


def sets_routine() -> Routine:
    return Routine(
        name="Sets",
        steps=(
            Step(name="Chin tuck", hold=30, sets=2, sides=("left", "right"), prepare=5, switch=5),
            Step(name="Wrist circles", hold=20, prepare=5),
        ),
    )


def entry(routine: Routine, name: str, origin: str = "bundled") -> RoutineEntry:
    return RoutineEntry(name, Path(f"/routines/{name}.yaml"), origin, routine)


def broken_entry(name: str = "typo") -> RoutineEntry:
    path = Path(f"/home/me/.config/stretchtimer/routines/{name}.yaml")
    return RoutineEntry(
        name,
        path,
        "user",
        None,
        (
            f"{path}:4:11: error: 'hold' must be a duration such as 30s or 1m",
            f"{path}:9:3: error: unknown key 'hodl'",
        ),
    )


class FakeAudio:
    def __init__(self) -> None:
        self.muted = False
        self.flash_handler: Callable[[], None] | None = None
        self.attached: list[tuple[Session, SessionState]] = []
        self.closed = 0

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def set_flash_handler(self, handler: Callable[[], None] | None) -> None:
        self.flash_handler = handler

    def attach(self, session: Session) -> None:
        self.attached.append((session, session.state))

    def close(self) -> None:
        self.closed += 1


class FakeHistory:
    def __init__(self, *, streak: int = 3, interrupted: dict[str, int] | None = None) -> None:
        self.streak = streak
        self.interrupted = interrupted or {}
        self.messages: list[str] = []
        self.attached: list[tuple[Session, SessionState]] = []

    def attach(self, session: Session) -> None:
        self.attached.append((session, session.state))

    def current_streak(self) -> int:
        return self.streak

    def interrupted_step(self, routine_name: str, *, step_count: int | None = None) -> int | None:
        step = self.interrupted.get(routine_name)
        if step is not None and step_count is not None and step >= step_count:
            return None
        return step

    def take_messages(self) -> list[str]:
        messages, self.messages = self.messages, []
        return messages


class CautionsAlreadyRead(CautionsRead):
    """A person who has read every caution before: sessions start at once."""

    def __init__(self) -> None:
        super().__init__()
        self.marked: list[str] = []

    def is_new(self, name: str, caution: str | None) -> bool:
        return False

    def mark_read(self, name: str, caution: str | None) -> None:
        self.marked.append(name)


def make_app(
    routine: Routine | None = None,
    *,
    clock: FakeClock | None = None,
    entries: list[RoutineEntry] | None = None,
    config: Config | None = None,
    **services: object,
) -> StretchApp:
    services.setdefault("cautions", CautionsAlreadyRead())
    return StretchApp(
        routine,
        config=config or Config(),
        clock=clock or FakeClock(),
        discover=(lambda: entries or []),
        **services,  # type: ignore[arg-type]
    )


def session_screen(app: App[object]) -> SessionScreen:
    for screen in reversed(app.screen_stack):
        if isinstance(screen, SessionScreen):
            return screen
    raise AssertionError(f"no session screen in {app.screen_stack}")


def screen_text(app: App[object]) -> str:
    """The characters on the terminal right now (dialogs, toasts and all), line by line."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(whole_screen(app))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def advance(clock: FakeClock, screen: SessionScreen, seconds: float) -> None:
    """Move time on second by second, waking the screen as its timer would."""
    target = clock.now() + seconds
    while True:
        wakeup = screen.driver.wakeup
        if wakeup is None or wakeup > target:
            break
        clock.set(max(clock.now(), wakeup))
        screen.tick()
    clock.set(target)
    screen.tick()


def advance_to(
    clock: FakeClock, screen: SessionScreen, kind: PhaseKind, *, reps: bool = False
) -> None:
    """Run the session until a phase of ``kind`` (and rep-ness) has just begun."""
    session = screen.session
    for _ in range(100):
        phase = session.current_phase
        if phase.kind is kind and (phase.reps is not None) == reps:
            return
        clock.advance(session.remaining)
        screen.tick()
    raise AssertionError(f"no {kind} phase reached")


def type_ahead(app: App[object], *keys: str) -> None:
    """Keys arriving together, as over SSH: all queued before the app handles any."""
    characters = {"enter": "\r", "space": " ", "escape": "\x1b", "tab": "\t"}
    for key in keys:
        character = key if len(key) == 1 else characters.get(key)
        app.post_message(events.Key(key, character))


async def settle(pilot: Pilot[object], rounds: int = 4) -> None:
    """Let queued keys, screen changes and the messages they cause all be handled."""
    for _ in range(rounds):
        await pilot.pause()


def stored_ratings(db: Path) -> list[tuple[str, str, str, int]]:
    """The ratings rows as the history file holds them, read straight from SQLite."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT routine, step_name, rating, step_index FROM ratings ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
