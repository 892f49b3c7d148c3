"""What the app remembers between runs that is not a setting.

The routine used last (the picker opens on it), per routine a digest of the
caution as it was last shown (a new or changed caution is shown until a key
is pressed), and how many breaks the reminder skipped today. Settings are the
person's to edit in ``config.toml``; this is the app's own note, in the state
folder (``~/.local/state/stretchtimer`` on Linux), so it is never mixed with
them.

Losing it costs little, so it never stops the app: a missing, damaged or
unreadable file reads as empty, and a write that fails is skipped. A write
goes to a temporary file that then replaces the old one, so a reader (or a
second app running at the same time) sees the old file or the new, never half
of one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import msgspec

from stretchtimer import locations
from stretchtimer.regular_file import UnreadableFile, read_regular, write_regular

#: The file is a few lines; anything much larger is not ours.
_LIMIT = 256 * 1024
#: Cautions remembered at most: the oldest are forgotten first.
_MAX_CAUTIONS = 500


class State(msgspec.Struct, frozen=True, omit_defaults=True):
    #: The name of the routine run last (its ``name:``).
    last_routine: str | None = None
    #: Routine name -> digest of its caution when it was last shown in full.
    cautions: dict[str, str] = {}
    #: The reminder's deliberate skips: the day (ISO date) and how many that day.
    skips_day: str | None = None
    skips_used: int = 0


def caution_digest(caution: str) -> str:
    """A short fingerprint of a caution: a changed text gives another one."""
    import hashlib  # only a routine with a caution needs it (OpenSSL's start-up)

    return hashlib.sha256(caution.strip().encode("utf-8")).hexdigest()[:16]


def read_state(path: Path | None = None) -> State:
    """The state as saved; an empty one if there is none or it cannot be read."""
    path = path or locations.state_file()
    try:
        return msgspec.json.decode(read_regular(path, _LIMIT), type=State)
    except (UnreadableFile, msgspec.DecodeError, msgspec.ValidationError):
        return State()


def write_state(state: State, path: Path | None = None) -> bool:
    """Save ``state`` whole, by replacing the file; False if it could not be written."""
    path = path or locations.state_file()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_regular(temporary, msgspec.json.encode(state).decode("utf-8") + "\n")
        os.replace(temporary, path)
    except (OSError, UnreadableFile):
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def update_state(change: Callable[[State], State], path: Path | None = None) -> State:
    """Read, change and save the state; the changed state, saved or not."""
    changed = change(read_state(path))
    write_state(changed, path)
    return changed


def remember_routine(name: str, path: Path | None = None) -> None:
    update_state(lambda state: msgspec.structs.replace(state, last_routine=name), path)


def caution_is_new(name: str, caution: str, path: Path | None = None) -> bool:
    """Whether ``name``'s caution has not been shown in full yet, as it reads now."""
    if not caution.strip():
        return False
    return read_state(path).cautions.get(name) != caution_digest(caution)


def remember_caution(name: str, caution: str, path: Path | None = None) -> None:
    def change(state: State) -> State:
        cautions = {k: v for k, v in state.cautions.items() if k != name}
        cautions[name] = caution_digest(caution)
        kept = dict(list(cautions.items())[-_MAX_CAUTIONS:])
        return msgspec.structs.replace(state, cautions=kept)

    update_state(change, path)


class CautionsRead:
    """Which routines' cautions the person has had time to read, kept in the state file.

    A caution counts as read once it stayed on screen until a key was pressed;
    changing its text makes it new again.
    """

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    def is_new(self, name: str, caution: str | None) -> bool:
        return caution_is_new(name, caution or "", self._path)

    def mark_read(self, name: str, caution: str | None) -> None:
        if caution and caution.strip():
            remember_caution(name, caution, self._path)


class SkipsKept:
    """The reminder's count of today's skips, kept here so a restart does not reset it."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    def read(self) -> tuple[str | None, int]:
        state = read_state(self._path)
        return state.skips_day, state.skips_used

    def write(self, day: str, used: int) -> None:
        update_state(
            lambda state: msgspec.structs.replace(state, skips_day=day, skips_used=used),
            self._path,
        )
