"""Turning the measurements into the report's figures, checks and text.

Each part gives a dict for the JSON file and lines for the terminal; the
targets are kept here in one place.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from app_run import RunResult
from bench_app import FLOOR, FLOOR_60HZ, MINIMAL, STRETCHTIMER
from bench_drift import DriftResult
from bench_engine import EngineResult
from bench_instructions import InstructionRun
from bench_loading import LoadingResult
from timing import median, ratio

CPU_RATIO_TARGET = 1.3
FIRST_FRAME_RATIO_TARGET = 1.3
RSS_RATIO_TARGET = 1.3
#: How late (or early) the end of a phase may be seen, against its deadline.
PHASE_END_TARGET = 0.050
#: Against the minimal floor (``minimal_app.py``), the goals of the current round of work.
MINIMAL_FIRST_FRAME_TARGET = 1.3
MINIMAL_RSS_TARGET = 1.3
MINIMAL_SESSION_CPU_TARGET = 1.5


@dataclass(frozen=True)
class Check:
    name: str
    value: str
    target: str
    passed: bool

    def line(self) -> str:
        verdict = "pass" if self.passed else "FAIL"
        return f"  {verdict}  {self.name}: {self.value} (target {self.target})"


def _ok(results: list[RunResult], variant: str) -> list[RunResult]:
    return [r for r in results if r.variant == variant and r.ok]


def _median_of(runs: list[RunResult], get: Callable[[RunResult], float | None]) -> float:
    return median([v for v in (get(r) for r in runs) if v is not None])


METRICS: dict[str, Callable[[RunResult], float | None]] = {
    "first_frame_s": lambda r: r.first_frame,
    "cpu_first_frame_s": lambda r: r.cpu_first_frame,
    "cpu_to_end_s": lambda r: r.cpu_to_end,
    "cpu_settled_per_s": lambda r: r.cpu_settled_per_second,
    "wakeups_settled_per_s": lambda r: r.wakeups_settled_per_second,
    "cpu_total_s": lambda r: r.cpu_total,
    "peak_rss_mib": lambda r: None if r.peak_rss_kib is None else r.peak_rss_kib / 1024,
    "max_rss_mib": lambda r: None if r.max_rss_kib is None else r.max_rss_kib / 1024,
    "end_late_s": lambda r: r.end_late,
    "duration_s": lambda r: r.duration,
}


RATIOS = (
    "cpu_to_end_s",
    "cpu_first_frame_s",
    "first_frame_s",
    "peak_rss_mib",
    "cpu_settled_per_s",
    "cpu_total_s",
)


def round_ratio_ranges(results: list[RunResult]) -> dict[str, tuple[float, float]]:
    """Lowest and highest stretchtimer/floor ratio among rounds where both runs succeeded.

    The runs of one round ran back to back, so the spread of these ratios
    shows how much of a median ratio is the machine's noise.
    """
    floors = {r.index: r for r in _ok(results, FLOOR.key)}
    ranges: dict[str, tuple[float, float]] = {}
    for name in RATIOS:
        get = METRICS[name]
        found = []
        for run in _ok(results, STRETCHTIMER.key):
            floor = floors.get(run.index)
            mine, theirs = get(run), None if floor is None else get(floor)
            if mine is not None and theirs is not None:
                found.append(ratio(mine, theirs))
        ranges[name] = (min(found), max(found)) if found else (float("nan"), float("nan"))
    return ranges


def best_ratios(results: list[RunResult]) -> dict[str, float]:
    """stretchtimer / floor between each one's best (lowest) run.

    Noise on a shared machine only ever adds time, so the best run is the
    least disturbed one: a second view of the ratio, steadier than the median
    when the machine is busy.
    """
    best: dict[str, float] = {}
    for name in RATIOS:
        get = METRICS[name]
        mine = [v for v in map(get, _ok(results, STRETCHTIMER.key)) if v is not None]
        theirs = [v for v in map(get, _ok(results, FLOOR.key)) if v is not None]
        best[name] = ratio(min(mine), min(theirs)) if mine and theirs else float("nan")
    return best


BEFORE = STRETCHTIMER.key + "-before"


def _worst_end(results: list[RunResult], variant: str) -> float:
    """How far from plan the countdown ended, the worst run (the trace's clock)."""
    ends = [abs(r.end_late) for r in _ok(results, variant) if r.end_late is not None]
    return max(ends) if ends else float("nan")


def app_summary(results: list[RunResult]) -> dict[str, object]:
    medians: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}
    keys = [v.key for v in (STRETCHTIMER, FLOOR, MINIMAL, FLOOR_60HZ)]
    if any(r.variant == BEFORE for r in results):
        keys.append(BEFORE)
    for key in keys:
        runs = _ok(results, key)
        counts[key] = len(runs)
        medians[key] = {name: _median_of(runs, get) for name, get in METRICS.items()}
    app, floor, minimal = medians[STRETCHTIMER.key], medians[FLOOR.key], medians[MINIMAL.key]
    ratios = {name: ratio(app[name], floor[name]) for name in RATIOS}
    to_minimal = {name: ratio(app[name], minimal[name]) for name in RATIOS}
    lateness = [
        abs(late)
        for r in _ok(results, STRETCHTIMER.key)
        for late in [*r.phase_late, *([] if r.end_late is None else [r.end_late])]
    ]
    return {
        "successful_runs": counts,
        "failed_runs": [r.to_json() for r in results if not r.ok],
        "medians": medians,
        "ratios_stretchtimer_to_floor": ratios,
        "ratios_stretchtimer_to_minimal": to_minimal,
        "round_ratio_ranges": round_ratio_ranges(results),
        "best_run_ratios": best_ratios(results),
        "phase_end_late_max_s": max(lateness) if lateness else float("nan"),
        "end_vs_plan_worst_s": _worst_end(results, STRETCHTIMER.key),
        **(
            {
                "before_end_vs_plan_worst_s": _worst_end(results, BEFORE),
                "before_peak_rss_to_minimal": ratio(
                    medians[BEFORE]["peak_rss_mib"], minimal["peak_rss_mib"]
                ),
            }
            if BEFORE in medians
            else {}
        ),
        "phase_end_late_median_s": median(lateness),
        "floor_60hz_settled_cpu_vs_floor": ratio(
            medians[FLOOR_60HZ.key]["cpu_settled_per_s"], floor["cpu_settled_per_s"]
        ),
        "floor_60hz_cpu_to_end_vs_floor": ratio(
            medians[FLOOR_60HZ.key]["cpu_to_end_s"], floor["cpu_to_end_s"]
        ),
    }


