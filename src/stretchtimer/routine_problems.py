"""A routine file's problems: each with its position, all of them at once.

Kept apart from the loader that finds them, so the commands and the editing
loop can say them without reading YAML themselves.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text
from stretchtimer.yamlsafe import Position, capped


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
