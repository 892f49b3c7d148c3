"""From a routine and its ratings to the plan of the next session.

Ratings are read in the order they were given, per step name (a step keeps
its ratings when the routine is reordered). Each step's value only ever
moves between its limits, and with no ratings (or after a reset) the plan
is the routine as written: the person can always see and undo what changed.
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

import msgspec

from stretchtimer.adapt.numbers import (
    DEFAULT_MAX_FACTOR,
    DEFAULT_MIN_FACTOR,
    EASY_IN_A_ROW,
    HOLD_CAP_SECONDS,
    HOLD_STEP_SECONDS,
    HURT_WINDOW,
    REP_STEP,
)
from stretchtimer.i18n import _, ngettext
from stretchtimer.routine import Routine, Step
from stretchtimer.wording import work_change


class Rating(StrEnum):
    EASY = "easy"
    RIGHT = "right"
    HARD = "hard"
    HURT = "hurt"


class RatingRow(msgspec.Struct, frozen=True):
    """One rating as history holds it: which step, what, and when."""

    step: str
    rating: Rating
    at: datetime


class Change(msgspec.Struct, frozen=True):
    """A hold or a rep count moved: ``what`` is ``hold`` (seconds) or ``reps``."""

    what: str
    was: int
    now: int


class Adaptation(msgspec.Struct, frozen=True):
    """What differs from the routine for one step, and why.

    ``reason`` is the whole line shown beside the step; ``why`` its cause alone.
    """

    reason: str
    why: str
    change: Change | None = None
    #: The name of the easier step done instead.
    replaced_by: str | None = None
    skip: bool = False
    #: The routine's caution, shown with a step that hurt.
    caution: str | None = None
    #: Said after a second ``hurt`` within ``HURT_WINDOW``.
    advice: str | None = None


class PlannedStep(msgspec.Struct, frozen=True):
    """One step of the routine as the next session plans it."""

    index: int
    written: Step
    step: Step
    adaptation: Adaptation | None = None

    @property
    def skip(self) -> bool:
        return self.adaptation is not None and self.adaptation.skip


class Plan(msgspec.Struct, frozen=True):
    """The routine as written, each step as planned, and the routine a session runs."""

    written: Routine
    steps: tuple[PlannedStep, ...]

    @property
    def kept(self) -> tuple[int, ...]:
        """The place in ``steps`` of each step a session runs, in order."""
        kept = tuple(planned.index for planned in self.steps if not planned.skip)
        # Every step left out: the routine as written, for show to describe; no session
        # runs it (see ``nothing_left``).
        return kept or tuple(range(len(self.steps)))

    @property
    def nothing_left(self) -> bool:
        """Ratings leave out every step: a session would be all steps that hurt, or none."""
        return bool(self.steps) and all(planned.skip for planned in self.steps)

    def refusal(self, given: str) -> str:
        """Why no session starts, and the two ways out; ``given`` is how the person named it."""
        return _(
            "every step of {routine} is left out by your ratings; "
            "stretchtimer rate --reset {given} brings them back, "
            "or run it with --as-written"
        ).format(routine=self.written.name, given=shlex.quote(given))

    def run_index(self, written: int) -> int:
        """Where step ``written`` of the file falls in ``routine``: a left-out step starts
        at the next step kept (the last, when none follows)."""
        kept = self.kept
        return next((n for n, index in enumerate(kept) if index >= written), len(kept) - 1)

    @property
    def routine(self) -> Routine:
        """What a session runs: left-out steps dropped, the others as planned."""
        if not any(not planned.skip for planned in self.steps):
            return self.written
        kept = tuple(self.steps[index].step for index in self.kept)
        left_out = tuple(
            f"{planned.written.name}: {planned.adaptation.why}"
            for planned in self.steps
            if planned.skip and planned.adaptation is not None
        )
        return msgspec.structs.replace(self.written, steps=kept, left_out=left_out)

    @property
    def adapted(self) -> bool:
        return any(planned.adaptation is not None for planned in self.steps)


def limits(step: Step) -> tuple[int, int] | None:
    """(lowest, highest) the step's hold or reps may reach; None for neither."""
    if step.hold is not None:
        written = step.hold
        high = math.floor(written * DEFAULT_MAX_FACTOR)
        default_high = max(written, min(high, HOLD_CAP_SECONDS))
        low = step.min_hold if step.min_hold is not None else _default_low(written)
        return low, step.max_hold if step.max_hold is not None else default_high
    if step.reps is not None:
        written = step.reps
        low = step.min_reps if step.min_reps is not None else _default_low(written)
        high = step.max_reps if step.max_reps is not None else written * 3 // 2
        return low, max(high, written)
    return None


def _default_low(written: int) -> int:
    return min(written, max(1, math.ceil(written * DEFAULT_MIN_FACTOR)))


