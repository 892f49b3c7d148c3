"""A session's figure, followed through the engine's events alone.

Each phase event says when the phase started, how long it is and when it
ends on the session clock; pauses and time changes say what is left. From
that, any clock reading gives how far into the phase the session is, and so
which pose to show: nothing here counts frames or asks the engine, so pauses,
skips, a step back or extra seconds keep the figure in step by themselves.
"""

from __future__ import annotations

from stretchtimer.events import (
    Event,
    EventSource,
    Paused,
    PhaseStarted,
    PhaseTimeChanged,
    Resumed,
    SessionFinished,
    SessionStarted,
)
from stretchtimer.figures.animation import Moment, moment, seconds_to_next_frame
from stretchtimer.figures.model import Figure
from stretchtimer.routine import Routine
from stretchtimer.timeline import Phase


class FigureFollower:
    """What a session's figure shows at any clock reading, from the events it was sent."""

    def __init__(self) -> None:
        self._routine: Routine | None = None
        self._figures: dict[int, Figure | None] = {}
        self._phase: Phase | None = None
        self._length = 0.0
        self._deadline: float | None = None
        self._remaining = 0.0

    def attach(self, source: EventSource) -> None:
        source.subscribe(self)

    def __call__(self, event: Event) -> None:
        match event:
            case SessionStarted(routine=routine):
                self._routine, self._figures = routine, {}
            case PhaseStarted(phase=phase, length=length, deadline=deadline):
                self._phase, self._length, self._deadline = phase, length, deadline
                self._remaining = length
            case PhaseTimeChanged(length=length, remaining=remaining, deadline=deadline):
                self._length, self._remaining, self._deadline = length, remaining, deadline
            case Paused(remaining=remaining):
                self._deadline, self._remaining = None, remaining
            case Resumed(deadline=deadline):
                self._deadline = deadline
            case SessionFinished():
                self._phase = None
            case _:
                pass

    @property
    def phase(self) -> Phase | None:
        return self._phase

    def figure_for(self, step_index: int) -> Figure | None:
        if self._routine is None:
            return None
        if step_index not in self._figures:
            self._figures[step_index] = self._routine.figure_for(step_index)
        return self._figures[step_index]

    @property
    def figure(self) -> Figure | None:
        """The current step's figure (None between sessions or for a step without one)."""
        return None if self._phase is None else self.figure_for(self._phase.step_index)

    def elapsed(self, now: float) -> float:
        """Seconds into the current phase at clock reading ``now``."""
        remaining = self._remaining if self._deadline is None else self._deadline - now
        return min(self._length, max(0.0, self._length - remaining))

    def moment(self, now: float) -> Moment | None:
        phase, figure = self._phase, self.figure
        if phase is None or figure is None:
            return None
        return moment(
            figure,
            kind=phase.kind.value,
            side=phase.side,
            elapsed=self.elapsed(now),
            length=self._length,
            rep_time=phase.rep_time,
            running=self._deadline is not None,
        )

    def next_frame(self, now: float) -> float | None:
        """Clock reading of the next frame while the figure moves; None while it is still."""
        shown = self.moment(now)
        if shown is None or not shown.moving:
            return None
        return now + seconds_to_next_frame(self.elapsed(now))
