"""What the history recorder tells the person, and when it takes it back.

History problems are told once each (the app shows them as they come, the
command line after a plain session), in words that say what happened to the
session: not saved, not saved for a while but complete now, cannot be saved
here at all. A message not yet shown can be withdrawn when it stops being
true, so a disk that filled and was freed does not leave word of a loss.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text


class Notices:
    """Messages waiting to be shown, at most one of each kind until it is forgotten."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: list[tuple[str, str]] = []
        self._told: set[str] = set()

    def tell(self, kind: str, message: str, *, once: bool = True) -> None:
        """Keep ``message`` for the person, unless one of ``kind`` was told (and ``once``)."""
        with self._lock:
            if kind in self._told:
                return
            if once:
                self._told.add(kind)
            # Messages quote paths, which may hold anything; they are shown in the app.
            self._waiting.append((kind, safe_text(message)))

    def take(self) -> list[str]:
        with self._lock:
            waiting, self._waiting = self._waiting, []
        return [text for _kind, text in waiting]

    def withdraw(self, kind: str) -> bool:
        """Drop the waiting message of ``kind`` and let it be told again; True if it was
        still waiting (not yet shown)."""
        with self._lock:
            kept = [(k, text) for k, text in self._waiting if k != kind]
            waiting = len(kept) != len(self._waiting)
            self._waiting = kept
            self._told.discard(kind)
        return waiting


def not_saved(path: Path, exc: BaseException) -> str:
    return _(
        "Session history could not be saved to {path} ({reason}); the session carries on "
        "without it."
    ).format(path=path, reason=reason(exc))


def cannot_be_saved(path: Path, why: str) -> str:
    return _(
        "Session history cannot be saved to {path} ({why_read_only}); sessions are not "
        "recorded, and the history there can still be read."
    ).format(path=path, why_read_only=why_read_only(path, why))


def saved_after_all(path: Path, *, shown: bool) -> str:
    """Once everything is in the file after a failure: said so, in the light of what was said."""
    if shown:
        return _("Session history is being saved to {path} again; nothing was lost.").format(
            path=path
        )
    return _(
        "Session history could not be saved to {path} for a while; everything was saved once "
        "it could be."
    ).format(path=path)


def reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = str(exc).strip()
    return text or type(exc).__name__


def why_read_only(path: Path, reason: str) -> str:
    """What stops the writing, in the person's terms where it can be told."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return _("the disk is read-only")
    except OSError:
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return _("the file is read-only")
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        return _("its folder is read-only")
    return reason
