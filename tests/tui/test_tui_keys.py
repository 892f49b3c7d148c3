"""Every session key in every kind of phase, judged by what the screen shows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from textual.pilot import Pilot
from tui_helpers import (
    FakeAudio,
    FakeHistory,
    advance,
    advance_to,
    make_app,
    screen_text,
    session_screen,
    two_step_routine,
)

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import SessionState
from stretchtimer.session.timeline import PhaseKind
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.screens.confirm import ConfirmQuit
from stretchtimer.tui.screens.help import HelpScreen
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.screens.summary import SummaryScreen
from stretchtimer.tui.widgets.session_clock import SessionClock

#: Where each phase kind sits in the two-step routine: (kind, rep work, step).
PHASES = {
    "prepare": (PhaseKind.PREPARE, False, "Neck tilt"),
    "hold": (PhaseKind.WORK, False, "Neck tilt"),
    "switch": (PhaseKind.SWITCH, False, "Neck tilt"),
    "rest": (PhaseKind.REST, False, "Neck tilt"),
    "reps": (PhaseKind.WORK, True, "Shoulder rolls"),
}
PHASE_LABELS = {
    "prepare": "Get ready",
    "hold": "Hold",
    "switch": "Switch sides",
    "rest": "Rest",
    "reps": "Reps",
}


@dataclass
class Running:
    app: StretchApp
    pilot: Pilot[int]
    clock: FakeClock
    audio: FakeAudio
    screen: SessionScreen

    @property
    def text(self) -> str:
        return screen_text(self.app)

    def countdown(self) -> str:
        """The big digits as drawn (checked against the view the screen was given)."""
        view = self.screen.view
        assert view is not None
        drawn = self.screen.query_one(SessionClock).face.time
        assert drawn == view.countdown
        return drawn

    def phase(self) -> str:
        view = self.screen.view
        assert view is not None
        return view.phase


@pytest.fixture(params=list(PHASES))
def phase_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def running(phase_name: str) -> AsyncIterator[Running]:
    """A session one second into a phase of the requested kind."""
    clock, audio = FakeClock(), FakeAudio()
    app = make_app(two_step_routine(), clock=clock, audio=audio, history=FakeHistory())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        kind, reps, _ = PHASES[phase_name]
        advance_to(clock, screen, kind, reps=reps)
        advance(clock, screen, 1)
        await pilot.pause()
        assert PHASE_LABELS[phase_name] in screen_text(app)
        yield Running(app, pilot, clock, audio, screen)


async def test_keys_that_leave_the_phase_where_it_is(running: Running, phase_name: str) -> None:
    """space, m, ?, q-then-no, enter (outside rep work) and + in one go."""
    pilot, before = running.pilot, running.countdown()

    await pilot.press("space")
    assert "PAUSED" in running.text
    running.clock.advance(7)
    running.screen.tick()
    await pilot.pause()
    assert running.countdown() == before
    assert "PAUSED" in running.text
    await pilot.press("space")
    assert "PAUSED" not in running.text
    assert running.countdown() == before

    await pilot.press("m")
    assert running.audio.muted
    assert "muted" in running.text
    await pilot.press("m")
    assert not running.audio.muted
    assert "muted" not in running.text

    await pilot.press("question_mark")
    assert isinstance(running.app.screen, HelpScreen)
    assert "Pause or resume" in running.text
    assert "Finish the reps now" in running.text
    assert running.screen.session.state is SessionState.PAUSED  # reading costs no time
    running.clock.advance(3)
    running.screen.tick()
    await pilot.press("x")
    assert running.app.screen is running.screen
    assert running.screen.session.state is SessionState.RUNNING
    assert running.countdown() == before

    await pilot.press("q")
    assert isinstance(running.app.screen, ConfirmQuit)
    assert "End this session?" in running.text
    assert "PAUSED" in running.text
    running.clock.advance(5)
    await pilot.press("n")
    assert running.app.screen is running.screen
    assert running.screen.session.state is SessionState.RUNNING
    assert running.countdown() == before
    assert "PAUSED" not in running.text

    phase = running.phase()
    if phase_name != "reps":
        assert "⏎ Done" not in running.text
        await pilot.press("enter")
        assert (running.countdown(), running.phase()) == (before, phase)

    remaining = running.screen.session.remaining_whole
    await pilot.press("plus")
    assert running.countdown() == f"0:{remaining + 10:02d}"
    assert running.phase() == phase


@pytest.mark.parametrize("phase_name", ["hold"])  # one phase is enough: 5 would cost 5 s
async def test_help_and_the_palette_leave_a_paused_session_paused(running: Running) -> None:
    pilot, before = running.pilot, running.countdown()
    await pilot.press("space")
    for opening in ("question_mark", "ctrl+p"):
        await pilot.press(opening)
        assert running.app.screen is not running.screen
        running.clock.advance(3)
        running.screen.tick()
        await pilot.press("escape")
        await pilot.pause()
        assert running.app.screen is running.screen
        assert running.screen.session.state is SessionState.PAUSED
        assert "PAUSED" in running.text
        assert running.countdown() == before
    await pilot.press("ctrl+p")  # from running: paused while open, running again after
    assert running.screen.session.state is SessionState.PAUSED
    running.clock.advance(3)
    await pilot.press("escape")
    await pilot.press("space")
    await pilot.pause()
    assert running.screen.session.state is SessionState.RUNNING
    assert running.countdown() == before


@pytest.mark.parametrize("key", ["n", "right"])
async def test_next_skips_to_the_next_step(running: Running, phase_name: str, key: str) -> None:
    await running.pilot.press(key)
    await running.pilot.pause()
    if phase_name == "reps":
        assert isinstance(running.app.screen, SummaryScreen)
        assert "Skipped: 1" in running.text
        assert "Mini break — 1 done, 1 skipped" in running.text
        assert "all done" not in running.text
    else:
        assert "Shoulder rolls" in running.text
        assert "step 2 of 2" in running.text
        assert running.phase() == "Get ready"


@pytest.mark.parametrize("key", ["p", "left"])
async def test_back_restarts_or_goes_back(running: Running, phase_name: str, key: str) -> None:
    await running.pilot.press(key)
    # One second into the second step's get-ready is within the grace period.
    expected = "Shoulder rolls" if phase_name == "reps" else "Neck tilt"
    assert running.screen.session.current_step.name == expected
    assert f"{expected}" in running.text
    assert running.phase() == "Get ready"
    assert running.countdown() == "0:05"


async def test_r_restarts_the_step(running: Running, phase_name: str) -> None:
    step = PHASES[phase_name][2]
    await running.pilot.press("r")
    assert running.screen.session.current_step.name == step
    assert running.phase() == "Get ready"
    assert running.countdown() == "0:05"


async def test_minus_takes_ten_seconds_or_ends_the_phase(running: Running, phase_name: str) -> None:
    before = running.screen.session.remaining_whole
    phase = running.phase()
    await running.pilot.press("minus")
    await running.pilot.pause()
    if before > 10:
        assert running.countdown() == f"0:{before - 10:02d}"
        assert running.phase() == phase
    elif phase_name == "reps":
        assert isinstance(running.app.screen, SummaryScreen)
    else:
        assert running.phase() != phase


@pytest.mark.parametrize("phase_name", ["reps"])
async def test_enter_finishes_the_reps(running: Running) -> None:
    assert "⏎ Done" in running.text
    await running.pilot.press("enter")
    await running.pilot.pause()
    assert isinstance(running.app.screen, SummaryScreen)
    # Ended the moment the reps began: the step is over, but it was not done.
    assert "Completed: 1" in running.text
    assert "Skipped: 1" in running.text


async def test_q_then_y_shows_the_summary_and_q_leaves(running: Running) -> None:
    await running.pilot.press("q", "y")
    await running.pilot.pause()
    assert isinstance(running.app.screen, SummaryScreen)
    text = running.text
    assert "Mini break — stopped early" in text
    assert "Streak: 3 days in a row" in text
    await running.pilot.press("q")
    await running.pilot.pause()
    assert running.app.return_value == 0


def test_each_main_screen_answers_to_the_keys_of_its_own_context() -> None:
    from stretchtimer.tui.keys import KeyContext
    from stretchtimer.tui.screens.picker import PickerScreen
    from stretchtimer.tui.screens.reminder import ReminderScreen

    screens = (PickerScreen, SessionScreen, SummaryScreen, ReminderScreen)
    assert {screen.KEY_CONTEXT for screen in screens} == set(KeyContext)
    for screen in screens:
        assert screen.KEY_CONTEXT.bindings == screen.BINDINGS
    assert len({context.help_title for context in KeyContext}) == len(KeyContext)
