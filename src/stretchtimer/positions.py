"""Where in a file a problem is, and how many problems a file lists.

Apart from the YAML reader (``yamlsafe``), so that code which only says problems
or holds them (a routine's errors, the catalog's broken entries) imports no YAML
parser: a start of a bundled routine reads no YAML at all.
"""

from __future__ import annotations

import msgspec

from stretchtimer.i18n import ngettext


class Position(msgspec.Struct, frozen=True, order=True):
    """1-based line and column."""

    line: int
    column: int


#: Problems listed per file; a file with more (10,000 unknown keys, say) ends in "and N more".
MAX_PROBLEMS_SHOWN = 20


def capped(lines: list[str], source: str) -> list[str]:
    """The first ``MAX_PROBLEMS_SHOWN`` problem lines of one file, then how many more there are.

    Every problem is still found and kept; only the listing stops, so one
    broken figure cannot fill a terminal with thousands of lines.
    """
    more = len(lines) - MAX_PROBLEMS_SHOWN
    if more <= 0:
        return lines
    and_more = ngettext(
        "{source}: and {n} more problem", "{source}: and {n} more problems", more
    ).format(source=source, n=more)
    return [*lines[:MAX_PROBLEMS_SHOWN], and_more]
