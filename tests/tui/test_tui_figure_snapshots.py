"""Pictures of the session screen with its figure, on a fake clock: a hold, mid-rep, a switch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from test_tui_figure_session import figure_routine
from textual.pilot import Pilot
from tui_helpers import FakeAudio, FakeHistory, advance, advance_to, make_app, session_screen

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.timeline import PhaseKind

Snap = Callable[..., bool]


def _at(kind: PhaseKind, seconds: float, *, reps: bool = False) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = session_screen(pilot.app)
        clock = screen.driver.clock
        assert isinstance(clock, FakeClock)
        advance_to(clock, screen, kind, reps=reps)
        advance(clock, screen, seconds)
        await pilot.pause()

    return run_before


def _app() -> Any:
    return make_app(
        figure_routine(), clock=FakeClock(), audio=FakeAudio(), history=FakeHistory(streak=4)
    )


def test_hold_with_its_figure(snap_compare: Snap) -> None:
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=_at(PhaseKind.WORK, 7))


def test_rep_step_mid_rep_with_its_figure(snap_compare: Snap) -> None:
    # Rep 2 of cat-cow, a quarter of the way in: the back on its way down into the dip.
    run_before = _at(PhaseKind.WORK, 7.5, reps=True)
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_side_switch_with_its_figure_turning(snap_compare: Snap) -> None:
    # Three quarters through the switch: turned round, rising into the right side's reach.
    run_before = _at(PhaseKind.SWITCH, 3)
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_figure_below_the_instructions_on_a_tall_narrow_terminal(snap_compare: Snap) -> None:
    assert snap_compare(_app(), terminal_size=(60, 40), run_before=_at(PhaseKind.WORK, 2))
