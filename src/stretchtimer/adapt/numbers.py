"""Every number the adaptation uses, in one place, so a change to one is a change here."""

from __future__ import annotations

from datetime import timedelta

#: How much two ``easy`` in a row lengthen a hold (seconds) or add to the reps.
HOLD_STEP_SECONDS = 5
REP_STEP = 1
#: How many ``easy`` ratings in a row it takes to lengthen a step once.
EASY_IN_A_ROW = 2
#: Without the routine's own limits: how far from the written value a step may move.
DEFAULT_MAX_FACTOR = 1.5
DEFAULT_MIN_FACTOR = 0.5
#: The longest hold ratings reach unless the routine gives a ``max_hold``.
HOLD_CAP_SECONDS = 60
#: A second ``hurt`` within this time brings the advice to have it looked at.
HURT_WINDOW = timedelta(days=14)