def app_checks(summary: dict[str, object]) -> list[Check]:
    ratios = summary["ratios_stretchtimer_to_floor"]
    assert isinstance(ratios, dict)
    late = summary["phase_end_late_max_s"]
    assert isinstance(late, float)
    checks = []
    for key, name, target in (
        ("cpu_to_end_s", "CPU, launch to end of countdown, vs floor", CPU_RATIO_TARGET),
        ("peak_rss_mib", "peak RSS vs floor", RSS_RATIO_TARGET),
    ):
        value = ratios[key]
        checks.append(Check(name, _times(value), f"≤ {target:.1f}x", value <= target))
    to_minimal = summary["ratios_stretchtimer_to_minimal"]
    assert isinstance(to_minimal, dict)
    value = to_minimal["peak_rss_mib"]
    checks.append(
        Check(
            "peak RSS vs the minimal floor",
            _times(value),
            f"≤ {MINIMAL_RSS_TARGET:.1f}x",
            value <= MINIMAL_RSS_TARGET,
        )
    )
    checks.append(
        Check(
            "worst phase end vs its deadline",
            _ms1(late),
            f"≤ {PHASE_END_TARGET * 1000:.0f} ms",
            late <= PHASE_END_TARGET,
        )
    )
    return checks


def start_lines(summary: dict[str, object]) -> list[str]:
    pairs = summary["pairs"]
    assert isinstance(pairs, int)
    if pairs < 2:
        return [f"  too few launch rounds succeeded ({pairs})"]
    quartiles = summary["pair_ratio_quartiles"]
    assert isinstance(quartiles, list)
    low, high = _float(quartiles[0]), _float(quartiles[1])
    return [
        f"  stretchtimer {_msec(_float(summary['stretchtimer_median_s']))}, "
        f"floor {_msec(_float(summary['floor_median_s']))} (medians of {pairs} launches each)",
        f"  stretchtimer / floor, median of the rounds: "
        f"{_times(_float(summary['pair_ratio_median']))} "
        f"(quartiles {_span(low, high)}); best against best: "
        f"{_times(_float(summary['best_ratio']))}",
        *_start_minimal_lines(summary),
    ]


