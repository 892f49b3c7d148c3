"""The command's entry point: start-up runs without the garbage collector.

Starting a session creates some 60,000 objects that live as long as the
process (modules, classes, Textual's styles and widgets) and next to no
garbage, yet Python's collector, triggered by the count of new objects, walks
them again and again meanwhile: about 50 M instructions before the first
frame, 4% of the start-up, counted under callgrind. So the collector is off
from here until something is about to run for long (the app, a plain
session: ``resume_collection``), and what exists by then is frozen out of its
later walks. A short command (``list``, ``show``, ``validate``) ends before
that and never needs it.
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    try:
        from stretchtimer.cli import main as command_line

        return command_line()
    finally:
        gc.enable()


def resume_collection() -> None:
    """Freeze what start-up made (it lives as long as the process) and collect from here on."""
    gc.freeze()
    gc.enable()
