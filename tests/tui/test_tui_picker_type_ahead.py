"""Keys typed together in the picker do what the same keys typed slowly do."""

from __future__ import annotations

from test_tui_figure_session import figure_routine
from tui_helpers import (
    entry,
    make_app,
    screen_text,
    session_screen,
    settle,
    two_step_routine,
    type_ahead,
)

from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.screens.picker import PickerScreen


def _app(clock: FakeClock) -> StretchApp:
    entries = [entry(figure_routine(), "figures"), entry(two_step_routine(), "mini-break")]
    return make_app(clock=clock, entries=entries)


async def test_right_right_enter_in_one_burst_starts_at_step_three(clock: FakeClock) -> None:
    app = _app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        type_ahead(app, "right", "right", "enter")
        await settle(pilot)
        session = session_screen(app).session
        assert session.routine.name == figure_routine().name
        assert session.start_step == 2


async def test_down_then_steps_in_one_burst_apply_to_the_new_routine(clock: FakeClock) -> None:
    app = _app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_ahead(app, "down", "right")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert picker.highlighted_entry() is not None
        assert picker.highlighted_entry().name == "mini-break"  # type: ignore[union-attr]
        assert picker.highlighted_step == 1
        type_ahead(app, "up", "right", "right", "down", "up", "enter")
        await settle(pilot)
        session = session_screen(app).session
        assert session.routine.name == figure_routine().name
        assert session.start_step == 0  # moving to another routine and back starts afresh


async def test_down_right_right_enter_in_one_burst_starts_the_second_routine(
    clock: FakeClock,
) -> None:
    app = _app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_ahead(app, "down", "right", "enter")
        await settle(pilot)
        session = session_screen(app).session
        assert session.routine.name == two_step_routine().name
        assert session.start_step == 1


async def test_a_later_step_chosen_on_a_small_terminal_is_named_above_the_preview(
    clock: FakeClock,
) -> None:
    app = _app(clock)
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right")
        await pilot.pause()
        text = screen_text(app)  # the line wraps in the narrow preview
        assert "Step 4 of 4: Plain · Enter" in text and "starts here" in text
        await pilot.press("left", "left", "left")
        await pilot.pause()
        assert "starts here" not in screen_text(app)
