"""One reminder per user: an exclusive lock on one file per user.

The kernel drops a ``flock`` when its holder dies however it dies, so a
reminder that was killed leaves a file behind but no lock, and the next one
simply takes it. The file holds the holder's process id, for the message a
second reminder gives, and on its second line the path of its socket, so
that clients find it from a shell whose variables differ.
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


#: More than a process id and a socket path ever take.
_MAX_READ = 4096


def _lines(path: Path) -> list[str]:
    try:
        with open(path, "rb") as file:
            data = file.read(_MAX_READ)
    except OSError:
        return []
    return data.decode("utf-8", errors="replace").split("\n")


def holder(path: Path) -> int | None:
    """The process id written in the lock file, if it can be read."""
    text = _lines(path)[0].strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 20 else None


def announced_socket(path: Path) -> Path | None:
    """The socket path on the lock file's second line, or None when there is none."""
    lines = _lines(path)
    if len(lines) < 2 or not lines[1] or "\x00" in lines[1] or "\ufffd" in lines[1]:
        return None
    return Path(lines[1])


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

    def announce(self, socket_path: Path) -> None:
        """Name the socket in the file, for clients in any shell."""
        if self._fd is None:
            return
        data = f"{os.getpid()}\n{socket_path}\n".encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)
