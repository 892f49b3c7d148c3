"""A routine compiled into the flat list of phases a session walks through.

Compiling once up front keeps the engine simple (it only moves an index) and
lets ``show --json``, the screens and the benchmarks agree on the plan.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec

from stretchtimer.routine import Routine, Step


class PhaseKind(StrEnum):
    PREPARE = "prepare"
    WORK = "work"
    SWITCH = "switch"
    REST = "rest"


class Phase(msgspec.Struct, frozen=True):
    """One countdown of the session.

    ``set_number`` and ``side`` describe the work phase this phase belongs to:
    for a switch phase, the work phase that follows it. ``changes_side`` marks
    the one phase where the person moves to the other side: the switch phase
    between two work phases on different sides, or the second work phase
    itself when the step has no switch time. A switch phase without it is a
    pause between sets on the same side.
    """

    index: int
    step_index: int
    kind: PhaseKind
    duration: int
    start: int
    set_number: int
    set_count: int
    side: str | None
    reps: int | None = None
    rep_time: int | None = None
    work_number: int = 0
    work_count: int = 0
    changes_side: bool = False

    @property
    def end(self) -> int:
        return self.start + self.duration


class Timeline(msgspec.Struct, frozen=True):
    phases: tuple[Phase, ...]
    step_first_phase: tuple[int, ...]

    @property
    def total_seconds(self) -> int:
        return self.phases[-1].end if self.phases else 0

    def step_phases(self, step_index: int) -> tuple[Phase, ...]:
        first = self.step_first_phase[step_index]
        end = (
            self.step_first_phase[step_index + 1]
            if step_index + 1 < len(self.step_first_phase)
            else len(self.phases)
        )
        return self.phases[first:end]

    def step_seconds(self, step_index: int) -> int:
        return sum(p.duration for p in self.step_phases(step_index))


class StepPhase(msgspec.Struct, frozen=True):
    """One phase of a step before it is placed on the session's clock."""

    kind: PhaseKind
    duration: int
    set_number: int
    side: str | None
    work_number: int
    changes_side: bool = False


def step_phases(step: Step, is_last: bool) -> list[StepPhase]:
    """A step's phases in order: get ready, the work on each side and set, then rest."""
    sides: tuple[str | None, ...] = step.sides or (None,)
    out: list[StepPhase] = []
    if step.prepare > 0:
        out.append(StepPhase(PhaseKind.PREPARE, step.prepare, 1, sides[0], 1))
    work_number = 0
    previous_side = sides[0]
    for set_number in range(1, step.sets + 1):
        for side in sides:
            work_number += 1
            # The person moves to the other side on the switch phase, or, with
            # no switch time, on the work phase itself.
            moves = work_number > 1 and side != previous_side
            if work_number > 1 and step.switch > 0:
                out.append(
                    StepPhase(PhaseKind.SWITCH, step.switch, set_number, side, work_number, moves)
                )
                moves = False
            out.append(
                StepPhase(PhaseKind.WORK, step.work_seconds, set_number, side, work_number, moves)
            )
            previous_side = side
    if step.rest > 0 and not is_last:
        out.append(StepPhase(PhaseKind.REST, step.rest, step.sets, sides[-1], work_number))
    return out


def compile_timeline(routine: Routine) -> Timeline:
    phases: list[Phase] = []
    firsts: list[int] = []
    clock = 0
    last = len(routine.steps) - 1
    for step_index, step in enumerate(routine.steps):
        firsts.append(len(phases))
        for part in step_phases(step, step_index == last):
            is_rep_work = part.kind is PhaseKind.WORK and step.reps is not None
            phases.append(
                Phase(
                    index=len(phases),
                    step_index=step_index,
                    kind=part.kind,
                    duration=part.duration,
                    start=clock,
                    set_number=part.set_number,
                    set_count=step.sets,
                    side=part.side,
                    reps=step.reps if is_rep_work else None,
                    rep_time=step.rep_time if is_rep_work else None,
                    work_number=part.work_number,
                    work_count=step.work_phase_count,
                    changes_side=part.changes_side,
                )
            )
            clock += part.duration
    return Timeline(tuple(phases), tuple(firsts))
