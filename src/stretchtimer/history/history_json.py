"""What ``stretchtimer history --json`` prints: each session with its steps.

Scripts read this, so its fields are a contract. Times are UTC in ISO 8601
with an explicit offset (``2025-03-12T09:00:00+00:00``), as stored.
"""

from __future__ import annotations

import msgspec

from stretchtimer.history.records import SessionRecord, SessionStatus, StepRecord, to_utc_text


class StepJson(msgspec.Struct, frozen=True):
    index: int
    name: str
    status: str
    planned_seconds: int
    actual_seconds: float
    parts_done: tuple[str, ...]
    parts_total: int
    finished_at: str
    #: How the plan differed from the routine as written (ratings changed it), or null.
    adapted: str | None = None


class SessionJson(msgspec.Struct, frozen=True):
    id: int
    routine: str
    routine_file: str | None
    started_at: str
    ended_at: str | None
    status: SessionStatus
    start_step: int
    step_count: int
    completed: int
    skipped: int
    partial: int
    active_seconds: float
    resumed_from: int | None
    steps: tuple[StepJson, ...]


def _step_json(step: StepRecord) -> StepJson:
    return StepJson(
        index=step.index,
        name=step.name,
        status=step.status,
        planned_seconds=step.planned_seconds,
        actual_seconds=step.actual_seconds,
        parts_done=step.parts_done,
        parts_total=step.parts_total,
        finished_at=to_utc_text(step.finished_at),
        adapted=step.adapted,
    )


def session_json(record: SessionRecord) -> SessionJson:
    return SessionJson(
        id=record.id,
        routine=record.routine,
        routine_file=record.routine_file,
        started_at=to_utc_text(record.started_at),
        ended_at=to_utc_text(record.ended_at) if record.ended_at else None,
        status=record.status,
        start_step=record.start_step,
        step_count=record.step_count,
        completed=record.completed,
        skipped=record.skipped,
        partial=record.partial,
        active_seconds=record.active_seconds,
        resumed_from=record.resumed_from,
        steps=tuple(_step_json(step) for step in record.steps),
    )
