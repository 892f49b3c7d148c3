"""Leaving when asked by a signal, even when the terminal has already gone.

SIGTERM, SIGHUP and SIGINT end the app the orderly way: terminal given back,
session left as interrupted, exit status 128 + the signal's number as a
shell expects.

A closed SSH connection hangs up the terminal: everything written to it then
fails, and Textual's output thread stops on the first failure while the app
waits for it to take more. Output is sent to /dev/null once the terminal is
found gone, and a watchdog ends the process if shutting down still hangs.
History is written as the session goes, so ending that way loses nothing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from collections.abc import Callable

#: How long an orderly exit may take after a signal before the process just ends.
EXIT_GRACE_SECONDS = 3.0

#: Signals that end the app the orderly way.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


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


class EndingSignals:
    """The ending signals caught on the running event loop while an app is on screen.

    ``exit`` is the app's own: it is called with the status to end with, once
    the terminal has been silenced if it is gone and a watchdog is set.
    """

    def __init__(self, exit: Callable[[int], None]) -> None:
        self._exit = exit
        self._caught: list[signal.Signals] = []

    def catch(self) -> None:
        loop = asyncio.get_running_loop()
        for number in ENDING_SIGNALS:
            try:
                loop.add_signal_handler(number, self._ended_by, number)
            except (ValueError, RuntimeError, NotImplementedError):
                continue
            self._caught.append(number)

    def release(self) -> None:
        loop = asyncio.get_running_loop()
        for number in self._caught:
            loop.remove_signal_handler(number)
        self._caught.clear()

    def _ended_by(self, number: signal.Signals) -> None:
        """Leave as after ``q``, but without ending the session: it stays interrupted."""
        if number == signal.SIGHUP and terminal_gone():
            silence_terminal()
        exit_within_grace(128 + number)
        self._exit(128 + number)
