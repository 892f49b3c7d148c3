"""A routine's own text in other languages: reading ``translations:`` and choosing one.

A routine file keeps its text in the language it names (``language:``) and
may carry that text in other languages under ``translations:``. Only text is
ever translated (the keys marked ``translated`` in the format table), so a
translation cannot change a number, a side, a figure or a sound: the plan is
the same in every language by construction.

The translation shown is chosen once, as the file is read, for the language
the app speaks; each field a translation leaves out keeps the routine's own
text. The own-language names stay on the routine and its steps as their
``key``: ratings, history and the app's memory go by it, so switching
language loses none of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import msgspec
import yaml

from stretchtimer.i18n import _
from stretchtimer.routine import Routine, Step
from stretchtimer.routine_format import (
    LANGUAGE_TAG,
    ROUTINE_FORMAT,
    STEP_FORMAT,
    STEP_TRANSLATION_FORMAT,
    TRANSLATION_FORMAT,
    Key,
    Value,
    key_names,
)
from stretchtimer.routine_problems import ReadsPositioned
from stretchtimer.suggestions import suggest

_STEP_WORDS = {key.name: key for key in STEP_TRANSLATION_FORMAT}
_EASIER_KEYS = tuple(name for name in _STEP_WORDS if name != "easier")
_ROUTINE_WORDS = {key.name: key for key in TRANSLATION_FORMAT}
#: Keys of the routine and of a step that a translation may not give, for a helpful message.
_ROUTINE_ONLY = tuple(k.name for k in ROUTINE_FORMAT if k.name not in _ROUTINE_WORDS)
_STEP_ONLY = tuple(k.name for k in STEP_FORMAT if k.name not in _STEP_WORDS)


class Reads(ReadsPositioned, Protocol):
    """What the loader's reader lends to read a translation: positioned problems and values."""

    def value(self, key: Key, key_node: yaml.Node, node: yaml.Node, label: str) -> object: ...


@dataclass
class StepWords:
    """One step's words in one language, and where the step's name was written."""

    node: yaml.Node
    words: dict[str, Any] = field(default_factory=dict)
    easier_node: yaml.Node | None = None


@dataclass
class Translation:
    """A routine's words in one language; ``steps`` by the step's own name."""

    node: yaml.Node
    words: dict[str, Any] = field(default_factory=dict)
    steps: dict[str, StepWords] = field(default_factory=dict)


def read_language(reader: Reads, node: yaml.Node, what: str = "'language'") -> str | None:
    """A language tag such as ``de`` or ``pt_BR``, as gettext names its catalogs."""
    tag = reader.text(node, what)
    if tag is None:
        return None
    if LANGUAGE_TAG.match(tag):
        return tag
    language, _sep, region = tag.replace("-", "_").partition("_")
    fixed = f"{language.lower()}_{region.upper()}" if region else language.lower()
    if LANGUAGE_TAG.match(fixed):
        message = _(
            "{what} must be a language tag such as en, de, es or pt_BR, not '{tag}' "
            "(did you mean '{fixed}'?)"
        )
    else:
        message = _("{what} must be a language tag such as en, de, es or pt_BR, not '{tag}'")
    reader.error(node, message.format(what=what, tag=tag, fixed=fixed))
    return None


def read_translations(reader: Reads, node: yaml.Node) -> dict[str, Translation]:
    """``translations:``: each language's words, read with the format table's keys."""
    found: dict[str, Translation] = {}
    if not isinstance(node, yaml.MappingNode):
        reader.error(node, _("'translations' must be a mapping of language tags such as 'de:'"))
        return found
    seen: set[str] = set()
    for tag_node, words_node in node.value:
        tag = read_language(reader, tag_node, _("a language under 'translations'"))
        if tag is None:
            continue
        if tag in seen:
            reader.error(tag_node, _("the translation '{tag}' is given twice").format(tag=tag))
            continue
        seen.add(tag)
        translation = Translation(tag_node)
        what = _("the translation '{tag}'").format(tag=tag)
        for key, key_node, value_node in _words(
            reader, words_node, what, key_names(TRANSLATION_FORMAT), _ROUTINE_ONLY
        ):
            spec = _ROUTINE_WORDS[key]
            if spec.value is Value.STEP_TRANSLATIONS:
                translation.steps = read_step_translations(reader, value_node, what)
                continue
            label = _("'{key}' in {what}").format(key=key, what=what)
            value = reader.value(spec, key_node, value_node, label)
            if value is not None:
                translation.words[key] = value
        found[tag] = translation
    return found


def _words(
    reader: Reads, node: yaml.Node, what: str, known: tuple[str, ...], kept: tuple[str, ...]
) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    """The entries of a translation's mapping; a key the routine keeps for itself is refused
    with why, not as unknown."""
    for key, key_node, value_node in reader.mapping(node, what, known + kept):
        if key in kept:
            reader.error(
                key_node,
                _(
                    "'{key}' cannot be translated ({what}): only text is, and numbers, sides, "
                    "figures and sounds stay as the routine itself gives them"
                ).format(key=key, what=what),
            )
            continue
        yield key, key_node, value_node


