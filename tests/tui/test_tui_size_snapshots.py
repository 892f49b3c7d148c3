"""Pictures of each main screen at five terminal sizes, from 40x6 to 200x50, on fake clocks.

The bundled desk-break routine, whose long caution, four instructions and tip
do not all fit a small terminal: what each size leaves out, whole, is part of
the picture.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_tui_reminder import Rig
from textual.pilot import Pilot
from tui_helpers import FakeAudio, FakeHistory, advance, advance_to, make_app, session_screen

from stretchtimer.catalog import discover
from stretchtimer.loader import load_routine
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.timeline import PhaseKind

Snap = Callable[..., bool]
SIZES = [(40, 6), (60, 15), (80, 24), (100, 30), (200, 50)]
ROUTINES = Path(__file__).parents[2] / "routines"


def _session_app() -> Any:
    routine = load_routine(ROUTINES / "desk-break.yaml")
    return make_app(routine, clock=FakeClock(), audio=FakeAudio(), history=FakeHistory(streak=2))


def _hold(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = session_screen(pilot.app)
        clock = screen.driver.clock
        assert isinstance(clock, FakeClock)
        advance_to(clock, screen, PhaseKind.WORK)
        advance(clock, screen, 2)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_session(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(_session_app(), terminal_size=size, run_before=_hold())


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_quit_dialog(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(_session_app(), terminal_size=size, run_before=_hold("q"))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_summary(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(_session_app(), terminal_size=size, run_before=_hold("q", "y"))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_picker(snap_compare: Snap, size: tuple[int, int], tmp_path: Path) -> None:
    app = make_app(clock=FakeClock(), entries=discover(tmp_path))
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_reminder(snap_compare: Snap, size: tuple[int, int]) -> None:
    rig = Rig()

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        rig.advance(4 * 60 + 10)
        await pilot.pause()

    assert snap_compare(rig.app, terminal_size=size, run_before=run_before)


def test_picker_with_a_later_step_chosen_says_where_enter_starts(
    snap_compare: Snap, tmp_path: Path
) -> None:
    # 60x15 has room for neither the figure nor the step list's Enter line: the
    # line pinned above the preview says it.
    app = make_app(clock=FakeClock(), entries=discover(tmp_path))
    assert snap_compare(
        app, terminal_size=(60, 15), press=["down", "right", "right", "right", "right"]
    )
