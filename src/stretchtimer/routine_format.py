"""The routine format as data: every key, what it holds, its range and its docs.

The loader reads a file by walking these tables, and the JSON Schema that
editors use (``schema.py``) is generated from them, so a key added here is
checked by ``validate`` and completed by editors at once, and the two can
never disagree about which keys exist, their types, ranges or choices.
"""

from __future__ import annotations

import re
from enum import StrEnum

import msgspec

from stretchtimer.cues import CUE_NAMES
from stretchtimer.routine import STEP_DEFAULTS, StepKind

FORMAT_VERSION = 1
#: The language a routine is written in when it does not say.
DEFAULT_LANGUAGE = "en"
#: A language tag as gettext names catalogs: a language, and perhaps a region.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:_[A-Z]{2})?$")
#: The longest text a routine may hold in one value.
MAX_TEXT = 2000


class Value(StrEnum):
    """What a key's value is; the loader and the schema each handle every kind."""

    VERSION = "version"  # the format version, FORMAT_VERSION
    TEXT = "text"  # a line of text (a number is read as its text)
    TEXT_LIST = "text-list"  # a list of texts, or one text as a list of one
    DURATION = "duration"  # whole seconds: 90, '45s', '2m', '1m30s', '1h'
    COUNT = "count"  # a whole number
    STEP_KIND = "step-kind"  # one of StepKind, by value or label
    SIDES = "sides"  # 'both', one side, or a list of sides
    SOUNDS = "sounds"  # cue name -> bundled sound name or WAV path
    DEFAULTS = "defaults"  # the DEFAULT_KEYS table
    STEPS = "steps"  # a non-empty list of STEP_KEYS tables
    FIGURE = "figure"  # the name of a bundled figure or one of the routine's own
    FIGURES = "figures"  # figure name -> figure definition (see docs/figures.md)
    EASIER = "easier"  # another step's name, or a step definition of its own
    LANGUAGE = "language"  # a language tag: LANGUAGE_TAG
    TRANSLATIONS = "translations"  # language tag -> a TRANSLATION_FORMAT table
    STEP_TRANSLATIONS = "step-translations"  # a step's own name -> a STEP_TRANSLATION_FORMAT table
    EASIER_TRANSLATION = "easier-translation"  # a STEP_TRANSLATION_FORMAT table, without easier


class Key(msgspec.Struct, frozen=True):
    name: str
    value: Value
    #: What it is for: the hover text in editors, and the reference in the docs.
    doc: str
    required: bool = False
    #: (lowest, highest), in seconds for durations; DURATION and COUNT only.
    limits: tuple[int, int] | None = None
    #: Text that may be empty ("" or only spaces).
    allow_empty: bool = False
    #: Text shown as a paragraph, so line breaks in it are kept; TEXT and TEXT_LIST only.
    multiline: bool = False
    #: The value a step takes when the key is left out.
    default: int | str | None = None
    #: Text a translation may give in another language (see TRANSLATION_FORMAT).
    translated: bool = False


def _timing(name: str, doc: str, low: int, high: int) -> Key:
    return Key(name, Value.DURATION, doc, limits=(low, high), default=STEP_DEFAULTS[name])


#: The keys of ``defaults:``, which a step may also give for itself.
DEFAULT_KEYS_FORMAT: tuple[Key, ...] = (
    _timing("prepare", "Countdown to get into position before the step (0 = none).", 0, 600),
    _timing("rest", "Rest after the step, except after the last one (0 = none).", 0, 600),
    _timing(
        "switch", "Pause between two work phases of one step: sides or sets (0 = none).", 0, 600
    ),
    _timing("rep_time", "Seconds per rep, for steps counted in reps.", 1, 60),
)

STEP_FORMAT: tuple[Key, ...] = (
    Key(
        "name",
        Value.TEXT,
        "The stretch's name, shown large on screen.",
        required=True,
        translated=True,
    ),
    Key(
        "kind",
        Value.STEP_KIND,
        "stretch (the default) or warmup (also written warm-up).",
        default=StepKind.STRETCH.value,
    ),
    Key(
        "hold", Value.DURATION, "How long to hold the stretch; give hold or reps.", limits=(1, 3600)
    ),
    Key(
        "reps", Value.COUNT, "How many reps, at rep_time each; give hold or reps.", limits=(1, 500)
    ),
    Key("sets", Value.COUNT, "How many times the work is done.", limits=(1, 20), default=1),
    Key(
        "sides",
        Value.SIDES,
        "both (left then right), left, right, or a list such as [right, left].",
    ),
    Key(
        "instructions",
        Value.TEXT_LIST,
        "What to do, numbered on screen in this order.",
        multiline=True,
        translated=True,
    ),
    Key("targets", Value.TEXT_LIST, "The muscles or areas the stretch works."),
    Key(
        "tip",
        Value.TEXT,
        "One extra hint shown under the instructions.",
        multiline=True,
        translated=True,
    ),
    *DEFAULT_KEYS_FORMAT,
    Key("sounds", Value.SOUNDS, "Cue sounds for this step only; they win over the routine's."),
    Key(
        "figure",
        Value.FIGURE,
        "The stick figure shown for this step: a bundled figure's name "
        "('stretchtimer figures' lists them) or one the routine defines under 'figures'.",
    ),
    Key(
        "min_hold",
        Value.DURATION,
        "The shortest hold ratings may bring this step to (default: half the hold).",
        limits=(1, 3600),
    ),
    Key(
        "max_hold",
        Value.DURATION,
        "The longest hold ratings may bring this step to "
        "(default: one and a half times the hold, at most 60 s).",
        limits=(1, 3600),
    ),
    Key(
        "min_reps",
        Value.COUNT,
        "The fewest reps ratings may bring this step to (default: half the reps).",
        limits=(1, 500),
    ),
    Key(
        "max_reps",
        Value.COUNT,
        "The most reps ratings may bring this step to (default: one and a half times the reps).",
        limits=(1, 500),
    ),
    Key(
        "easier",
        Value.EASIER,
        "What to do instead after this step was rated as hurting: the name of another "
        "step of this routine or of a bundled routine, or a step of its own (a mapping "
        "with the keys of a step).",
    ),
)

