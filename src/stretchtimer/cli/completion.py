"""``completion``: Tab completion in bash, zsh and fish, and the words it offers.

The shell script that ``completion SHELL`` prints is argcomplete's: on Tab it
runs ``stretchtimer`` itself with the line being completed in its
environment, and the command answers from the same parser that reads the
options, then exits before doing anything else. So a new command or option
completes without anything else to change, and routine names are read when
Tab is pressed (the bundled ones and the user's folder as it is now, a file
added a moment ago included). The price is a Python start on every Tab: the
completing path imports neither Textual nor the audio, history or session
code, and reads folder listings only, never a routine file (docs/completion.md
has the measurements and the alternatives weighed).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable
from typing import TextIO

from stretchtimer.cli.common import EXIT_OK, Commands, Parser, command
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _

#: The shells whose script ``completion`` prints.
SHELLS = ("bash", "zsh", "fish")
#: What argcomplete's script puts in the environment of the command it runs on Tab.
COMPLETING = "_ARGCOMPLETE"

Completer = Callable[..., Iterable[str]]


def register(commands: Commands[Parser]) -> None:
    completion = command(
        commands,
        "completion",
        print_script,
        help=_("print the Tab completion script for your shell (eval or source it)"),
    )
    completion.add_argument("shell", metavar="SHELL", choices=SHELLS, help=", ".join(SHELLS))


def print_script(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from argcomplete.shell_integration import shellcode

    print(shellcode(["stretchtimer"], shell=args.shell), end="")
    return EXIT_OK


def completing() -> bool:
    """Whether this run was started by the completion script to answer a Tab."""
    return COMPLETING in os.environ


def complete(
    parser: argparse.ArgumentParser,
    *,
    output: TextIO | None = None,
    exit: Callable[[int], object] = os._exit,
) -> None:
    """Write the words that complete the line in the environment, for the shell that asked,
    and end the process (argcomplete's way: the shell reads them from a file descriptor).

    ``output`` and ``exit`` are for tests, which read the words in the same process."""
    from argcomplete import autocomplete

    # Options only once a dash is typed: a bare Tab offers the commands and names.
    autocomplete(parser, always_complete_options=False, output_stream=output, exit_method=exit)


# ------------------------------------------------------------------ completers
def routine_names(prefix: str, **_: object) -> Iterable[str]:
    """Bundled and user routine names, from the folders as they are now; a prefix that looks
    like a path completes routine files and folders instead."""
    from stretchtimer import catalog

    if catalog.looks_like_path(prefix):
        from argcomplete.completers import FilesCompleter

        return FilesCompleter(allowednames=("yaml", "yml"))(prefix)
    return [name for name in catalog.routine_files() if name.startswith(prefix)]


def figure_names(prefix: str, **_: object) -> Iterable[str]:
    from stretchtimer.figures.library import library_names

    return [name for name in library_names() if name.startswith(prefix)]


def language_names(prefix: str, **_: object) -> Iterable[str]:
    from stretchtimer.i18n import catalog_languages

    return [name for name in sorted(["en", *catalog_languages()]) if name.startswith(prefix)]


def sound_theme_names(prefix: str, **_: object) -> Iterable[str]:
    from stretchtimer.sound_themes import THEMES

    return [name for name in THEMES if name.startswith(prefix)]


def completes_with(action: argparse.Action, completer: Completer) -> argparse.Action:
    """Tell the completion what words fit ``action``; argcomplete reads ``completer`` from it."""
    action.completer = completer  # type: ignore[attr-defined]
    return action
