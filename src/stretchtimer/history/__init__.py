"""Session history: every break recorded in a small SQLite file.

The package is imported on the way to the first frame, so this module loads
nothing itself; ``HistoryRecorder`` and the commands are fetched on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchtimer.lazy import lazy_exports

if TYPE_CHECKING:
    from stretchtimer.history.commands import (
        HistoryHealth,
        history_command,
        history_health,
        stats_command,
    )
    from stretchtimer.history.recorder import HistoryRecorder

__all__ = [
    "HistoryHealth",
    "HistoryRecorder",
    "history_command",
    "history_health",
    "stats_command",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "HistoryRecorder": "stretchtimer.history.recorder",
        "HistoryHealth": "stretchtimer.history.commands",
        "history_command": "stretchtimer.history.commands",
        "history_health": "stretchtimer.history.commands",
        "stats_command": "stretchtimer.history.commands",
    },
)
