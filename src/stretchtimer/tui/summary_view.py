"""The wording of the end-of-session summary, kept apart from its screen."""

from __future__ import annotations

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
