"""The adaptation policy on a fake rating history: what changes, within which limits, and why."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from stretchtimer.adapt.policy import Rating, RatingRow, as_written, limits, plan
from stretchtimer.history.feedback import add_rating, clear_ratings, ratings
from stretchtimer.history.store import open_store
from stretchtimer.routine import Routine, Step

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _rows(step: str, *ratings: Rating, days_apart: int = 1) -> list[RatingRow]:
    return [
        RatingRow(step, rating, START + timedelta(days=n * days_apart))
        for n, rating in enumerate(ratings)
    ]


def _routine(*steps: Step, caution: str | None = "Stop if anything hurts.") -> Routine:
    return Routine(name="Desk", steps=steps, caution=caution)


NECK = Step(name="Neck tilt", hold=30)
ROLLS = Step(name="Shoulder rolls", hold=None, reps=10)
TUCK = Step(name="Chin tuck", hold=10)


def test_two_easy_in_a_row_lengthen_a_hold_by_five_seconds_with_the_reason():
    planned = plan(_routine(NECK), _rows("Neck tilt", Rating.EASY, Rating.EASY))
    [step] = planned.steps
    assert step.step.hold == 35
    assert step.adaptation is not None
    assert step.adaptation.reason == "hold 35 s, was 30 s: rated easy twice"
    assert step.step.adapted == step.adaptation.reason
    assert planned.routine.steps[0].hold == 35


def test_one_easy_changes_nothing_and_a_right_between_two_breaks_the_run():
    assert not plan(_routine(NECK), _rows("Neck tilt", Rating.EASY)).adapted
    rows = _rows("Neck tilt", Rating.EASY, Rating.RIGHT, Rating.EASY)
    assert not plan(_routine(NECK), rows).adapted


def test_two_easy_add_a_rep_to_a_step_of_reps():
    [step] = plan(_routine(ROLLS), _rows("Shoulder rolls", Rating.EASY, Rating.EASY)).steps
    assert step.step.reps == 11
    assert step.adaptation is not None and step.adaptation.reason.startswith("11 reps, was 10")


def test_a_hold_stops_at_one_and_a_half_times_and_never_passes_sixty_seconds():
    many_easy = _rows("Neck tilt", *[Rating.EASY] * 20)
    assert plan(_routine(NECK), many_easy).steps[0].step.hold == 45
    long = Step(name="Neck tilt", hold=50)
    assert plan(_routine(long), many_easy).steps[0].step.hold == 60


def test_the_routines_own_max_hold_wins_over_the_sixty_second_cap():
    step = Step(name="Neck tilt", hold=50, max_hold=90)
    assert plan(_routine(step), _rows("Neck tilt", *[Rating.EASY] * 40)).steps[0].step.hold == 90


def test_hard_brings_a_lengthened_hold_back_towards_the_written_value_then_below():
    four_easy = [Rating.EASY] * 4
    [step] = plan(_routine(NECK), _rows("Neck tilt", *four_easy, Rating.HARD)).steps
    assert step.step.hold == 35
    assert step.adaptation is not None and step.adaptation.reason.endswith("rated hard")
    rows = _rows("Neck tilt", *four_easy, Rating.HARD, Rating.HARD, Rating.HARD)
    assert plan(_routine(NECK), rows).steps[0].step.hold == 25


def test_hurt_does_the_easier_step_instead_with_the_caution():
    neck = Step(name="Neck tilt", hold=30, easier=TUCK)
    [step] = plan(_routine(neck), _rows("Neck tilt", Rating.HURT)).steps
    assert step.step.name == "Chin tuck"
    assert step.adaptation is not None
    assert step.adaptation.replaced_by == "Chin tuck"
    assert step.adaptation.reason == "Chin tuck instead: Neck tilt was rated hurt"
    assert step.adaptation.caution == "Stop if anything hurts."
    assert step.adaptation.advice is None


def test_hurt_without_an_easier_step_leaves_it_out_but_keeps_it_in_the_plan():
    planned = plan(_routine(NECK, ROLLS), _rows("Neck tilt", Rating.HURT))
    first = planned.steps[0]
    assert first.skip
    assert first.adaptation is not None and first.adaptation.reason.startswith("left out")
    assert [s.name for s in planned.routine.steps] == ["Shoulder rolls"]


def test_a_second_hurt_within_fourteen_days_advises_having_it_looked_at():
    near = _rows("Neck tilt", Rating.HURT, Rating.RIGHT, Rating.HURT, days_apart=5)
    advice = plan(_routine(NECK), near).steps[0].adaptation
    assert advice is not None and advice.advice is not None
    assert "looked at" in advice.advice and "Stop if anything hurts." in advice.advice
    far = _rows("Neck tilt", Rating.HURT, Rating.RIGHT, Rating.HURT, days_apart=8)
    later = plan(_routine(NECK), far).steps[0].adaptation
    assert later is not None and later.skip and later.advice is None


def test_a_later_rating_brings_a_step_that_hurt_back():
    rows = _rows("Neck tilt", Rating.HURT, Rating.RIGHT)
    assert not plan(_routine(NECK), rows).adapted


def test_ratings_of_other_steps_or_none_leave_the_routine_as_written():
    routine = _routine(NECK, ROLLS)
    assert plan(routine, _rows("Elsewhere", Rating.EASY, Rating.EASY)).routine == routine
    assert as_written(routine).routine == routine


# --------------------------------------------------------------- properties
_ratings = st.lists(st.sampled_from(list(Rating)), max_size=40)
_holds = st.integers(min_value=1, max_value=3600)
_reps = st.integers(min_value=1, max_value=500)


@st.composite
def _steps(draw: st.DrawFn) -> Step:
    if draw(st.booleans()):
        hold = draw(_holds)
        low = draw(st.none() | st.integers(1, hold))
        high = draw(st.none() | st.integers(hold, 3600))
        return Step(name="S", hold=hold, min_hold=low, max_hold=high)
    reps = draw(_reps)
    low = draw(st.none() | st.integers(1, reps))
    high = draw(st.none() | st.integers(reps, 500))
    return Step(name="S", hold=None, reps=reps, min_reps=low, max_reps=high)


@settings(max_examples=150, deadline=None)
@given(_steps(), _ratings)
def test_no_adaptation_ever_leaves_the_limits(step: Step, ratings: list[Rating]):
    bounds = limits(step)
    assert bounds is not None
    low, high = bounds
    [planned] = plan(_routine(step), _rows("S", *ratings)).steps
    value = planned.step.hold if step.hold is not None else planned.step.reps
    if planned.adaptation is not None and planned.adaptation.skip:
        return
    assert value is not None and low <= value <= high
    if step.hold is not None and step.max_hold is None:
        assert value <= max(step.hold, 60)


@settings(max_examples=60, deadline=None)
@given(st.lists(_steps(), min_size=1, max_size=3), _ratings, _ratings)
def test_a_reset_always_restores_the_routine_as_written(
    steps: list[Step], before: list[Rating], after: list[Rating]
):
    routine = _routine(*(msgspec.structs.replace(s, name=f"S{n}") for n, s in enumerate(steps)))
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "history.db")
        try:
            with store.transaction():
                for n, rating in enumerate(before):
                    add_rating(
                        store,
                        routine=routine.name,
                        step_name=f"S{n % len(steps)}",
                        rating=rating,
                        at=START + timedelta(hours=n),
                    )
                clear_ratings(store, routine.name)
            restored = plan(routine, ratings(store, routine.name))
            assert restored.routine == routine
            assert not restored.adapted
            # What is rated after the reset counts alone, as if nothing came before.
            with store.transaction():
                for n, rating in enumerate(after):
                    add_rating(
                        store,
                        routine=routine.name,
                        step_name="S0",
                        rating=rating,
                        at=START + timedelta(days=30, hours=n),
                    )
            fresh = plan(routine, _rows("S0", *after))
            assert plan(routine, ratings(store, routine.name)).routine == fresh.routine
        finally:
            store.close()
    assert as_written(routine).routine == routine


def test_a_session_of_the_plan_says_what_was_left_out_and_the_caution_beside_a_stand_in():
    from stretchtimer.session.clock import FakeClock
    from stretchtimer.session.engine import Session
    from stretchtimer.session.plain import PlainNarrator, run_plain

    neck = Step(name="Neck tilt", hold=3, prepare=0, rest=0, easier=TUCK)
    side = Step(name="Side bend", hold=3, prepare=0, rest=0)
    rows = [*_rows("Neck tilt", Rating.HURT), *_rows("Side bend", Rating.HURT)]
    routine = plan(_routine(neck, side, ROLLS), rows).routine
    assert routine.left_out == ("Side bend: rated hurt, and the routine gives no easier version",)
    assert [s.name for s in routine.steps] == ["Chin tuck", "Shoulder rolls"]
    assert routine.steps[0].cautious and not routine.steps[1].cautious
    clock = FakeClock()
    said: list[str] = []
    session = Session(routine, clock)
    PlainNarrator(said.append).attach(session)
    run_plain(session, clock, clock.advance)
    assert "Left out today: Side bend: rated hurt, and" in "\n".join(said)
    at = said.index("Step 1 of 2: Chin tuck.")
    assert said[at + 1] == "Adapted: Chin tuck instead: Neck tilt was rated hurt"
    assert said[at + 2] == "Caution: Stop if anything hurts."
