"""Every terminal size: the way out shows, nothing scrolls, whole items or none."""

from __future__ import annotations

import pytest
from tui_helpers import FakeAudio, FakeHistory, make_app, screen_text, settle, two_step_routine

from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.widgets.key_bar import KeyBar


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
