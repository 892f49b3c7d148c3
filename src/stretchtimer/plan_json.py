"""The plan ``stretchtimer show --json`` prints: the routine, its steps and its timeline.

Scripts read this, so its fields are a contract: renaming one is a breaking
change. Durations are whole seconds; ``timeline`` lists every countdown in
order with its start, counted from the start of the session.
"""

from __future__ import annotations

import msgspec

from stretchtimer.adapt.policy import Adaptation, Plan, as_written
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
    #: What ratings changed in this step, or None when it is as written.
    adapted: AdaptedPlan | None = None
    #: Left out of the session (``adapted`` says why); it keeps its place in the list.
    skip: bool = False


class AdaptedPlan(msgspec.Struct, frozen=True, rename={"was": "from", "now": "to"}):
    """``what`` changed (``hold`` in seconds, ``reps``, or the whole ``step`` by name),
    ``from`` and ``to`` (``to`` is None for a step left out), and ``why``."""

    what: str
    was: int | str
    now: int | str | None
    why: str
    reason: str
    caution: str | None
    advice: str | None


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


def _adapted(written_name: str, adaptation: Adaptation | None) -> AdaptedPlan | None:
    if adaptation is None:
        return None
    change = adaptation.change
    was: int | str
    now: int | str | None
    if change is not None:
        what, was, now = change.what, change.was, change.now
    else:
        what, was, now = "step", written_name, adaptation.replaced_by
    return AdaptedPlan(
        what=what,
        was=was,
        now=now,
        why=adaptation.why,
        reason=adaptation.reason,
        caution=adaptation.caution,
        advice=adaptation.advice,
    )


def routine_plan(routine: Routine | Plan) -> RoutinePlan:
    """The plan of a routine as written, or as ratings adapted it.

    Steps left out stay in ``steps`` with ``skip``; ``timeline`` numbers each
    phase's step by its place in ``steps``.
    """
    plan = routine if isinstance(routine, Plan) else as_written(routine)
    run = plan.routine
    timeline = compile_timeline(run)
    places = plan.kept
    seconds = {places[n]: timeline.step_seconds(n) for n in range(len(run.steps))}
    written = plan.written
    return RoutinePlan(
        name=written.name,
        description=written.description,
        caution=written.caution,
        source=str(written.source) if written.source else None,
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
                seconds=seconds.get(planned.index, 0),
                instructions=step.instructions,
                targets=step.targets,
                tip=step.tip,
                figure=step.figure,
                adapted=_adapted(planned.written.name, planned.adaptation),
                skip=planned.skip,
            )
            for planned in plan.steps
            for step in (planned.step,)
        ),
        timeline=tuple(
            msgspec.structs.replace(_phase_plan(phase), step=places[phase.step_index])
            for phase in timeline.phases
        ),
    )
