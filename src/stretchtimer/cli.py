"""The ``stretchtimer`` command.

Every failure a person can cause (a bad routine file, an unknown name, a
wrong option) ends here as a message saying what to fix and exit status 1,
never a traceback. Heavy imports (Textual, audio, history) happen inside the
commands that need them, so ``list`` and ``validate`` stay instant.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from stretchtimer import __version__, catalog, locations
from stretchtimer.config import Config, ConfigReading, read_config
from stretchtimer.loader import RoutineError, load_routine
from stretchtimer.routine import Routine
from stretchtimer.safe_text import safe_text
from stretchtimer.services import AudioControl, HistoryControl
from stretchtimer.session.timeline import compile_timeline
from stretchtimer.sound_themes import THEMES, UnknownThemeError, check_theme, theme_dir
from stretchtimer.wording import format_duration, plural, step_summary

#: The idle sources ``--idle-source`` accepts (kept in step with ``idle.selection``).
IDLE_SOURCES = ("mutter", "screensaver", "xscreensaver", "logind", "terminal")

if TYPE_CHECKING:
    from stretchtimer.remind.settings import RemindSettings

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
    run.add_argument(
        "--plain",
        action="store_true",
        help="plain lines instead of the full screen (the default with no terminal)",
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

    new = commands.add_parser("new", help="make a routine of your own, NAME.yaml")
    new.add_argument("name", metavar="NAME", help="the new routine's name (its file name)")
    new.add_argument(
        "--from",
        dest="source",
        metavar="ROUTINE",
        help="start from a copy of this routine (a name or a path) instead of the template",
    )

    edit = commands.add_parser(
        "edit", help="open a routine in your editor and check it when you are done"
    )
    edit.add_argument(
        "routine", metavar="ROUTINE", help="a routine name (a bundled one is copied first) or path"
    )

    schema = commands.add_parser(
        "schema", help="print the routine format's JSON Schema, for editors"
    )
    schema.add_argument(
        "--path", action="store_true", help="print where the installed schema file is instead"
    )

    commands.add_parser("doctor", help="check sound, folders and settings")

    sounds = commands.add_parser("sounds", help="the cue sounds and what each means")
    sounds.add_argument(
        "--play", action="store_true", help="play each cue in turn, naming it, to check speakers"
    )
    _volume_option(sounds)
    _theme_option(sounds)
    sounds.add_argument("--gap", type=float, help=argparse.SUPPRESS)

    history = commands.add_parser("history", help="past sessions")
    history.add_argument("--json", action="store_true")

    stats = commands.add_parser("stats", help="streaks, totals, breaks and a chart of recent days")
    stats.add_argument("--json", action="store_true", help="the same figures for scripts (JSON)")

    remind = commands.add_parser(
        "remind", help="remind me to take breaks, all day, in this terminal"
    )
    remind.add_argument(
        "--every", metavar="DURATION", help="active time between long breaks (default 60m)"
    )
    remind.add_argument(
        "--micro-every",
        metavar="DURATION",
        help="active time between micro breaks (default 20m; 0 turns them off)",
    )
    remind.add_argument(
        "--routine",
        action="append",
        metavar="ROUTINE",
        help="a routine for long breaks; repeat it to rotate through several",
    )
    remind.add_argument(
        "--micro-routine",
        action="append",
        metavar="ROUTINE",
        help="a routine for micro breaks; repeat it to rotate through several",
    )
    remind.add_argument(
        "--postpone", metavar="DURATION", help="how far p moves a break (default 5m)"
    )
    remind.add_argument(
        "--idle-after",
        metavar="DURATION",
        help="no input for this long pauses the count (default 3m)",
    )
    remind.add_argument(
        "--idle-source",
        choices=("auto", *IDLE_SOURCES),
        help="where idle time comes from (default: the first that works)",
    )
    remind.add_argument(
        "--hours", metavar="HH:MM-HH:MM", help="working hours, e.g. 09:00-17:30 (default: always)"
    )
    _audio_options(remind)

    picker = commands.add_parser("pick", help="open the routine picker (the default)")
    _audio_options(picker)
    return parser


def _audio_options(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """Sound options, accepted before or after the command.

    On subcommands they default to SUPPRESS, so ``stretchtimer --mute run x``
    keeps the top-level value instead of having it reset by the subcommand.
    """
    parser.add_argument("--mute", action="store_true", default=default, help="no sound")
    _volume_option(parser, default)
    parser.add_argument(
        "--voice", action="store_true", default=default, help="speak stretch names aloud"
    )
    _theme_option(parser, default)


def _volume_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--volume",
        type=_volume,
        metavar="0-100",
        default=default,
        help="cue volume: 100 as recorded, 0.3 dB less for each step under it",
    )


def _theme_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--sound-theme",
        type=_sound_theme,
        metavar="NAME",
        default=default,
        help=f"the cue sounds: {', '.join(THEMES)}",
    )


def _sound_theme(text: str) -> str:
    try:
        return check_theme(text)
    except UnknownThemeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def sound_theme(args: argparse.Namespace, config: Config) -> str:
    """The option's theme, else the config's (checked when the config was read)."""
    chosen: str | None = getattr(args, "sound_theme", None)
    return chosen or config.sound_theme


def _error(message: str) -> int:
    # Messages may quote an argument or a path: neither reaches the terminal raw.
    print(f"stretchtimer: error: {safe_text(message)}", file=sys.stderr)
    return EXIT_ERROR


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
        count = f"{plural(steps, 'step', width=2):<8}"
        print(f"{entry.name:<{width}}  {count}  {format_duration(total):>7}{origin}")
    return EXIT_OK


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
        heading = f"{index + 1:>2}. {step.name}{kind}: {step_summary(step)}  [{seconds}]"
        figure = routine.figure_for(index) if drawing else None
        numbered = [f"{n}. {line}" for n, line in enumerate(step.instructions, start=1)]
        print()
        print("\n".join(step_block(heading, numbered, figure, width=width)))
    count = len(routine.steps)
    print(f"\nTotal: {format_duration(timeline.total_seconds)} in {plural(count, 'step')}")
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
            print(_ok_line(routine))
    return status


def _ok_line(routine: Routine) -> str:
    total = format_duration(compile_timeline(routine).total_seconds)
    count = len(routine.steps)
    source = safe_text(str(routine.source))
    return f"{source}: ok ({plural(count, 'step')}, {total})"


def cmd_new(args: argparse.Namespace) -> int:
    from stretchtimer.editing import EditError, create_routine

    source = catalog.resolve(args.source) if args.source else None
    try:
        path = create_routine(args.name, source=source)
    except EditError as exc:
        return _error(str(exc))
    print(f"Created {path}")
    if (locations.bundled_routines_dir() / path.name).is_file():
        print(f"It replaces the bundled {path.stem} for you.")
    print(f"'stretchtimer edit {path.stem}' opens it in your editor.")
    try:
        print(_ok_line(load_routine(path)))
    except RoutineError as exc:
        # A copy of a routine whose sounds were relative to where it came from, say.
        for line in exc.lines():
            print(line, file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
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
                f"{target.path.stem} is bundled: editing your own copy, {target.path} "
                "(it replaces the bundled one for you)"
            )
        result = edit_in_terminal(target.path)
    except EditError as exc:
        return _error(str(exc))
    if result.outcome is Outcome.KEPT or result.routine is None:
        return EXIT_ERROR
    print(_ok_line(result.routine))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    if args.path:
        print(locations.schema_file())
        return EXIT_OK
    from stretchtimer.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def settings_problems(reading: ConfigReading) -> tuple[Config, list[str]]:
    """The settings a session uses, with the keymap checked against the app's keys."""
    from msgspec.structs import replace

    from stretchtimer.tui.keys import check_keymap

    keymap, keymap_problems = check_keymap(reading.config.keymap)
    where = safe_text(str(locations.config_file()))
    problems = [*reading.problems, *(f"{where}: {safe_text(p)}" for p in keymap_problems)]
    return replace(reading.config, keymap=keymap), problems


