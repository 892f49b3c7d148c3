"""How a session ended, in words that never claim more than happened.

"All done" is said only when every step of the session was completed; a
session that reached its end with steps skipped or partly done says which,
and one that was stopped says where. The summary screen, plain narration and
``history`` all take their words from here, from the same counts, so they
cannot disagree.
"""

from __future__ import annotations

import msgspec

from stretchtimer.i18n import _, ngettext
from stretchtimer.session.events import SessionSummary


class StepCounts(msgspec.Struct, frozen=True):
    """How the steps of one session went; ``not_reached`` were never entered."""

    completed: int
    partial: int
    skipped: int
    not_reached: int = 0
    #: Left out by the ratings before the session began.
    left_out: int = 0

    @classmethod
    def of(cls, summary: SessionSummary) -> StepCounts:
        return cls(
            summary.completed,
            summary.partial,
            summary.skipped,
            summary.not_reached,
            summary.left_out,
        )

    @property
    def reached(self) -> int:
        return self.completed + self.partial + self.skipped

    @property
    def total(self) -> int:
        return self.reached + self.not_reached

    @property
    def all_completed(self) -> bool:
        """Every step of the session completed: the only case that is "all done"."""
        return self.completed > 0 and self.completed == self.total and not self.left_out


def all_done(summary: SessionSummary) -> bool:
    """Whether the session may be called done (and recorded as ``completed``)."""
    return not summary.quit and StepCounts.of(summary).all_completed


def counts_text(counts: StepCounts) -> str:
    """``3 done, 1 partly done, 1 skipped``: done always, the others when there are any."""
    # Each count has its own ngettext: a language may inflect the word by the number.
    n = counts.completed
    parts = [ngettext("{n} done", "{n} done", n).format(n=n)]
    if n := counts.partial:
        parts.append(ngettext("{n} partly done", "{n} partly done", n).format(n=n))
    if n := counts.skipped:
        parts.append(ngettext("{n} skipped", "{n} skipped", n).format(n=n))
    if n := counts.not_reached:
        parts.append(ngettext("{n} not reached", "{n} not reached", n).format(n=n))
    if n := counts.left_out:
        parts.append(ngettext("{n} left out", "{n} left out", n).format(n=n))
    return ", ".join(parts)


def outcome_text(counts: StepCounts, *, quit: bool) -> str:
    """The heading's words: ``all done``, ``3 done, 2 skipped``, ``stopped early after 2 of 5``."""
    if quit:
        return ngettext(
            "stopped early after {reached} of {n} step",
            "stopped early after {reached} of {n} steps",
            counts.total,
        ).format(reached=counts.reached, n=counts.total)
    if counts.all_completed:
        return _("all done")
    return counts_text(counts)


def summary_outcome(summary: SessionSummary) -> str:
    return outcome_text(StepCounts.of(summary), quit=summary.quit)
