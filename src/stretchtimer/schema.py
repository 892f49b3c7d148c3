"""The routine format as a JSON Schema (draft 2020-12), for editors.

Generated from the format table (``routine_format.py``) that the loader
reads, so it has the loader's keys, types, ranges and choices, and each key's
docs for the editor to show on hover. What a schema cannot say (whether a
sound file exists and plays, the range of a duration written as text such as
``'2h'``, a key given twice) is left to ``stretchtimer validate``.

The package ships the generated file (``locations.schema_file()``) and the
docs carry a copy; a test checks both are what this module generates.
"""

from __future__ import annotations

import json
from typing import Any, assert_never

from stretchtimer import locations
from stretchtimer.cues import CUE_NAMES
from stretchtimer.figures.above import TURNS
from stretchtimer.figures.library import FIGURE_NAME, MAX_INLINE_FIGURES, library_names
from stretchtimer.figures.model import CYCLES, PROP_KINDS, VIEWS
from stretchtimer.figures.reading import (
    FIGURE_KEYS,
    MAX_KEYFRAMES,
    MAX_MARK_POINTS,
    MAX_MARKS,
    MAX_TURN,
    WAYS,
)
from stretchtimer.figures.reading_values import MAX_COORDINATE
from stretchtimer.routine import SIDES
from stretchtimer.routine_format import (
    CUE_DOCS,
    DEFAULT_KEYS_FORMAT,
    FORMAT_VERSION,
    LANGUAGE_TAG,
    MAX_TEXT,
    ROUTINE_FORMAT,
    STEP_FORMAT,
    STEP_KIND_WORDS,
    STEP_TRANSLATION_FORMAT,
    STEP_WORK_KEYS,
    TRANSLATION_FORMAT,
    Key,
    Value,
)
from stretchtimer.wording import DURATION_PATTERN, format_duration

DIALECT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]


def routine_schema() -> Schema:
    return {
        "$schema": DIALECT,
        "title": "stretchtimer routine",
        "description": (
            f"A stretch routine for stretchtimer (format version {FORMAT_VERSION}). "
            "'stretchtimer validate FILE' checks everything, with positions."
        ),
        **_table(ROUTINE_FORMAT),
        "$defs": {
            "text": _text(allow_empty=False),
            "duration_text": {
                "type": "string",
                # At least one digit: each part is optional, but not all of them at once.
                "pattern": "^(?=.*[0-9])" + DURATION_PATTERN.removeprefix("^"),
            },
            "step": {**_table(STEP_FORMAT), "oneOf": [{"required": [k]} for k in STEP_WORK_KEYS]},
            "figure": _figure(),
            "step_words": _step_words(easier=True),
            "sound": {
                "description": "A bundled sound's name, or the path of a WAV file "
                "(relative to the routine file).",
                "type": "string",
                "anyOf": [
                    {"enum": bundled_sound_names()},
                    {"pattern": "/"},
                    {"pattern": r"\.[wW][aA][vV]$"},
                ],
            },
        },
    }


#: The widest line the shipped file is written with, indentation included.
_WIDTH = 100


def schema_text() -> str:
    """The schema as the shipped file holds it: indented, each small part on one line.

    Lists of names (sounds, figures, choices) and small objects such as
    ``{"$ref": "#/$defs/text"}`` would otherwise take a line per item and make
    the file long to read and to diff.
    """
    return _dumped(routine_schema(), 0) + "\n"


