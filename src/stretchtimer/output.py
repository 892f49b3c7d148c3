"""Standard output and error that neither crash nor lie about a command's result.

What a person never chose can go wrong with either stream: an encoding that
lacks a character (``LANG=C``, ``PYTHONIOENCODING=ascii``), a reader that
leaves early (``validate *.yaml | head -1``), a stream closed from the start
(``>&-``), or one that cannot take more (``> /dev/full``, a terminal gone).

- A character the encoding lacks becomes a replacement character.
- A reader that leaves stops the output, not the command: ``validate`` still
  checks every file and exits 1 when one is broken, as it would have.
- A closed or failing stream is an error the command did not make: once the
  command is done, one line says what was lost, on the other stream if it
  still works, and the exit status is 1 (a signal's status is kept).
- A descriptor closed at start is pointed at ``/dev/null`` first, so the next
  file the program opens (the history database) cannot become its standard
  output by taking the lowest free number.

Nothing here ever raises into the command.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from stretchtimer.i18n import N_, _

#: The streams by the names a person knows them by.
_NAMES = {1: N_("standard output"), 2: N_("standard error")}


class GuardedOutput(io.TextIOBase):
    """A text stream that turns into a sink once writing to it fails, remembering why."""

    def __init__(self, stream: TextIO | None, fd: int) -> None:
        super().__init__()
        self._stream = stream
        self._fd = fd
        #: True once a write found the reading end of the pipe closed.
        self.reader_left = False
        #: Why text could not be written (closed, full ...), once some text was lost.
        self.failure: str | None = None
        #: False when the stream was closed before the program started.
        self.opened = stream is not None

    @property
    def name(self) -> str:
        if self._fd in _NAMES:
            return _(_NAMES[self._fd])
        return _("descriptor {fd}").format(fd=self._fd)

    @property
    def usable(self) -> bool:
        """Whether text written now would reach its reader."""
        return self._stream is not None and not self.reader_left and self.failure is None

    def write(self, text: str) -> int:
        if not text:
            return 0
        if self._stream is None:
            self.failure = self.failure or _("it is closed")
        elif self.usable:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._went_away()
            except (OSError, ValueError) as exc:
                self._failed(exc)
        return len(text)

    def flush(self) -> None:
        if self._stream is not None and self.usable:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._went_away()
            except (OSError, ValueError) as exc:
                self._failed(exc)

    def _went_away(self) -> None:
        self.reader_left = True
        self._to_nowhere()

    def _failed(self, exc: BaseException) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.failure = reason.lower() or type(exc).__name__
        self._to_nowhere()

    def _to_nowhere(self) -> None:
        # What is still buffered can never be written; point the descriptor at
        # nothing so that flushing at exit does not raise (and exit with 120).
        try:
            fd = self._stream.fileno() if self._stream is not None else -1
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, fd)
            finally:
                os.close(devnull)
        except (OSError, ValueError):
            pass  # a stream with no descriptor (in tests) has nothing to flush at exit

    # What rich, argparse and print look at on the stream they write to.
    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def fileno(self) -> int:
        if self._stream is None:
            raise io.UnsupportedOperation("the stream is closed")
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding if self._stream is not None else "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._stream.errors if self._stream is not None else "replace"

    def writable(self) -> bool:
        return True


class GuardedStreams:
    """Standard output and error, guarded for one command."""

    def __init__(self, stdout: GuardedOutput, stderr: GuardedOutput) -> None:
        self.stdout = stdout
        self.stderr = stderr

    def final_status(self, status: int) -> int:
        """``status``, or 1 when output was lost; says what was lost where it can."""
        self.stdout.flush()
        self.stderr.flush()
        lost = [s for s in (self.stdout, self.stderr) if s.failure is not None]
        for stream in lost:
            other = self.stderr if stream is self.stdout else self.stdout
            if other.usable:
                print(
                    _("stretchtimer: error: could not write to {stream} ({reason})").format(
                        stream=stream.name, reason=stream.failure
                    ),
                    file=other,
                    flush=True,
                )
        return (status or 1) if lost else status


@contextmanager
def guarded_streams() -> Iterator[GuardedStreams]:
    """``sys.stdout`` and ``sys.stderr`` guarded while the block runs, then given back."""
    plug_closed_descriptors()
    degrade_unencodable()
    before = sys.stdout, sys.stderr
    streams = GuardedStreams(GuardedOutput(sys.stdout, 1), GuardedOutput(sys.stderr, 2))
    sys.stdout, sys.stderr = streams.stdout, streams.stderr
    try:
        yield streams
    finally:
        streams.stdout.flush()
        streams.stderr.flush()
        sys.stdout, sys.stderr = before


def stdout_open() -> bool:
    """Whether standard output was open when the command started (not ``>&-``)."""
    stream = sys.stdout
    if isinstance(stream, GuardedOutput):
        return stream.opened
    return stream is not None


def plug_closed_descriptors() -> None:
    """Open ``/dev/null`` on standard input, output or error where it is closed."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def degrade_unencodable() -> None:
    """Characters the output's encoding lacks become replacement characters."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
