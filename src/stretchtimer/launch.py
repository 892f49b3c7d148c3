"""The command's entry point: start-up runs without the garbage collector.

Why, and when it comes back: ``gc_policy``.
"""

from __future__ import annotations

from stretchtimer.gc_policy import end_of_command, pause_collection


def main() -> int:
    pause_collection()
    try:
        from stretchtimer.cli import main as command_line

        return command_line()
    finally:
        end_of_command()
