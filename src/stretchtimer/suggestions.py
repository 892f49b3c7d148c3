"""The "did you mean" hint every misspelt name gets, whatever kind of name it is."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from stretchtimer.i18n import _


def suggest(word: str, choices: Sequence[str]) -> str:
    """' (did you mean 'x'?)' for a near miss, or nothing."""
    match = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return _(" (did you mean '{name}'?)").format(name=match[0]) if match else ""