def has_terminal() -> bool:
    """Whether a full-screen interface can be drawn and answered: both ends a terminal."""
    term = os.environ.get("TERM", "")
    return sys.stdin.isatty() and sys.stdout.isatty() and term not in ("", "dumb")


def cmd_session(args: argparse.Namespace, reading: ConfigReading) -> int:
    name = getattr(args, "routine", None)
    if name is not None and not name.strip():
        return _error("the routine name is empty; give a name from 'stretchtimer list' or a file")
    plain = getattr(args, "plain", False) or not has_terminal()
    if plain and name is None:
        return _error(
            "there is no terminal to choose a routine in; name one: stretchtimer run ROUTINE"
        )
    routine = catalog.load(name) if name is not None else None
    config, problems = settings_problems(reading)
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
        sounds_dir=theme_dir(sound_theme(args, config)),
    )
    if plain:
        assert routine is not None
        for problem in problems:  # no app to show them in
            print(f"stretchtimer: warning: {problem}", file=sys.stderr)
        try:
            return _run_plain(routine, start_step, audio, recorder)
        finally:
            audio.close()
            for message in [*audio.take_messages(), *recorder.take_messages()]:
                print(f"stretchtimer: {safe_text(message)}", file=sys.stderr)
            recorder.close()
    observers = []
    if getattr(args, "trace", None):
        from stretchtimer.session.trace import TraceWriter

        observers.append(TraceWriter(args.trace).attach)
    from stretchtimer.tui.app import AppCrashed, run_app

    try:
        status: int = run_app(
            routine,
            config=config,
            audio=audio,
            history=recorder,
            start_step=start_step,
            observers=observers,
            config_problems=problems,
        )
    except AppCrashed as exc:
        status = _error(str(exc))
    finally:
        audio.close()
        for message in [*audio.take_messages(), *recorder.take_messages()]:
            print(f"stretchtimer: {safe_text(message)}", file=sys.stderr)
        recorder.close()
    return status