def _dumped(value: object, depth: int) -> str:
    """``value`` as JSON: on one line if that fits in _WIDTH, else one item a line."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or 2 * depth + len(flat) <= _WIDTH or not value:
        return flat
    inner = "  " * (depth + 1)
    if isinstance(value, dict):
        items = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dumped(v, depth + 1)}"
            for k, v in value.items()
        ]
        opening, closing = "{", "}"
    else:
        items = [f"{inner}{_dumped(v, depth + 1)}" for v in value]
        opening, closing = "[", "]"
    return opening + "\n" + ",\n".join(items) + "\n" + "  " * depth + closing


def bundled_sound_names() -> list[str]:
    return sorted(path.stem for path in locations.bundled_sounds_dir().glob("*.wav"))


def _table(keys: tuple[Key, ...]) -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": {key.name: _key(key) for key in keys},
        "additionalProperties": False,
    }
    required = [key.name for key in keys if key.required]
    if required:
        schema["required"] = required
    return schema


def _key(key: Key) -> Schema:
    schema: Schema = {"description": key.doc, **_value(key)}
    if key.default is not None:
        schema["default"] = key.default
    return schema


def _value(key: Key) -> Schema:
    match key.value:
        case Value.VERSION:
            return {"const": FORMAT_VERSION}
        case Value.TEXT:
            return {"$ref": "#/$defs/text"} if not key.allow_empty else _text(allow_empty=True)
        case Value.TEXT_LIST:
            return {
                "anyOf": [
                    {"$ref": "#/$defs/text"},
                    {"type": "array", "items": {"$ref": "#/$defs/text"}},
                ]
            }
        case Value.DURATION:
            low, high = _limits(key)
            return {
                "anyOf": [
                    {"type": "integer", "minimum": low, "maximum": high},
                    {"$ref": "#/$defs/duration_text"},
                ],
                "description": f"{key.doc} A duration from {format_duration(low)} to "
                f"{format_duration(high)}: seconds (30) or text such as 45s, 2m, 1m30s.",
            }
        case Value.COUNT:
            low, high = _limits(key)
            return {
                "type": "integer",
                "minimum": low,
                "maximum": high,
                "description": f"{key.doc} A whole number from {low} to {high}.",
            }
        case Value.STEP_KIND:
            return {"enum": list(STEP_KIND_WORDS)}
        case Value.SIDES:
            return {
                "anyOf": [
                    {"enum": ["both", *SIDES]},
                    {
                        "type": "array",
                        "items": {"enum": list(SIDES)},
                        "minItems": 1,
                        "uniqueItems": True,
                    },
                ]
            }
        case Value.SOUNDS:
            return {
                "type": "object",
                "properties": {
                    cue: {"description": CUE_DOCS[cue], "$ref": "#/$defs/sound"}
                    for cue in CUE_NAMES
                },
                "additionalProperties": False,
            }
        case Value.DEFAULTS:
            return _table(DEFAULT_KEYS_FORMAT)
        case Value.STEPS:
            return {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}}
        case Value.FIGURE:
            return {
                "type": "string",
                "anyOf": [{"enum": list(library_names())}, {"pattern": FIGURE_NAME.pattern}],
            }
        case Value.FIGURES:
            return {
                "type": "object",
                "maxProperties": MAX_INLINE_FIGURES,
                "propertyNames": {"pattern": FIGURE_NAME.pattern},
                "additionalProperties": {"$ref": "#/$defs/figure"},
            }
        case Value.EASIER:
            return {"anyOf": [{"$ref": "#/$defs/text"}, {"$ref": "#/$defs/step"}]}
        case Value.LANGUAGE:
            return {"type": "string", "pattern": LANGUAGE_TAG.pattern}
        case Value.TRANSLATIONS:
            return {
                "type": "object",
                "propertyNames": {"pattern": LANGUAGE_TAG.pattern},
                "additionalProperties": _table(TRANSLATION_FORMAT),
            }
        case Value.STEP_TRANSLATIONS:
            return {"type": "object", "additionalProperties": {"$ref": "#/$defs/step_words"}}
        case Value.EASIER_TRANSLATION:
            return _step_words(easier=False)
        case _:
            assert_never(key.value)


def _step_words(*, easier: bool) -> Schema:
    """A step's words in a translation: an instructions list, if given, is not empty."""
    keys = tuple(
        k for k in STEP_TRANSLATION_FORMAT if easier or k.value is not Value.EASIER_TRANSLATION
    )
    table = _table(keys)
    table["properties"]["instructions"]["anyOf"][1]["minItems"] = 1
    return table


