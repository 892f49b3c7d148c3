"""The body areas a person checks in on, and the step targets that name them.

One list serves both: a check-in scores these areas, and a step's
``targets`` name them in the same words (``upper back`` or ``upper-back``
alike), beside any muscle a routine wants to name.
"""

from __future__ import annotations

from stretchtimer.i18n import N_, _
from stretchtimer.suggestions import suggest

#: Every area, in the order the check-in asks and the stats list them. These are the
#: keys kept in history and printed by ``--json``, in every language.
AREAS: tuple[str, ...] = ("neck", "shoulders", "upper-back", "lower-back", "eyes", "wrists")

#: What a person reads and types for each area in their language (English: the key).
_NAMES = {
    # Translators: body areas a person types in a check-in as NAME=SCORE, so each is
    # one word, with hyphens for spaces (upper-back). The English names are understood too.
    "neck": N_("neck"),
    "shoulders": N_("shoulders"),
    "upper-back": N_("upper-back"),
    "lower-back": N_("lower-back"),
    "eyes": N_("eyes"),
    "wrists": N_("wrists"),
}


def area_name(area: str) -> str:
    """``area`` (a key of ``AREAS``) as the person's language names it."""
    return _(_NAMES[area]) if area in _NAMES else area


def area_names() -> list[str]:
    """Every area's name in the person's language, in the order of ``AREAS``."""
    return [area_name(area) for area in AREAS]


def _normal(word: str) -> str:
    return "-".join(word.strip().casefold().replace("_", " ").replace("-", " ").split())


#: The score an area may have: 0 (fine) to 10 (as bad as it gets).
SCORE_RANGE = (0, 10)


def area_of(word: str) -> str | None:
    """The area a word names (any case, spaces or hyphens; its English name, or its name in
    the person's language), or None."""
    key = _normal(word)
    if key in AREAS:
        return key
    return next((area for area in AREAS if _normal(area_name(area)) == key), None)


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
            hint = suggest(_normal(name), [_normal(shown) for shown in area_names()])
            raise ValueError(
                _("unknown area '{name}'{hint}; the areas are {areas}").format(
                    name=name, hint=hint, areas=", ".join(area_names())
                )
            )
        if area in scores:
            raise ValueError(
                _("{area} is given twice; give each area one score").format(area=area_name(area))
            )
        scores[area] = parse_score(value, area)
    return scores


def parse_score(value: str, area: str) -> int:
    low, high = SCORE_RANGE
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ValueError(
            _(
                "the score for {area} must be a whole number from {low} to {high}, not '{value}'"
            ).format(area=area_name(area), low=low, high=high, value=value)
        )
    return int(text)
