"""The picker opens on the routine run last, and Enter starts at the step chosen with ← →."""

from __future__ import annotations

from test_tui_figure_session import figure_routine
from textual.containers import VerticalScroll
from textual.widgets import OptionList
from tui_helpers import (
    FakeHistory,
    entry,
    make_app,
    screen_text,
    session_screen,
    sets_routine,
    two_step_routine,
)

from stretchtimer import locations
from stretchtimer.session.clock import FakeClock
from stretchtimer.state import read_state
from stretchtimer.tui.screens.picker import PickerScreen
from stretchtimer.tui.screens.summary import SummaryScreen


def _entries() -> list:
    return [
        entry(two_step_routine(), "mini-break"),
        entry(sets_routine(), "sets", "user"),
        entry(figure_routine(), "figures"),
    ]


def _highlighted(app: object) -> str:
    picker = app.screen  # type: ignore[attr-defined]
    assert isinstance(picker, PickerScreen)
    chosen = picker.highlighted_entry()
    assert chosen is not None
    return chosen.name


async def test_the_next_start_highlights_the_routine_used_last(clock: FakeClock) -> None:
    first = make_app(clock=clock, entries=_entries(), history=FakeHistory())
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _highlighted(first) == "mini-break"
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert session_screen(first).session.routine.name == "Figures"
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(first.screen, SummaryScreen)
        await pilot.press("b")  # back to the routines: still on the one just done
        await pilot.pause()
        assert _highlighted(first) == "figures"
    assert read_state().last_routine == "Figures"
    assert locations.state_file().is_file()

    second = make_app(clock=FakeClock(), entries=_entries(), history=FakeHistory())
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _highlighted(second) == "figures"
        assert second.screen.query_one(OptionList).highlighted == 2


async def test_a_damaged_state_file_opens_on_the_first_routine(clock: FakeClock) -> None:
    locations.state_file().parent.mkdir(parents=True)
    locations.state_file().write_text('{"last_routine": [1, 2')
    app = make_app(clock=clock, entries=_entries(), history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _highlighted(app) == "mini-break"
        await pilot.press("enter")
        await pilot.pause()
    assert read_state().last_routine == "Mini break"  # and the file is whole again


async def test_enter_after_right_right_starts_at_step_3(clock: FakeClock) -> None:
    app = make_app(clock=clock, entries=_entries()[2:], history=FakeHistory())
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.pause()
        scroll = app.screen.query_one("#preview", VerticalScroll)
        assert scroll.scroll_y == 0
        await pilot.press("right", "right")
        await pilot.pause()
        assert "start at step 3" in screen_text(app)  # said before it starts
        assert scroll.scroll_y > 0  # the list has moved to show step 3
        assert "3. Neck" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        session = session_screen(app).session
        assert session.start_step == 2
        assert session.current_step.name == session.routine.steps[2].name
