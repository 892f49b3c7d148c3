"""The picker's preview shows the highlighted step's figure; left and right move the highlight."""

from __future__ import annotations

from test_tui_figure_session import figure_routine
from tui_helpers import (
    FakeHistory,
    broken_entry,
    entry,
    make_app,
    screen_text,
    session_screen,
    two_step_routine,
)

from stretchtimer.figures.draw import draw_keyframe
from stretchtimer.figures.library import library_figure
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.screens.picker import PickerScreen
from stretchtimer.tui.widgets.figure_view import FigureView


def target_drawing(name: str, view: FigureView, *, mirrored: bool = False) -> tuple[str, ...]:
    figure = library_figure(name)
    assert figure is not None
    width, height = view.content_size.width, view.content_size.height
    return draw_keyframe(figure, width, height, mirrored=mirrored).lines


async def test_the_preview_shows_the_highlighted_steps_figure(clock: FakeClock) -> None:
    entries = [entry(figure_routine(), "figures"), entry(two_step_routine(), "mini-break")]
    app = make_app(clock=clock, entries=entries)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        view = picker.query_one("#preview-figure", FigureView)
        assert picker.highlighted_step == 0 and view.display
        # As the session starts it: the left side first, so the mirror image.
        assert view.lines == target_drawing("overhead-arm-reach", view, mirrored=True)
        assert "Step 1 of 4: Overhead arm reach" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert picker.highlighted_step == 1
        assert view.lines == target_drawing("cat-cow", view)
        assert "Step 2 of 4: Cat-cow" in screen_text(app)
        await pilot.press("right", "right", "right", "right")  # stops at the last step
        await pilot.pause()
        assert picker.highlighted_step == 3 and not view.display  # "Plain" has no figure
        await pilot.press("left", "left")
        await pilot.pause()
        assert view.lines == target_drawing("cat-cow", view)
        # Another routine: its first step, and no figure for a routine without any.
        await pilot.press("down")
        await pilot.pause()
        assert picker.highlighted_step == 0 and not view.display
        # Back on the first routine, a step to the right: Enter starts there.
        await pilot.press("up", "right", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen)
        assert session_screen(app).session.start_step == 1


async def test_an_interrupted_routine_highlights_the_step_it_stopped_at(clock: FakeClock) -> None:
    history = FakeHistory(interrupted={"Figures": 2})
    entries = [entry(figure_routine(), "figures"), broken_entry("typo")]
    app = make_app(clock=clock, entries=entries, history=history)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        view = picker.query_one("#preview-figure", FigureView)
        assert picker.highlighted_step == 2
        assert view.lines == target_drawing("neck-flexion", view)
        await pilot.press("down", "right")  # a broken routine: nothing to highlight or draw
        await pilot.pause()
        assert not view.display


async def test_a_small_terminal_keeps_the_preview_for_text(clock: FakeClock) -> None:
    app = make_app(clock=clock, entries=[entry(figure_routine(), "figures")])
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert not picker.query_one("#preview-figure", FigureView).display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert picker.query_one("#preview-figure", FigureView).display
