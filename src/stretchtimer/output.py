"""Standard output that neither crashes nor lies about a command's result.

Two things go wrong with output that a person never chose: a terminal or
``PYTHONIOENCODING`` that cannot encode a character (``LANG=C``, ``ascii``),
and a reader that leaves early (``validate *.yaml | head -1``). The first
gets a replacement character instead of a ``UnicodeEncodeError``; the second
stops the output, not the command, so ``validate`` still checks every file
and still exits 1 when one of them is broken.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO


class PipeSafeOutput(io.TextIOBase):
    """A text stream that turns into a sink once its reader has gone."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        #: True once a write found the reading end of the pipe closed.
        self.reader_left = False

    def write(self, text: str) -> int:
        if not self.reader_left:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._went_away()
        return len(text)

    def flush(self) -> None:
        if not self.reader_left:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._went_away()

    def _went_away(self) -> None:
        self.reader_left = True
        # What is still buffered can never be written; point the descriptor at
        # nothing so that flushing at exit does not raise again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass

    # What rich and print look at on the stream they write to.
    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._stream.errors

    def writable(self) -> bool:
        return True


def degrade_unencodable() -> None:
    """Characters the output's encoding lacks become replacement characters."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
