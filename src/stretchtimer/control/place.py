"""Where the reminder's lock and socket live: folders only the user can enter.

The lock has one place per user whatever the shell's variables say:
``run/`` under the user's data folder. ``XDG_RUNTIME_DIR`` is set in a
desktop session and often unset over SSH, so a lock kept next to the socket
would let a second reminder start from the other kind of shell. (A fixed
``/tmp`` path would also be independent of it, but anyone can create it
first; the data folder is the user's own.) The socket goes in
``$XDG_RUNTIME_DIR/stretchtimer`` where there is one (cleared at logout, as
a socket should be), otherwise in the same ``run/``; the lock file names it,
so a client finds the running reminder from any shell. Every folder must
belong to the user and let nobody else in, or the socket would be someone
else's to answer.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from stretchtimer import locations
from stretchtimer.i18n import _

SOCKET_NAME = "control.sock"
LOCK_NAME = "reminder.lock"


class PlaceError(Exception):
    """The control folder cannot be made private; the message says what to fix."""


def lock_dir() -> Path:
    """The one place of the per-user lock, whatever ``XDG_RUNTIME_DIR`` says."""
    return locations.data_dir() / "run"


def control_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        return Path(runtime) / locations.APP_NAME
    return lock_dir()


def private_dir(folder: Path, *, create: bool) -> Path:
    """``folder``, made (mode 0700) when ``create``, and checked to be the user's alone."""
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise PlaceError(
                _("cannot make {folder}: {strerror}").format(folder=folder, strerror=exc.strerror)
            ) from None
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return folder  # nothing there yet: nothing runs
    except OSError as exc:
        raise PlaceError(
            _("cannot read {folder}: {strerror}").format(folder=folder, strerror=exc.strerror)
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise PlaceError(_("{folder} is not a folder; remove it").format(folder=folder))
    if info.st_uid != os.getuid():
        raise PlaceError(_("{folder} belongs to another user; remove it").format(folder=folder))
    if info.st_mode & 0o077:
        raise PlaceError(
            _("{folder} can be entered by others (mode {mode:o}); run chmod 700 on it").format(
                folder=folder, mode=stat.S_IMODE(info.st_mode)
            )
        )
    return folder


def socket_path(folder: Path) -> Path:
    return folder / SOCKET_NAME


def lock_path(folder: Path) -> Path:
    return folder / LOCK_NAME


def running_socket() -> Path | None:
    """The socket the running reminder wrote in the lock file, checked; None when none is named.

    A stale file (its reminder killed) may name a socket no one listens on:
    connecting to it says nothing runs. What is read is checked before use,
    so a file with other contents never sends a request elsewhere.
    """
    from stretchtimer.control.lock import announced_socket

    folder = private_dir(lock_dir(), create=False)
    path = announced_socket(lock_path(folder))
    if path is None:
        return None
    if not path.is_absolute() or path.name != SOCKET_NAME:
        raise PlaceError(
            _("{lock_path} names no reminder's socket; remove it").format(
                lock_path=lock_path(folder)
            )
        )
    private_dir(path.parent, create=False)
    return path
