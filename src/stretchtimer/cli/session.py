"""``run`` and ``pick`` (and no command at all): a session in the app, or in plain lines."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from stretchtimer import catalog
from stretchtimer.cli.audio_settings import AudioSettings, add_sound_options
from stretchtimer.cli.common import (
    EXIT_OK,
    Commands,
    Parser,
    command,
    error,
    has_terminal,
    settings_problems,
)
from stretchtimer.cli.completion import completes_with, routine_names
from stretchtimer.cli.session_services import SessionServices, session_services
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _
from stretchtimer.output import stdout_open
from stretchtimer.routine import Routine
from stretchtimer.safe_text import safe_text


def register(commands: Commands[Parser]) -> None:
    run = command(
        commands,
        "run",
        run_session,
        help=_("start a session of ROUTINE"),
        shows_settings_problems=True,
    )
    completes_with(
        run.add_argument(
            "routine", metavar="ROUTINE", help=_("a routine name or a path to a file")
        ),
        routine_names,
    )
    run.add_argument(
        "--resume", action="store_true", help=_("continue where an interrupted session stopped")
    )
    run.add_argument(
        "--plain",
        action="store_true",
        help=_("plain lines instead of the full screen (the default with no terminal)"),
    )
    run.add_argument(
        "--as-written",
        action="store_true",
        help=_("the routine as written, without what your ratings changed"),
    )
    add_sound_options(run)
    run.add_argument("--trace", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    pick = command(
        commands,
        "pick",
        run_session,
        help=_("open the routine picker (the default)"),
        shows_settings_problems=True,
    )
    add_sound_options(pick)


def run_session(args: argparse.Namespace, reading: ConfigReading) -> int:
    name = getattr(args, "routine", None)
    if name is not None and not name.strip():
        return error(_("the routine name is empty; give a name from 'stretchtimer list' or a file"))
    plain = getattr(args, "plain", False) or not has_terminal()
    if plain and name is None:
        return error(
            _("there is no terminal to choose a routine in; name one: stretchtimer run ROUTINE")
        )
    if plain and not stdout_open():
        # Checked before the session starts, so none is recorded that nobody could follow.
        return error(_("standard output is closed: a plain session has nowhere to say its steps"))
    routine = None
    if name is not None:
        routine = catalog.load(name)
        from stretchtimer.cli.routines import planned_routine

        plan = planned_routine(routine, as_written=getattr(args, "as_written", False))
        if plan.nothing_left:
            return error(plan.refusal(name))
        routine = plan.routine
    config, problems = settings_problems(reading)
    with session_services(AudioSettings.chosen(args, config)) as services:
        start_step = 0
        if routine is not None and getattr(args, "resume", False):
            start_step = _resumed_step(routine, services)
        if plain:
            assert routine is not None
            for problem in problems:  # no app to show them in
                print(
                    _("stretchtimer: warning: {problem}").format(problem=problem), file=sys.stderr
                )
            # Up front: a history that cannot be written is said before the first step.
            services.recorder.open_now()
            for message in services.recorder.take_messages():
                print(
                    _("stretchtimer: {message}").format(message=safe_text(message)),
                    file=sys.stderr,
                    flush=True,
                )
            services.status = _run_plain(routine, start_step, services)
        else:
            observers = []
            if getattr(args, "trace", None):
                from stretchtimer.regular_file import UnreadableFile
                from stretchtimer.session.trace import TraceWriter

                try:
                    observers.append(TraceWriter(args.trace).attach)
                except UnreadableFile as exc:
                    return error(
                        _("the trace cannot be written to {trace}: {reason}").format(
                            trace=args.trace, reason=exc.reason
                        )
                    )
            from stretchtimer.history.feedback_commands import HistoryRatings
            from stretchtimer.tui.run import run_app

            services.status = run_app(
                routine,
                config=config,
                audio=services.audio,
                history=services.recorder,
                ratings=HistoryRatings(services.recorder.latest_session_id),
                start_step=start_step,
                observers=observers,
                config_problems=problems,
            )
    return services.status


def _resumed_step(routine: Routine, services: SessionServices) -> int:
    found = services.recorder.interrupted_step(routine.key, step_count=len(routine.steps))
    if found is None:
        print(
            _("Nothing to resume for {name}; starting from the beginning.").format(
                name=routine.name
            )
        )
        return 0
    return found


def _run_plain(routine: Routine, start_step: int, services: SessionServices) -> int:
    import time

    from stretchtimer.gc_policy import resume_collection
    from stretchtimer.session.clock import MonotonicClock
    from stretchtimer.session.engine import Session, SessionState
    from stretchtimer.session.plain import (
        PlainNarrator,
        StoppedBySignal,
        run_plain,
        stop_on_signals,
        write_whole_line,
    )

    resume_collection()  # a session runs for minutes: collect again from here
    clock = MonotonicClock()
    session = Session(routine, clock, start_step=start_step)
    services.audio.attach(session)
    services.recorder.attach(session)
    out = sys.stdout
    PlainNarrator(lambda line: write_whole_line(line, out.write, out.flush)).attach(session)
    try:
        with stop_on_signals():
            _read_a_new_caution_first(routine)
            run_plain(session, clock, time.sleep)
    except StoppedBySignal as stopped:
        if session.state is SessionState.READY:
            print(_("Stopped before the session began."), flush=True)
        else:
            print(_("Stopped; the session is kept as interrupted."), flush=True)
        return 128 + stopped.number
    # Asked only where a person is answering and reading: piped output is a script's.
    if session.summary is not None and sys.stdin.isatty() and sys.stdout.isatty():
        from stretchtimer.cli.feedback import ask_ratings
        from stretchtimer.history.feedback_commands import HistoryRatings

        recorder = services.recorder
        try:
            ask_ratings(session.summary, HistoryRatings(recorder.latest_session_id))
        except KeyboardInterrupt:
            print()
    return EXIT_OK


def _read_a_new_caution_first(routine: Routine) -> None:
    """A caution new to the person waits for Enter, when someone is there to press it.

    With no terminal on standard input (cron, a pipe, CI) nobody can: the
    session starts at once and the caution is said as it begins, as every
    time, and it still counts as unread for the next run at a terminal.
    """
    from stretchtimer.state import CautionsRead

    cautions = CautionsRead()
    if not routine.caution or not cautions.is_new(routine.key, routine.caution_key):
        return
    if sys.stdin is None or not sys.stdin.isatty():
        return
    print(_("Caution: {caution}").format(caution=safe_text(routine.caution)), flush=True)
    print(_("This caution is new to you: press Enter to start once you have read it."), flush=True)
    with contextlib.suppress(OSError):
        sys.stdin.readline()
    cautions.mark_read(routine.key, routine.caution_key)
