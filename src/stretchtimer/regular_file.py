"""Reading a settings or routine file that may be anything at all.

A name in the routine folder or the config path can be a FIFO (opening it for
reading waits for a writer that never comes), a device, a folder, a link to
nowhere or to itself, or a file far larger than any routine. Each of these is
refused with a reason a person can act on, and only a regular file is read,
never more than ``limit`` bytes of it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class UnreadableFile(Exception):
    """Why a path cannot be read as a file; the message is a short reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; ``UnreadableFile`` for anything else.

    The file is opened without blocking, so a FIFO or a device answers at once,
    and checked on the open descriptor, so it cannot be swapped in between.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if path.is_symlink():
            target = os.readlink(path)
            raise UnreadableFile(f"broken link: {target} does not exist") from None
        raise UnreadableFile("no such file") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFile("permission denied: cannot read this file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile("the link loops back on itself") from None
        raise UnreadableFile(f"cannot read this file: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableFile("is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise UnreadableFile(f"is {_kind(mode)}, not a regular file")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(f"cannot read this file: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise UnreadableFile(f"is larger than {limit // 1024} KiB")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