def _start_minimal_lines(summary: dict[str, object]) -> list[str]:
    quartiles = summary.get("minimal_ratio_quartiles")
    if not isinstance(quartiles, list):
        return ["  the minimal floor: too few launches succeeded"]
    low, high = _float(quartiles[0]), _float(quartiles[1])
    return [
        f"  the minimal floor {_msec(_float(summary['minimal_median_s']))}; stretchtimer / it, "
        f"median of the rounds: {_times(_float(summary['minimal_ratio_median']))} "
        f"(quartiles {_span(low, high)}); best against best: "
        f"{_times(_float(summary['minimal_best_ratio']))}",
        *_start_before_lines(summary),
    ]


def _start_before_lines(summary: dict[str, object]) -> list[str]:
    quartiles = summary.get("before_minimal_ratio_quartiles")
    if not isinstance(quartiles, list):
        return []
    low, high = _float(quartiles[0]), _float(quartiles[1])
    return [
        f"  the other checkout (--before) {_msec(_float(summary['before_median_s']))}; "
        f"it / the minimal floor, median of the rounds: "
        f"{_times(_float(summary['before_minimal_ratio_median']))} (quartiles {_span(low, high)})"
    ]


def start_checks(summary: dict[str, object]) -> list[Check]:
    pairs = summary["pairs"]
    assert isinstance(pairs, int)
    if pairs < 2:
        return [Check("first frame vs floor", "not measured", "≤ 1.3x", False)]
    value = _float(summary["pair_ratio_median"])
    target = FIRST_FRAME_RATIO_TARGET
    to_minimal = _float(summary.get("minimal_ratio_median"))
    return [
        Check(
            f"first frame vs floor, median of {pairs} launch rounds",
            _times(value),
            f"≤ {target:.1f}x",
            value <= target,
        ),
        Check(
            f"first frame vs the minimal floor, median of {pairs} launch rounds",
            _times(to_minimal),
            f"≤ {MINIMAL_FIRST_FRAME_TARGET:.1f}x",
            to_minimal <= MINIMAL_FIRST_FRAME_TARGET,
        ),
    ]


