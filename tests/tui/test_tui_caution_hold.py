"""A routine's caution is read before its first run; later runs show it while getting ready."""

from __future__ import annotations

import msgspec
from tui_helpers import (
    FakeHistory,
    entry,
    screen_text,
    session_screen,
    settle,
    two_step_routine,
    type_ahead,
)

from stretchtimer.config import Config
from stretchtimer.routine import Routine
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import SessionState
from stretchtimer.state import CautionsRead, read_state
from stretchtimer.tui.app import StretchApp


def _app(routine: Routine, clock: FakeClock) -> StretchApp:
    # The real memory, in this test's own state folder.
    return StretchApp(
        routine, config=Config(), clock=clock, history=FakeHistory(), cautions=CautionsRead()
    )


async def test_the_first_run_waits_for_a_key_and_the_next_does_not() -> None:
    routine = two_step_routine()
    clock = FakeClock()
    app = _app(routine, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        text = screen_text(app)
        assert "⚠ Stop if anything hurts." in text
        assert "any key starts" in text
        assert screen.session.state is SessionState.READY and screen.holding
        countdown = screen.view.countdown if screen.view else None
        clock.advance(30)  # reading takes as long as it takes
        screen.tick()
        await pilot.pause()
        assert screen.session.state is SessionState.READY
        assert screen.view is not None and screen.view.countdown == countdown
        await pilot.press("space")  # any key: it starts, and does nothing else
        await pilot.pause()
        assert screen.session.state is SessionState.RUNNING
        assert "any key starts" not in screen_text(app)
        assert "⚠ Stop if anything hurts." in screen_text(app)  # still there while getting ready
    assert routine.name in read_state().cautions

    again = _app(routine, FakeClock())
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = session_screen(again)
        assert screen.session.state is SessionState.RUNNING and not screen.holding
        assert "⚠ Stop if anything hurts." in screen_text(again)

    changed = msgspec.structs.replace(routine, caution="Stop if anything hurts or tingles.")
    third = _app(changed, FakeClock())
    async with third.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert session_screen(third).holding  # a changed caution is new again


async def test_a_routine_without_a_caution_starts_at_once() -> None:
    routine = msgspec.structs.replace(two_step_routine(), caution=None)
    app = _app(routine, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert session_screen(app).session.state is SessionState.RUNNING


async def test_keys_typed_before_the_caution_showed_do_not_count_as_reading_it() -> None:
    routine = two_step_routine()
    app = StretchApp(
        None,
        config=Config(),
        clock=FakeClock(),
        history=FakeHistory(),
        cautions=CautionsRead(),
        discover=lambda: [entry(routine, "mini-break")],
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        type_ahead(app, "enter", "space", "x")  # the choice and two keys after it, together
        await settle(pilot)
        screen = session_screen(app)
        assert screen.holding and screen.session.state is SessionState.READY
        assert "any key starts" in screen_text(app)
        await pilot.press("space")  # typed once the caution is there: read
        await pilot.pause()
        assert screen.session.state is SessionState.RUNNING and not screen.holding


async def test_on_a_small_terminal_the_caution_to_read_comes_before_the_instructions() -> None:
    base = two_step_routine()
    long = tuple(f"Instruction {n}: {'move slowly and breathe out ' * 3}" for n in range(1, 5))
    first = msgspec.structs.replace(base.steps[0], instructions=long)
    routine = msgspec.structs.replace(base, steps=(first, *base.steps[1:]))
    app = _app(routine, FakeClock())
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        assert screen.holding
        text = screen_text(app)
        assert "First read the caution below" in text
        assert "⚠ Stop if anything hurts." in text  # the caution the key confirms was read
        await pilot.press("space")
        await pilot.pause()
        assert not screen.holding
