"""Pictures of the screens at 80x24, on a fake clock so every run draws the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from tui_helpers import (
    FakeAudio,
    FakeHistory,
    advance,
    advance_to,
    broken_entry,
    entry,
    make_app,
    session_screen,
    sets_routine,
    two_step_routine,
)

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.timeline import PhaseKind

Snap = Callable[..., bool]


def _session_at(
    kind: PhaseKind, seconds: float, *, reps: bool = False, keys: tuple[str, ...] = ()
) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = session_screen(pilot.app)
        clock = screen.driver.clock
        assert isinstance(clock, FakeClock)
        advance_to(clock, screen, kind, reps=reps)
        advance(clock, screen, seconds)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)

    return run_before


def _app(routine_factory: Callable[[], Any] = sets_routine) -> Any:
    return make_app(
        routine_factory(), clock=FakeClock(), audio=FakeAudio(), history=FakeHistory(streak=4)
    )


def test_picker(snap_compare: Snap) -> None:
    entries = [
        entry(two_step_routine(), "mini-break"),
        broken_entry("typo"),
        entry(sets_routine(), "sets", origin="user"),
    ]
    assert snap_compare(make_app(clock=FakeClock(), entries=entries), terminal_size=(80, 24))


def test_first_step_getting_ready_with_caution(snap_compare: Snap) -> None:
    assert snap_compare(_app(two_step_routine), terminal_size=(80, 24))


def test_hold(snap_compare: Snap) -> None:
    run_before = _session_at(PhaseKind.WORK, 7)
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_rep_step(snap_compare: Snap) -> None:
    run_before = _session_at(PhaseKind.WORK, 10, reps=True)
    assert snap_compare(_app(two_step_routine), terminal_size=(80, 24), run_before=run_before)


def test_side_switch(snap_compare: Snap) -> None:
    run_before = _session_at(PhaseKind.SWITCH, 2)
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_paused(snap_compare: Snap) -> None:
    run_before = _session_at(PhaseKind.WORK, 12, keys=("space",))
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_summary(snap_compare: Snap) -> None:
    run_before = _session_at(PhaseKind.WORK, 20, reps=True, keys=("q", "y"))
    assert snap_compare(_app(two_step_routine), terminal_size=(80, 24), run_before=run_before)


def test_small_terminal(snap_compare: Snap) -> None:
    run_before = _session_at(PhaseKind.WORK, 3, keys=("space",))
    assert snap_compare(_app(), terminal_size=(30, 8), run_before=run_before)


def test_new_routine_name_with_a_problem(snap_compare: Snap) -> None:
    entries = [entry(two_step_routine(), "mini-break")]

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"a/b", "enter")
        await pilot.pause()

    app = make_app(clock=FakeClock(), entries=entries)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
