"""Reminder breaks in the history file and in ``stats`` / ``stats --json``."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

from stretchtimer.history.commands import stats_command
from stretchtimer.history.recorder import HistoryRecorder
from stretchtimer.history.records import BreakKind, BreakRecord, Outcome

MONDAY = datetime(2025, 3, 17, 9, 0, tzinfo=UTC)
TODAY = date(2025, 3, 19)  # a Wednesday


def _break(day: int, hour: int, outcome: Outcome, fell_due: bool = True) -> BreakRecord:
    at = MONDAY.replace(day=day, hour=hour)
    return BreakRecord(at, BreakKind.LONG, "desk-break", outcome, fell_due)


def _stats_json(db_path: Path) -> dict[str, object]:
    out = io.StringIO()
    assert stats_command(as_json=True, db_path=db_path, out=out, today=TODAY, tz=UTC) == 0
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def test_every_break_that_fell_due_is_kept_and_counted(db_path: Path) -> None:
    recorder = HistoryRecorder(db_path, tz=UTC)
    for record in (
        _break(14, 10, Outcome.TAKEN),  # last week: not in this week's figures
        _break(17, 10, Outcome.TAKEN),
        _break(17, 11, Outcome.SKIPPED),
        _break(19, 9, Outcome.POSTPONED),
        _break(19, 9, Outcome.POSTPONED),
        _break(19, 10, Outcome.TAKEN),  # the same break, taken after two postponements
        _break(19, 12, Outcome.NATURAL, fell_due=False),  # lunch, before any prompt
        _break(19, 15, Outcome.NATURAL),  # walked away from the prompt
    ):
        recorder.record_break(record)
    assert recorder.take_messages() == []
    kept = recorder.breaks_since(MONDAY)
    assert len(kept) == 7 and kept[0].outcome is Outcome.TAKEN and kept[0].routine == "desk-break"
    recorder.close()

    breaks = _stats_json(db_path)["breaks"]
    assert breaks["today"] == {"due": 2, "taken": 1, "postponed": 2, "skipped": 0, "natural": 2}
    assert breaks["week"] == {"due": 4, "taken": 2, "postponed": 2, "skipped": 1, "natural": 2}
    assert [(d["day"], d["taken"], d["due"]) for d in breaks["days"]] == [
        ("2025-03-17", 1, 2),
        ("2025-03-18", 0, 0),
        ("2025-03-19", 1, 2),
    ]

    out = io.StringIO()
    stats_command(db_path=db_path, out=out, today=TODAY, tz=UTC)
    text = out.getvalue()
    assert "1 taken of 2 due; 2 postponed, 0 skipped, 2 natural" in text
    assert "2 taken of 4 due; 2 postponed, 1 skipped, 2 natural" in text
    monday = next(line for line in text.splitlines() if line.strip().startswith("Mon 17 Mar"))
    assert monday.split()[3:] == ["1", "of", "2", "0", "1", "0"]


def test_a_break_taken_without_stretching_earns_no_streak_day(db_path: Path) -> None:
    # A break is taken when its routine starts; the streak, in stats as on the summary,
    # counts only days on which some stretching happened.
    recorder = HistoryRecorder(db_path, tz=UTC)
    for day in (17, 18, 19):
        recorder.record_break(_break(day, 10, Outcome.TAKEN))
    recorder.close()
    data = _stats_json(db_path)
    assert (data["current_streak"], data["longest_streak"]) == (0, 0)
    assert data["breaks"]["week"]["taken"] == 3  # still counted as breaks taken


def test_stats_json_with_no_history_has_zero_breaks(db_path: Path) -> None:
    data = _stats_json(db_path)
    zero = {"due": 0, "taken": 0, "postponed": 0, "skipped": 0, "natural": 0}
    assert data["breaks"]["today"] == zero and data["breaks"]["week"] == zero
    assert all(isinstance(v, int) for v in zero.values())


def test_a_break_routine_read_back_has_no_control_codes(db_path: Path) -> None:
    recorder = HistoryRecorder(db_path, tz=UTC)
    at = MONDAY.replace(day=19)
    hostile = "desk\x1b]0;owned\x07-break\x9b2J"
    recorder.record_break(BreakRecord(at, BreakKind.LONG, hostile, Outcome.TAKEN, True))
    (kept,) = recorder.breaks_since(MONDAY)
    recorder.close()
    assert kept.routine.startswith("desk") and kept.routine.endswith("J")
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in kept.routine)


def test_each_kind_of_break_has_the_name_the_person_reads() -> None:
    assert [kind.label for kind in BreakKind] == ["break", "micro break"]
