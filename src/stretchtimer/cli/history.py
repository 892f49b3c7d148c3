"""``history`` and ``stats``: past sessions, and the figures made from them."""

from __future__ import annotations

import argparse

from stretchtimer.cli.common import Commands, Parser, command
from stretchtimer.config import ConfigReading


def register(commands: Commands[Parser]) -> None:
    history = command(commands, "history", show_history, help="past sessions")
    history.add_argument("--json", action="store_true")
    stats = command(
        commands, "stats", show_stats, help="streaks, totals, breaks and a chart of recent days"
    )
    stats.add_argument("--json", action="store_true", help="the same figures for scripts (JSON)")


def show_history(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.history.commands import history_command

    status: int = history_command(as_json=args.json)
    return status


def show_stats(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.history.commands import stats_command

    status: int = stats_command(as_json=args.json)
    return status
