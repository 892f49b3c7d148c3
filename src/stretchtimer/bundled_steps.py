"""The steps of the bundled routines, by name: what an ``easier:`` may name from outside
its own routine.

Read once, lazily, and only when a routine names a step it does not hold
itself. The bundled routines are read without this lookup, so no routine's
steps can depend on another's in a loop.
"""

from __future__ import annotations

from functools import cache

import msgspec

from stretchtimer import locations
from stretchtimer.i18n import current_language
from stretchtimer.loader import RoutineError, load_routine
from stretchtimer.routine import Step


@cache
def _bundled_steps(language: str) -> dict[str, Step]:
    found: dict[str, Step] = {}
    for path in sorted(locations.bundled_routines_dir().glob("*.yaml")):
        try:
            routine = load_routine(path, language=language)
        except (RoutineError, OSError):
            continue  # a broken bundled file is reported where it is listed
        for step in routine.steps:
            found.setdefault(step.key, msgspec.structs.replace(step, easier=None))
    return found


def bundled_step(name: str) -> Step | None:
    """The first bundled step of that name (in the order of the routine files), or None.

    Steps are named as their files write them, whatever the language; the step
    found is in the language the app speaks, where its routine translates it.
    """
    return _bundled_steps(current_language()).get(name)
