"""Text for times and counts, shared by every screen so they read alike."""

from __future__ import annotations

import math


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``), rounding up so a countdown never shows 0 early."""
    whole = max(0, math.ceil(seconds - 1e-6))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def side_text(side: str) -> str:
    return f"{side.capitalize()} side"
