"""The props a figure uses (chair, wall, pillow, screen, window) as lines in figure units.

Kept apart from the drawing so that fitting a figure and drawing it read the
same outlines: a prop takes room in the figure's box as it is drawn.
"""

from __future__ import annotations

import math

import msgspec

from stretchtimer.figures.model import Prop
from stretchtimer.figures.skeleton import Point

#: Usual sizes of props, in figure units.
CHAIR_DEPTH = 16.0
CHAIR_BACK = 30.0
WALL_HEIGHT = 110.0
PILLOW_WIDTH = 16.0
PILLOW_HEIGHT = 8.0
SCREEN_WIDTH = 16.0
WINDOW_WIDTH = 22.0


def mirror_prop(prop: Prop, axis: float) -> Prop:
    return msgspec.structs.replace(
        prop, at=(2 * axis - prop.at[0], prop.at[1]), facing=-prop.facing
    )


def prop_outline(prop: Prop) -> list[list[Point]]:
    """A prop as polylines in figure units. The floor is drawn across the canvas instead."""
    x, y = prop.at
    if prop.kind == "chair":
        if prop.facing == 0:
            # Seen from the front the sitter hides the back. The seat is a level top a
            # little wider than the hips, narrower than the parted knees, with its legs
            # set in under it: drawn as wide as the legs it would stand round the
            # sitter's shins like a box they stand in.
            half, leg = CHAIR_DEPTH * 0.6, CHAIR_DEPTH * 0.45
            return [
                [(x - half, y), (x + half, y)],
                [(x - leg, y), (x - leg, 0.0)],
                [(x + leg, y), (x + leg, 0.0)],
            ]
        back = x - CHAIR_DEPTH * prop.facing
        return [
            [(x, 0.0), (x, y), (back, y), (back, 0.0)],
            [(back, y), (back - 2.0 * prop.facing, y + CHAIR_BACK)],
        ]
    if prop.kind == "wall":
        return [[(x, 0.0), (x, y + (prop.size or WALL_HEIGHT))]]
    if prop.kind == "screen":
        half = (prop.size or SCREEN_WIDTH) / 2
        top = y + half * 1.3
        return [
            [(x - half, y), (x + half, y), (x + half, top), (x - half, top), (x - half, y)],
            [(x, y), (x, 0.0)],
            [(x - half * 0.6, 0.0), (x + half * 0.6, 0.0)],
        ]
    if prop.kind == "window":
        half = (prop.size or WINDOW_WIDTH) / 2
        tall = half * 1.3
        low, high = y - tall, y + tall
        return [
            [(x - half, low), (x + half, low), (x + half, high), (x - half, high), (x - half, low)],
            [(x, low), (x, high)],
            [(x - half, y), (x + half, y)],
        ]
    if prop.kind == "pillow":
        half_w = (prop.size or PILLOW_WIDTH) / 2
        half_h = PILLOW_HEIGHT / 2
        return [
            [
                (x + half_w * math.cos(a), y + half_h * math.sin(a))
                for a in (2 * math.pi * i / 16 for i in range(17))
            ]
        ]
    return []
