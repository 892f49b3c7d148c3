"""One reminder per user: an exclusive lock on a file next to the socket.

The kernel drops a ``flock`` when its holder dies however it dies, so a
reminder that was killed leaves a file behind but no lock, and the next one
simply takes it. The file holds the holder's process id, for the message a
second reminder gives.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class AlreadyRunning(Exception):
    def __init__(self, pid: int | None) -> None:
        super().__init__(pid)
        self.pid = pid


def holder(path: Path) -> int | None:
    """The process id written in the lock file, if it can be read."""
    try:
        text = path.read_text(encoding="ascii", errors="replace")[:20].strip()
    except OSError:
        return None
    return int(text) if text.isascii() and text.isdigit() else None


class ReminderLock:
    """Held for as long as the reminder runs; ``release`` (or the process's end) frees it."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    @classmethod
    def acquire(cls, path: Path) -> ReminderLock:
        """The lock, or AlreadyRunning with the holder's process id."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise AlreadyRunning(holder(path)) from None
        except BaseException:
            os.close(fd)
            raise
        # Ours now, whatever a dead holder left in it.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        return cls(fd, path)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)