#: Each limit key, the work key it bounds, and whether it is the lower bound.
STEP_LIMIT_KEYS: tuple[tuple[str, str, bool], ...] = (
    ("min_hold", "hold", True),
    ("max_hold", "hold", False),
    ("min_reps", "reps", True),
    ("max_reps", "reps", False),
)

#: A step gives exactly one of these keys.
STEP_WORK_KEYS = ("hold", "reps")

ROUTINE_FORMAT: tuple[Key, ...] = (
    Key("version", Value.VERSION, f"The format version; this is version {FORMAT_VERSION}."),
    Key(
        "language",
        Value.LANGUAGE,
        "The language the routine's text is written in: a tag such as en, de, es or pt_BR.",
        default=DEFAULT_LANGUAGE,
    ),
    Key(
        "name",
        Value.TEXT,
        "The title shown in the picker and on screen.",
        required=True,
        translated=True,
    ),
    Key(
        "description",
        Value.TEXT,
        "A line or two for the picker's preview.",
        allow_empty=True,
        multiline=True,
        translated=True,
    ),
    Key(
        "caution",
        Value.TEXT,
        "Shown while the first step gets ready; new or changed, it waits for a key first.",
        allow_empty=True,
        multiline=True,
        translated=True,
    ),
    Key("defaults", Value.DEFAULTS, "Timings every step starts from; a step may override each."),
    Key("sounds", Value.SOUNDS, "Cue sounds for the whole routine."),
    Key(
        "figures",
        Value.FIGURES,
        "Figures this routine defines for its steps, by name; one with a bundled "
        "figure's name is used instead of it.",
    ),
    Key("steps", Value.STEPS, "The steps, done in this order.", required=True),
    Key(
        "translations",
        Value.TRANSLATIONS,
        "The routine's text in other languages, by language tag (de, es, pt_BR): "
        "name, description, caution and the steps' words; numbers are never translated.",
    ),
)


def _in_translation(keys: tuple[Key, ...]) -> tuple[Key, ...]:
    """The translated keys of a table, none of them required: a missing one falls back."""
    return tuple(
        msgspec.structs.replace(key, required=False, default=None) for key in keys if key.translated
    )


#: The keys of one step's entry under a translation's ``steps:``.
STEP_TRANSLATION_FORMAT: tuple[Key, ...] = (
    *_in_translation(STEP_FORMAT),
    Key(
        "easier",
        Value.EASIER_TRANSLATION,
        "The step's own 'easier' step (one written inside it), in this language.",
    ),
)

#: The keys of one language under ``translations:``.
TRANSLATION_FORMAT: tuple[Key, ...] = (
    *_in_translation(ROUTINE_FORMAT),
    Key(
        "steps",
        Value.STEP_TRANSLATIONS,
        "The steps' words in this language, each under the step's name as the routine "
        "itself writes it.",
    ),
)

#: What a cue's sound marks, for the docs of each ``sounds:`` key.
CUE_DOCS: dict[str, str] = {
    "get-ready": "A step's prepare countdown begins.",
    "start": "A work phase begins.",
    "countdown": "Each of the last three seconds of a phase.",
    "switch": "Time to change sides or start the next set.",
    "rest": "A rest begins.",
    "next": "The next stretch begins.",
    "complete": "The routine is done.",
    "tick": "Each rep.",
}
assert set(CUE_DOCS) == set(CUE_NAMES), "every cue needs its line of docs"

#: Every word ``kind:`` accepts: each kind's value and its label.
STEP_KIND_WORDS: dict[str, StepKind] = {
    **{kind.value: kind for kind in StepKind},
    **{kind.label: kind for kind in StepKind},
}


def key_names(keys: tuple[Key, ...]) -> tuple[str, ...]:
    return tuple(key.name for key in keys)
