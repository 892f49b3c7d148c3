"""Routine files to ``Routine`` objects, with errors a person can act on.

Validation collects every problem in a file before giving up, each with the
line and column of the YAML node at fault, so one run of ``stretchtimer
validate`` is enough to fix a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, assert_never

import msgspec
import yaml

from stretchtimer import routine_problems as said
from stretchtimer import routine_translations as translations
from stretchtimer.figures.library import figure_names, is_library_figure, read_inline_figures
from stretchtimer.figures.model import Figure
from stretchtimer.i18n import _, current_language
from stretchtimer.routine import SIDES, STEP_DEFAULTS, Routine, Step, StepKind
from stretchtimer.routine_format import (
    DEFAULT_KEYS_FORMAT,
    FORMAT_VERSION,
    MAX_TEXT,
    ROUTINE_FORMAT,
    STEP_FORMAT,
    STEP_KIND_WORDS,
    STEP_LIMIT_KEYS,
    STEP_WORK_KEYS,
    Key,
    Value,
    key_names,
)
from stretchtimer.routine_problems import Problem, RoutineError, describe_value
from stretchtimer.routine_sounds import read_sounds
from stretchtimer.safe_text import safe_text
from stretchtimer.suggestions import suggest
from stretchtimer.wording import format_duration, parse_duration
from stretchtimer.yamlsafe import YamlProblem, compose, decode, position_of, read_text

ROUTINE_KEYS = key_names(ROUTINE_FORMAT)
DEFAULT_KEYS = key_names(DEFAULT_KEYS_FORMAT)
STEP_KEYS = key_names(STEP_FORMAT)

#: (lowest, highest) accepted values, in seconds for durations.
LIMITS: dict[str, tuple[int, int]] = {
    key.name: key.limits for key in (*ROUTINE_FORMAT, *STEP_FORMAT) if key.limits is not None
}

_ROUTINE_SPECS = {key.name: key for key in ROUTINE_FORMAT}
_STEP_SPECS = {key.name: key for key in STEP_FORMAT}
_DEFAULT_SPECS = {key.name: key for key in DEFAULT_KEYS_FORMAT}
_ROUTINE_FIELDS = frozenset(Routine.__struct_fields__)
#: Read before the rest of the routine: the steps start from these timings and name these figures.
_READ_FIRST = (Value.DEFAULTS, Value.FIGURES)
_MAX_TEXT = MAX_TEXT
_STR_TAG = "tag:yaml.org,2002:str"
__all__ = ["Problem", "RoutineError", "load_routine", "load_text"]
#: Finds a step by name elsewhere than in the routine being read, or None.
StepFinder = Callable[[str], Step | None]


class _Reader:
    """Walks the composed nodes of one file, collecting problems."""

    def __init__(
        self, path: Path, find_step: StepFinder | None = None, language: str | None = None
    ) -> None:
        self.path = path
        #: The language to show the routine in; None for the one the app speaks.
        self.language = language
        #: The routine's text in other languages, by language tag.
        self.translations: dict[str, translations.Translation] = {}
        #: Where an ``easier:`` name not among the routine's own steps is looked for.
        self.find_step = find_step
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()
        #: Keys offered as "did you mean"; not also reported as missing.
        self.suggested: set[str] = set()
        #: The timings each step starts from: the routine's ``defaults`` over the built-in ones.
        self.step_defaults: dict[str, int] = dict(STEP_DEFAULTS)
        #: The figures the routine defines for itself (read before its steps).
        self.figures: dict[str, Figure] = {}
        self.broken_figures: set[str] = set()
        #: Steps whose ``easier:`` names another step: (step number, name, its node).
        self.easier_names: list[tuple[int, str, yaml.Node]] = []
        #: The number of the step being read (0 while reading an ``easier:`` step inside one).
        self.step_number = 0

    # -- primitives ------------------------------------------------------------
    def error(self, node: yaml.Node | None, message: str, **values: object) -> None:
        """Note a problem at ``node``: ``message`` (one of ``said``'s, marked where it is
        defined) in the user's language, ``values`` in its named places."""
        message = _(message)
        if values:
            message = message.format(**values)
        self.problems.append(Problem(message, position_of(node.start_mark) if node else None))

    def scalar(self, node: yaml.Node) -> object:
        if isinstance(node, yaml.MappingNode):
            return {}
        if isinstance(node, yaml.SequenceNode):
            return []
        if node.tag == _STR_TAG:  # by far the most common; skip the generic constructor
            return node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            return node.value

    def mapping(
        self, node: yaml.Node, what: str, known: tuple[str, ...]
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """(key, key node, value node) for each valid entry; reports the rest."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, said.NOT_MAPPING, what=what, kind=self._kind(node))
            return
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.error(key_node, said.KEYS_NOT_WORDS, what=what)
                continue
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.error(key_node, said.DUPLICATE_KEY, key=key, what=what, first=first)
                continue
            seen[key] = key_node
            if key not in known:
                hint = suggest(key, known)
                self.error(key_node, said.UNKNOWN_KEY, key=key, what=what, hint=hint)
                self.suggested.update(k for k in known if hint == suggest(k, known) and hint)
                continue
            yield key, key_node, value_node

    def _kind(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.SequenceNode):
            return _("a list")
        if isinstance(node, yaml.MappingNode):
            return _("a mapping")
        return describe_value(self.scalar(node))

    def text(
        self, node: yaml.Node, what: str, *, allow_empty: bool = False, multiline: bool = False
    ) -> str | None:
        """A text value, stripped and made safe to show: a shared file may hold escape codes."""
        value = self.scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(node.value)
        if not isinstance(value, str):
            self.error(node, said.NOT_TEXT, what=what, kind=self._kind(node))
            return None
        value = value.strip()
        if not value and not allow_empty:
            self.error(node, said.EMPTY, what=what)
            return None
        if len(value) > _MAX_TEXT:
            self.error(node, said.TOO_LONG, what=what, limit=_MAX_TEXT)
            return None
        return safe_text(value, multiline=multiline)

    def text_list(
        self, node: yaml.Node, what: str, *, multiline: bool = False
    ) -> tuple[str, ...] | None:
        if isinstance(node, yaml.ScalarNode):
            single = self.text(node, what, multiline=multiline)
            return (single,) if single is not None else None
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, said.NOT_SENTENCES, what=what, kind=self._kind(node))
            return None
        items = [
            self.text(item, _("each entry of {what}").format(what=what), multiline=multiline)
            for item in node.value
        ]
        if any(item is None for item in items):
            return None
        return tuple(item for item in items if item is not None)

    def number(self, node: yaml.Node, key: str, *, duration: bool) -> int | None:
        value = self.scalar(node) if isinstance(node, yaml.ScalarNode) else None
        low, high = LIMITS[key]
        if duration:
            seconds = parse_duration(value)
            if seconds is None:
                self.error(node, said.NOT_DURATION, key=key, kind=self._kind(node))
                return None
            if not low <= seconds <= high:
                self.error(
                    node,
                    said.DURATION_OUT_OF_RANGE,
                    key=key,
                    low=format_duration(low),
                    high=format_duration(high),
                    seconds=format_duration(seconds),
                )
                return None
            return seconds
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(node, said.NOT_WHOLE, key=key, kind=self._kind(node))
            return None
        if not low <= value <= high:
            self.error(node, said.OUT_OF_RANGE, key=key, low=low, high=high, value=value)
            return None
        return value

    # -- parts of a routine ----------------------------------------------------
    def sides(self, node: yaml.Node) -> tuple[str, ...] | None:
        hint = _("'sides' must be 'both', or a list from left and right such as [left, right]")
        if isinstance(node, yaml.ScalarNode):
            word = self.scalar(node)
            if word == "both":
                return SIDES
            if word in SIDES:
                return (str(word),)
            self.error(node, said.HINT_NOT, hint=hint, kind=self._kind(node))
            return None
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.error(node, said.HINT_NOT, hint=hint, kind=self._kind(node))
            return None
        sides: list[str] = []
        for item in node.value:
            word = self.scalar(item) if isinstance(item, yaml.ScalarNode) else None
            if not isinstance(word, str) or word not in SIDES:
                self.error(
                    item,
                    said.UNKNOWN_SIDE,
                    kind=self._kind(item),
                    suggest=suggest(str(word), SIDES),
                )
                return None
            if word in sides:
                self.error(item, said.SIDE_TWICE, word=word)
                return None
            sides.append(word)
        return tuple(sides)

    def defaults(self, node: yaml.Node) -> dict[str, int]:
        values = dict(STEP_DEFAULTS)
        for key, key_node, value_node in self.mapping(node, "'defaults'", DEFAULT_KEYS):
            seconds = self.value(_DEFAULT_SPECS[key], key_node, value_node, f"'{key}'")
            if isinstance(seconds, int):
                values[key] = seconds
        return values

    def step(
        self, node: yaml.Node, number: int, defaults: dict[str, int], what: str = ""
    ) -> Step | None:
        what = what or _("step {number}").format(number=number)
        self.step_number = number
        if not isinstance(node, yaml.MappingNode):
            self.error(node, said.STEP_NOT_MAPPING, what=what, kind=self._kind(node))
            return None
        before = len(self.problems)
        self.suggested = set()
        fields: dict[str, Any] = dict(defaults)
        given: dict[str, yaml.Node] = {}
        for key, key_node, value_node in self.mapping(node, what, STEP_KEYS):
            given[key] = key_node
            label = _("the name of {what}").format(what=what) if key == "name" else f"'{key}'"
            value = self.value(_STEP_SPECS[key], key_node, value_node, label)
            if value is not None:
                fields[key] = value
        if "name" not in given and "name" not in self.suggested:
            self.error(node, said.NO_NAME, what=what)
        hold, reps = STEP_WORK_KEYS
        if hold in given and reps in given:
            self.error(given[reps], said.BOTH_WORKS, what=what, hold=hold, reps=reps)
        elif not (set(STEP_WORK_KEYS) & (given.keys() | self.suggested)):
            self.error(node, said.NEEDS_WORK, what=what, hold=hold, reps=reps)
        self._check_limits(what, fields, given)
        if len(self.problems) > before:
            return None
        fields.setdefault("hold", None)
        if "reps" in fields:
            fields["hold"] = None
        return Step(**fields)

    def _check_limits(self, what: str, fields: dict[str, Any], given: dict[str, yaml.Node]) -> None:
        """Each limit bounds the step's own work key, on the side it names."""
        for key, work, lower in STEP_LIMIT_KEYS:
            if key not in given or key not in fields:
                continue
            if work not in given:
                self.error(given[key], said.LIMIT_ALONE, key=key, what=what, work=work)
            elif work in fields and (
                fields[key] > fields[work] if lower else fields[key] < fields[work]
            ):
                said_so = said.LIMIT_ABOVE if lower else said.LIMIT_BELOW
                self.error(given[key], said_so, key=key, what=what, work=work)

    def easier(self, node: yaml.Node) -> object:
        """A name is checked once every step is read; a mapping is a step of its own."""
        if isinstance(node, yaml.MappingNode):
            if self.step_number == 0:
                self.error(node, said.EASIER_OF_EASIER)
                return None
            number = self.step_number
            easier = self.step(
                node,
                0,
                self.step_defaults,
                _("the 'easier' step of step {number}").format(number=number),
            )
            self.step_number = number
            return easier
        name = self.text(node, "'easier'")
        if name is not None:
            self.easier_names.append((self.step_number, name, node))
        return None

    def value(self, key: Key, key_node: yaml.Node, node: yaml.Node, label: str) -> object:
        """What ``node`` holds as the value of ``key``; None (and a problem noted) if unusable.

        Every kind of value in the format table is read here, so a key added to
        the table is read like its kind's other keys.
        """
        match key.value:
            case Value.VERSION:
                self.version(node)
                return None
            case Value.TEXT:
                return (
                    self.text(node, label, allow_empty=key.allow_empty, multiline=key.multiline)
                    or None
                )
            case Value.TEXT_LIST:
                return self.text_list(node, label, multiline=key.multiline)
            case Value.DURATION:
                return self.number(node, key.name, duration=True)
            case Value.COUNT:
                return self.number(node, key.name, duration=False)
            case Value.STEP_KIND:
                return self._kind_of_step(node)
            case Value.SIDES:
                return self.sides(node)
            case Value.SOUNDS:
                return read_sounds(self, node, self.path.parent)
            case Value.DEFAULTS:
                return self.defaults(node)
            case Value.STEPS:
                return self.steps(node, key_node, self.step_defaults)
            case Value.FIGURE:
                return self.figure_name(node)
            case Value.FIGURES:
                self.figures = read_inline_figures(node, self.error, self.broken_figures)
                return MappingProxyType(self.figures)
            case Value.EASIER:
                return self.easier(node)
            case Value.LANGUAGE:
                return translations.read_language(self, node)
            case Value.TRANSLATIONS:
                self.translations = translations.read_translations(self, node)
                return None
            case Value.STEP_TRANSLATIONS | Value.EASIER_TRANSLATION:
                # Read by routine_translations, inside 'translations', never here.
                raise AssertionError(key.value)
            case _:
                assert_never(key.value)

    def version(self, node: yaml.Node) -> None:
        value = self.scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or value != FORMAT_VERSION:
            self.error(node, said.FORMAT_VERSION, version=FORMAT_VERSION)

    def figure_name(self, node: yaml.Node) -> str | None:
        name = self.text(node, "'figure'")
        if name is None:
            return None
        if name in self.broken_figures:
            return None  # its own problems are reported where it is defined
        if name not in self.figures and not is_library_figure(name):
            self.error(
                node,
                said.UNKNOWN_FIGURE,
                name=name,
                suggest=suggest(name, figure_names(self.figures)),
            )
            return None
        return name

    def _kind_of_step(self, node: yaml.Node) -> StepKind | None:
        word = self.scalar(node) if isinstance(node, yaml.ScalarNode) else None
        kinds = tuple(k.value for k in StepKind)
        if isinstance(word, str) and word in STEP_KIND_WORDS:
            return STEP_KIND_WORDS[word]
        self.error(
            node,
            said.BAD_KIND,
            kinds=", ".join(kinds),
            kind=self._kind(node),
            suggest=suggest(str(word), kinds),
        )
        return None

    def routine(self, root: yaml.Node) -> Routine | None:
        if not isinstance(root, yaml.MappingNode):
            self.error(root, said.TOP_NOT_MAPPING, kind=self._kind(root))
            return None
        fields: dict[str, Any] = {"source": self.path}
        entries = list(self.mapping(root, _("the routine"), ROUTINE_KEYS))
        # The step defaults first: every step starts from them, wherever they are written.
        for key, key_node, value_node in entries:
            spec = _ROUTINE_SPECS[key]
            if spec.value is Value.DEFAULTS:
                self.step_defaults = self.defaults(value_node)
            elif spec.value is Value.FIGURES:
                # Read before the steps, which may name these figures.
                fields[key] = self.value(spec, key_node, value_node, f"'{key}'")
        for key, key_node, value_node in entries:
            spec = _ROUTINE_SPECS[key]
            if spec.value in _READ_FIRST:
                continue
            value = self.value(spec, key_node, value_node, f"'{key}'")
            if key in _ROUTINE_FIELDS and value is not None:
                fields[key] = value
        if not any(key == "name" for key, _, _ in entries):
            self.error(root, said.ROUTINE_NO_NAME)
        if not any(key == "steps" for key, _, _ in entries):
            self.error(root, said.NO_STEPS)
        if "name" not in fields or "steps" not in fields:
            return None
        # Checked even beside other problems, so one run of validate lists them all.
        routine = Routine(**fields)
        named_easier = {number for number, _name, _node in self.easier_names}
        translations.check_translations(self, routine, self.translations, named_easier)
        if self.problems:
            return None
        return translations.in_language(
            routine, self.translations, self.language or current_language()
        )

    def steps(
        self, node: yaml.Node, key_node: yaml.Node, defaults: dict[str, int]
    ) -> tuple[Step, ...] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, said.STEPS_NOT_LIST, kind=self._kind(node))
            return None
        if not node.value:
            self.error(key_node, said.STEPS_EMPTY)
            return None
        steps = [self.step(item, i, defaults) for i, item in enumerate(node.value, start=1)]
        by_name = {step.name: step for step in reversed(steps) if step is not None}
        for number, name, name_node in self.easier_names:
            found = by_name.get(name) or (self.find_step(name) if self.find_step else None)
            if found is None or found is steps[number - 1]:
                others = [n for n in by_name if n != name]
                self.error(
                    name_node,
                    said.EASIER_UNKNOWN,
                    number=number,
                    name=name,
                    suggest=suggest(name, others),
                )
            elif (step := steps[number - 1]) is not None:
                easier = msgspec.structs.replace(found, easier=None)
                steps[number - 1] = msgspec.structs.replace(step, easier=easier)
        if any(step is None for step in steps):
            return None
        return tuple(step for step in steps if step is not None)


def load_text(
    text: str | bytes, path: Path, find_step: StepFinder | None = None, language: str | None = None
) -> Routine:
    """Validate routine text as if read from ``path``; ``find_step`` finds the bundled
    step an ``easier:`` may name (``bundled_steps.bundled_step``). The text is shown in
    ``language`` where the file translates it (by default the language the app speaks).
    Bytes, as read from ``path``, are decoded first."""
    try:
        root = compose(text if isinstance(text, str) else decode(text))
    except YamlProblem as problem:
        raise RoutineError(path, [Problem(problem.message, problem.position)]) from None
    if root is None:
        raise RoutineError(
            path, [Problem(_("the file is empty; a routine needs 'name:' and 'steps:'"))]
        )
    reader = _Reader(path, find_step, language)
    routine = reader.routine(root)
    if routine is None:
        raise RoutineError(path, reader.problems)
    return routine


def load_routine(
    path: Path, find_step: StepFinder | None = None, language: str | None = None
) -> Routine:
    """Read and validate a routine file; raise ``RoutineError`` listing every problem."""
    try:
        text = read_text(path)
    except YamlProblem as problem:
        raise RoutineError(path, [Problem(problem.message, problem.position)]) from None
    return load_text(text, path, find_step, language)
