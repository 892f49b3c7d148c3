"""Where the picker's list comes from unless a caller hands it one."""

from __future__ import annotations

from stretchtimer.catalog import RoutineEntry, discover


def discover_entries() -> list[RoutineEntry]:
    """Bundled and user routines, as the catalog finds them (never raises for a bad file)."""
    return discover()


__all__ = ["RoutineEntry", "discover_entries"]
