"""Packages whose names load their modules only when first used.

``stretchtimer.audio`` and ``stretchtimer.history`` are imported on the way to
a session's first frame, but most of what they offer (probing sound devices,
the history commands) is needed later or never.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``homes[name]`` when ``name`` is asked for."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(home), name)

    return __getattr__
