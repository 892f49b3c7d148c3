"""``remind``: the break reminder, all day in a terminal pane."""

from __future__ import annotations

import argparse
from functools import partial
from typing import TYPE_CHECKING

from msgspec.structs import replace

from stretchtimer import locations
from stretchtimer.cli.audio_settings import AudioSettings, add_sound_options
from stretchtimer.cli.common import (
    Commands,
    Parser,
    UsageError,
    command,
    error,
    no_terminal_because,
    settings_problems,
)
from stretchtimer.cli.completion import completes_with, routine_names
from stretchtimer.cli.session_services import session_services
from stretchtimer.config import Config, ConfigReading
from stretchtimer.i18n import _

if TYPE_CHECKING:
    from stretchtimer.control.hold import HeldPlace
    from stretchtimer.remind.settings import RemindSettings

#: The idle sources ``--idle-source`` accepts (kept in step with ``idle.selection``).
IDLE_SOURCES = ("mutter", "screensaver", "xscreensaver", "logind", "terminal")

#: The option that sets each setting, where its name is not the setting's.
_OPTION_NAMES = {"routines": "routine", "micro_routines": "micro-routine", "working_hours": "hours"}


def register(commands: Commands[Parser]) -> None:
    remind = command(
        commands,
        "remind",
        run_reminder,
        help=_("remind me to take breaks, all day, in this terminal"),
        shows_settings_problems=True,
    )
    remind.add_argument(
        "--every", metavar="DURATION", help=_("active time between long breaks (default 60m)")
    )
    remind.add_argument(
        "--micro-every",
        metavar="DURATION",
        help=_("active time between micro breaks (default 20m; 0 turns them off)"),
    )
    completes_with(
        remind.add_argument(
            "--routine",
            action="append",
            metavar="ROUTINE",
            help=_("a routine for long breaks; repeat it to rotate through several"),
        ),
        routine_names,
    )
    completes_with(
        remind.add_argument(
            "--micro-routine",
            action="append",
            metavar="ROUTINE",
            help=_("a routine for micro breaks; repeat it to rotate through several"),
        ),
        routine_names,
    )
    remind.add_argument(
        "--postpone",
        metavar="DURATION",
        help=_("how far p moves a break (default 5m, at most the interval)"),
    )
    remind.add_argument(
        "--idle-after",
        metavar="DURATION",
        help=_("no input for this long pauses the count (default 3m)"),
    )
    remind.add_argument(
        "--idle-source",
        choices=("auto", *IDLE_SOURCES),
        help=_("where idle time comes from (default: the first that works)"),
    )
    remind.add_argument(
        "--hours",
        metavar="HH:MM-HH:MM",
        help=_("working hours, e.g. 09:00-17:30 (default: always)"),
    )
    add_sound_options(remind)


def remind_settings(args: argparse.Namespace | None, config: Config) -> RemindSettings:
    """The ``[remind]`` table with the command line's options over it."""
    from stretchtimer.remind.settings import SettingError, from_table, with_options

    try:
        settings = from_table(config.remind)
    except SettingError as exc:
        raise UsageError(
            _("{file}: [remind] {exc}").format(file=locations.config_file(), exc=exc)
        ) from None
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
        name = _OPTION_NAMES.get(exc.name, exc.name.replace("_", "-"))
        raise UsageError(exc.said_as(f"--{name}", option=True)) from None


def run_reminder(args: argparse.Namespace, reading: ConfigReading) -> int:
    config, problems = settings_problems(reading)
    settings = remind_settings(args, config)
    from stretchtimer.control.hold import hold_the_place
    from stretchtimer.control.lock import AlreadyRunning
    from stretchtimer.control.place import PlaceError

    try:
        hold = hold_the_place()
    except AlreadyRunning as exc:
        pid = f" (pid {exc.pid})" if exc.pid is not None else ""
        return error(
            _("a reminder is already running{pid}; use `stretchtimer status`").format(pid=pid)
        )
    except PlaceError as exc:
        return error(str(exc))
    try:
        return _run_reminder(args, config, problems, settings, hold)
    finally:
        hold.release()


def _run_reminder(
    args: argparse.Namespace,
    config: Config,
    problems: list[str],
    settings: RemindSettings,
    hold: HeldPlace,
) -> int:
    from stretchtimer.remind.build import build_plan

    plan, routines = build_plan(settings)
    from stretchtimer.remind.service import ActionRelay, IdleSourceError, Reminder, choose_idle
    from stretchtimer.remind.service import open_notifier as open_desktop_notifier

    try:
        idle = choose_idle(settings)
    except IdleSourceError as exc:
        return error(str(exc))
    reason = no_terminal_because()
    if reason is not None:
        return error(
            _("remind lives in a terminal pane and needs one, but {reason}").format(reason=reason)
        )
    from stretchtimer.remind.clocks import BootClock, local_now
    from stretchtimer.remind.quiet_sources import QuietSources
    from stretchtimer.remind.remote import answer
    from stretchtimer.session.clock import MonotonicClock
    from stretchtimer.state import SkipsKept

    # The [remind] table's own mute counts as the config's.
    sound = AudioSettings.chosen(args, replace(config, mute=config.mute or settings.mute))
    with session_services(sound) as services:
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
            history=services.recorder,
            sound=services.audio,
            quiet_sources=QuietSources.open(settings.busy_devices),
            skip_ledger=SkipsKept(),
        )
        services.close_first(reminder.close)
        from stretchtimer.history.feedback_commands import HistoryRatings
        from stretchtimer.tui.reminder_flow import ReminderFlow
        from stretchtimer.tui.run import run_app

        services.status = run_app(
            None,
            config=config,
            audio=services.audio,
            history=services.recorder,
            # A break runs its routine as the ratings adapt it, and its summary takes ratings.
            ratings=HistoryRatings(services.recorder.latest_session_id),
            clock=clock,
            flow=ReminderFlow(reminder, relay, hold.serve(partial(answer, reminder.scheduler))),
            config_problems=problems,
        )
    return services.status
