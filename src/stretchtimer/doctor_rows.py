"""What ``stretchtimer doctor`` found, as data: a row per check.

The checks live beside what they check (sound players, idle sources,
notifications, the history file) and return rows; the command prints every
row one way and counts the problems, so nobody reads a check's printed text
back to learn what it found.
"""

from __future__ import annotations

import msgspec


class DoctorRow(msgspec.Struct, frozen=True):
    """One check: what was found, whether it is a problem, and the lines that explain it."""

    label: str
    text: str
    problem: bool = False
    #: Lines under the row, such as why each sound player before the chosen one was passed over.
    details: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """The row as sentences: ``Sound output: aplay (...)``, then each detail indented.

        The label is written as ``doctor``'s column shows it (``sound output``); a
        sentence starts it with a capital."""
        label = self.label[:1].upper() + self.label[1:]
        return [f"{label}: {self.text}", *(f"  {detail}" for detail in self.details)]
