"""``history`` and ``stats``: past sessions, and the figures made from them."""

from __future__ import annotations

import argparse

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

    status: int = history_command(as_json=args.json)
    return status


def show_stats(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.history.commands import stats_command

    status: int = stats_command(as_json=args.json)
    return status
