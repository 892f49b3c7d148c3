"""Running the app for the command line: the exit status, or the crash said in one line.

An unexpected error is kept by the app (``CrashKeepingApp``) instead of
printed over the terminal it gives back; here it becomes ``AppCrashed``,
with the traceback written to a log file the message names.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from stretchtimer import locations
from stretchtimer.config import Config
from stretchtimer.gc_policy import resume_collection
from stretchtimer.routine import Routine
from stretchtimer.services import AppCrashed, AudioControl, HistoryControl, RatingsControl
from stretchtimer.session.clock import Clock
from stretchtimer.session.engine import Session
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.flow import Flow


def run_app(
    routine: Routine | None,
    *,
    config: Config,
    audio: AudioControl | None = None,
    history: HistoryControl | None = None,
    ratings: RatingsControl | None = None,
    start_step: int = 0,
    clock: Clock | None = None,
    observers: Sequence[Callable[[Session], None]] = (),
    flow: Flow | None = None,
    config_problems: Sequence[str] = (),
) -> int:
    """Run the app until the person leaves; return the exit status."""
    app = StretchApp(
        routine,
        config=config,
        audio=audio,
        history=history,
        ratings=ratings,
        start_step=start_step,
        clock=clock,
        observers=observers,
        flow=flow,
        config_problems=config_problems,
    )
    # What exists by now (Textual's and our modules, the routine, the settings)
    # lives as long as the process. Frozen, the collector stops walking it: the
    # first full collection would otherwise come before the first frame and
    # walk all of it. It was off during start-up (stretchtimer/gc_policy.py).
    resume_collection()
    try:
        result = app.run()
    finally:
        app.close_services()
    if app.crash is not None:
        raise AppCrashed(app.crash, _write_error_log(app.crash))
    if result is not None:
        return result
    return app.return_code or 0


def _write_error_log(error: BaseException) -> Path | None:
    from stretchtimer.regular_file import UnreadableFile, write_regular

    path = locations.error_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_regular(path, "".join(traceback.format_exception(error)))
    except (OSError, UnreadableFile):
        return None
    return path
