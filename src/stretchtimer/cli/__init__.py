"""The ``stretchtimer`` command.

Every failure a person can cause (a bad routine file, an unknown name, a
wrong option) ends here as a message saying what to fix and exit status 1,
never a traceback. Each command group has a module of its own, which
declares each command's options and what runs it in one place
(``common.command``); heavy imports (Textual, audio, history) happen inside
the commands that need them, so ``list`` and ``validate`` stay instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from stretchtimer import __version__
from stretchtimer.cli import completion, control
from stretchtimer.cli.argparse_words import VERSION_HELP, speak_through_our_catalog
from stretchtimer.cli.audio_settings import add_sound_options
from stretchtimer.cli.common import Parser, UsageError, error, routine_error, usage_error
from stretchtimer.config import ConfigReading, read_config
from stretchtimer.i18n import _, choose_language

#: The command groups, in the order ``--help`` lists their commands (each a module of ``cli``).
GROUPS = (
    "session",
    "remind",
    "control",
    "routines",
    "authoring",
    "figures",
    "sounds",
    "feedback",
    "history",
    "doctor",
    "completion",
)


#: The commands of the ``session`` group: a session started by name builds no other group.
SESSION_COMMANDS = ("run", "pick")


def _groups(argv: Sequence[str]) -> list[ModuleType]:
    """The group modules to load: only ``control`` for its own commands, which a status
    bar runs every few seconds and which need neither routines nor YAML; only ``session``
    for ``run`` and ``pick``, whose first frame waits for the parser (the other groups'
    modules and options cost about a tenth of it). Anything else, ``--help`` and a
    mistyped command among it, gets every group."""
    if argv and argv[0] in control.NAMES:
        return [control]
    if argv and argv[0] in SESSION_COMMANDS:
        from stretchtimer.cli import session

        return [session]
    return [importlib.import_module(f"stretchtimer.cli.{name}") for name in GROUPS]


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser for ``argv``'s command: every command, or only ``control``'s for those."""
    groups = _groups(argv)
    speak_through_our_catalog()
    parser = Parser(
        prog="stretchtimer",
        description=_(
            "A guided stretch break in your terminal. With no command, opens the routine picker."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"stretchtimer {__version__}", help=_(VERSION_HELP)
    )
    # Read before the parser is built (``take_language_option``), so that its help is in
    # the language; here for --help to list it. It may come after the command too.
    completion.completes_with(
        parser.add_argument(
            "--lang",
            metavar="LANG",
            help=_(
                "the language to speak, such as de or es (else the settings', else the system's)"
            ),
        ),
        completion.language_names,
    )
    add_sound_options(parser, default=None)
    if groups != [control]:
        from stretchtimer.cli import session

        # No command opens the picker, as ``pick`` does.
        parser.set_defaults(run=session.run_session, shows_settings_problems=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in groups:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its status never depends on whether anyone read the output,
    and output that could not be written is an error said in one line (``output``).

    Started by the completion script on Tab, it only answers with the words that fit
    (``completion``) and ends there."""
    from stretchtimer.output import guarded_streams

    if completion.completing():
        choose_language(read_config().config.language)
        completion.complete(build_parser())

    with guarded_streams() as streams:
        try:
            status = _run_command(argv)
        except SystemExit as exc:  # --help and --version end argparse's way
            status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        return streams.final_status(status)


#: ``--lang`` and the abbreviations argparse would take for it.
_LANG_OPTIONS = ("--la", "--lan", "--lang")


def take_language_option(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """``argv`` without ``--lang LANG`` (or ``--lang=LANG``), and the last LANG given.

    The language must be chosen before the parser is built, so that ``--help`` and
    argparse's own words are in it; taken out here, the option is valid before the
    command and after it alike. Nothing after ``--`` is an option; a ``--lang``
    with no value is left for argparse to say so.
    """
    rest: list[str] = []
    language = None
    words = iter(range(len(argv)))
    for index in words:
        word = argv[index]
        if word == "--":
            rest.extend(argv[index:])
            break
        name, equals, value = word.partition("=")
        if name in _LANG_OPTIONS and equals:
            language = value
        elif (
            word in _LANG_OPTIONS and index + 1 < len(argv) and not argv[index + 1].startswith("-")
        ):
            language = argv[index + 1]
            next(words)
        else:
            rest.append(word)
    return rest, language


def _language_and_settings(option: str | None) -> ConfigReading:
    """Choose the language (``--lang``, then ``config.toml``, then the environment) and
    give the settings, their problems said in that language."""
    reading = read_config()
    if choose_language(option, reading.config.language) != "en" and reading.problems:
        reading = read_config()
    return reading


def _run_command(argv: Sequence[str] | None) -> int:
    argv, language = take_language_option(list(sys.argv[1:] if argv is None else argv))
    reading = _language_and_settings(language)
    argv = control.as_parsed(argv)
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return usage_error(exc)
    if not args.shows_settings_problems:
        # Sessions show these inside the app, where they are seen; doctor lists them.
        for problem in reading.problems:
            print(_("stretchtimer: warning: {problem}").format(problem=problem), file=sys.stderr)
    try:
        status: int = args.run(args, reading)
        return status
    except UsageError as exc:
        return usage_error(exc)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from stretchtimer import catalog
        from stretchtimer.loader import RoutineError

        if isinstance(exc, catalog.CatalogError):
            return error(str(exc))
        if isinstance(exc, RoutineError):
            return routine_error(exc)
        raise
