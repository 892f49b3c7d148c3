"""The plan ``stretchtimer show --json`` prints: the routine, its steps and its timeline.

Scripts read this, so its fields are a contract: renaming one is a breaking
change. Durations are whole seconds; ``timeline`` lists every countdown in
order with its start, counted from the start of the session.
"""

from __future__ import annotations

import msgspec

from stretchtimer.routine import Routine, StepKind
from stretchtimer.session.timeline import Phase, PhaseKind, compile_timeline


class PhasePlan(msgspec.Struct, frozen=True):
    step: int
    kind: PhaseKind
    start: int
    seconds: int
    set: int
    sets: int
    side: str | None
    reps: int | None


class StepPlan(msgspec.Struct, frozen=True):
    name: str
    kind: StepKind
    hold: int | None
    reps: int | None
    sets: int
    sides: tuple[str, ...]
    prepare: int
    rest: int
    switch: int
    rep_time: int
    seconds: int
    instructions: tuple[str, ...]
    targets: tuple[str, ...]
    tip: str | None
    #: The name of the figure shown for this step, or None.
    figure: str | None


class RoutinePlan(msgspec.Struct, frozen=True):
    name: str
    description: str | None
    caution: str | None
    source: str | None
    total_seconds: int
    steps: tuple[StepPlan, ...]
    timeline: tuple[PhasePlan, ...]


def _phase_plan(phase: Phase) -> PhasePlan:
    return PhasePlan(
        step=phase.step_index,
        kind=phase.kind,
        start=phase.start,
        seconds=phase.duration,
        set=phase.set_number,
        sets=phase.set_count,
        side=phase.side,
        reps=phase.reps,
    )


def routine_plan(routine: Routine) -> RoutinePlan:
    timeline = compile_timeline(routine)
    return RoutinePlan(
        name=routine.name,
        description=routine.description,
        caution=routine.caution,
        source=str(routine.source) if routine.source else None,
        total_seconds=timeline.total_seconds,
        steps=tuple(
            StepPlan(
                name=step.name,
                kind=step.kind,
                hold=step.hold,
                reps=step.reps,
                sets=step.sets,
                sides=step.sides,
                prepare=step.prepare,
                rest=step.rest,
                switch=step.switch,
                rep_time=step.rep_time,
                seconds=timeline.step_seconds(index),
                instructions=step.instructions,
                targets=step.targets,
                tip=step.tip,
                figure=step.figure,
            )
            for index, step in enumerate(routine.steps)
        ),
        timeline=tuple(_phase_plan(phase) for phase in timeline.phases),
    )
