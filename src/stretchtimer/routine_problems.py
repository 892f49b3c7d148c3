"""A routine file's problems: each with its position, all of them at once.

Kept apart from the loader that finds them, so the commands and the editing
loop can say them without reading YAML themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import msgspec

from stretchtimer.i18n import N_, _
from stretchtimer.positions import Position, capped
from stretchtimer.safe_text import safe_text

if TYPE_CHECKING:
    import yaml


class ReadsPositioned(Protocol):
    """What the loader's reader lends the modules that read a part of a routine file for it:
    problems said where they are, and text and mappings checked as the loader checks them."""

    def error(self, node: yaml.Node | None, message: str, **values: object) -> None: ...

    def text(
        self, node: yaml.Node, what: str, *, allow_empty: bool = False, multiline: bool = False
    ) -> str | None: ...

    def mapping(
        self, node: yaml.Node, what: str, known: tuple[str, ...]
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]: ...


class Problem(msgspec.Struct, frozen=True):
    message: str
    position: Position | None = None

    def format(self, filename: str) -> str:
        where = (
            f"{filename}:{self.position.line}:{self.position.column}" if self.position else filename
        )
        # The file name and the message may quote the file: neither may reach a terminal raw.
        return safe_text(_("{where}: error: {message}").format(where=where, message=self.message))


class RoutineError(Exception):
    """A routine file that cannot be used, with everything wrong with it."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = sorted(problems, key=lambda p: (p.position or Position(0, 0), p.message))
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line a problem, at most ``MAX_PROBLEMS_SHOWN`` of them and how many more."""
        return capped([p.format(str(self.path)) for p in self.problems], safe_text(str(self.path)))


def describe_value(value: object) -> str:
    """How a wrong value is quoted in a message: short, and never the whole of a long text."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return repr(value)


# -- what the loader says, marked here and translated where it is said ------------------
HINT_NOT = N_("{hint}, not {kind}")
NEEDS_WORK = N_("{what} needs '{hold}' (how long) or '{reps}' (how many)")
NOT_TEXT = N_("{what} must be text, not {kind}")
STEP_NOT_MAPPING = N_(
    "{what} must be a mapping with at least 'name' and 'hold' or 'reps', not {kind}"
)
NOT_MAPPING = N_("{what} must be a mapping of 'key: value' lines, not {kind}")
NOT_SENTENCES = N_("{what} must be a list of short sentences, not {kind}")
TOO_LONG = N_("{what} is longer than {limit} characters")
EMPTY = N_("{what} is empty")
NO_NAME = N_("{what} has no 'name'")
BOTH_WORKS = N_("{what} gives both '{hold}' and '{reps}'; keep one of them")
UNKNOWN_SIDE = N_("unknown side {kind}{suggest}; sides are left and right")
UNKNOWN_KEY = N_("unknown key '{key}' in {what}{hint}")
FORMAT_VERSION = N_("this stretchtimer reads format version {version} only")
TOP_NOT_MAPPING = N_("the top level must be a mapping with 'name:' and 'steps:', not {kind}")
NO_STEPS = N_("the routine has no 'steps'; add a list of steps")
ROUTINE_NO_NAME = N_("the routine has no 'name'; add a line such as 'name: Desk break'")
BAD_SOUND = N_("sound '{name}' for '{cue}': {exc}")
SIDE_TWICE = N_("side '{word}' is listed twice")
KEYS_NOT_WORDS = N_("keys in {what} must be plain words")
DUPLICATE_KEY = N_("duplicate key '{key}' in {what} (first given on line {first})")
EASIER_OF_EASIER = N_("an 'easier' step cannot have an 'easier' step of its own")
OUT_OF_RANGE = N_("'{key}' must be from {low} to {high}, not {value}")
DURATION_OUT_OF_RANGE = N_("'{key}' must be from {low} to {high}, not {seconds}")
NOT_WHOLE = N_("'{key}' must be a whole number, not {kind}")
NOT_DURATION = N_("'{key}' must be a duration like 30, '45s', '2m' or '1m30s', not {kind}")
LIMIT_ALONE = N_("'{key}' in {what} needs '{work}' beside it")
LIMIT_ABOVE = N_("'{key}' in {what} is more than its '{work}'")
LIMIT_BELOW = N_("'{key}' in {what} is less than its '{work}'")
STEPS_NOT_LIST = N_("'steps' must be a list of steps (lines starting with '- '), not {kind}")
STEPS_EMPTY = N_("'steps' is empty; a routine needs at least one step")
BAD_KIND = N_("'kind' must be one of {kinds}, not {kind}{suggest}")
EASIER_UNKNOWN = N_(
    "'easier' in step {number} names no other step, nor a bundled one: '{name}'{suggest}"
)
UNKNOWN_FIGURE = N_(
    "unknown figure '{name}'{suggest}; 'stretchtimer figures' lists the bundled ones"
)
