"""What every command shares: how one is declared, how errors are said, the settings a session uses.

A command is declared once, with ``command()``: its parser and its handler
together, and whether it shows the settings' problems itself. The dispatcher
and the list of commands that do not print those problems as warnings are
both read from that declaration.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from stretchtimer import locations
from stretchtimer.config import Config, ConfigReading
from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text

if TYPE_CHECKING:
    from stretchtimer.routine_problems import RoutineError

EXIT_OK = 0
EXIT_ERROR = 1


class UsageError(Exception):
    """A wrong option or setting, said as what to fix (exit status 1).

    ``usage`` is argparse's usage text, printed under the message as it is:
    its line breaks are the program's own, unlike any the message may quote.
    """

    def __init__(self, message: str, usage: str | None = None) -> None:
        super().__init__(message)
        self.usage = usage


class Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is bad input like any other: exit 1."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage().strip())


def usage_error(exc: UsageError) -> int:
    status = error(str(exc))
    if exc.usage:
        print(exc.usage, file=sys.stderr)
    return status


#: What runs a command: its parsed options and the settings as read, to its exit status.
Handler = Callable[[argparse.Namespace, ConfigReading], int]


Commands = argparse._SubParsersAction  # the object add_subparsers() returns


def command(
    commands: Commands[Parser],
    name: str,
    run: Handler,
    *,
    help: str,
    shows_settings_problems: bool = False,
) -> Parser:
    """Declare command ``name``: the parser to add its options to, and what runs it.

    ``shows_settings_problems``: the command shows the problems of
    ``config.toml`` itself (in the app, or as doctor's findings); any other
    command prints them as warnings first.
    """
    parser: Parser = commands.add_parser(name, help=help)
    parser.set_defaults(run=run, shows_settings_problems=shows_settings_problems)
    return parser


def error(message: str) -> int:
    # Messages may quote an argument or a path: neither reaches the terminal raw.
    print(_("stretchtimer: error: {message}").format(message=safe_text(message)), file=sys.stderr)
    return EXIT_ERROR


def routine_error(exc: RoutineError) -> int:
    """Each problem of a routine file on a line of its own, with its position."""
    for line in exc.lines():
        print(line, file=sys.stderr)
    return EXIT_ERROR


def has_terminal() -> bool:
    """Whether a full-screen interface can be drawn and answered: both ends a terminal."""
    return no_terminal_because() is None


def no_terminal_because() -> str | None:
    """Why no full-screen interface can be drawn and answered here, or None when it can."""
    if not sys.stdin.isatty():
        return _("its input is not a terminal")
    if not sys.stdout.isatty():
        return _("its output is not a terminal")
    term = os.environ.get("TERM", "")
    if not term:
        return _("TERM is not set, so the terminal's kind is unknown")
    if term == "dumb":
        return _("TERM is dumb: this terminal cannot draw a screen")
    return None


def settings_problems(reading: ConfigReading) -> tuple[Config, list[str]]:
    """The settings a session uses, with the keymap checked against the app's keys."""
    from msgspec.structs import replace

    from stretchtimer.tui.keys import check_keymap

    keymap, keymap_problems = check_keymap(reading.config.keymap)
    where = safe_text(str(locations.config_file()))
    problems = [*reading.problems, *(f"{where}: {safe_text(p)}" for p in keymap_problems)]
    return replace(reading.config, keymap=keymap), problems
