"""Output to the terminal written by the thread that draws it, whenever that cannot block.

Textual hands every write to a thread of its own, so that a terminal slow to
read never holds up the event loop. For an app that draws a few hundred bytes
once a second that thread is most of what wakes: each write wakes it, and it
then waits for the interpreter's lock, which the drawing thread still holds
(three wake-ups and some eight futex calls a second for the session's title
and frame, against one wake-up for the timer itself).

Here a write goes straight to the terminal, through a non-blocking handle of
its own, whenever nothing written earlier is still waiting: it takes what the
terminal accepts at once. Only what the terminal cannot take yet (or anything
written after it, so the order holds) goes to a thread, started the first time
it is needed, which writes it with the ordinary blocking handle. So the event
loop never waits for the terminal, as with Textual's thread, and a settled
second wakes nothing but the timer.

Output that is not a terminal (or a terminal that cannot be opened again)
goes through the thread alone.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class TerminalOutput:
    def __init__(self, file: TextIO) -> None:
        with contextlib.suppress(OSError, ValueError):
            file.flush()  # anything buffered goes first
        self._fd = file.fileno()
        self._encoding = file.encoding or "utf-8"
        self._errors = file.errors or "strict"
        self._direct = _reopen_non_blocking(self._fd)
        self._lock = threading.Lock()
        self._queued = threading.Condition(self._lock)
        self._pending: deque[bytes] = deque()
        self._writing = False
        self._closed = False
        self._thread: threading.Thread | None = None
        #: Writes kept back while held (``held``), to go out as one.
        self._held: list[str] | None = None

    @property
    def direct(self) -> bool:
        """Whether writes may go straight to the terminal (it is one, opened again)."""
        return self._direct is not None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Keep every write back until the block ends, then write them as one.

        One wake-up writes the window title and a frame, and Textual writes a
        frame in up to three parts: each a system call, and a wake-up of the
        terminal's reader. For the thread that draws only; a nested hold is
        part of the outer one.
        """
        if self._held is not None:
            yield
            return
        held: list[str] = []
        self._held = held
        try:
            yield
        finally:
            self._held = None
            if held:
                self.write("".join(held))

    def write(self, text: str) -> None:
        if self._held is not None:
            self._held.append(text)
            return
        data = text.encode(self._encoding, self._errors)
        with self._lock:
            if self._closed:
                _write_all(self._fd, data)  # after close: as a plain file would
                return
            if self._direct is not None and not self._pending and not self._writing:
                data = data[_write_some(self._direct, data) :]
                if not data:
                    return
            self._pending.append(data)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="stretchtimer-output", daemon=True
                )
                self._thread.start()
            self._queued.notify()

    def close(self) -> None:
        """Write out everything still waiting, then stop the thread and the second handle.

        Writes held back go first: a signal to stop (Ctrl+Z) can come in the
        middle of a held block, and what it writes on the way out must not wait
        for the block's end.
        """
        held, self._held = self._held, None
        if held:
            text = "".join(held)
            held.clear()
            self.write(text)
        with self._lock:
            self._closed = True
            self._queued.notify()
            thread = self._thread
        if thread is not None:
            thread.join()
        if self._direct is not None:
            os.close(self._direct)
            self._direct = None

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._pending and not self._closed:
                    self._queued.wait()
                if not self._pending:
                    return
                data = b"".join(self._pending)
                self._pending.clear()
                self._writing = True
            try:
                _write_all(self._fd, data)
            finally:
                with self._lock:
                    self._writing = False


def _reopen_non_blocking(fd: int) -> int | None:
    """A second, non-blocking handle on the terminal ``fd`` writes to, or None.

    The handle must be a new open file: setting ``O_NONBLOCK`` on ``fd`` itself
    would make every other writer's writes fail when the terminal is busy.
    """
    try:
        if not os.isatty(fd):
            return None
        return os.open(os.ttyname(fd), os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        return None


def _write_some(fd: int, data: bytes) -> int:
    """Write what the terminal takes now; how many bytes that was."""
    written = 0
    while written < len(data):
        try:
            count = os.write(fd, data[written:])
        except (BlockingIOError, InterruptedError):
            return written
        except OSError:
            return len(data)  # the terminal is gone: nothing will ever read it
        if count <= 0:
            return written
        written += count
    return written


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            count = os.write(fd, view)
        except InterruptedError:
            continue
        except OSError:
            return  # the terminal is gone (hung up): Textual notices on its own
        view = view[count:]
