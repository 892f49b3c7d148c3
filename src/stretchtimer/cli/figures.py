"""``figures``: the stretch figures, a line each, or one drawn keyframe by keyframe."""

from __future__ import annotations

import argparse

from stretchtimer.cli.common import Commands, Parser, command, error
from stretchtimer.cli.completion import completes_with, figure_names
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _


def register(commands: Commands[Parser]) -> None:
    figures = command(
        commands, "figures", show_figures, help=_("list the stretch figures, or draw one")
    )
    completes_with(
        figures.add_argument("name", metavar="NAME", nargs="?", help=_("the figure to draw")),
        figure_names,
    )
    figures.add_argument(
        "--side",
        choices=("left", "right"),
        default="left",
        help=_("draw it for your left or right side, as in a mirror (right is as drawn)"),
    )


def show_figures(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.figures.commands import UnknownFigure, figures_command

    try:
        return figures_command(args.name, side=args.side)
    except UnknownFigure as exc:
        return error(str(exc))
