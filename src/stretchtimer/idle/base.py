"""What every idle source offers, and how one says it cannot be used."""

from __future__ import annotations

from typing import Protocol


class IdleUnavailable(Exception):
    """This source does not work here; the message says why."""


class IdleSource(Protocol):
    #: The name used by ``--idle-source`` and shown by ``doctor``.
    name: str

    def idle_seconds(self) -> float:
        """Seconds since the user's last input; raises ``IdleUnavailable``."""
        ...

    def close(self) -> None: ...