def _run_plain(
    routine: Routine, start_step: int, audio: AudioControl, history: HistoryControl
) -> int:
    import time

    from stretchtimer.gc_policy import resume_collection
    from stretchtimer.session.clock import MonotonicClock
    from stretchtimer.session.engine import Session
    from stretchtimer.session.plain import (
        PlainNarrator,
        StoppedBySignal,
        run_plain,
        stop_on_signals,
    )

    resume_collection()  # a session runs for minutes: collect again from here
    clock = MonotonicClock()
    session = Session(routine, clock, start_step=start_step)
    audio.attach(session)
    history.attach(session)
    PlainNarrator(lambda line: print(line, flush=True)).attach(session)
    try:
        with stop_on_signals():
            run_plain(session, clock, time.sleep)
    except StoppedBySignal as stopped:
        print("Stopped; the session is kept as interrupted.", flush=True)
        return 128 + stopped.number
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from stretchtimer.history.commands import history_command

    status: int = history_command(as_json=args.json)
    return status


def cmd_stats(args: argparse.Namespace) -> int:
    from stretchtimer.history.commands import stats_command

    status: int = stats_command(as_json=args.json)
    return status


def remind_settings(args: argparse.Namespace | None, config: Config) -> RemindSettings:
    """The ``[remind]`` table with the command line's options over it."""
    from stretchtimer.remind.settings import SettingError, from_table, with_options

    try:
        settings = from_table(config.remind)
    except SettingError as exc:
        raise UsageError(f"{locations.config_file()}: [remind] {exc}") from None
    if args is None:
        return settings
    options = {
        "every": args.every,
        "micro_every": args.micro_every,
        "routines": args.routine,
        "micro_routines": args.micro_routine,
        "postpone": args.postpone,
        "idle_after": args.idle_after,
        "idle_source": args.idle_source,
        "working_hours": args.hours,
        "mute": True if getattr(args, "mute", None) else None,
    }
    try:
        return with_options(settings, options)
    except SettingError as exc:
        option = {
            "routines": "routine",
            "micro_routines": "micro-routine",
            "working_hours": "hours",
        }
        name = option.get(exc.name, exc.name.replace("_", "-"))
        raise UsageError(f"--{name} {exc.problem}") from None


def cmd_remind(args: argparse.Namespace, reading: ConfigReading) -> int:
    from stretchtimer.remind.build import build_plan

    config, problems = settings_problems(reading)
    settings = remind_settings(args, config)
    plan, routines = build_plan(settings)
    from stretchtimer.remind.service import ActionRelay, IdleSourceError, Reminder, choose_idle
    from stretchtimer.remind.service import open_notifier as open_desktop_notifier

    try:
        idle = choose_idle(settings)
    except IdleSourceError as exc:
        return _error(str(exc))
    if not has_terminal():
        return _error(
            "remind lives in a terminal pane and needs one: run it in a terminal or tmux, "
            "not with its input or output redirected"
        )
    from stretchtimer.audio.session_audio import create_audio
    from stretchtimer.history.recorder import HistoryRecorder
    from stretchtimer.remind.clocks import BootClock, local_now
    from stretchtimer.session.clock import MonotonicClock

    recorder = HistoryRecorder()
    recorder.warm_up()
    audio = create_audio(
        mute=settings.mute or config.mute,
        volume=config.volume if getattr(args, "volume", None) is None else args.volume,
        voice=config.voice if getattr(args, "voice", None) is None else args.voice,
        sounds_dir=theme_dir(sound_theme(args, config)),
    )
    relay = ActionRelay()
    notifier, problem = open_desktop_notifier(settings, relay)
    clock = MonotonicClock()
    reminder = Reminder(
        settings,
        plan,
        routines,
        clock=clock,
        boot_clock=BootClock(),
        wall=local_now,
        idle=idle,
        notifier=notifier,
        notifier_problem=problem,
        history=recorder,
        sound=audio,
    )
    from stretchtimer.tui.app import AppCrashed, run_app
    from stretchtimer.tui.reminder_flow import ReminderFlow

    try:
        status: int = run_app(
            None,
            config=config,
            audio=audio,
            history=recorder,
            clock=clock,
            flow=ReminderFlow(reminder, relay),
            config_problems=problems,
        )
    except AppCrashed as exc:
        status = _error(str(exc))
    finally:
        reminder.close()
        audio.close()
        for message in [*audio.take_messages(), *recorder.take_messages()]:
            print(f"stretchtimer: {safe_text(message)}", file=sys.stderr)
        recorder.close()
    return status


