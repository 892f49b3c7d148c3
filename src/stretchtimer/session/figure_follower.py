"""A session's figure, followed through the engine's events alone.

It lives with the session rather than with the figures: it listens to the
engine's events, and the figures package (below routines, which name its
figures) must not depend on the session.

Each phase event says when the phase started, how long it is and when it
ends on the session clock; pauses and time changes say what is left. From
that, any clock reading gives how far into the phase the session is, and so
which pose to show: nothing here counts frames or asks the engine, so pauses,
skips, a step back or extra seconds keep the figure in step by themselves.
"""

from __future__ import annotations

from typing import TypeVar

import msgspec

from stretchtimer.figures.animation import (
    FRAMES_PER_SECOND,
    Moment,
    frame_of,
    frames_per_cycle,
    moment,
    seconds_to_next_frame,
)
from stretchtimer.figures.draw import is_wide
from stretchtimer.figures.model import Figure
from stretchtimer.figures.skeleton import Pose
from stretchtimer.figures.targets import working_parts
from stretchtimer.routine import Routine
from stretchtimer.session.events import (
    Event,
    EventSource,
    Paused,
    PhaseStarted,
    PhaseTimeChanged,
    Resumed,
    SessionFinished,
    SessionStarted,
)
from stretchtimer.session.timeline import Phase

Key = TypeVar("Key")
Value = TypeVar("Value")

#: A frame is drawn once a joint has moved this many Braille dots: less is hardly
#: visible, and each frame costs the screen a repaint.
MIN_DOTS = 2.5
#: Moments kept for the current phase: the frames of a rep or two of reps (a moving
#: figure shows a dozen of them a rep), and a second's look ahead in any phase.
KEPT_MOMENTS = 6 * FRAMES_PER_SECOND
#: Where the next frame falls, kept for as many frames of a rep.
KEPT_NEXT_FRAMES = 4 * KEPT_MOMENTS


def _moved(a: Pose, b: Pose) -> float:
    """The largest squared distance any joint moved between two poses."""
    return max(
        ((b[j][0] - x) ** 2 + (b[j][1] - y) ** 2 for j, (x, y) in a.items() if j in b),
        default=0.0,
    )


