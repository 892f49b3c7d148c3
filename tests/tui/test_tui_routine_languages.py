"""A session shown in German on screen, rated under the names its file writes (Pilot)."""

from __future__ import annotations

from pathlib import Path

import msgspec
from tui_helpers import (
    FakeHistory,
    make_app,
    screen_text,
    session_screen,
    stored_ratings,
    two_step_routine,
)

from stretchtimer.history.feedback_commands import HistoryRatings
from stretchtimer.session.clock import FakeClock


async def test_a_german_session_is_rated_under_the_routines_own_names(tmp_path: Path):
    """The summary shows the German names; the ratings keep the names the file writes."""
    db = tmp_path / "history.db"
    clock = FakeClock()
    english = two_step_routine()
    german = msgspec.structs.replace(
        english,
        name="Minipause",
        own_name=english.name,
        steps=tuple(
            msgspec.structs.replace(step, name=shown, own_name=step.name)
            for step, shown in zip(english.steps, ("Kopf neigen", "Schulterkreisen"), strict=True)
        ),
    )
    app = make_app(german, clock=clock, history=FakeHistory(), ratings=HistoryRatings(db_path=db))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        while app.screen is screen:
            clock.advance(screen.session.remaining + 0.002)
            screen.tick()
            await pilot.pause()
        assert "Kopf neigen" in screen_text(app) and "Neck tilt" not in screen_text(app)
        await pilot.press("1", "3")
        await pilot.pause()
        assert stored_ratings(db) == [
            ("Mini break", "Neck tilt", "easy", 0),
            ("Mini break", "Shoulder rolls", "hard", 1),
        ]
