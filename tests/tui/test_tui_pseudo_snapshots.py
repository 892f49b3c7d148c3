"""The main screens in the pseudo-locale at every size the size pictures cover.

Every word of the app is some 40% longer there and accented, as German or
Spanish words often are: a screen that cuts a word, or lets one run over
another, shows it in these pictures. (The routine's own text stays English.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_tui_reminder import Rig
from test_tui_size_snapshots import _hold, _session_app
from textual.pilot import Pilot
from tui_helpers import make_app

from stretchtimer.catalog import discover
from stretchtimer.i18n import use_language
from stretchtimer.session.clock import FakeClock

Snap = Callable[..., bool]
SIZES = [(40, 6), (60, 15), (80, 24), (100, 30), (200, 50)]


@pytest.fixture(autouse=True)
def pseudo_locale() -> Iterator[None]:
    assert use_language(["en_XA"]) == "en_XA"
    yield


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
