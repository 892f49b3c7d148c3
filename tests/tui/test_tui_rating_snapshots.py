"""Pictures of what ratings add: the summary's keys, an adapted step, the check-in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from textual.pilot import Pilot
from tui_helpers import FakeHistory, entry, make_app, session_screen, two_step_routine

from stretchtimer.adapt.policy import Plan, Rating, RatingRow, plan
from stretchtimer.routine import Routine
from stretchtimer.session.clock import FakeClock

Snap = Callable[..., bool]


class FakeRatings:
    """Ratings kept in memory; the plan is the real policy's."""

    def __init__(self, rows: list[RatingRow] | None = None, *, offer: bool = False) -> None:
        self.rows = rows or []
        self.offer = offer
        self.rated: list[tuple[str, str, int, Rating]] = []
        self.checkins: list[Mapping[str, int]] = []

    def plan(self, routine: Routine) -> Plan:
        return plan(routine, self.rows)

    def rate(self, routine_name: str, step_name: str, step_index: int, rating: Rating) -> None:
        self.rated.append((routine_name, step_name, step_index, rating))

    def offer_checkin(self) -> bool:
        return self.offer

    def checkin(self, scores: Mapping[str, int]) -> None:
        self.checkins.append(scores)


def _easy_twice() -> FakeRatings:
    from datetime import datetime

    at = datetime.fromisoformat("2026-12-01T09:00:00+00:00")
    return FakeRatings([RatingRow("Neck tilt", Rating.EASY, at)] * 2)


def _picker_app(ratings: FakeRatings) -> Any:
    entries = [entry(two_step_routine(), "mini-break")]
    return make_app(clock=FakeClock(), entries=entries, history=FakeHistory(), ratings=ratings)


async def _to_summary(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await pilot.pause()
    screen = session_screen(pilot.app)
    clock = screen.driver.clock
    assert isinstance(clock, FakeClock)
    while pilot.app.screen is screen:
        clock.advance(screen.session.remaining + 0.002)
        screen.tick()
        await pilot.pause()
    await pilot.press("1")


def test_summary_with_one_stretch_rated(snap_compare: Snap) -> None:
    assert snap_compare(_picker_app(_easy_twice()), terminal_size=(80, 24), run_before=_to_summary)


def test_picker_preview_with_an_adapted_step(snap_compare: Snap) -> None:
    assert snap_compare(_picker_app(_easy_twice()), terminal_size=(80, 24))


def test_session_marks_the_adapted_step(snap_compare: Snap) -> None:
    async def start(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(_picker_app(_easy_twice()), terminal_size=(80, 24), run_before=start)


def test_weekly_check_in_offer(snap_compare: Snap) -> None:
    assert snap_compare(_picker_app(FakeRatings(offer=True)), terminal_size=(80, 24))
