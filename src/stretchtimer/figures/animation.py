"""What a step's figure shows at a moment of a session, and whether it is moving.

The inputs are where the engine is (the phase kind and side, seconds into the
phase and its length, the rep time), never how many frames have been drawn, so
a pause, a skip, a step back or ten extra seconds land on the right pose.
Moving figures are sampled on a grid of ``FRAMES_PER_SECOND`` from the phase's
start: the same moment always gives the same frame, and a screen never needs
more frames than that.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import msgspec

from stretchtimer.figures.model import Around, Figure, Mark
from stretchtimer.figures.motion import (
    blend,
    ease,
    getting_ready,
    rep_heading,
    repping,
    reps_per_cycle,
)
from stretchtimer.figures.skeleton import Point

#: The most frames a moving figure needs in a second; a still one needs none.
FRAMES_PER_SECOND = 8
#: How long a figure takes to relax back to its neutral pose when a rest begins.
RELAX_SECONDS = 1.5
#: The person's side a figure shows as drawn; the other side is its mirror image.
#: A figure faces the person like a mirror: joint names are the figure's own, so a
#: front view's ``left_`` limbs are on the screen's right, where the person sees
#: their right in a mirror. The library works the ``left_`` limbs, so as drawn a
#: figure shows the person's right side, and a left-side step is drawn mirrored:
#: the limb that moves is on the screen's left, as the person's left is in a mirror.
DRAWN_SIDE = "right"


class Moment(msgspec.Struct, frozen=True):
    pose: Mapping[str, Point]
    mirrored: bool
    #: True while the pose changes with time (a screen should keep drawing frames).
    moving: bool
    #: The frame on the grid this pose was sampled at; equal keys mean equal drawings.
    frame: int
    #: The arrows drawn with the pose: the figure's own and those of the keyframe it
    #: is in or moving into (None: the figure's own alone).
    marks: tuple[Mark, ...] | None = None
    #: The arrow round the body of the keyframe it is in or moving into.
    around: Around | None = None


def frame_of(elapsed: float) -> int:
    return math.floor(max(0.0, elapsed) * FRAMES_PER_SECOND + 1e-9)


def seconds_to_next_frame(elapsed: float) -> float:
    """From ``elapsed`` to the next frame on the grid."""
    return (frame_of(elapsed) + 1) / FRAMES_PER_SECOND - max(0.0, elapsed)


def frames_per_cycle(figure: Figure, *, kind: str, rep_time: float | None) -> int | None:
    """After how many frames a phase's moments repeat; None when they do not.

    Reps pass through the same keyframes rep after rep (a sweep every two reps),
    and a moment depends on the rep only through that path: when a rep lasts a
    whole number of frames, frame ``f + cycle`` shows what frame ``f`` showed.
    """
    if kind != "work" or not rep_time:
        return None
    frames = float(rep_time * FRAMES_PER_SECOND)
    if not frames.is_integer():
        return None
    return int(frames) * reps_per_cycle(figure)


def mirrored_for(side: str | None) -> bool:
    """Whether a step on the person's ``side`` shows the figure's mirror image."""
    return side is not None and side != DRAWN_SIDE


_mirrored = mirrored_for


def _other(side: str | None) -> str | None:
    if side is None:
        return None
    return "left" if side == "right" else "right"


def moment(
    figure: Figure,
    *,
    kind: str,
    side: str | None,
    elapsed: float,
    length: float,
    rep_time: float | None = None,
    running: bool = True,
) -> Moment:
    """The pose for ``elapsed`` seconds into a phase of ``kind`` (prepare, work, switch, rest).

    - prepare: from the neutral pose into the pose the work starts in;
    - work: a hold stays still in its pose; reps go once through the keyframes per rep;
    - switch (``side`` is the side coming next): back to neutral on the old side,
      then mirrored and into the pose on the new side;
    - rest: back to neutral in ``RELAX_SECONDS``, then still.
    A phase that is not running (paused) shows the same pose, still.
    """
    frame = frame_of(elapsed)
    at = frame / FRAMES_PER_SECOND if elapsed > 0 else 0.0
    length = max(length, 1e-9)
    mirrored = _mirrored(side)
    pose: Mapping[str, Point]
    heading, backwards = figure.keyframes[-1], False
    if kind == "prepare":
        pose, moving = getting_ready(figure, at / length), at < length
    elif kind == "work" and rep_time:
        rep, into = divmod(at, rep_time)
        pose, moving = repping(figure, int(rep), into / rep_time), True
        heading, backwards = rep_heading(figure, int(rep), into / rep_time)
    elif kind == "work":
        pose, moving = figure.target, False
    elif kind == "switch":
        half = length / 2
        if at < half:
            mirrored = _mirrored(_other(side))
            pose = blend(figure.target, figure.neutral, ease(at / half))
            heading = figure.keyframes[0]
        else:
            pose = blend(figure.neutral, figure.target, ease((at - half) / half))
        moving = at < length
    else:
        relax = min(RELAX_SECONDS, length)
        pose, moving = blend(figure.target, figure.neutral, ease(at / relax)), at < relax
        heading = figure.keyframes[0]
    if not moving:
        frame = -1  # every still frame of a phase is the same drawing
    return Moment(
        pose=pose,
        mirrored=mirrored,
        moving=moving and running,
        frame=frame,
        marks=figure.marks_of(heading, backwards=backwards),
        around=figure.around_of(heading, backwards=backwards),
    )
