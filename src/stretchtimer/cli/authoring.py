"""``new`` and ``edit``: routines of the person's own, checked when the editor closes."""

from __future__ import annotations

import argparse
from typing import assert_never

from stretchtimer import catalog, locations
from stretchtimer.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    Commands,
    Parser,
    command,
    error,
    routine_error,
)
from stretchtimer.cli.completion import completes_with, routine_names
from stretchtimer.cli.routines import ok_line
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _
from stretchtimer.routine_problems import RoutineError


def register(commands: Commands[Parser]) -> None:
    new = command(commands, "new", new_routine, help=_("make a routine of your own, NAME.yaml"))
    new.add_argument("name", metavar="NAME", help=_("the new routine's name (its file name)"))
    completes_with(
        new.add_argument(
            "--from",
            dest="source",
            metavar="ROUTINE",
            help=_("start from a copy of this routine (a name or a path) instead of the template"),
        ),
        routine_names,
    )

    edit = command(
        commands,
        "edit",
        edit_routine,
        help=_("open a routine in your editor and check it when you are done"),
    )
    completes_with(
        edit.add_argument(
            "routine",
            metavar="ROUTINE",
            help=_("a routine name (a bundled one is copied first) or path"),
        ),
        routine_names,
    )


def new_routine(args: argparse.Namespace, _reading: ConfigReading) -> int:
    # The YAML reader only here: the other commands of a start need none for a bundled routine.
    from stretchtimer.bundled_steps import bundled_step
    from stretchtimer.editing import EditError, create_routine
    from stretchtimer.loader import load_routine

    source = catalog.resolve(args.source) if args.source else None
    try:
        path = create_routine(args.name, source=source)
    except EditError as exc:
        return error(str(exc))
    print(_("Created {path}").format(path=path))
    if (locations.bundled_routines_dir() / path.name).is_file():
        print(_("It replaces the bundled {stem} for you.").format(stem=path.stem))
    print(_("'stretchtimer edit {stem}' opens it in your editor.").format(stem=path.stem))
    try:
        print(ok_line(load_routine(path, bundled_step)))
    except RoutineError as exc:
        # A copy of a routine whose sounds were relative to where it came from, say.
        return routine_error(exc)
    return EXIT_OK


def edit_routine(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.editing import (
        EditError,
        Outcome,
        edit_in_terminal,
        edit_target,
        editor_command,
    )

    try:
        editor_command()  # no editor: say so before copying anything
        target = edit_target(args.routine)
        if target.copied_from is not None:
            print(
                _(
                    "{stem} is bundled: editing your own copy, "
                    "{path} (it replaces the bundled one for you)"
                ).format(stem=target.path.stem, path=target.path)
            )
        result = edit_in_terminal(target.path)
    except EditError as exc:
        return error(str(exc))
    match result.outcome:
        case Outcome.VALID if result.routine is not None:
            print(ok_line(result.routine))
            return EXIT_OK
        case Outcome.VALID | Outcome.KEPT:
            return EXIT_ERROR
        case _:
            assert_never(result.outcome)
