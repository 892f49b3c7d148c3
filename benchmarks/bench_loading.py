"""Loading a large routine: the checked loader against plain YAML parsing.

A 1,000-step routine is far beyond any real one, so it bounds what a person
can ever wait for between choosing a routine and its first screen. The
baselines, measured in the same run, are ``yaml.safe_load`` (what a loader
without positions or checks would call) and the same safe load done by
libyaml's C code (``CSafeLoader``), about the fastest a YAML file becomes
Python objects here.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from timing import median, ratio, time_calls

from stretchtimer.loader import load_routine

STEP_COUNT = 1000
REPEAT = 7
SAFE_LOAD_REPEAT = 3
#: The target for loading and checking a 1,000-step file.
TARGET_SECONDS = 0.200

_NAMES = (
    "Neck flexion",
    "Upper trapezius stretch",
    "Chest opener",
    "Seated twist",
    "Wrist circles",
)
_TARGETS = ("[upper trapezius, back of the neck]", "[chest, front of the shoulders]", "[forearms]")


@dataclass(frozen=True)
class LoadingResult:
    steps: int
    file_bytes: int
    load_routine_seconds: float
    safe_load_seconds: float
    c_safe_load_seconds: float

    @property
    def passed(self) -> bool:
        return self.load_routine_seconds <= TARGET_SECONDS

    @property
    def vs_safe_load(self) -> float:
        return ratio(self.load_routine_seconds, self.safe_load_seconds)

    @property
    def vs_c_safe_load(self) -> float:
        return ratio(self.load_routine_seconds, self.c_safe_load_seconds)


def step_yaml(index: int) -> str:
    """One step as a person would write it: every kind of key, three instructions."""
    name = f"{_NAMES[index % len(_NAMES)]} {index + 1}"
    if index % 4 == 3:
        work = "    kind: warmup\n    reps: 10\n    rep_time: 2s\n"
    else:
        work = f"    hold: {20 + index % 4 * 5}s\n    sets: {1 + index % 2}\n"
    sides = "    sides: both\n" if index % 3 == 1 else ""
    return (
        f"  - name: {name}\n"
        f"{work}{sides}"
        "    instructions:\n"
        "      - Sit tall with your feet flat and your shoulders loose.\n"
        "      - Move slowly into the stretch until you feel a gentle pull.\n"
        "      - Breathe out and let the muscle lengthen a little more.\n"
        f"    targets: {_TARGETS[index % len(_TARGETS)]}\n"
        "    tip: Keep breathing; never bounce.\n"
    )


def routine_yaml(step_count: int) -> str:
    head = (
        f"version: 1\nname: {step_count} steps\n"
        "description: A very long routine, for timing the loader.\n"
        "defaults:\n  prepare: 5s\n  rest: 10s\n  switch: 3s\n  rep_time: 3s\n"
        "steps:\n"
    )
    return head + "".join(step_yaml(i) for i in range(step_count))


def run(step_count: int = STEP_COUNT, repeat: int = REPEAT) -> LoadingResult:
    with tempfile.TemporaryDirectory(prefix="stretchtimer-bench-") as folder:
        path = Path(folder) / "long.yaml"
        path.write_text(routine_yaml(step_count), encoding="utf-8")
        routine = load_routine(path)
        assert len(routine.steps) == step_count
        loaded = median(time_calls(lambda: load_routine(path), repeat))
        safe = median(
            time_calls(lambda: yaml.safe_load(path.read_text(encoding="utf-8")), SAFE_LOAD_REPEAT)
        )
        c_safe = median(
            time_calls(
                lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader),
                repeat,
            )
        )
        return LoadingResult(
            steps=step_count,
            file_bytes=path.stat().st_size,
            load_routine_seconds=loaded,
            safe_load_seconds=safe,
            c_safe_load_seconds=c_safe,
        )