def app_lines(summary: dict[str, object], runs: int) -> list[str]:
    medians = summary["medians"]
    ratios = summary["ratios_stretchtimer_to_floor"]
    counts = summary["successful_runs"]
    spreads = summary["round_ratio_ranges"]
    assert isinstance(medians, dict) and isinstance(ratios, dict) and isinstance(counts, dict)
    assert isinstance(spreads, dict)
    app, floor, fast = medians[STRETCHTIMER.key], medians[FLOOR.key], medians[FLOOR_60HZ.key]
    minimal = medians[MINIMAL.key]
    to_minimal = summary["ratios_stretchtimer_to_minimal"]
    assert isinstance(to_minimal, dict)
    ok = ", ".join(f"{key} {count}/{runs}" for key, count in counts.items())
    rows = [
        ("CPU, launch to end of countdown", "cpu_to_end_s", _sec),
        ("first frame (launch to visible)", "first_frame_s", _msec),
        ("CPU, launch to first frame", "cpu_first_frame_s", _msec),
        ("peak RSS at end of countdown", "peak_rss_mib", _mib),
        ("CPU per second, settled", "cpu_settled_per_s", _ms1),
        ("CPU, whole life (rusage at exit)", "cpu_total_s", _sec),
    ]
    lines = [
        f"  medians of the successful runs ({ok})",
        "  ratio: stretchtimer / floor; rounds: lowest-highest ratio within one round;",
        "  minimal: the minimal floor (minimal_app.py), and stretchtimer / it",
        f"  {'':33}{'stretchtimer':>13}{'floor':>10}{'ratio':>7}{'rounds':>13}"
        f"{'minimal':>10}{'ratio':>7}{'60 Hz':>10}",
    ]
    for label, key, fmt in rows:
        low, high = spreads.get(key, (float("nan"), float("nan")))
        lines.append(
            f"  {label:33}{fmt(app[key]):>13}{fmt(floor[key]):>10}"
            f"{_times(ratios.get(key, float('nan'))):>7}{_span(low, high):>13}"
            f"{fmt(minimal[key]):>10}{_times(to_minimal.get(key, float('nan'))):>7}"
            f"{fmt(fast[key]):>10}"
        )
    late_max = summary["phase_end_late_max_s"]
    late_median = summary["phase_end_late_median_s"]
    best = summary["best_run_ratios"]
    assert isinstance(late_max, float) and isinstance(late_median, float)
    assert isinstance(best, dict)
    lines += [
        f"  ratio of the best runs: CPU {_times(best['cpu_to_end_s'])}, "
        f"first frame {_times(best['first_frame_s'])}, "
        f"per second settled {_times(best['cpu_settled_per_s'])}",
        f"  countdown end after its deadline: median {_ms1(late_median)}, "
        f"worst {_ms1(late_max)} (the floor's own 12 s timer: {_ms1(floor['end_late_s'])})",
        f"  session length: {_sec3(app['duration_s'])} for 12 s planned; worst end against "
        f"plan {_ms1(_float(summary['end_vs_plan_worst_s']))}",
        f"  60 Hz redraw: {_times(_float(summary['floor_60hz_cpu_to_end_vs_floor']))} the "
        "floor's CPU to the end of the countdown, "
        f"{_times(_float(summary['floor_60hz_settled_cpu_vs_floor']))} its CPU per second "
        "once settled",
    ]
    if BEFORE in medians:
        before = medians[BEFORE]
        lines.append(
            f"  the other checkout (--before): CPU to end {_sec(before['cpu_to_end_s'])}, "
            f"first frame {_msec(before['first_frame_s'])}, peak RSS "
            f"{_mib(before['peak_rss_mib'])} "
            f"({_times(_float(summary['before_peak_rss_to_minimal']))} the minimal floor), "
            f"worst end against plan {_ms1(_float(summary['before_end_vs_plan_worst_s']))}"
        )
    return lines


def engine_lines(result: EngineResult) -> list[str]:
    return [
        f"  {result.steps} steps, {result.phases} phases, {result.wakeups} wake-ups "
        f"({result.session_seconds / 3600:.1f} h simulated)",
        f"  {result.phases_per_second:,.0f} phases/s: {result.us_per_phase:.1f} µs a phase, "
        f"{result.us_per_wakeup:.1f} µs a wake-up",
        f"  bare deadline+event loop: {result.baseline_us_per_phase:.2f} µs a phase "
        f"(engine {_times(result.overhead)} that)",
        f"  compiling the timeline: {result.compile_seconds * 1000:.1f} ms",
    ]


def loading_lines(result: LoadingResult) -> list[str]:
    verdict = "pass" if result.passed else "FAIL"
    return [
        f"  {result.steps}-step file, {result.file_bytes / 1024:.0f} KiB",
        f"  {verdict}  load_routine (read, parse, check): "
        f"{result.load_routine_seconds * 1000:.0f} ms (target ≤ 200 ms)",
        f"  yaml.safe_load: {result.safe_load_seconds * 1000:.0f} ms "
        f"(load_routine takes {_times(result.vs_safe_load)} that)",
        f"  yaml.load with CSafeLoader: {result.c_safe_load_seconds * 1000:.0f} ms "
        f"(load_routine takes {_times(result.vs_c_safe_load)} that)",
    ]


def drift_lines(result: DriftResult) -> list[str]:
    verdict = "pass" if result.passed else "FAIL"
    return [
        f"  {result.sessions} simulated {result.planned_seconds // 60}-minute sessions, "
        f"wake-ups 0-20 ms late, {result.pauses_per_session} pauses each "
        f"(up to {result.max_paused_seconds:.0f} s paused)",
        f"  {verdict}  worst end vs plan + paused time: {result.max_end_error * 1000:.1f} ms "
        "(target ≤ 200 ms)",
        f"  worst phase change seen late: {result.max_phase_late * 1000:.1f} ms; "
        f"engine's boundaries off plan by at most {result.max_boundary_error:.1e} s",
        f"  worst |active time - plan|: {result.max_active_error * 1000:.1f} ms "
        "(pauses are not counted as work)",
        f"  a timer counting 1 s ticks would end {result.tick_counter_late:.1f} s late (median)",
    ]


