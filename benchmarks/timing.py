"""Small timing helpers shared by the benchmarks.

Every figure the report gives is a median over repeated runs: on a shared,
noisy machine the median shrugs off the odd run that lost its core, where a
mean would not.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence


def median(values: Sequence[float]) -> float:
    """The median, or NaN for no values (a failed measurement shows as such)."""
    return statistics.median(values) if values else float("nan")


def time_calls(call: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls, each timed on its own.

    The garbage collector runs before each call, so the previous call's
    garbage is not billed to the next one; it stays on during the call, since
    the collections a call triggers are part of what it costs in the app.
    """
    durations: list[float] = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        call()
        durations.append(time.perf_counter() - start)
    return durations


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, NaN when the denominator is not positive."""
    return numerator / denominator if denominator > 0 else float("nan")
