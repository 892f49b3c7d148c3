"""When the garbage collector runs: not during start-up, and never over what start-up made.

Starting a session creates some 60,000 objects that live as long as the
process (modules, classes, Textual's styles and widgets) and next to no
garbage, yet Python's collector, triggered by the count of new objects, walks
them again and again meanwhile: about 50 M instructions before the first
frame, 4% of the start-up, counted under callgrind. So the collector is off
from the entry point (``launch.py``) until something is about to run for long
(the app, a plain session: ``resume_collection``), and what exists by then is
frozen out of its later walks. A short command (``list``, ``show``,
``validate``) ends before that and never needs it.

The entry point, the command line and the app all use this module, which
imports nothing of the project, so none of them has to import another.
"""

from __future__ import annotations

import gc


def pause_collection() -> None:
    """No collections from here until ``resume_collection`` (or ``end_of_command``)."""
    gc.disable()


def resume_collection() -> None:
    """Freeze what start-up made (it lives as long as the process) and collect from here on."""
    gc.freeze()
    gc.enable()


def collect_now() -> None:
    """Free at once the cycles a burst of work left (a screen changing its state).

    An all-day screen makes its garbage in bursts, and Textual's is mostly
    cycles (a strip that caches itself, style nodes that point at their
    parent), which wait for a full collection; until then newer objects are
    placed around them, and the allocator keeps the pages once they are freed.
    Collected right after the burst, the same memory is used again next time.
    """
    gc.collect()


def end_of_command() -> None:
    """A command is over: the collector is on again, whether or not anything resumed it."""
    gc.enable()