def _figure() -> Schema:
    """One figure under ``figures:``; its poses are left to ``validate``, which knows joints."""
    marks: Schema = {
        "description": "Arrows that show which way a move goes: paths of [x, y] positions, "
        "each with an arrowhead at its end.",
        "type": "array",
        "maxItems": MAX_MARKS,
        "items": {
            "type": "array",
            "minItems": 2,
            "maxItems": MAX_MARK_POINTS,
            "items": {
                "type": "array",
                "items": {"type": "number"},
                "minItems": 2,
                "maxItems": 2,
            },
        },
    }
    keyframe: Schema = {
        "type": "object",
        "properties": {
            "marks": {
                **marks,
                "description": "This keyframe's own arrows, drawn with the "
                "figure's while it is in or moving into this keyframe.",
            },
            "around": {
                "description": "An arrow round the body's long axis for a turn: a flat "
                "ring centred 'at' [x, y], 'width' wide, its near half going the 'way' "
                "given (right or left), its far half behind the body.",
                "type": "object",
                "required": ["at", "width"],
                "additionalProperties": False,
                "properties": {
                    "at": {
                        "type": "array",
                        "items": {"type": "number"},
                        "minItems": 2,
                        "maxItems": 2,
                    },
                    "width": {"type": "number", "minimum": 1, "maximum": MAX_COORDINATE},
                    "way": {"enum": list(WAYS), "default": WAYS[0]},
                },
            },
            "turn": {
                "description": "How far the head and shoulders are turned toward the "
                "figure's left (negative: right), drawn in the view from above.",
                "type": "object",
                "propertyNames": {"enum": list(TURNS)},
                "additionalProperties": {
                    "type": "number",
                    "minimum": -MAX_TURN,
                    "maximum": MAX_TURN,
                },
            },
        },
    }
    properties: Schema = {
        "description": {
            "description": "What the figure shows, in a line.",
            "type": "string",
            "pattern": r"\S",
        },
        "view": {
            "description": "Seen from the front, or from the side facing right.",
            "enum": list(VIEWS),
        },
        "props": {
            "description": "What is drawn with the figure: floor, or "
            "{chair|wall|pillow|screen|window: [x, y]}.",
            "type": "array",
            "items": {
                "anyOf": [
                    {"const": "floor"},
                    {
                        "type": "object",
                        "minProperties": 1,
                        "propertyNames": {"enum": [*PROP_KINDS, "facing", "size"]},
                    },
                ]
            },
        },
        "cycle": {
            "description": "How a rep goes through the keyframes: loop (the default) or sweep.",
            "enum": list(CYCLES),
            "default": CYCLES[0],
        },
        "keyframes": {
            "description": "Named poses, in order: each joint at an angle or a position, "
            "'like:' another pose, and optionally the keyframe's own 'marks', its 'turn' "
            "and an arrow 'around' the body.",
            "type": "object",
            "minProperties": 1,
            "maxProperties": MAX_KEYFRAMES,
            "additionalProperties": keyframe,
        },
        "marks": marks,
        "above": {
            "description": "Where a small view from above of head and shoulders is drawn, "
            "[x, y]: it shows each keyframe's 'turn: {head: A, shoulders: B}'.",
            "type": "array",
            "items": {"type": "number"},
            "minItems": 2,
            "maxItems": 2,
        },
        "close_up": {
            "description": "Draw only what is above this height, larger: a close-up of "
            "head and shoulders for a small move.",
            "type": "number",
            "minimum": 0,
            "maximum": MAX_COORDINATE,
        },
    }
    assert tuple(properties) == FIGURE_KEYS, "every key of a figure needs its schema"
    return {
        "type": "object",
        "properties": properties,
        "required": ["description", "view", "keyframes"],
        "additionalProperties": False,
    }


def _text(*, allow_empty: bool) -> Schema:
    # The loader reads a number where text is wanted as the number's text.
    text: Schema = {"type": ["string", "number"], "maxLength": MAX_TEXT}
    if not allow_empty:
        text["pattern"] = r"\S"
    return text


def _limits(key: Key) -> tuple[int, int]:
    if key.limits is None:
        raise ValueError(f"'{key.name}' needs limits in the format table")
    return key.limits
