"""Reading (and writing) a file whose name may stand for anything at all.

A name in the routine folder, the config path, a routine's sounds, a sound
theme or the data folder can be a FIFO (opening it waits for a writer or a
reader that never comes), a device such as ``/dev/zero`` (endless), a socket,
a folder, a link to nowhere or to itself, or a file far larger than it should
be. Each of these is refused with a reason a person can act on, and only a
regular file is read, never more than ``limit`` bytes of it. Every file the
app reads or writes by a name it was given goes through here.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from stretchtimer.i18n import _

#: The most a routine file may hold: larger than any a person would write (a 1,000-step
#: file is ~300 KB).
ROUTINE_LIMIT = 1024 * 1024


class UnreadableFile(Exception):
    """Why a path cannot be read as a file; the message is a short reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooLarge(UnreadableFile):
    """A regular file longer than the caller's limit."""


class Missing(UnreadableFile):
    """Nothing at the path: told apart by its class, since its reason is translated."""


class IsAFolder(UnreadableFile):
    """A folder where a file was wanted."""


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
            raise UnreadableFile(
                _("broken link: {target} does not exist").format(target=target)
            ) from None
        raise Missing(_("no such file")) from None
    except IsADirectoryError:
        raise IsAFolder(_("is a folder, not a file")) from None
    except PermissionError:
        raise UnreadableFile(_("permission denied: cannot read this file")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(_("the link loops back on itself")) from None
        # A socket answers ENXIO: say what it is rather than what the kernel said.
        raise UnreadableFile(special_file(path) or _cannot("read", exc)) from None
    try:
        check_regular(os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(_cannot("read", exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise TooLarge(_("is larger than {kib} KiB").format(kib=limit // 1024))
    return data


def write_regular(path: Path, text: str) -> None:
    """Replace the contents of the file at ``path`` (made if missing) with ``text``.

    As for reading, a FIFO, a device, a socket or a folder at ``path`` is
    refused at once (``UnreadableFile``) instead of waiting for a reader or
    writing into a device.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except IsADirectoryError:
        raise IsAFolder(_("is a folder, not a file")) from None
    except OSError as exc:  # a FIFO with no reader answers ENXIO
        raise UnreadableFile(special_file(path) or _cannot("write", exc)) from None
    try:
        check_regular(os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
        os.ftruncate(fd, 0)
        with os.fdopen(fd, "w", encoding="utf-8", closefd=True) as handle:
            fd = -1
            handle.write(text)
    except OSError as exc:
        raise UnreadableFile(_cannot("write", exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)


def check_regular(mode: int) -> None:
    """``UnreadableFile`` unless ``mode`` (from a stat) is a regular file's."""
    if stat.S_ISDIR(mode):
        raise IsAFolder(_("is a folder, not a file"))
    if not stat.S_ISREG(mode):
        raise UnreadableFile(_("is {kind}, not a regular file").format(kind=_kind(mode)))


def special_file(path: Path) -> str | None:
    """Why the existing ``path`` is no regular file, or None (also when it does not exist)."""
    try:
        check_regular(os.stat(path).st_mode)
    except OSError:
        return None
    except UnreadableFile as exc:
        return exc.reason
    return None


def _cannot(action: str, exc: OSError) -> str:
    reason = exc.strerror or exc
    if action == "read":
        return _("cannot read this file: {reason}").format(reason=reason)
    return _("cannot write this file: {reason}").format(reason=reason)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("a special file")
