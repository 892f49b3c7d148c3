"""The wording of the end-of-session summary, kept apart from its screen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import assert_never

from stretchtimer.session.events import SessionSummary, StepStatus
from stretchtimer.session.outcome import summary_outcome
from stretchtimer.wording import length_text, plural


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


def summary_title(summary: SessionSummary) -> str:
    return f"{summary.routine_name} — {summary_outcome(summary)}"


def summary_outcome_line(summary: SessionSummary) -> str:
    """The heading without the routine's name: ``Stopped early after 1 of 5 steps``."""
    outcome = summary_outcome(summary)
    return outcome[:1].upper() + outcome[1:]


def summary_counts(summary: SessionSummary, streak: int | None) -> list[str]:
    lines = [
        f"Completed: {summary.completed}",
        f"Partial: {summary.partial}",
        f"Skipped: {summary.skipped}",
    ]
    if summary.not_reached:
        lines.append(f"Not reached: {summary.not_reached}")
    lines.append(f"Active time: {length_text(summary.active_seconds)}")
    if streak is not None:
        days = plural(streak, "day")
        lines.append(f"Streak: {days} in a row" if streak > 1 else f"Streak: {days}")
    return lines


def summary_steps(summary: SessionSummary) -> list[str]:
    """One line per step reached: mark, name, outcome and time held."""
    if not summary.results:
        return []
    width = min(32, max(len(r.name) for r in summary.results))
    lines = []
    for result in summary.results:
        name = result.name if len(result.name) <= width else result.name[: width - 1] + "…"
        held = length_text(result.work_seconds) if result.work_seconds else ""
        mark = status_mark(result.status)
        lines.append(f"{mark} {name:<{width}}  {result.status.value:<9}  {held}".rstrip())
    return lines


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
        rated = f"  rated {ratings[n]}" if n in ratings else ""
        here = "  ◂ rate" if n == cursor else ""
        lines.append(f"{line}{rated}{here}")
    return lines


def rating_hint(keys: Mapping[str, str]) -> str:
    """Said under the steps while ratings may be given; ``keys`` maps each rating to its key."""
    choices = " · ".join(f"{key} {rating}" for rating, key in keys.items())
    return f"Rate each stretch: {choices} (↑↓ choose); the next session follows."
