"""``make bench``: every benchmark in one go, a readable report, a JSON record.

Usage: ``python benchmarks/run.py [--runs N] [--parts PART,...] [--before DIR]``, the
parts being engine, loading, drift, status, start, app, figures, goals, instructions,
remind and remind-memory (all by default).

The quick in-process parts (engine, loading, drift) run first; then first
frames, launched in rounds beside both floors; then the app comparison, which
starts real terminals and takes about 14 s a run, four variants a round (the
two floors among them); then what a figure costs (no figure, a still one, a
moving one, beside termdown and the floors: seven variants a round); then the
goals' steady window (a 40-second hold, a moving figure, termdown and the
minimal floor, timed from 8 s after launch over 25 s, three rounds); then, where
valgrind is installed, the same two apps once each under callgrind (about a
minute), whose instruction counts do not move with the machine's load the way
CPU seconds do; last, the reminder beside the floors, and the reminder
prompting every two minutes for 8 minutes (an hour with
``--remind-memory-minutes 60``), whose resident memory must not grow. The
report ends with one table, the goals against the minimal floor, with
verdicts. ``--before DIR`` runs the stretchtimer variants of another checkout
too (``PYTHONPATH=DIR/src``), in the same rounds, for a before and after from
one run. The report goes to the terminal and, with every raw run, to
``benchmarks/results/`` (git-ignored). The exit status is 1 when a target is
missed or a run failed, so a regression cannot pass unnoticed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import bench_app
import bench_drift
import bench_engine
import bench_figures
import bench_goals
import bench_instructions
import bench_loading
import bench_remind
import bench_remind_memory
import bench_start
import bench_status
import checkouts
import goal_table
import report
from app_run import Variant
from terminal import TmuxError

HERE = Path(__file__).resolve().parent
PARTS = (
    "engine",
    "loading",
    "drift",
    "status",
    "start",
    "app",
    "figures",
    "goals",
    "instructions",
    "remind",
    "remind-memory",
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="app runs per variant (default 5)")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated subset of {','.join(PARTS)} (default: all)",
    )
    parser.add_argument(
        "--start-pairs",
        type=int,
        default=21,
        help="launch rounds (stretchtimer and both floors) for the first frame (default 21)",
    )
    parser.add_argument(
        "--remind-seconds",
        type=float,
        default=60.0,
        help="how long the reminder and the floor run side by side (600 for the long run)",
    )
    parser.add_argument(
        "--remind-memory-minutes",
        type=float,
        default=8.0,
        help="how long the reminder prompts while its memory is watched (60 for the hour)",
    )
    parser.add_argument(
        "--goal-rounds",
        type=int,
        default=3,
        help="rounds of the goals' 40-second runs (default 3)",
    )
    parser.add_argument(
        "--before",
        type=Path,
        metavar="DIR",
        help="also run stretchtimer from another checkout (PYTHONPATH=DIR/src) in the same "
        "rounds, for a before and after",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results", help="folder for the JSON")
    args = parser.parse_args(argv)
    args.parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = set(args.parts) - set(PARTS)
    if unknown or args.runs < 1 or args.goal_rounds < 1:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}" if unknown else "--runs >= 1")
    if args.before is not None and (why := checkouts.problem(args.before)):
        parser.error(why)
    return args


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], capture_output=True, text=True, check=False, cwd=HERE)
    return done.stdout


def machine() -> dict[str, object]:
    commit = _git("rev-parse", "--short", "HEAD").strip()
    # Files of the app changed but not committed: the figures are for those edits too.
    edited = [line[3:] for line in _git("status", "--porcelain", "--", "../src").splitlines()]
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": len(os.sched_getaffinity(0)),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "textual": version("textual"),
        "commit": commit or None,
        "uncommitted_in_src": edited,
    }


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _heading(text: str) -> None:
    print(f"\n{text}", flush=True)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    info = machine()
    print(
        f"stretchtimer benchmarks: {info['date']}, {info['cores']} cores ({info['cpu']}), "
        f"Python {info['python']}, Textual {info['textual']}, commit {info['commit']}"
    )
    if edited := info["uncommitted_in_src"]:
        assert isinstance(edited, list)
        print(f"  with uncommitted changes to: {', '.join(edited)}")
    record: dict[str, object] = {"machine": info, "runs": args.runs}
    checks: list[report.Check] = []

    if "engine" in args.parts:
        _heading("Engine alone (fake clock, one listener)")
        engine = bench_engine.run()
        record["engine"] = {
            **asdict(engine),
            "phases_per_second": engine.phases_per_second,
            "us_per_phase": engine.us_per_phase,
            "us_per_wakeup": engine.us_per_wakeup,
            "baseline_us_per_phase": engine.baseline_us_per_phase,
        }
        print("\n".join(report.engine_lines(engine)), flush=True)

    if "loading" in args.parts:
        _heading("Loading a 1,000-step routine (medians)")
        loading = bench_loading.run()
        record["loading"] = {**asdict(loading), "passed": loading.passed}
        print("\n".join(report.loading_lines(loading)), flush=True)
        checks.append(
            report.Check(
                "load_routine, 1,000 steps",
                f"{loading.load_routine_seconds * 1000:.0f} ms",
                "≤ 200 ms",
                loading.passed,
            )
        )

    if "drift" in args.parts:
        _heading("Timing over 10 minutes, with late wake-ups and pauses (simulated clock)")
        drift = bench_drift.run()
        record["drift"] = {**asdict(drift), "passed": drift.passed}
        print("\n".join(report.drift_lines(drift)), flush=True)
        checks.append(
            report.Check(
                "10-minute session end vs plan + pauses",
                f"{drift.max_end_error * 1000:.1f} ms",
                "≤ 200 ms",
                drift.passed,
            )
        )

    if "status" in args.parts:
        _heading(f"stretchtimer status, as a status line runs it ({bench_status.RUNS} runs each)")
        status = bench_status.run()
        record["status"] = {
            **asdict(status),
            "status_median": status.status_median,
            "floor_median": status.floor_median,
            "passed": status.passed,
        }
        print("\n".join(bench_status.lines(status)), flush=True)
        checks.append(
            report.Check(
                "stretchtimer status, median wall time",
                f"{status.status_median * 1000:.0f} ms",
                f"≤ {bench_status.TARGET_SECONDS * 1000:.0f} ms",
                status.passed,
            )
        )

    failed_runs = 0
    if "start" in args.parts:
        _heading(
            f"First frame: {report.plural(args.start_pairs, 'launch round')} of stretchtimer, "
            "the floor and the minimal floor, each in a pseudo-terminal of 80x24"
        )
        started_apps = bench_start.run(args.start_pairs, args.before)
        start_summary = bench_start.summary(started_apps)
        record["start"] = start_summary
        print("\n".join(report.start_lines(start_summary)), flush=True)
        checks += report.start_checks(start_summary)
        failed_runs += started_apps.failed

    if "app" in args.parts:
        _heading(
            f"The app against the Textual floor: {report.plural(args.runs, 'run')} each, "
            "interleaved, in tmux 80x24"
        )
        variants: tuple[Variant, ...] = bench_app.VARIANTS
        if not bench_app.trace_supported(sys.executable):
            print("  stretchtimer run has no --trace option yet: only the floors are measured")
            variants = (bench_app.FLOOR, bench_app.FLOOR_60HZ)
        elif args.before is not None:
            checkouts.compile_checkout(args.before)
            variants = (*variants, bench_app.before_variant(args.before))
        try:
            results = bench_app.run(args.runs, variants)
        except TmuxError as exc:
            print(f"  FAIL  {exc}")
            results = []
        failed_runs = sum(1 for r in results if not r.ok) if results else 1
        summary = report.app_summary(results)
        record["app"] = {"summary": summary, "runs": [r.to_json() for r in results]}
        print("\n".join(report.app_lines(summary, args.runs)), flush=True)
        if bench_app.STRETCHTIMER in variants:
            checks += report.app_checks(summary)

    if "figures" in args.parts:
        _heading(
            f"What a figure costs: {report.plural(args.runs, 'run')} each, interleaved, "
            "in tmux 80x24, beside termdown and the Textual floor"
        )
        try:
            figure_results, missing = bench_figures.run(args.runs)
        except TmuxError as exc:
            print(f"  FAIL  {exc}")
            figure_results, missing = [], "no terminal"
        failed_runs += sum(1 for r in figure_results if not r.ok) if figure_results else 1
        figures_summary = report.figure_summary(figure_results, missing)
        record["figures"] = {
            "summary": figures_summary,
            "runs": [r.to_json() for r in figure_results],
        }
        print("\n".join(report.figure_lines(figures_summary, args.runs)), flush=True)
        checks += report.figure_checks(figures_summary)

    if "goals" in args.parts:
        _heading(
            f"The goals' steady window: {report.plural(args.goal_rounds, 'round')} of 40-second "
            "runs, interleaved, in tmux 100x30"
        )
        try:
            goal_runs, termdown_missing = bench_goals.run(args.goal_rounds, args.before)
        except TmuxError as exc:
            print(f"  FAIL  {exc}")
            goal_runs, termdown_missing = [], "no terminal"
        failed_runs += sum(1 for r in goal_runs if r.error) if goal_runs else 1
        record["goals"] = bench_goals.summary(goal_runs, termdown_missing)
        print("\n".join(bench_goals.lines(record["goals"])), flush=True)

    if "instructions" in args.parts:
        _heading("Instructions executed (callgrind, one run each)")
        missing = bench_instructions.available()
        if missing:
            print(f"  skipped: {missing}")
        else:
            counted = bench_instructions.run()
            record["instructions"] = [asdict(run) for run in counted]
            print("\n".join(report.instruction_lines(counted)), flush=True)

    if "remind" in args.parts:
        _heading(
            f"The reminder: simulated working days, then {args.remind_seconds:.0f} s beside "
            "the floor in tmux"
        )
        sim = bench_remind.simulated()
        real_runs = bench_remind.real(args.remind_seconds, args.before)
        record["remind"] = {
            "simulated": {**asdict(sim), "growth_kib": sim.growth_kib},
            "real": [asdict(run) for run in real_runs],
        }
        print("\n".join(bench_remind.lines(sim, real_runs)), flush=True)
        checks += bench_remind.checks(sim, real_runs)

    if "remind-memory" in args.parts:
        minutes = args.remind_memory_minutes
        _heading(f"The reminder's memory: {minutes:.0f} minutes, a prompt every 2, each postponed")
        try:
            memory_runs = bench_remind_memory.run(minutes, args.before)
        except TmuxError as exc:
            memory_runs = [bench_remind_memory.MemoryRun(minutes * 60, error=str(exc))]
        for memory in memory_runs:
            memory_record: dict[str, object] = asdict(memory)
            memory_record["growth_kib"] = memory.growth_kib
            mine = memory.name == "remind"
            record["remind_memory" if mine else "remind_memory_before"] = memory_record
            print("\n".join(bench_remind_memory.lines(memory)), flush=True)
            if mine:
                checks.append(bench_remind_memory.check(memory))

    _heading("Targets")
    print("\n".join(c.line() for c in checks) or "  (none measured)")
    goals = goal_table.rows(record)
    record["goals_against_minimal_floor"] = [asdict(row) for row in goals]
    _heading(
        "Goals against the minimal floor"
        + (" (and the other checkout's, --before)" if args.before else "")
    )
    print("\n".join(goal_table.lines(goals)))
    checks += [row.check() for row in goals if row.goal not in {c.name for c in checks}]
    if failed_runs:
        print(f"  FAIL  {failed_runs} app run(s) failed; see above")
    record["checks"] = [asdict(c) for c in checks]
    path = _save(args.out, record)
    print(f"\nJSON: {path}  ({time.monotonic() - started:.0f} s in all)")
    return 0 if all(c.passed for c in checks) and not failed_runs else 1


def _save(folder: Path, record: dict[str, object]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    text = json.dumps(_strict(record), indent=2, allow_nan=False, default=str)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _strict(value: object) -> object:
    """NaN (a figure that could not be measured) as null, so the file is strict JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _strict(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_strict(item) for item in value]
    return value


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
