"""``status``, ``pause`` and ``resume``: the running reminder, from any shell.

``status`` is meant for a status bar that runs it every few seconds, so this
module and what it imports stay light: no Textual, no YAML, no routines. The
command line reaches it without loading the other command groups
(``cli.main``).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from stretchtimer.cli.common import EXIT_ERROR, EXIT_OK, Commands, Parser, command, error
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import N_, _
from stretchtimer.safe_text import safe_text
from stretchtimer.wording import clock_on_day, format_duration, parse_duration, time_left

#: The commands of this group: ``cli.main`` parses only these for them.
NAMES = ("status", "pause", "resume")

NOT_RUNNING = N_("no reminder is running; start one with `stretchtimer remind`")


def register(commands: Commands[Parser]) -> None:
    status = command(
        commands,
        "status",
        show_status,
        help=_("one line on the running reminder, for a status bar (exit 1 when none runs)"),
        shows_settings_problems=True,
    )
    status.add_argument("--json", action="store_true", help=_("the same for scripts (JSON)"))
    pause = command(
        commands,
        "pause",
        pause_reminder,
        help=_("no break prompts for a while: pause 45m, or pause until 14:00"),
        shows_settings_problems=True,
    )
    pause.add_argument("when", metavar="DURATION|until", help=_("how long (45m), or until"))
    pause.add_argument("time", nargs="?", metavar="HH:MM", help=_("the time a pause 'until' ends"))
    command(
        commands,
        "resume",
        resume_reminder,
        help=_("end a pause of the running reminder"),
        shows_settings_problems=True,
    )


def as_parsed(argv: list[str]) -> list[str]:
    """``pause -5m`` with a ``--`` put in, so the duration's own check says what is wrong
    with it rather than argparse taking it for an unknown option."""
    option = len(argv) >= 2 and argv[0] == "pause" and argv[1].startswith("-")
    if option and argv[1] not in ("-h", "--help", "--"):
        return [argv[0], "--", *argv[1:]]
    return argv


def _ask(cmd: str, **fields: object) -> dict[str, Any] | None:
    """The reminder's reply, or None when none runs; OSError-like trouble becomes ControlTrouble."""
    from stretchtimer.control.client import NoAnswer, NotRunning, ask
    from stretchtimer.control.place import PlaceError, running_socket
    from stretchtimer.control.protocol import request

    try:
        path = running_socket()
        if path is None:
            return None
        return ask(path, request(cmd, **fields))
    except NotRunning:
        return None
    except (NoAnswer, PlaceError) as exc:
        raise ControlTrouble(str(exc)) from None


class ControlTrouble(Exception):
    """The reminder could not be asked; the message says why."""


def status_line(reply: dict[str, Any]) -> str:
    """The one line a status bar shows, from the reminder's reply."""
    # The reply names the kind in English ("break", "micro break"): each has its own words.
    micro = reply.get("next_break") == "micro break"
    next_in = reply.get("next_break_in")
    until = _clock(reply.get("paused_until"), reply.get("now"))
    match reply.get("state"):
        case "working":
            said = _("micro break in {time}") if micro else _("break in {time}")
            return said.format(time=time_left(next_in or 0))
        case "due" if reply.get("held_reason"):
            said = _("micro break held: {reason}") if micro else _("break held: {reason}")
            return said.format(reason=reply["held_reason"])
        case "due":
            return _("micro break now") if micro else _("break now")
        case "paused":
            return _("paused until {until}").format(until=until)
        case "snoozed":
            return _("snoozed until {until}").format(until=until)
        case "idle":
            return _("away")
        case "in-break":
            return _("on a break")
        case "outside-hours":
            return _("outside working hours")
        case other:
            return _("unknown state {other}").format(other=other)


def _clock(iso: object, now_iso: object) -> str:
    """The end of a pause as the reminder's own date sees it (``tomorrow 13:00``)."""
    if not isinstance(iso, str):
        return "?"
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return "?"
    try:
        now = datetime.fromisoformat(now_iso) if isinstance(now_iso, str) else None
    except ValueError:
        now = None
    today = (now or datetime.now(when.tzinfo)).date()
    return clock_on_day(when, today)


def show_status(args: argparse.Namespace, _reading: ConfigReading) -> int:
    try:
        reply = _ask("status")
    except ControlTrouble as exc:
        return error(str(exc))
    if args.json:
        from stretchtimer.json_output import json_text

        fields: dict[str, Any] = {"running": reply is not None}
        if reply is None:
            fields |= {"state": None, "next_break_in": None, "paused_until": None, "pid": None}
        else:
            fields |= {k: v for k, v in reply.items() if k not in ("v", "ok")}
        print(json_text(fields))
        return EXIT_OK if reply is not None and reply.get("ok") else EXIT_ERROR
    if reply is None:
        print(_("not running"))
        return EXIT_ERROR
    if not reply.get("ok"):
        return error(_("the reminder says: {reason}").format(reason=reply.get("error")))
    print(safe_text(status_line(reply)))
    return EXIT_OK


def _pause_request(words: list[str]) -> dict[str, object]:
    """``["45m"]`` or ``["until", "14:00"]`` as the fields of a pause request."""
    from stretchtimer.cli.common import UsageError

    if words[0] == "until":
        if len(words) != 2:
            raise UsageError(_("pause until needs one time, like: pause until 14:00"))
        return {"until": words[1]}
    if len(words) != 1:
        raise UsageError(_("pause takes one duration (pause 45m) or a time (pause until 14:00)"))
    seconds = parse_duration(words[0], bare_number=True)
    if seconds is None or seconds <= 0:
        raise UsageError(
            _("pause needs a duration like 45m or 1h30m, not '{given}'").format(given=words[0])
        )
    if seconds > 24 * 3600:
        raise UsageError(
            _("pause lasts at most 24 h, not {seconds}").format(seconds=format_duration(seconds))
        )
    return {"seconds": seconds}


def _command(cmd: str, **fields: object) -> int:
    try:
        reply = _ask(cmd, **fields)
    except ControlTrouble as exc:
        return error(str(exc))
    if reply is None:
        return error(_(NOT_RUNNING))
    if not reply.get("ok"):
        return error(_("the reminder says: {reason}").format(reason=reply.get("error")))
    if cmd == "resume" and not reply.get("was_paused"):
        print(
            _("the reminder was not paused; {status}").format(status=safe_text(status_line(reply)))
        )
    elif cmd == "pause" and reply.get("state") != "paused":
        # The pause took all the same (outside working hours, away, on a break).
        until = _clock(reply.get("paused_until"), reply.get("now"))
        print(
            safe_text(
                _("paused until {until}; now {status}").format(
                    until=until, status=status_line(reply)
                )
            )
        )
    else:
        print(safe_text(status_line(reply)))
    return EXIT_OK


def pause_reminder(args: argparse.Namespace, _reading: ConfigReading) -> int:
    words = [args.when] if args.time is None else [args.when, args.time]
    return _command("pause", **_pause_request(words))


def resume_reminder(_args: argparse.Namespace, _reading: ConfigReading) -> int:
    return _command("resume")
