"""The wording of the end-of-session summary, kept apart from its screen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import assert_never

from stretchtimer.adapt.policy import Rating
from stretchtimer.fitting import cells
from stretchtimer.i18n import _, ngettext
from stretchtimer.session.events import SessionSummary, StepStatus
from stretchtimer.session.outcome import summary_outcome
from stretchtimer.wording import length_text


def status_mark(status: StepStatus) -> str:
    match status:
        case StepStatus.COMPLETED:
            return "✓"
        case StepStatus.PARTIAL:
            return "◐"
        case StepStatus.SKIPPED:
            return "·"
        case _:
            assert_never(status)


def status_word(status: StepStatus) -> str:
    """How a step ended, as its row in the summary says it."""
    match status:
        case StepStatus.COMPLETED:
            # Translators: how a step ended, in the summary's list of steps.
            return _("completed")
        case StepStatus.PARTIAL:
            return _("partial")
        case StepStatus.SKIPPED:
            return _("skipped")
        case _:
            assert_never(status)


def rating_word(rating: Rating) -> str:
    """A rating as the summary says it beside a step and in its hint."""
    match rating:
        case Rating.EASY:
            # Translators: a stretch's rating: it was too easy.
            return _("easy")
        case Rating.RIGHT:
            # Translators: a stretch's rating: neither too easy nor too hard.
            return _("right")
        case Rating.HARD:
            return _("hard")
        case Rating.HURT:
            # Translators: a stretch's rating: it hurt.
            return _("hurt")
        case _:
            assert_never(rating)


def summary_title(summary: SessionSummary) -> str:
    # Translators: the summary's heading, as in "Desk break — all 5 steps done".
    return _("{routine} — {outcome}").format(
        routine=summary.routine_name, outcome=summary_outcome(summary)
    )


def summary_outcome_line(summary: SessionSummary) -> str:
    """The heading without the routine's name: ``Stopped early after 1 of 5 steps``."""
    outcome = summary_outcome(summary)
    return outcome[:1].upper() + outcome[1:]


def summary_counts(summary: SessionSummary, streak: int | None) -> list[str]:
    lines = [
        _("Completed: {n}").format(n=summary.completed),
        _("Partial: {n}").format(n=summary.partial),
        _("Skipped: {n}").format(n=summary.skipped),
    ]
    if summary.not_reached:
        lines.append(_("Not reached: {n}").format(n=summary.not_reached))
    lines.append(_("Active time: {time}").format(time=length_text(summary.active_seconds)))
    if streak is not None and streak > 1:
        lines.append(
            ngettext("Streak: {n} day in a row", "Streak: {n} days in a row", streak).format(
                n=streak
            )
        )
    elif streak is not None:
        lines.append(ngettext("Streak: {n} day", "Streak: {n} days", streak).format(n=streak))
    return lines


def summary_steps(summary: SessionSummary) -> list[str]:
    """One line per step reached: mark, name, outcome and time held."""
    if not summary.results:
        return []
    width = min(32, max(cells(r.name) for r in summary.results))
    words = {status: status_word(status) for status in StepStatus}
    word_width = max(cells(word) for word in words.values())
    lines = []
    for result in summary.results:
        name = _padded(_shortened(result.name, width), width)
        held = length_text(result.work_seconds) if result.work_seconds else ""
        mark = status_mark(result.status)
        word = _padded(words[result.status], word_width)
        lines.append(f"{mark} {name}  {word}  {held}".rstrip())
    return lines


def _shortened(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in ``…`` when cut."""
    if cells(text) <= width:
        return text
    while text and cells(text) > width - 1:
        text = text[:-1]
    return text + "…"


def _padded(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def rateable(summary: SessionSummary) -> list[int]:
    """The places in ``summary.results`` of the steps that can be rated: every step reached.

    A skipped step too: the caution asks the person to skip a step that hurts, and
    a rating says how the step itself goes (one skipped as too easy may say so).
    """
    return list(range(len(summary.results)))


def rated_steps(
    summary: SessionSummary, ratings: Mapping[int, str], cursor: int | None
) -> list[str]:
    """``summary_steps`` with each rating beside its step and the highlighted one marked."""
    lines = []
    for n, line in enumerate(summary_steps(summary)):
        rated = (
            "  " + _("rated {rating}").format(rating=rating_word(Rating(ratings[n])))
            if n in ratings
            else ""
        )
        # Translators: beside the stretch the rating keys rate now.
        here = "  " + _("◂ rate") if n == cursor else ""
        lines.append(f"{line}{rated}{here}")
    return lines


def rating_hint(keys: Mapping[str, str]) -> str:
    """Said under the steps while ratings may be given; ``keys`` maps each rating to its key."""
    choices = " · ".join(f"{key} {rating_word(Rating(rating))}" for rating, key in keys.items())
    return _("Rate each stretch: {choices} (↑↓ choose); the next session follows.").format(
        choices=choices
    )
