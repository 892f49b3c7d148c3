"""``history`` and ``stats``: past sessions, and the figures made from them."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from stretchtimer.cli.common import Commands, Parser, command
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _


def register(commands: Commands[Parser]) -> None:
    history = command(commands, "history", show_history, help=_("past sessions"))
    history.add_argument("--json", action="store_true")
    stats = command(
        commands, "stats", show_stats, help=_("streaks, totals, breaks and a chart of recent days")
    )
    stats.add_argument("--json", action="store_true", help=_("the same figures for scripts (JSON)"))


def show_history(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.history.commands import history_command

    status: int = history_command(as_json=args.json, shown=str if args.json else names_shown())
    return status


def show_stats(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.history.commands import stats_command

    status: int = stats_command(as_json=args.json, shown=str if args.json else names_shown())
    return status


def names_shown() -> Callable[[str], str]:
    """History keeps routine and step names in each routine's own language, so that a
    change of language loses nothing; a table shows them as the routines that are
    there now name them in the person's language (a name no routine has is shown as kept)."""
    from stretchtimer.catalog import discover
    from stretchtimer.i18n import current_language

    names: dict[str, str] = {}
    if current_language() != "en":
        for entry in discover():
            routine = entry.routine
            if routine is None:
                continue
            names.setdefault(routine.key, routine.name)
            for step in routine.steps:
                names.setdefault(step.key, step.name)
    return lambda kept: names.get(kept, kept)
