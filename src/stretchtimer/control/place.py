"""Where the reminder's socket and lock live: a folder only the user can enter.

``$XDG_RUNTIME_DIR/stretchtimer`` where the session has a runtime folder
(it is cleared at logout, as a socket should be); otherwise a folder under
the user's data folder. Either way the folder must belong to the user and
let nobody else in, or the socket would be someone else's to answer.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from stretchtimer import locations

SOCKET_NAME = "control.sock"
LOCK_NAME = "reminder.lock"


class PlaceError(Exception):
    """The control folder cannot be made private; the message says what to fix."""


def control_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        return Path(runtime) / locations.APP_NAME
    return locations.data_dir() / "run"


def private_dir(folder: Path, *, create: bool) -> Path:
    """``folder``, made (mode 0700) when ``create``, and checked to be the user's alone."""
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise PlaceError(f"cannot make {folder}: {exc.strerror}") from None
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return folder  # nothing there yet: nothing runs
    except OSError as exc:
        raise PlaceError(f"cannot read {folder}: {exc.strerror}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise PlaceError(f"{folder} is not a folder; remove it")
    if info.st_uid != os.getuid():
        raise PlaceError(f"{folder} belongs to another user; remove it")
    if info.st_mode & 0o077:
        raise PlaceError(
            f"{folder} can be entered by others (mode {stat.S_IMODE(info.st_mode):o});"
            " run chmod 700 on it"
        )
    return folder


def socket_path(folder: Path) -> Path:
    return folder / SOCKET_NAME


def lock_path(folder: Path) -> Path:
    return folder / LOCK_NAME
