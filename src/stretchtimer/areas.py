"""The body areas a person checks in on, and the step targets that name them.

One list serves both: a check-in scores these areas, and a step's
``targets`` that name one (as ``upper back`` or ``upper-back``) count
towards it, so the stats can set a routine's work beside how an area feels.
"""

from __future__ import annotations

#: Every area, in the order the check-in asks and the stats list them.
AREAS: tuple[str, ...] = ("neck", "shoulders", "upper-back", "lower-back", "eyes", "wrists")

#: The score an area may have: 0 (fine) to 10 (as bad as it gets).
SCORE_RANGE = (0, 10)


def area_of(word: str) -> str | None:
    """The area a word names (any case, spaces or hyphens), or None."""
    key = "-".join(word.strip().lower().replace("_", " ").replace("-", " ").split())
    return key if key in AREAS else None


def areas_of(targets: tuple[str, ...]) -> tuple[str, ...]:
    """The areas among a step's targets, each once, in the order of ``AREAS``."""
    named = {area_of(target) for target in targets}
    return tuple(area for area in AREAS if area in named)