def read_step_translations(reader: Reads, node: yaml.Node, what: str) -> dict[str, StepWords]:
    """A translation's ``steps:``, keyed by each step's name as the routine writes it."""
    found: dict[str, StepWords] = {}
    if not isinstance(node, yaml.MappingNode):
        reader.error(
            node,
            _("'steps' in {what} must map each step's own name to its words, not a list").format(
                what=what
            ),
        )
        return found
    for name_node, words_node in node.value:
        name = reader.text(name_node, _("a step's name in {what}").format(what=what))
        if name is None:
            continue
        if name in found:
            first = found[name].node.start_mark.line + 1
            reader.error(
                name_node,
                _("step '{name}' is translated twice in {what} (first on line {first})").format(
                    name=name, what=what, first=first
                ),
            )
            continue
        entry = StepWords(name_node)
        label = _("step '{name}' in {what}").format(name=name, what=what)
        entry.words = _step_words(reader, words_node, label, entry)
        found[name] = entry
    return found


def _step_words(
    reader: Reads, node: yaml.Node, what: str, entry: StepWords | None
) -> dict[str, Any]:
    words: dict[str, Any] = {}
    known = key_names(STEP_TRANSLATION_FORMAT) if entry is not None else _EASIER_KEYS
    for key, key_node, value_node in _words(reader, node, what, known, _STEP_ONLY):
        spec = _STEP_WORDS[key]
        if spec.value is Value.EASIER_TRANSLATION:
            assert entry is not None
            entry.easier_node = key_node
            label = _("the 'easier' step of {what}").format(what=what)
            words[key] = _step_words(reader, value_node, label, None)
            continue
        label = _("'{key}' in {what}").format(key=key, what=what)
        value = reader.value(spec, key_node, value_node, label)
        if value == ():
            reader.error(
                value_node,
                _("{label} is empty; leave it out to show the routine's own").format(label=label),
            )
        elif value is not None:
            words[key] = value
    return words


def check_translations(
    reader: Reads,
    routine: Routine,
    translations: Mapping[str, Translation],
    named_easier: set[int],
) -> None:
    """Problems only the whole routine shows: steps that are not there, the own language.

    ``named_easier`` holds the numbers (from 1) of the steps whose ``easier:``
    names another step rather than writing one of its own.
    """
    steps = {step.name: number for number, step in enumerate(routine.steps, start=1)}
    for tag, translation in translations.items():
        if tag == routine.language:
            reader.error(
                translation.node,
                _(
                    "the translation '{tag}' is the routine's own language ('language: {tag}'); "
                    "its text is the routine's own"
                ).format(tag=tag),
            )
        if "caution" in translation.words and not routine.caution:
            reader.error(
                translation.node,
                _(
                    "the translation '{tag}' gives a 'caution' but the routine has none "
                    "in its own language"
                ).format(tag=tag),
            )
        for name, entry in translation.steps.items():
            number = steps.get(name)
            if number is None:
                reader.error(
                    entry.node,
                    _(
                        "the translation '{tag}' names no step of the routine: "
                        "'{name}'{did_you_mean}; steps are named as the routine itself writes them"
                    ).format(tag=tag, name=name, did_you_mean=suggest(name, list(steps))),
                )
                continue
            step = routine.steps[number - 1]
            if entry.easier_node is not None and (step.easier is None or number in named_easier):
                message = (
                    _(
                        "step '{name}' has no 'easier' step of its own to translate; "
                        "translate the step it names instead"
                    )
                    if step.easier
                    else _("step '{name}' has no 'easier' step of its own to translate")
                )
                reader.error(entry.easier_node, message.format(name=name))


def languages_to_try(language: str) -> tuple[str, ...]:
    """``de_AT`` is shown ``de_AT`` if there is one, else ``de``."""
    base = language.partition("_")[0]
    return (language,) if base == language else (language, base)


def in_language(
    routine: Routine, translations: Mapping[str, Translation], language: str
) -> Routine:
    """The routine as shown in ``language``: each field translated, or its own where not."""
    tried = languages_to_try(language)
    tag = next((t for t in tried if t in translations), None)
    if routine.language in tried or tag is None:
        return msgspec.structs.replace(routine, shown_language=routine.language)
    chosen = translations[tag]
    words = chosen.words
    return msgspec.structs.replace(
        routine,
        **words,
        steps=tuple(_step_in(step, chosen.steps) for step in routine.steps),
        shown_language=tag,
        own_name=routine.name if "name" in words else None,
        own_caution=routine.caution if "caution" in words else None,
    )


def _step_in(step: Step, translated: Mapping[str, StepWords], nested: bool = False) -> Step:
    entry = translated.get(step.key)
    words = dict(entry.words) if entry is not None else {}
    easier_words = words.pop("easier", None)
    easier = step.easier
    if easier is not None and not nested:
        if easier_words is not None:
            easier = _with_words(easier, easier_words)
        else:
            easier = _step_in(easier, translated, nested=True)
    return msgspec.structs.replace(_with_words(step, words), easier=easier)


def _with_words(step: Step, words: Mapping[str, Any]) -> Step:
    if not words:
        return step
    return msgspec.structs.replace(
        step, **words, own_name=step.key if "name" in words else step.own_name
    )
