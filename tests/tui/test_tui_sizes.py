"""Every terminal size: the way out shows, nothing scrolls, whole items or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_reminder import Rig
from tui_helpers import (
    FakeAudio,
    FakeHistory,
    make_app,
    screen_text,
    session_screen,
    settle,
    two_step_routine,
)

from stretchtimer.loader import load_routine
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import SessionState
from stretchtimer.tui.screens.confirm import StepNotes
from stretchtimer.tui.widgets.figure_view import FigureView
from stretchtimer.tui.widgets.key_bar import KeyBar
from stretchtimer.tui.widgets.line import Line
from stretchtimer.tui.widgets.notes_view import NotesView
from stretchtimer.tui.widgets.reminder_clock import ReminderClock


@pytest.mark.parametrize("size", [(40, 6), (60, 15), (80, 24)])
async def test_the_footer_always_offers_quit_and_help(size: tuple[int, int]) -> None:
    app = make_app(two_step_routine(), clock=FakeClock(), audio=FakeAudio(), history=FakeHistory())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert footer.split()[:4] == ["q", "Quit", "?", "Keys"]
        shown = app.screen.query_one(KeyBar).shown()
        # Whole keys only: every label drawn is a label the screen offers.
        offered = {item.label for item in app.screen.query_one(KeyBar).offered()}
        assert {label for _, label in shown} <= offered
        assert len(footer.rstrip()) <= size[0]


async def test_clicking_a_key_in_the_footer_presses_it() -> None:
    app = make_app(two_step_routine(), clock=FakeClock(), audio=FakeAudio(), history=FakeHistory())
    async with app.run_test(size=(60, 15)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        x = footer.index("space Pause")
        await pilot.click(KeyBar, offset=(x + 1, 0))
        await settle(pilot)
        assert "PAUSED" in screen_text(app)


@pytest.mark.parametrize("size", [(40, 6), (100, 30)])
async def test_the_reminders_quit_dialog_is_centred_and_says_how(size: tuple[int, int]) -> None:
    rig = Rig()
    async with rig.app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await settle(pilot)
        lines = screen_text(rig.app).splitlines()
        question = next(i for i, line in enumerate(lines) if "End the reminder?" in line)
        keys = next(
            i
            for i, line in enumerate(lines)
            if ("y: yes" in line or "y  yes" in line) and i > question
        )
        assert keys - question <= 2
        width, height = size
        # Centred: as much room above the question as below the keys (give or take one).
        assert abs(question - (height - 1 - keys)) <= 2
        if width >= 60:
            column = lines[question].index("End the reminder?")
            assert abs(column - (width - column - len("End the reminder?"))) <= 24
        await pilot.press("n")


async def test_the_summary_at_40x6_shows_the_outcome_and_the_way_out() -> None:
    app = make_app(two_step_routine(), clock=FakeClock(), audio=FakeAudio(), history=FakeHistory())
    async with app.run_test(size=(40, 6)) as pilot:
        await settle(pilot)
        await pilot.press("q", "y")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert lines[0].strip() == "Stopped early after 1 of 2 steps"  # whole, not cut
        assert "Completed: 0" in lines[1]
        assert lines[-1].split()[:6] == ["q", "Quit", "?", "Keys", "b", "Routines"]


async def test_the_quit_question_at_40x6_shows_its_keys() -> None:
    app = make_app(two_step_routine(), clock=FakeClock(), audio=FakeAudio(), history=FakeHistory())
    async with app.run_test(size=(40, 6)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        text = screen_text(app)
        assert "End session?" in text and "y: yes  other: no" in text


async def test_the_reminder_shows_a_big_countdown_from_100x30_and_four_lines_at_40x6() -> None:
    rig = Rig()
    async with rig.app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        clock = rig.screen.query_one(ReminderClock)
        assert clock.digit_rows >= 5
        text = screen_text(rig.app)
        assert "Next break in 10 min" in text and "Work ━" in text and "Today 0 taken" in text
        rig.advance(300)
        await settle(pilot)
        assert "50%" in screen_text(rig.app)
        await pilot.resize_terminal(40, 6)
        await settle(pilot)
        lines = [line.strip() for line in screen_text(rig.app).splitlines()]
        assert lines[:4] == [
            "Next break in 5 min",
            "Tiny break",  # the routine by its name, as given to the rig
            "Worked 5 min since the last break",
            "Today 0 taken, 0 postponed, 0 skipped",
        ]
        assert not clock.display or clock.region.height == 0


async def test_left_out_notes_are_marked_and_d_shows_the_whole_step_paused() -> None:
    routine = load_routine(Path(__file__).parents[2] / "routines" / "desk-break.yaml")
    app = make_app(routine, clock=FakeClock(), audio=FakeAudio(), history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "… more: d shows the whole step" in text
        assert "Tip:" not in text  # left out whole, not cut
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, StepNotes)
        # All of it, to scroll through when the dialog is smaller than the text.
        shown = "\n".join(line.text for line in app.screen.query(Line))
        assert "Tip: For a bigger stretch" in shown and "⚠ Move slowly" in shown
        assert "4. Let everything drop" in shown
        assert session_screen(app).session.state is SessionState.PAUSED
        await pilot.press("x")
        await settle(pilot)
        assert session_screen(app).session.state is SessionState.RUNNING


@pytest.mark.parametrize("size", [(60, 15), (80, 24), (100, 30)])
async def test_the_session_draws_no_scrollbar_and_cuts_no_note(size: tuple[int, int]) -> None:
    routine = load_routine(Path(__file__).parents[2] / "routines" / "desk-break.yaml")
    app = make_app(routine, clock=FakeClock(), audio=FakeAudio(), history=FakeHistory())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        notes = session_screen(app).query_one(NotesView)
        fit = notes.fit
        assert fit is not None
        assert len(fit.lines) + (1 if fit.hidden else 0) <= notes.content_size.height
        text = screen_text(app)
        for note, rows in fit.shown:
            assert " ".join(rows) == " ".join(note.text.split())  # whole
            assert all(row in text for row in rows)
        assert fit.shown[0][0].text.startswith("1. Sit tall")
        assert not any(ch in text for ch in "▁▂▃▄▅▆▇")


async def test_a_paused_session_shows_its_figure_once_the_terminal_grows() -> None:
    routine = load_routine(Path(__file__).parents[2] / "routines" / "desk-break.yaml")
    app = make_app(routine, clock=FakeClock(), audio=FakeAudio(), history=FakeHistory())
    async with app.run_test(size=(40, 6)) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        screen = session_screen(app)
        assert screen.figure_place == "beside"
        assert any(line.strip() for line in screen.query_one(FigureView).lines)
