"""The routine picker and the way back to it from the summary."""

from __future__ import annotations

import pytest
from tui_helpers import (
    FakeAudio,
    FakeHistory,
    broken_entry,
    entry,
    make_app,
    screen_text,
    session_screen,
    sets_routine,
    two_step_routine,
)

from stretchtimer import catalog
from stretchtimer.cli import main
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.screens.confirm import ResumeChoice
from stretchtimer.tui.screens.help import HelpScreen
from stretchtimer.tui.screens.picker import PickerScreen
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.screens.summary import SummaryScreen


def entries() -> list:  # type: ignore[type-arg]
    return [
        entry(two_step_routine(), "mini-break"),
        broken_entry("typo"),
        entry(sets_routine(), "sets", origin="user"),
    ]


async def test_lists_every_routine_with_steps_and_time(clock: FakeClock) -> None:
    app = make_app(clock=clock, entries=entries())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert app.window_title == "stretchtimer — choose a routine"
        text = screen_text(app)
        assert "mini-break" in text
        assert "2 steps · 1:40" in text
        assert "sets  user" in text
        assert "2 steps · 2:55" in text


async def test_the_picker_writes_a_routines_length_as_list_does(
    clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list"]) == 0
    listed = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()}
    assert listed["desk-break"] == ["5", "steps", "4:57"]
    app = make_app(clock=clock, entries=catalog.discover())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "5 steps · 4:57" in screen_text(app)


async def test_broken_file_shows_its_first_error_and_does_not_stop_the_rest(
    clock: FakeClock,
) -> None:
    app = make_app(clock=clock, entries=entries())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        text = screen_text(app)
        assert "typo  user  broken" in text
        assert "typo.yaml:4:11: error:" in text
        assert "unknown key 'hodl'" not in text.split("▎")[0]
        await pilot.press("down")
        text = screen_text(app)
        assert "typo cannot be used" in text
        assert "unknown key 'hodl'" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert "Broken routine" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.routine.name == "Sets"


async def test_preview_shows_description_caution_and_step_times(clock: FakeClock) -> None:
    app = make_app(clock=clock, entries=entries())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Mini break" in text
        assert "Two short steps for the tests." in text
        assert "⚠ Stop if anything hurts." in text
        assert " 1. Neck tilt  1:05\n" in text
        assert "    0:20 hold · each side\n" in text
        assert " 2. Shoulder rolls  0:35\n" in text
        assert "    10 reps · warm-up\n" in text


async def test_enter_starts_the_highlighted_routine(
    clock: FakeClock, audio: FakeAudio, history: FakeHistory
) -> None:
    app = make_app(clock=clock, entries=entries(), audio=audio, history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = session_screen(app)
        assert screen.session.routine.name == "Mini break"
        assert screen.session.start_step == 0
        assert len(audio.attached) == len(history.attached) == 1
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.window_title == "Mini break — ended · stretchtimer"  # quit: not "done"
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert app.window_title == "stretchtimer — choose a routine"
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert session_screen(app).session.routine.name == "Sets"
        assert len(audio.attached) == len(history.attached) == 2


async def test_interrupted_routine_offers_to_resume(clock: FakeClock) -> None:
    history = FakeHistory(interrupted={"Mini break": 1})
    app = make_app(clock=clock, entries=entries(), history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Stopped last time at step 2" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ResumeChoice)
        assert "Shoulder rolls" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter", "r")
        await pilot.pause()
        screen = session_screen(app)
        assert screen.session.start_step == 1
        assert screen.session.current_step.name == "Shoulder rolls"
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("enter", "f")
        await pilot.pause()
        assert session_screen(app).session.start_step == 0


async def test_out_of_range_interruption_is_ignored(clock: FakeClock) -> None:
    history = FakeHistory(interrupted={"Mini break": 7})
    app = make_app(clock=clock, entries=entries(), history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert session_screen(app).session.start_step == 0


async def test_no_routines_says_where_they_go(clock: FakeClock) -> None:
    app = make_app(clock=clock, entries=[])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        text = screen_text(app)
        assert "No routines found." in text
        assert "stretchtimer/routines" in text


async def test_picker_help_and_quit(clock: FakeClock) -> None:
    app = make_app(clock=clock, entries=entries())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Start the highlighted routine" in screen_text(app)
        await pilot.press("escape", "q")
        await pilot.pause()
        assert app.return_value == 0


async def test_summary_without_history_has_no_streak(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "q", "y")
        await pilot.pause()
        text = screen_text(app)
        assert "Skipped: 2" in text
        assert "Not reached" not in text
        assert "Streak" not in text
        assert "· Neck tilt" in text


async def test_start_step_outside_the_routine_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="step 5 is outside"):
        make_app(two_step_routine(), start_step=4)
