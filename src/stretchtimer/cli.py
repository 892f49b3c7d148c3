"""The ``stretchtimer`` command.

Every failure a person can cause (a bad routine file, an unknown name, a
wrong option) ends here as a message saying what to fix and exit status 1,
never a traceback. Heavy imports (Textual, audio, history) happen inside the
commands that need them, so ``list`` and ``validate`` stay instant.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from stretchtimer import __version__, catalog, locations
from stretchtimer.config import Config, ConfigError, load_config
from stretchtimer.loader import RoutineError, format_duration
from stretchtimer.routine import Step
from stretchtimer.timeline import compile_timeline

EXIT_OK = 0
EXIT_ERROR = 1


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is bad input like any other: exit 1."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def _volume(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to 100") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value} is outside 0 to 100")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="stretchtimer",
        description="A guided stretch break in your terminal. With no command, opens the "
        "routine picker.",
    )
    parser.add_argument("--version", action="version", version=f"stretchtimer {__version__}")
    _audio_options(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = commands.add_parser("run", help="start a session of ROUTINE")
    run.add_argument("routine", metavar="ROUTINE", help="a routine name or a path to a file")
    run.add_argument(
        "--resume", action="store_true", help="continue where an interrupted session stopped"
    )
    _audio_options(run)
    run.add_argument("--trace", type=Path, metavar="FILE", help=argparse.SUPPRESS)

    listing = commands.add_parser("list", help="list the routines there are")
    listing.add_argument("--names", action="store_true", help="bare names, one a line")

    show = commands.add_parser("show", help="print a routine's plan, each step with its figure")
    show.add_argument("routine", metavar="ROUTINE")
    show.add_argument("--json", action="store_true", help="machine-readable plan")

    figures = commands.add_parser("figures", help="list the stretch figures, or draw one")
    figures.add_argument("name", metavar="NAME", nargs="?", help="the figure to draw")
    figures.add_argument(
        "--side",
        choices=("left", "right"),
        default="left",
        help="draw it for this side (right is the mirror image)",
    )

    validate = commands.add_parser("validate", help="check routine files")
    validate.add_argument("routines", metavar="ROUTINE", nargs="+")

    commands.add_parser("doctor", help="check sound, folders and settings")

    history = commands.add_parser("history", help="past sessions")
    history.add_argument("--json", action="store_true")

    commands.add_parser("stats", help="streaks, totals and a chart of recent days")

    picker = commands.add_parser("pick", help="open the routine picker (the default)")
    _audio_options(picker)
    return parser


def _audio_options(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """Sound options, accepted before or after the command.

    On subcommands they default to SUPPRESS, so ``stretchtimer --mute run x``
    keeps the top-level value instead of having it reset by the subcommand.
    """
    parser.add_argument("--mute", action="store_true", default=default, help="no sound")
    parser.add_argument(
        "--volume", type=_volume, metavar="0-100", default=default, help="cue volume"
    )
    parser.add_argument(
        "--voice", action="store_true", default=default, help="speak stretch names aloud"
    )


def _error(message: str) -> int:
    print(f"stretchtimer: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


# --------------------------------------------------------------------- commands
def cmd_list(args: argparse.Namespace) -> int:
    entries = catalog.discover()
    if args.names:
        for entry in entries:
            print(entry.name)
        return EXIT_OK
    if not entries:
        print(f"No routines found. Add .yaml files to {locations.user_routines_dir()}")
        return EXIT_OK
    width = max(len(e.name) for e in entries)
    for entry in entries:
        origin = "" if entry.origin == "bundled" else "  (yours)"
        if entry.routine is None:
            first = entry.problems[0] if entry.problems else "cannot be read"
            print(f"{entry.name:<{width}}  broken: {first}")
            continue
        total = compile_timeline(entry.routine).total_seconds
        steps = len(entry.routine.steps)
        print(f"{entry.name:<{width}}  {steps:>2} steps  {format_duration(total):>7}{origin}")
    return EXIT_OK


def describe_work(step: Step) -> str:
    work = f"hold {format_duration(step.hold)}" if step.hold else f"{step.reps} reps"
    if step.sides:
        work += " each side" if len(step.sides) > 1 else f" {step.sides[0]} side"
    if step.sets > 1:
        work += f", {step.sets} sets"
    return work


def cmd_show(args: argparse.Namespace) -> int:
    routine = catalog.load(args.routine)
    timeline = compile_timeline(routine)
    if args.json:
        from stretchtimer.json_output import json_text
        from stretchtimer.plan_json import routine_plan

        print(json_text(routine_plan(routine)))
        return EXIT_OK
    print(routine.name)
    if routine.description:
        print(routine.description)
    if routine.caution:
        print(f"Caution: {routine.caution}")
    from stretchtimer.figures.commands import can_draw, step_block

    width = shutil.get_terminal_size().columns
    drawing = can_draw(sys.stdout)
    for index, step in enumerate(routine.steps):
        kind = f" ({step.kind.label})" if step.kind.is_warmup else ""
        seconds = format_duration(timeline.step_seconds(index))
        heading = f"{index + 1:>2}. {step.name}{kind}: {describe_work(step)}  [{seconds}]"
        figure = routine.figure_for(index) if drawing else None
        numbered = [f"{n}. {line}" for n, line in enumerate(step.instructions, start=1)]
        print()
        print("\n".join(step_block(heading, numbered, figure, width=width)))
    count = len(routine.steps)
    print(f"\nTotal: {format_duration(timeline.total_seconds)} in {count} {plural(count, 'step')}")
    return EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    from stretchtimer.figures.commands import UnknownFigure, figures_command

    try:
        return figures_command(args.name, side=args.side)
    except UnknownFigure as exc:
        return _error(str(exc))


def cmd_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for spec in args.routines:
        try:
            routine = catalog.load(spec)
        except catalog.CatalogError as exc:
            status = _error(str(exc))
        except RoutineError as exc:
            for line in exc.lines():
                print(line, file=sys.stderr)
            status = EXIT_ERROR
        else:
            total = format_duration(compile_timeline(routine).total_seconds)
            count = len(routine.steps)
            print(f"{routine.source}: ok ({count} {plural(count, 'step')}, {total})")
    return status


def cmd_session(args: argparse.Namespace, config: Config) -> int:
    routine = catalog.load(args.routine) if getattr(args, "routine", None) else None
    from stretchtimer.history.recorder import HistoryRecorder

    recorder = HistoryRecorder()
    recorder.warm_up()
    start_step = 0
    if routine is not None and getattr(args, "resume", False):
        found = recorder.interrupted_step(routine.name, step_count=len(routine.steps))
        if found is None:
            print(f"Nothing to resume for {routine.name}; starting from the beginning.")
        else:
            start_step = found
    from stretchtimer.audio.session_audio import create_audio

    # Choosing a sound device first silences libasound, which would otherwise
    # write its complaints straight to fd 2, the terminal Textual draws on.
    audio = create_audio(
        mute=config.mute if args.mute is None else args.mute,
        volume=config.volume if args.volume is None else args.volume,
        voice=config.voice if args.voice is None else args.voice,
    )
    observers = []
    if getattr(args, "trace", None):
        from stretchtimer.trace import TraceWriter

        observers.append(TraceWriter(args.trace).attach)
    from stretchtimer.tui.app import run_app

    try:
        status: int = run_app(
            routine,
            config=config,
            audio=audio,
            history=recorder,
            start_step=start_step,
            observers=observers,
        )
    finally:
        audio.close()
        for message in [*audio.take_messages(), *recorder.take_messages()]:
            print(f"stretchtimer: {message}", file=sys.stderr)
        recorder.close()
    return status


def cmd_history(args: argparse.Namespace) -> int:
    from stretchtimer.history.commands import history_command

    status: int = history_command(as_json=args.json)
    return status


def cmd_stats(_args: argparse.Namespace) -> int:
    from stretchtimer.history.commands import stats_command

    status: int = stats_command()
    return status


def cmd_doctor(_args: argparse.Namespace, config: Config) -> int:
    from stretchtimer.audio.doctor import doctor_lines
    from stretchtimer.history.commands import history_health

    problems = 0
    print(f"{'bundled routines':<17} {locations.bundled_routines_dir()}")
    user_dir = locations.user_routines_dir()
    state = "exists" if user_dir.is_dir() else "not created yet; make it to add your own"
    print(f"{'your routines':<17} {user_dir} ({state})")
    for entry in catalog.discover():
        if entry.broken:
            problems += 1
            first = entry.problems[0] if entry.problems else str(entry.path)
            print(f"{'broken routine':<17} {first}")
    config_state = "found" if locations.config_file().is_file() else "not created yet, defaults"
    print(f"{'config':<17} {locations.config_file()} ({config_state})")
    for line in doctor_lines():
        label, _, rest = line.partition(": ")
        print(f"{label.lower():<17} {rest}" if rest and not line.startswith(" ") else line)
    mute = "muted" if config.mute else f"volume {config.volume}"
    print(f"{'sound settings':<17} {mute}, voice {'on' if config.voice else 'off'}")
    health = history_health()
    for line in health.describe().splitlines():
        label, _, rest = line.partition(": ")
        print(f"{label:<17} {rest}" if rest else line)
    if not health.ok:
        problems += 1
    return EXIT_ERROR if problems else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _error(str(exc))
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"stretchtimer: warning: {exc}; using the default settings", file=sys.stderr)
        config = Config()
    try:
        if args.command == "list":
            return cmd_list(args)
        if args.command == "show":
            return cmd_show(args)
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "figures":
            return cmd_figures(args)
        if args.command == "doctor":
            return cmd_doctor(args, config)
        if args.command == "history":
            return cmd_history(args)
        if args.command == "stats":
            return cmd_stats(args)
        return cmd_session(args, config)
    except catalog.CatalogError as exc:
        return _error(str(exc))
    except RoutineError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # ``stretchtimer list | head``: the reader left; nothing is wrong.
        sys.stderr.close()
        return EXIT_OK
