"""The seams between the session screen and the services that follow a session.

The Textual shell only knows these protocols; the command line decides which
real implementations (audio cues, history) to plug in, and tests plug in
fakes or nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from stretchtimer.safe_text import safe_text
from stretchtimer.session.events import EventSource

if TYPE_CHECKING:
    from stretchtimer.adapt.policy import Plan, Rating
    from stretchtimer.routine import Routine


class AudioControl(Protocol):
    """Sound for a session: cues follow the engine's events."""

    @property
    def muted(self) -> bool: ...

    def set_muted(self, muted: bool) -> None: ...

    def set_flash_handler(self, handler: Callable[[], None] | None) -> None:
        """Where the terminal-bell fallback asks for a visual flash."""
        ...

    def attach(self, session: EventSource) -> None:
        """Subscribe to a session's events (called before it starts)."""
        ...

    def close(self) -> None:
        """Stop anything playing and end any worker thread."""
        ...


class HistoryControl(Protocol):
    """Session history: records a session as it goes."""

    def attach(self, session: EventSource) -> None:
        """Record this session (called before it starts)."""
        ...

    def current_streak(self) -> int:
        """Days in a row, up to today, with at least one session."""
        ...

    def interrupted_step(self, routine_name: str, *, step_count: int | None = None) -> int | None:
        """Step to continue the latest interrupted session of a routine at.

        ``step_count`` is the routine's length now: an interruption past the
        end of a routine that has since been shortened is not offered.
        """
        ...

    def take_messages(self) -> list[str]:
        """Problems worth telling the person once (history not saved, ...)."""
        ...


class RatingsControl(Protocol):
    """Ratings and check-ins: what the person says, and the plans that follow from it."""

    def plan(self, routine: Routine) -> Plan:
        """The next session of ``routine`` as its ratings adapt it."""
        ...

    def rate(
        self, routine_name: str, step_name: str, step_index: int, rating: Rating
    ) -> str | None:
        """Keep a rating of a step of the session just done; a problem to say, or None."""
        ...

    def offer_checkin(self) -> bool:
        """Whether to offer a check-in now: at most once a week, answered or not."""
        ...

    def checkin(self, scores: Mapping[str, int]) -> str | None:
        """Keep a check-in; a problem to say, or None."""
        ...


class AppCrashed(Exception):
    """The app stopped on an unexpected error; the terminal has been given back.

    Defined here rather than with the app, so the command line can catch it
    without importing Textual.
    """

    def __init__(self, error: BaseException, log: Path | None) -> None:
        where = f"; the details are in {log}" if log is not None else ""
        what = safe_text(f"{type(error).__name__}: {error}")
        super().__init__(f"stopped on an unexpected error ({what}){where}")
        self.error = error
        self.log = log
