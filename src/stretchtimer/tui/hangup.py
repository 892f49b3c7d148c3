"""Leaving when asked by a signal, even when the terminal has already gone.

A closed SSH connection hangs up the terminal: everything written to it then
fails, and Textual's output thread stops on the first failure while the app
waits for it to take more. Output is sent to /dev/null once the terminal is
found gone, and a watchdog ends the process if shutting down still hangs.
History is written as the session goes, so ending that way loses nothing.
"""

from __future__ import annotations

import os
import sys
import threading

#: How long an orderly exit may take after a signal before the process just ends.
EXIT_GRACE_SECONDS = 3.0


def terminal_gone() -> bool:
    """Whether standard output's terminal has been hung up (its device is gone)."""
    try:
        name = os.ttyname(sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        return True
    return not os.path.exists(name)


def silence_terminal() -> None:
    """Point standard input, output and error at /dev/null."""
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in (0, 1, 2):
            os.dup2(null, fd)
    finally:
        os.close(null)


def exit_within_grace(status: int, seconds: float = EXIT_GRACE_SECONDS) -> threading.Timer:
    """End the process with ``status`` unless it has ended by itself within ``seconds``."""
    watchdog = threading.Timer(seconds, os._exit, (status,))
    watchdog.daemon = True
    watchdog.start()
    return watchdog
