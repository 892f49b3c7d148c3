"""A session's figure: which figure and which moment to show, and when the next frame is due.

Everything is read from the engine (its phase, how far into it, its state)
and its injected clock, so the figure stays in step through pauses, skips, a
step back or extra seconds without counting frames of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from stretchtimer.figures.animation import Moment, moment, seconds_to_next_frame
from stretchtimer.figures.model import Figure


class PhaseView(Protocol):
    """What the figure needs to know about the current phase."""

    @property
    def kind(self) -> str: ...
    @property
    def side(self) -> str | None: ...
    @property
    def rep_time(self) -> int | None: ...
    @property
    def step_index(self) -> int: ...


class SessionView(Protocol):
    """The part of the engine the figure reads."""

    @property
    def current_phase(self) -> PhaseView: ...
    @property
    def phase_elapsed(self) -> float: ...
    @property
    def phase_length(self) -> float: ...
    @property
    def running(self) -> bool: ...
    def now(self) -> float: ...


FigureForStep = Callable[[int], Figure | None]


class FollowedFigure:
    """Follows one session; ``figure_for`` gives the figure of step N (or None)."""

    def __init__(self, figure_for: FigureForStep) -> None:
        self._figure_for = figure_for
        self._cache: dict[int, Figure | None] = {}

    def figure(self, step_index: int) -> Figure | None:
        if step_index not in self._cache:
            self._cache[step_index] = self._figure_for(step_index)
        return self._cache[step_index]

    def now(self, session: SessionView) -> tuple[Figure | None, Moment | None]:
        phase = session.current_phase
        figure = self.figure(phase.step_index)
        if figure is None:
            return None, None
        shown = moment(
            figure,
            kind=str(phase.kind),
            side=phase.side,
            elapsed=session.phase_elapsed,
            length=session.phase_length,
            rep_time=phase.rep_time,
            running=session.running,
        )
        return figure, shown

    def next_frame(self, session: SessionView) -> float | None:
        """Clock reading of the next frame while the figure moves; None while it is still."""
        _, shown = self.now(session)
        if shown is None or not shown.moving:
            return None
        return session.now() + seconds_to_next_frame(session.phase_elapsed)