def instruction_lines(runs: list[InstructionRun]) -> list[str]:
    lines = [f"  {'':33}{'stretchtimer':>13}{'floor':>10}{'ratio':>7}"]
    for run in runs:
        if run.error:
            lines.append(f"  FAIL  {run.variant}: {run.error}")
    by_variant = {run.variant: run for run in runs if not run.error}
    app, floor = by_variant.get(STRETCHTIMER.key), by_variant.get(FLOOR.key)
    if app is None or floor is None:
        return lines
    for label, get in (
        ("launch to first frame", lambda r: r.to_first_frame),
        ("first frame to end of countdown", lambda r: r.to_end),
        ("launch to end of countdown", lambda r: r.total),
    ):
        mine, theirs = get(app), get(floor)
        lines.append(
            f"  {label:33}{_millions(mine):>13}{_millions(theirs):>10}"
            f"{_times(ratio(float(mine or 0), float(theirs or 0))):>7}"
        )
    return lines


def _millions(count: int | None) -> str:
    return "-" if count is None else f"{count / 1e6:,.0f} M"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _float(value: object) -> float:
    return value if isinstance(value, float) else float("nan")


def _shown(fmt: Callable[[float], str]) -> Callable[[float], str]:
    """``fmt``, but a figure that could not be measured (NaN) shows as a dash."""
    return lambda value: "-" if math.isnan(value) else fmt(value)


_times = _shown(lambda value: f"{value:.2f}x")
_span_part = _shown(lambda value: f"{value:.2f}")


def _span(low: float, high: float) -> str:
    return f"{_span_part(low)}-{_span_part(high)}x"


_sec = _shown(lambda value: f"{value:.2f} s")
_msec = _shown(lambda value: f"{value * 1000:.0f} ms")
_ms1 = _shown(lambda value: f"{value * 1000:.1f} ms")
_sec3 = _shown(lambda value: f"{value:.3f} s")
_mib = _shown(lambda value: f"{value:.1f} MiB")


# -- figures ----------------------------------------------------------------------------

#: A still figure is drawn once; what it adds per second must be lost in the noise.
STILL_FIGURE_RATIO_TARGET = 1.2
#: A session's steady CPU against termdown's and the Textual floor's.
SESSION_VS_TERMDOWN_TARGET = 0.2
SESSION_VS_FLOOR_TARGET = 2.0
MOVING_VS_TERMDOWN_TARGET = 0.5
FIGURE_VARIANTS = (
    "stretchtimer",
    "hold-figure",
    "reps-figure",
    "termdown",
    "floor",
    "floor-quiet",
    "minimal",
)
#: The settled comparisons reported, as (name, variant, baseline, target or None).
FIGURE_RATIOS: tuple[tuple[str, str, str, float | None], ...] = (
    ("session / termdown", "stretchtimer", "termdown", SESSION_VS_TERMDOWN_TARGET),
    ("session / floor", "stretchtimer", "floor", SESSION_VS_FLOOR_TARGET),
    ("session / minimal floor", "stretchtimer", "minimal", MINIMAL_SESSION_CPU_TARGET),
    # Like for like: the floor without Textual's ten input polls a second, as stretchtimer runs.
    ("session / floor, quiet input", "stretchtimer", "floor-quiet", None),
    ("termdown / floor", "termdown", "floor", None),
    ("still figure / no figure", "hold-figure", "stretchtimer", STILL_FIGURE_RATIO_TARGET),
    ("moving figure / termdown", "reps-figure", "termdown", MOVING_VS_TERMDOWN_TARGET),
    ("moving figure / floor", "reps-figure", "floor", None),
)


def settled_ratios(
    results: list[RunResult], variant: str, baseline: str, metric: str
) -> dict[str, float]:
    """The median ratio of two variants' medians, and its lowest and highest within a round.

    A round runs every variant once, back to back, so the spread of the
    per-round ratios shows how much of the median ratio is the machine's noise.
    """
    get = METRICS[metric]
    mine, theirs = _ok(results, variant), _ok(results, baseline)
    by_round = {r.index: get(r) for r in theirs}
    found = []
    for run in mine:
        value, other = get(run), by_round.get(run.index)
        if value is not None and other is not None and other > 0:
            found.append(value / other)
    if not mine or not theirs:
        return {"median": float("nan"), "low": float("nan"), "high": float("nan")}
    return {
        "median": ratio(_median_of(mine, get), _median_of(theirs, get)),
        "low": min(found) if found else float("nan"),
        "high": max(found) if found else float("nan"),
    }