def cmd_doctor(args: argparse.Namespace, reading: ConfigReading) -> int:
    from stretchtimer.audio.doctor import doctor_rows
    from stretchtimer.doctor_rows import DoctorRow
    from stretchtimer.history.commands import history_health
    from stretchtimer.remind.service import doctor_rows as reminder_rows

    rows = [DoctorRow("bundled routines", str(locations.bundled_routines_dir()))]
    user_dir = locations.user_routines_dir()
    state = "exists" if user_dir.is_dir() else "not created yet; make it to add your own"
    rows.append(DoctorRow("your routines", f"{user_dir} ({state})"))
    for entry in catalog.discover():
        if entry.broken:
            first = entry.problems[0] if entry.problems else str(entry.path)
            rows.append(DoctorRow("broken routine", first, problem=True))
    config, config_problems = settings_problems(reading)
    config_file = locations.config_file()
    config_state = "found" if config_file.exists() else "not created yet, defaults"
    rows.append(DoctorRow("config", f"{safe_text(str(config_file))} ({config_state})"))
    rows.extend(DoctorRow("config problem", problem, problem=True) for problem in config_problems)
    rows.extend(doctor_rows(theme=sound_theme(args, config)))
    mute = "muted" if config.mute else f"volume {config.volume}"
    voice = f"voice {'on' if config.voice else 'off'}"
    rows.append(DoctorRow("sound settings", f"{mute}, {voice}, theme {config.sound_theme}"))
    try:
        settings = remind_settings(None, config)
    except UsageError as exc:
        rows.append(DoctorRow("reminder", str(exc), problem=True))
    else:
        rows.extend(reminder_rows(settings))
    rows.append(history_health().row())
    for row in rows:
        print(f"{row.label.lower():<17} {row.text}")
        for detail in row.details:
            print(f"  {detail}")
    return EXIT_ERROR if any(row.problem for row in rows) else EXIT_OK


def cmd_sounds(args: argparse.Namespace, config: Config) -> int:
    from stretchtimer.audio.sounds_command import sounds_command

    volume = getattr(args, "volume", None)
    status: int = sounds_command(
        theme=sound_theme(args, config),
        volume=config.volume if volume is None else volume,
        play=args.play,
        gap=args.gap,
    )
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its status never depends on whether anyone read the output."""
    from stretchtimer.output import PipeSafeOutput, degrade_unencodable

    degrade_unencodable()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PipeSafeOutput(stdout), PipeSafeOutput(stderr)
    try:
        return _run_command(argv)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = stdout, stderr


def _run_command(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _error(str(exc))
    reading = read_config()
    if args.command not in (None, "run", "pick", "remind", "doctor"):
        # Sessions show these inside the app, where they are seen; doctor lists them.
        for problem in reading.problems:
            print(f"stretchtimer: warning: {problem}", file=sys.stderr)
    try:
        if args.command == "list":
            return cmd_list(args)
        if args.command == "show":
            return cmd_show(args)
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "new":
            return cmd_new(args)
        if args.command == "edit":
            return cmd_edit(args)
        if args.command == "schema":
            return cmd_schema(args)
        if args.command == "figures":
            return cmd_figures(args)
        if args.command == "doctor":
            return cmd_doctor(args, reading)
        if args.command == "sounds":
            return cmd_sounds(args, reading.config)
        if args.command == "history":
            return cmd_history(args)
        if args.command == "stats":
            return cmd_stats(args)
        if args.command == "remind":
            return cmd_remind(args, reading)
        return cmd_session(args, reading)
    except (catalog.CatalogError, UsageError) as exc:
        return _error(str(exc))
    except RoutineError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
