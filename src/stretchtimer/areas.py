"""The body areas a person checks in on, and the step targets that name them.

One list serves both: a check-in scores these areas, and a step's
``targets`` name them in the same words (``upper back`` or ``upper-back``
alike), beside any muscle a routine wants to name.
"""

from __future__ import annotations

from stretchtimer.i18n import _
from stretchtimer.suggestions import suggest

#: Every area, in the order the check-in asks and the stats list them.
AREAS: tuple[str, ...] = ("neck", "shoulders", "upper-back", "lower-back", "eyes", "wrists")

#: The score an area may have: 0 (fine) to 10 (as bad as it gets).
SCORE_RANGE = (0, 10)


def area_of(word: str) -> str | None:
    """The area a word names (any case, spaces or hyphens), or None."""
    key = "-".join(word.strip().lower().replace("_", " ").replace("-", " ").split())
    return key if key in AREAS else None


def parse_scores(words: list[str]) -> dict[str, int]:
    """``["neck=3", ...]`` to scores by area; raises ``ValueError`` saying what to fix.

    Any mistake refuses the whole check-in, so nothing half-given is kept.
    """
    scores: dict[str, int] = {}
    for word in words:
        name, equals, value = word.partition("=")
        if not equals:
            raise ValueError(_("'{word}' is not AREA=SCORE, such as neck=3").format(word=word))
        area = area_of(name)
        if area is None:
            hint = suggest(name, AREAS)
            raise ValueError(
                _("unknown area '{name}'{hint}; the areas are {areas}").format(
                    name=name, hint=hint, areas=", ".join(AREAS)
                )
            )
        if area in scores:
            raise ValueError(_("{area} is given twice; give each area one score").format(area=area))
        scores[area] = parse_score(value, area)
    return scores


def parse_score(value: str, area: str) -> int:
    low, high = SCORE_RANGE
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ValueError(
            _(
                "the score for {area} must be a whole number from {low} to {high}, not '{value}'"
            ).format(area=area, low=low, high=high, value=value)
        )
    return int(text)
