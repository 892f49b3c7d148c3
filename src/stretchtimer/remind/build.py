"""From settings to a plan: the routines named in the rotation, loaded and timed.

A routine that cannot be found or read stops the reminder before it starts,
with the same messages ``run`` gives, rather than at the first break.
"""

from __future__ import annotations

from collections.abc import Callable

from stretchtimer.remind.plan import Plan, PlannedRoutine
from stretchtimer.remind.settings import RemindSettings
from stretchtimer.routine import Routine
from stretchtimer.session.timeline import compile_timeline

Loader = Callable[[str], Routine]


def _default_loader(spec: str) -> Routine:
    from stretchtimer.catalog import load

    return load(spec)


def build_plan(
    settings: RemindSettings, load: Loader = _default_loader
) -> tuple[Plan, dict[str, Routine]]:
    """The scheduler's plan and the routines it names, by the routine's own ``name:``.

    Raises what the catalog and the loader raise for a missing or broken routine.
    """
    routines: dict[str, Routine] = {}
    #: What the reminder calls each routine it was given: its ``name:``, whether it was
    #: given by name or by path (the given text only if two files share a ``name:``).
    called: dict[str, str] = {}

    def planned(specs: tuple[str, ...]) -> tuple[PlannedRoutine, ...]:
        out = []
        for spec in specs:
            if spec not in called:
                routine = load(spec)
                name = routine.name if routine.name not in routines else spec
                called[spec] = name
                routines[name] = routine
            name = called[spec]
            out.append(PlannedRoutine(name, compile_timeline(routines[name]).total_seconds))
        return tuple(out)

    long_breaks = planned(settings.routines)
    micro = planned(settings.micro_routines) if settings.micro_every else ()
    plan = Plan(
        routines=long_breaks,
        micro_routines=micro,
        every=settings.every,
        micro_every=settings.micro_every,
        postpone=settings.postpone,
        postpone_limit=settings.postpone_limit,
        idle_after=settings.idle_after,
        notice=min(settings.notice, settings.every // 2),
        working_hours=settings.hours(),
        long_after=settings.long_after,
        skips_per_day=settings.skips_per_day,
    )
    return plan, routines
