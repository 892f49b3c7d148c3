"""Keys typed ahead while dialogs open and close: nothing crashes, no key goes astray."""

from __future__ import annotations

import asyncio

from textual import events
from textual.command import CommandList, CommandPalette
from tui_helpers import (
    FakeHistory,
    entry,
    make_app,
    screen_text,
    session_screen,
    settle,
    two_step_routine,
    type_ahead,
)

from stretchtimer.session.engine import SessionState
from stretchtimer.tui.screens.confirm import ConfirmQuit
from stretchtimer.tui.screens.help import HelpScreen
from stretchtimer.tui.screens.picker import PickerScreen
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.screens.summary import SummaryScreen


async def test_keys_typed_over_the_help_close_it_once_and_reach_the_session() -> None:
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        type_ahead(app, "a", "b", "c")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert "Neck tilt" in screen_text(app)
        # The help again, then a key that means something underneath: it closes
        # the help, and the next one (n: next step) lands on the session.
        await pilot.press("question_mark")
        type_ahead(app, "x", "n")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert session_screen(app).session.step_index == 1


async def test_a_key_read_a_moment_after_the_others_waits_for_them() -> None:
    """``?x`` in one read and ``+`` in the next: help, closed by x, then ten seconds more,
    with the second read arriving at each point of the first's way (event-loop turns apart)."""
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = session_screen(app).session
        length = session.phase_length
        for turns in range(3):
            type_ahead(app, "question_mark", "x")
            for _ in range(turns):
                await asyncio.sleep(0)  # one turn of the event loop, not a wait
            type_ahead(app, "plus")
            await settle(pilot)
            assert isinstance(app.screen, SessionScreen), (turns, app.screen_stack)
            assert session.phase_length == length + 10 * (turns + 1), turns


async def test_yes_typed_fast_ends_the_session_once_and_the_rest_go_to_the_summary() -> None:
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        type_ahead(app, "q", "y", "e", "s", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert app.return_code is None  # still running
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_key_typed_before_the_quit_question_shows_answers_it() -> None:
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = session_screen(app).session
        type_ahead(app, "q", "x", "n")  # quit? no; then next step
        await settle(pilot)
        assert app.screen is session_screen(app)
        assert session.state is SessionState.RUNNING
        assert session.step_index == 1


async def test_a_dialog_answers_once() -> None:
    answers: list[bool | None] = []
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = ConfirmQuit()
        app.push_screen(dialog, answers.append)
        await pilot.pause()
        dialog.answer(False)
        dialog.answer(True)
        await settle(pilot)
        dialog.answer(True)
        assert answers == [False]
        assert isinstance(app.screen, SessionScreen)


async def test_enter_typed_twice_on_the_picker_starts_one_session() -> None:
    history = FakeHistory()
    app = make_app(entries=[entry(two_step_routine(), "mini")], history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        type_ahead(app, "enter", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert len(history.attached) == 1


async def test_back_typed_twice_on_the_summary_opens_one_picker() -> None:
    app = make_app(entries=[entry(two_step_routine(), "mini")], history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        type_ahead(app, "q", "y")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        type_ahead(app, "b", "b", "down")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        assert sum(isinstance(s, PickerScreen) for s in app.screen_stack) == 1


async def test_page_down_typed_with_ctrl_p_moves_in_the_palette() -> None:
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_ahead(app, "ctrl+p", "pagedown", "pageup", "pagedown")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        commands = app.screen.query_one(CommandList)
        assert commands.option_count > 1
        await pilot.press("pagedown")
        assert commands.highlighted == commands.option_count - 1
        await pilot.press("pageup")
        assert commands.highlighted == 0
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


async def test_the_quit_question_says_how_to_answer_on_a_tiny_terminal() -> None:
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmQuit)
        text = screen_text(app)
        assert "End session?" in text
        assert "y: yes" in text
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)


async def test_enter_typed_twice_in_the_theme_list_closes_only_the_list() -> None:
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.search_themes()  # what the palette's Theme command opens
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        type_ahead(app, "down", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.return_code is None


async def test_a_key_that_comes_back_after_the_last_screen_closed_is_dropped() -> None:
    # Typed ahead of a quit: the key bubbles back up to the app once nothing is left on screen.
    app = make_app(two_step_routine(), history=FakeHistory())
    async with app.run_test():
        pass
    assert not app.screen_stack
    # No ScreenStackError: nothing is left for the key to act on.
    await app.on_event(events.Key("x", "x"))