class _StepState:
    """Where one step stands after the ratings read so far."""

    def __init__(self, written: int) -> None:
        self.written = written
        self.value = written
        self.easy_run = 0
        self.last_move = ""
        self.hurts: list[datetime] = []
        self.hurting = False

    def take(self, row: RatingRow, low: int, high: int, step: int) -> None:
        match row.rating:
            case Rating.EASY:
                self.hurting = False
                self.easy_run += 1
                if self.easy_run >= EASY_IN_A_ROW:
                    self.easy_run = 0
                    if self.value < high:
                        self.value = min(high, self.value + step)
                        self.last_move = _in_a_row(EASY_IN_A_ROW)
            case Rating.RIGHT:
                self.hurting = False
                self.easy_run = 0
            case Rating.HARD:
                self.hurting = False
                self.easy_run = 0
                floor = self.written if self.value > self.written else low
                if self.value > floor:
                    self.value = max(floor, self.value - step)
                    self.last_move = _("rated hard")
            case Rating.HURT:
                self.hurting = True
                self.easy_run = 0
                self.value = self.written
                self.hurts.append(row.at)


def plan(routine: Routine, ratings: Iterable[RatingRow]) -> Plan:
    """The next session's plan from the ratings given since the last reset, oldest first."""
    by_step: dict[str, list[RatingRow]] = {}
    for row in sorted(ratings, key=lambda r: r.at):
        by_step.setdefault(row.step, []).append(row)
    steps = tuple(
        _plan_step(routine, index, step, by_step.get(step.key, []))
        for index, step in enumerate(routine.steps)
    )
    return Plan(written=routine, steps=steps)


def as_written(routine: Routine) -> Plan:
    return plan(routine, ())


def _plan_step(routine: Routine, index: int, step: Step, rows: list[RatingRow]) -> PlannedStep:
    bounds = limits(step)
    if not rows or bounds is None:
        return PlannedStep(index, step, step)
    low, high = bounds
    move = HOLD_STEP_SECONDS if step.hold is not None else REP_STEP
    written = step.hold if step.hold is not None else step.reps
    assert written is not None
    state = _StepState(written)
    for row in rows:
        state.take(row, low, high, move)
    if state.hurting:
        return PlannedStep(index, step, *_instead(routine, step, state))
    if state.value == state.written:
        return PlannedStep(index, step, step)
    what = "hold" if step.hold is not None else "reps"
    change = Change(what, state.written, state.value)
    # Translators: {change} as in "hold 40 s, was 30 s"; {why} as in "rated easy twice".
    reason = _("{change}: {why}").format(change=_said(change), why=state.last_move)
    adapted = msgspec.structs.replace(step, **{what: state.value}, adapted=reason)
    return PlannedStep(index, step, adapted, Adaptation(reason, state.last_move, change=change))


def _said(change: Change) -> str:
    return work_change(change.what, change.was, change.now)


def _in_a_row(count: int) -> str:
    if count == 1:
        return _("rated easy once")
    if count == 2:
        return _("rated easy twice")
    return ngettext("rated easy {n} time", "rated easy {n} times", count).format(n=count)


def _instead(routine: Routine, step: Step, state: _StepState) -> tuple[Step, Adaptation]:
    advice = None
    if len(state.hurts) >= 2 and state.hurts[-1] - state.hurts[-2] <= HURT_WINDOW:
        days = HURT_WINDOW.days
        if routine.caution:
            advice = ngettext(
                "It hurt twice within {n} day: have it looked at by a doctor or"
                " physiotherapist before doing it again. {caution}",
                "It hurt twice within {n} days: have it looked at by a doctor or"
                " physiotherapist before doing it again. {caution}",
                days,
            ).format(n=days, caution=routine.caution)
        else:
            advice = ngettext(
                "It hurt twice within {n} day: have it looked at by a doctor or physiotherapist.",
                "It hurt twice within {n} days: have it looked at by a doctor or physiotherapist.",
                days,
            ).format(n=days)
    if step.easier is not None:
        why = _("{step} was rated hurt").format(step=step.name)
        # Translators: {easier} is the easier step's name, {why} as in "Neck roll was rated hurt".
        reason = _("{easier} instead: {why}").format(easier=step.easier.name, why=why)
        said = _("{reason}. {advice}").format(reason=reason, advice=advice) if advice else reason
        easier = msgspec.structs.replace(step.easier, adapted=said, cautious=True)
        adaptation = Adaptation(
            reason, why, replaced_by=step.easier.name, caution=routine.caution, advice=advice
        )
        return easier, adaptation
    why = _("rated hurt, and the routine gives no easier version")
    reason = _("left out: {why}").format(why=why)
    skipped = msgspec.structs.replace(step, adapted=reason)
    return skipped, Adaptation(reason, why, skip=True, caution=routine.caution, advice=advice)
