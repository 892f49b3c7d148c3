"""One table at the end of the report: the goals against the minimal floor, with verdicts.

Each row comes from the part that measured it in this run (a part left out
leaves its rows out): the steady CPU over the goals' window (``bench_goals``),
the reminder's steady CPU (``bench_remind``), first frames in launch rounds
(``bench_start``), peak memory and the end of a 12-second hold against its plan
(``bench_app``), and the reminder's memory while it prompts
(``bench_remind_memory``). With ``--before DIR`` a column gives the other
checkout's figure from the same run, for a before and after.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import report

SESSION_TO_MINIMAL = 1.5
SESSION_TO_TERMDOWN = 0.2
MOVING_TO_TERMDOWN = 0.5
REMINDER_TO_MINIMAL = 0.5
FIRST_FRAME_TO_MINIMAL = 1.3
PEAK_RSS_TO_MINIMAL = 1.3
#: How far from its plan a 12-second hold may end.
END_VS_PLAN_SECONDS = 0.35
REMINDER_GROWTH_KIB = 256


@dataclass(frozen=True)
class Row:
    goal: str
    target: str
    value: str
    before: str | None
    passed: bool

    def check(self) -> report.Check:
        return report.Check(self.goal, self.value, self.target, self.passed)


def _times(value: float | None) -> str:
    return "not measured" if value is None or math.isnan(value) else f"{value:.2f}x"


def _get(found: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(found, dict):
            return None
        found = found.get(key)
    return found


def _number(found: object) -> float | None:
    return found if isinstance(found, int | float) and not math.isnan(found) else None


def _ratio_row(
    goal: str, target: float, value: object, before: object, with_before: bool, spread: str = ""
) -> Row:
    """A ratio's row; ``before`` is the other checkout's figure, shown when there is one."""
    mine = _number(value)
    return Row(
        goal,
        f"≤ {target}x",
        _times(mine) + (f" ({spread})" if spread and mine is not None else ""),
        _times(_number(before)) if with_before else None,
        mine is not None and mine <= target,
    )


def _goal_rows(goals: object) -> list[Row]:
    rows = []
    for name, goal, target in (
        ("session / minimal floor", "session on a long hold / minimal floor", SESSION_TO_MINIMAL),
        ("session / termdown", "session on a long hold / termdown", SESSION_TO_TERMDOWN),
        ("moving figure / termdown", "moving figure (cat-cow reps) / termdown", MOVING_TO_TERMDOWN),
    ):
        found = _get(goals, "ratios", name)
        before = _get(goals, "ratios", name + "-before", "median")
        low, high = _number(_get(found, "low")), _number(_get(found, "high"))
        spread = f"rounds {low:.2f}-{high:.2f}x" if low is not None and high is not None else ""
        median = _get(found, "median")
        rows.append(_ratio_row(goal, target, median, before, _has_before(goals), spread))
    return rows


def _has_before(goals: object) -> bool:
    ratios = _get(goals, "ratios")
    return isinstance(ratios, dict) and any(key.endswith("-before") for key in ratios)


def _remind_row(remind: object) -> Row:
    runs = {run["name"]: run for run in _get(remind, "real") or [] if isinstance(run, dict)}
    minimal = _number(_get(runs, "minimal", "cpu_per_second"))

    def to_minimal(name: str) -> float | None:
        cpu = _number(_get(runs, name, "cpu_per_second"))
        return None if cpu is None or not minimal else cpu / minimal

    return _ratio_row(
        "reminder, steady / minimal floor",
        REMINDER_TO_MINIMAL,
        to_minimal("remind"),
        to_minimal("remind-before"),
        "remind-before" in runs,
    )


def _start_row(start: object) -> Row:
    pairs = _get(start, "pairs")
    quartiles = _get(start, "minimal_ratio_quartiles")
    spread = ""
    if isinstance(quartiles, list) and len(quartiles) == 2:
        spread = f"quartiles {quartiles[0]:.2f}-{quartiles[1]:.2f}x"
    runs = _get(start, "runs")
    return _ratio_row(
        f"first frame / minimal floor, median of {pairs} launch rounds",
        FIRST_FRAME_TO_MINIMAL,
        _get(start, "minimal_ratio_median"),
        _get(start, "before_minimal_ratio_median"),
        isinstance(runs, dict) and "before" in runs,
        spread,
    )


def _app_rows(app: object) -> list[Row]:
    summary = _get(app, "summary")
    has_before = isinstance(summary, dict) and "before_end_vs_plan_worst_s" in summary
    rss = _ratio_row(
        "peak RSS / minimal floor",
        PEAK_RSS_TO_MINIMAL,
        _get(summary, "ratios_stretchtimer_to_minimal", "peak_rss_mib"),
        _get(summary, "before_peak_rss_to_minimal"),
        has_before,
    )
    end = _number(_get(summary, "end_vs_plan_worst_s"))
    before_end = _number(_get(summary, "before_end_vs_plan_worst_s"))
    return [
        rss,
        Row(
            "a 12 s hold's end against plan, worst run",
            f"≤ {END_VS_PLAN_SECONDS} s",
            "not measured" if end is None else f"{end:.3f} s",
            (f"{before_end:.3f} s" if before_end is not None else "not measured")
            if has_before
            else None,
            end is not None and end <= END_VS_PLAN_SECONDS,
        ),
    ]


def _memory_row(memory: object, before: object) -> Row:
    def growth_of(run: object) -> float | None:
        return None if _get(run, "error") else _number(_get(run, "growth_kib"))

    growth, other = growth_of(memory), growth_of(before)
    seconds = _number(_get(memory, "seconds"))
    span = f"{seconds / 60:.0f}" if seconds else "8"
    return Row(
        f"reminder RSS from 1.5 to {span} min, prompting every 2 min",
        f"≤ {REMINDER_GROWTH_KIB} KiB",
        "not measured" if growth is None else f"{growth:+.0f} KiB",
        None if before is None else ("not measured" if other is None else f"{other:+.0f} KiB"),
        growth is not None and growth <= REMINDER_GROWTH_KIB,
    )


def rows(record: dict[str, object]) -> list[Row]:
    """The table's rows, in the order the goals are listed, for the parts that ran."""
    found: list[Row] = []
    if "goals" in record:
        found += _goal_rows(record["goals"])
    if "remind" in record:
        found.append(_remind_row(record["remind"]))
    if "start" in record:
        found.append(_start_row(record["start"]))
    if "app" in record:
        found += _app_rows(record["app"])
    if "remind_memory" in record:
        found.append(_memory_row(record["remind_memory"], record.get("remind_memory_before")))
    return found


def lines(found: list[Row]) -> list[str]:
    if not found:
        return ["  (no part that measures a goal ran)"]
    with_before = any(row.before is not None for row in found)
    width = max(len(row.goal) for row in found) + 2
    head = f"  {'goal':{width}}{'this run':>32}"
    if with_before:
        head += f"{'before':>16}"
    out = [head + f"{'target':>14}  verdict"]
    for row in found:
        line = f"  {row.goal:{width}}{row.value:>32}"
        if with_before:
            line += f"{row.before or '':>16}"
        out.append(line + f"{row.target:>14}  {'pass' if row.passed else 'FAIL'}")
    return out