def figure_summary(results: list[RunResult], missing: str | None) -> dict[str, object]:
    medians: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}
    for key in FIGURE_VARIANTS:
        runs = _ok(results, key)
        counts[key] = len(runs)
        medians[key] = {name: _median_of(runs, get) for name, get in METRICS.items()}
    ratios = {
        name: {
            metric: settled_ratios(results, variant, baseline, metric)
            for metric in ("cpu_settled_per_s", "wakeups_settled_per_s")
        }
        for name, variant, baseline, _target in FIGURE_RATIOS
    }
    return {
        "successful_runs": counts,
        "failed_runs": [r.to_json() for r in results if not r.ok],
        "medians": medians,
        "termdown_missing": missing,
        "ratios": ratios,
        "still_vs_no_figure": ratios["still figure / no figure"]["cpu_settled_per_s"]["median"],
        "moving_vs_termdown": ratios["moving figure / termdown"]["cpu_settled_per_s"]["median"],
    }


def _figure_ratio(summary: dict[str, object], name: str, metric: str) -> dict[str, float]:
    ratios = summary["ratios"]
    assert isinstance(ratios, dict)
    found = ratios[name][metric]
    assert isinstance(found, dict)
    return found


def figure_checks(summary: dict[str, object]) -> list[Check]:
    checks = []
    for name, _variant, baseline, target in FIGURE_RATIOS:
        if target is None or (baseline == "termdown" and summary["termdown_missing"]):
            continue
        found = _figure_ratio(summary, name, "cpu_settled_per_s")
        checks.append(
            Check(
                f"CPU per second settled, {name}",
                f"{_times(found['median'])} (rounds {_span(found['low'], found['high'])})",
                f"≤ {target:.1f}x",
                found["median"] <= target,
            )
        )
    return checks


def figure_lines(summary: dict[str, object], runs: int) -> list[str]:
    medians = summary["medians"]
    counts = summary["successful_runs"]
    assert isinstance(medians, dict) and isinstance(counts, dict)
    ok = ", ".join(f"{key} {count}/{runs}" for key, count in counts.items())
    labels = {
        "stretchtimer": "12 s hold, no figure",
        "hold-figure": "12 s hold, still figure",
        "reps-figure": "12 s of reps, moving figure",
        "termdown": "termdown 12",
        "floor": "Textual floor, drawn once",
        "floor-quiet": "the floor, quiet input",
        "minimal": "the minimal floor",
    }
    lines = [
        f"  medians of the successful runs ({ok})",
        f"  {'':30}{'CPU/s settled':>15}{'wake-ups/s':>12}{'CPU to end':>12}{'peak RSS':>10}",
    ]
    for key, label in labels.items():
        row = medians[key]
        wakeups = row["wakeups_settled_per_s"]
        lines.append(
            f"  {label:30}{_ms1(row['cpu_settled_per_s']):>15}"
            f"{'-' if math.isnan(wakeups) else f'{wakeups:.1f}':>12}"
            f"{_sec(row['cpu_to_end_s']):>12}{_mib(row['peak_rss_mib']):>10}"
        )
    if summary["termdown_missing"]:
        lines.append(f"  {summary['termdown_missing']}")
    lines.append(f"  {'settled, ratio of medians':30}{'CPU (rounds)':>24}{'wake-ups (rounds)':>28}")
    for name, _variant, _baseline, _target in FIGURE_RATIOS:
        cpu = _figure_ratio(summary, name, "cpu_settled_per_s")
        wake = _figure_ratio(summary, name, "wakeups_settled_per_s")
        lines.append(
            f"  {name:30}"
            f"{_times(cpu['median']) + ' (' + _span(cpu['low'], cpu['high']) + ')':>24}"
            f"{_times(wake['median']) + ' (' + _span(wake['low'], wake['high']) + ')':>28}"
        )
    return lines
