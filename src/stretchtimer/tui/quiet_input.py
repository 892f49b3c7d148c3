"""A terminal driver whose input thread sleeps until there is something to read.

Textual's Linux driver waits for keys with ``select`` and a 0.1 s timeout, so
its input thread wakes ten times a second for the whole life of the app,
keys or none. Those wake-ups are most of what an idle Textual app costs
(in ``make bench``, 2.2 ms of CPU a second for the floor app against 0.5 ms
with this driver), and the reminder runs all day.

This driver's input thread blocks until the terminal has bytes or the driver
wants it to stop. The two reasons Textual's loop wakes on its own are kept:

* **stopping**: the driver's ``exit_event`` also writes a byte to a pipe the
  thread is waiting on, so it sees the event at once;
* **a lone Escape**: the parser holds an Escape byte to see whether a longer
  sequence follows, and gives it up as the Escape key once Textual's
  ``ESCAPE_DELAY`` has passed with nothing more. After any input the thread
  waits at most that long, plus a little, before it lets the parser check,
  and only then goes back to sleeping without a timeout.

Its output is written by ``tui/terminal_output.py``: straight from the
thread that draws whenever the terminal takes it at once, and only otherwise
through a thread, so Textual's output thread does not wake for each frame.

Everything else (reading, decoding, parsing, resizes, suspend and resume) is
Textual's own; ``Driver`` classes are chosen through ``App.get_driver_class``,
so the stock driver is still used wherever this one does not apply.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import threading
from codecs import getincrementaldecoder
from collections.abc import Iterator
from contextlib import contextmanager
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import constants
from textual.drivers.linux_driver import LinuxDriver

from stretchtimer.tui.terminal_output import TerminalOutput
from stretchtimer.tui.textual_private import (
    driver_output_file,
    finish_input_parser,
    new_input_parser,
)

if TYPE_CHECKING:
    from textual.app import App

#: Waited beyond the parser's Escape delay, so its deadline has surely passed.
ESCAPE_MARGIN = 0.01
#: Bytes read from the terminal at a time (as Textual reads).
READ_SIZE = 4096


class _WakingEvent(threading.Event):
    """An event that also wakes a thread waiting in ``select`` when it is set."""

    def __init__(self, wake: Any) -> None:
        super().__init__()
        self._wake = wake

    def set(self) -> None:
        super().set()
        self._wake()


class QuietLinuxDriver(LinuxDriver):
    def __init__(
        self,
        app: App[Any],
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self._parser_debug = debug
        # Each input thread (a new one after every suspend and resume) has a
        # pipe of its own; the lock keeps a wake-up from writing to a pipe
        # that thread is closing.
        self._wake_lock = threading.Lock()
        self._wake_write: int | None = None
        self.exit_event = _WakingEvent(self._wake_input_thread)
        #: Where writes go while in application mode (made anew after each suspend).
        self._output: TerminalOutput | None = None

    def start_application_mode(self) -> None:
        if self._output is not None:
            self._output.close()
        file = driver_output_file(self)
        self._output = None if file is None else TerminalOutput(file)
        super().start_application_mode()  # type: ignore[no-untyped-call]

    def write(self, data: str) -> None:
        output = self._output
        if output is None:
            super().write(data)
        else:
            output.write(data)

    @contextmanager
    def writes_held(self) -> Iterator[None]:
        """Everything written in the block goes to the terminal at its end, in one write."""
        if self._output is None:
            yield
        else:
            with self._output.held():
                yield

    def close(self) -> None:
        """Write out what is still waiting before Textual closes its own output."""
        output, self._output = self._output, None
        if output is not None:
            output.close()
        super().close()

    def _wake_input_thread(self) -> None:
        with self._wake_lock:
            if self._wake_write is not None:
                # A full pipe wakes the thread just as well.
                with contextlib.suppress(OSError):
                    os.write(self._wake_write, b"\0")

    def run_input_thread(self) -> None:
        """Wait for input, or to be stopped, without a timeout while nothing is pending."""
        wake_read, wake_write = os.pipe()
        os.set_blocking(wake_read, False)
        os.set_blocking(wake_write, False)
        with self._wake_lock:
            self._wake_write = wake_write
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        selector.register(wake_read, selectors.EVENT_READ)
        parser = new_input_parser(debug=self._parser_debug)
        decode = getincrementaldecoder("utf-8")().decode
        escape_wait = constants.ESCAPE_DELAY + ESCAPE_MARGIN
        #: When the parser may next give up a held Escape; None when it holds nothing.
        check_at: float | None = None
        try:
            while not self.exit_event.is_set():
                timeout = None if check_at is None else max(0.0, check_at - monotonic())
                for key, _mask in selector.select(timeout):
                    if key.fd == wake_read:
                        _drain(wake_read)
                        continue
                    data = decode(_read(self.fileno))
                    if not data:
                        # End of input (the terminal is gone): stop watching it
                        # rather than wake for it again and again.
                        selector.unregister(self.fileno)
                        continue
                    check_at = monotonic() + escape_wait
                    for event in parser.feed(data):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
                if check_at is not None and monotonic() >= check_at:
                    check_at = None
        finally:
            selector.close()
            with self._wake_lock:
                if self._wake_write == wake_write:
                    self._wake_write = None
                os.close(wake_write)
            os.close(wake_read)
            finish_input_parser(parser)


def _read(fd: int) -> bytes:
    """Bytes from the terminal; none once it has hung up (EIO) or closed."""
    try:
        return os.read(fd, READ_SIZE)
    except OSError:
        return b""


def _drain(fd: int) -> None:
    with contextlib.suppress(OSError):
        while os.read(fd, 64):
            pass
