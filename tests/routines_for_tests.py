"""Small routines built in code, so tests say exactly what they run."""

from __future__ import annotations

from stretchtimer.routine import Routine, Step, StepKind


def hold_step(name: str = "Neck flexion", **overrides: object) -> Step:
    values: dict[str, object] = {
        "name": name,
        "hold": 10,
        "prepare": 3,
        "rest": 5,
        "switch": 2,
        "instructions": ("Sit tall.", "Tip your chin down."),
    }
    values.update(overrides)
    return Step(**values)  # type: ignore[arg-type]


def rep_step(name: str = "Cat-cow", **overrides: object) -> Step:
    values: dict[str, object] = {
        "name": name,
        "hold": None,
        "reps": 4,
        "rep_time": 2,
        "prepare": 3,
        "rest": 5,
        "switch": 2,
        "kind": StepKind.STRETCH,
    }
    values.update(overrides)
    return Step(**values)  # type: ignore[arg-type]


def routine(*steps: Step, name: str = "Test routine") -> Routine:
    return Routine(name=name, steps=tuple(steps), caution="Stop if anything hurts.")