class FigureFollower:
    """What a session's figure shows at any clock reading, from the events it was sent."""

    def __init__(self) -> None:
        self._routine: Routine | None = None
        self._figures: dict[int, Figure | None] = {}
        self._wide: dict[int, bool] = {}
        self._phase: Phase | None = None
        self._length = 0.0
        self._deadline: float | None = None
        self._remaining = 0.0
        #: Moments worked out for this phase, by grid frame and whether it runs. Looking
        #: for the next frame works out the frames ahead; the wake-up at that frame and
        #: the next look ahead then find them here instead of posing the figure again.
        #: In reps the frame is counted within the cycle of the reps' motion
        #: (``frames_per_cycle``), so the second rep finds the first rep's moments.
        self._moments: dict[tuple[int, bool], Moment | None] = {}
        #: Frames from one grid frame of the cycle to the next that shows a move (None:
        #: none within a second), by that frame and the drawing's scale.
        self._next_frames: dict[tuple[int, float, float], int | None] = {}
        self._cycle: int | None = None

    def attach(self, source: EventSource) -> None:
        source.subscribe(self)

    def __call__(self, event: Event) -> None:
        match event:
            case SessionStarted(routine=routine):
                self._routine, self._figures, self._wide = routine, {}, {}
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
                return  # a count or a rep done: the poses stay what they were
        self._moments.clear()
        self._next_frames.clear()
        current, figure = self._phase, self.figure
        self._cycle = (
            None
            if current is None or figure is None
            else frames_per_cycle(figure, kind=current.kind.value, rep_time=current.rep_time)
        )

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

    @property
    def wide(self) -> bool:
        """Whether the current step's figure wants a wide place (lying down, or low and long)."""
        if self._phase is None:
            return False
        index = self._phase.step_index
        if index not in self._wide:
            figure = self.figure_for(index)
            self._wide[index] = figure is not None and is_wide(figure)
        return self._wide[index]

    @property
    def working(self) -> frozenset[str]:
        """The parts of the figure the current step works, from its ``targets``."""
        if self._phase is None or self._routine is None:
            return frozenset()
        return working_parts(self._routine.steps[self._phase.step_index].targets)

    def elapsed(self, now: float) -> float:
        """Seconds into the current phase at clock reading ``now``."""
        remaining = self._remaining if self._deadline is None else self._deadline - now
        return min(self._length, max(0.0, self._length - remaining))

    def _in_cycle(self, frame: int) -> int:
        return frame if self._cycle is None else frame % self._cycle

    def moment(self, now: float) -> Moment | None:
        elapsed, running = self.elapsed(now), self._deadline is not None
        frame = frame_of(elapsed)
        key = (self._in_cycle(frame), running)
        if key in self._moments:
            found = self._moments[key]
            if found is not None and found.frame not in (frame, -1):
                found = msgspec.structs.replace(found, frame=frame)  # the same pose, a rep on
            return found
        phase, figure = self._phase, self.figure
        if phase is None or figure is None:
            return None
        found = moment(
            figure,
            kind=phase.kind.value,
            side=phase.side,
            elapsed=elapsed,
            length=self._length,
            rep_time=phase.rep_time,
            running=running,
        )
        _keep(self._moments, key, found, KEPT_MOMENTS)
        return found

    def next_frame(
        self, now: float, *, dots_per_unit: float | None = None, min_dots: float = MIN_DOTS
    ) -> float | None:
        """Clock reading of the next frame while the figure moves; None while it is still.

        Frames fall on the grid of ``FRAMES_PER_SECOND``. Given the drawing's
        scale (``dots_per_unit``), a frame is only asked for once some joint
        has moved ``min_dots`` dots from where it is at ``now``: near the
        turning points of a movement, where it slows down, frames thin out by
        themselves. Nothing visible within a second returns None; the
        screen's own once-a-second wake-up looks again.
        """
        shown = self.moment(now)
        if shown is None or not shown.moving:
            return None
        elapsed = self.elapsed(now)
        first = now + seconds_to_next_frame(elapsed)
        if dots_per_unit is None or dots_per_unit <= 0:
            return first
        frame = frame_of(elapsed)
        key: tuple[int, float, float] | None = None
        if self._cycle is not None and (frame + FRAMES_PER_SECOND + 2) / FRAMES_PER_SECOND < (
            self._length
        ):
            # The frames looked at repeat with the cycle, up to the phase's end.
            key = (self._in_cycle(frame), dots_per_unit, min_dots)
            if key in self._next_frames:
                steps = self._next_frames[key]
                return None if steps is None else first + steps / FRAMES_PER_SECOND
        steps = self._frames_to_a_move(shown, first, (min_dots / dots_per_unit) ** 2)
        if key is not None:
            _keep(self._next_frames, key, steps, KEPT_NEXT_FRAMES)
        return None if steps is None else first + steps / FRAMES_PER_SECOND

    def _frames_to_a_move(self, shown: Moment, first: float, threshold: float) -> int | None:
        """Grid frames from ``first`` to the first one ``threshold`` (squared) from ``shown``."""
        for step in range(FRAMES_PER_SECOND):
            ahead = self.moment(first + step / FRAMES_PER_SECOND + 1e-6)
            if ahead is None:
                return step
            if ahead.mirrored != shown.mirrored or _moved(shown.pose, ahead.pose) >= threshold:
                return step
            if not ahead.moving:
                return None
        return None


def _keep(kept: dict[Key, Value], key: Key, value: Value, most: int) -> None:
    """Keep ``value``, the oldest of ``kept`` making way once it holds ``most``."""
    kept[key] = value
    if len(kept) > most:
        del kept[next(iter(kept))]
