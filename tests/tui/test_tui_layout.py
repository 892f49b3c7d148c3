"""Very long names from a routine file never push the countdown or the instructions away."""

from __future__ import annotations

from tui_helpers import FakeHistory, make_app, screen_text, session_screen, settle

from stretchtimer.routine import Routine, Step, StepKind
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.widgets.session_clock import SessionClock

LONG = 2000  # the longest name the routine format accepts


def long_named_routine() -> Routine:
    return Routine(
        name="Routine " + "r" * LONG,
        caution="Stop if anything hurts.",
        steps=(
            Step(
                name="Step " + "s" * LONG,
                kind=StepKind.WARMUP,
                hold=20,
                prepare=5,
                instructions=("Sit tall.", "Reach up slowly."),
            ),
            Step(name="Next " + "n" * LONG, hold=20),
        ),
    )


async def test_long_names_are_cut_and_the_countdown_stays_on_screen() -> None:
    clock = FakeClock()
    app = make_app(long_named_routine(), clock=clock, history=FakeHistory())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = session_screen(app)
        text = screen_text(app)
        lines = text.splitlines()
        assert len(lines) <= 30
        assert all(len(line) <= 100 for line in lines)
        name_line = next(line for line in lines if "Step sss" in line)
        assert "…" in name_line
        assert "Warm-up" in name_line or "warm-up" in name_line  # the kind label keeps its place
        assert "Get ready" in text
        assert "Sit tall." in text and "Reach up slowly." in text
        clock = screen.query_one(SessionClock)
        assert clock.region.height > 0
        assert clock.region.bottom <= 30
        assert app.screen.region.contains_region(clock.region)
