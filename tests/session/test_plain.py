"""Plain mode: the same engine and clock, told as sentences, with no terminal at all."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from routines_for_tests import hold_step, rep_step, routine

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session
from stretchtimer.session.events import Event, PhaseStarted
from stretchtimer.session.plain import (
    PlainNarrator,
    StoppedBySignal,
    run_plain,
    stop_on_signals,
    write_whole_line,
)

#: About two seconds of real time: what the end-to-end runs wait through.
QUICK_ROUTINE = """\
name: Quick one
caution: "Gently.\\e]0;owned\\a"
defaults:
  prepare: 0s
  rest: 0s
steps:
  - name: "Neck \\e[2Jtilt"
    hold: 1s
    instructions:
      - Sit tall.
  - name: Rolls
    reps: 1
    rep_time: 1s
"""


def test_a_whole_session_is_told_in_order_on_the_fake_clock() -> None:
    clock = FakeClock()
    session = Session(
        routine(
            hold_step("Neck tilt", sides=("left", "right"), tip="Breathe out."),
            rep_step("Rolls", reps=3, rest=0),
        ),
        clock,
    )
    lines: list[str] = []
    starts: list[tuple[float, float]] = []

    def phase_starts(event: Event) -> None:
        if isinstance(event, PhaseStarted):
            starts.append((event.started_at, clock.now()))

    PlainNarrator(lines.append).attach(session)
    session.subscribe(phase_starts)
    summary = run_plain(session, clock, clock.advance)

    assert summary.completed == 2 and not summary.quit
    text = "\n".join(lines)
    expected_order = [
        "Test routine.",
        "Caution: Stop if anything hurts.",
        "Step 1 of 2: Neck tilt.",
        "1. Sit tall.",
        "2. Tip your chin down.",
        "Tip: Breathe out.",
        "Get ready, your left side, for 3 seconds.",
        "2.",
        "1.",
        "Hold, your left side, for 10 seconds.",
        "3.",
        "Switch sides, next: your right side, for 2 seconds.",
        "Hold, your right side, for 10 seconds.",
        "Rest for 5 seconds.",
        "Step 2 of 2: Rolls.",
        "3 reps, one every 2 seconds.",
        "Rep 1 of 3.",
        "Rep 2 of 3.",
        "Rep 3 of 3.",
        "Done: Test routine.",
        "2 steps completed, 0 skipped.",
        "Active time: 39 seconds.",
    ]
    remaining = iter(lines)
    for expected in expected_order:  # each one, whole, after the one before
        assert any(line == expected for line in remaining), (
            f"{expected!r} missing or early:\n{text}"
        )
    # Deadlines, not ticks: every phase began exactly at its predecessor's deadline.
    assert all(started == woken for started, woken in starts[1:])
    # Words for a screen reader: no bars, blocks or box drawing.
    assert not any(ch in text for ch in "█▓░━─│·⏎")


def _run(tmp_path: Path, *args: str, stdin: int | None = subprocess.DEVNULL, **env: str):
    routine_file = tmp_path / "quick.yaml"
    routine_file.write_text(QUICK_ROUTINE)
    environment = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "stretchtimer", *args],
        cwd=tmp_path,
        stdin=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def _history(tmp_path: Path) -> str:
    return _run(tmp_path, "history", "--json").stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["run", "quick.yaml", "--mute"], {}),  # no terminal: plain by itself
        (["run", "quick.yaml", "--mute", "--plain"], {}),
        (["run", "quick.yaml", "--mute"], {"TERM": "dumb"}),
    ],
    ids=["no-terminal", "asked-for", "term-dumb"],
)
def test_without_a_terminal_the_routine_runs_in_plain_lines_and_is_recorded(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    done = _run(tmp_path, *args, **env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Step 1 of 2: Neck ␛[2Jtilt." in out
    assert "1. Sit tall." in out
    assert "Done: Quick one." in out
    assert "press Enter" not in out  # a new caution waits only when a terminal can answer
    assert "\x1b" not in out and "\x07" not in out  # the routine's escapes are shown, not sent
    assert '"status":"completed"' in _history(tmp_path).replace(" ", "")


def test_without_a_terminal_there_is_no_picker_to_wait_on(tmp_path: Path) -> None:
    done = _run(tmp_path)
    assert done.returncode == 1
    assert "stretchtimer run ROUTINE" in done.stderr
    assert done.stdout == ""


def test_an_empty_routine_name_is_an_error_not_the_picker(tmp_path: Path) -> None:
    done = _run(tmp_path, "run", "")
    assert done.returncode == 1
    assert "routine name is empty" in done.stderr


def test_remind_without_a_terminal_says_so_and_exits_1(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "remind", "--every", "20s"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")},
    )
    assert done.returncode == 1
    assert "needs one" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_at_a_terminal_a_new_caution_waits_for_enter_once(tmp_path: Path) -> None:
    import pty

    short = tmp_path / "short.yaml"  # one second of holding: the run is what is tested
    short.write_text(
        'name: Short one\ncaution: "Gently."\nsteps:\n  - name: Blink\n    hold: 1s\n'
        "    prepare: 0s\n"
    )

    def run_at_a_terminal() -> str:
        main, terminal = pty.openpty()
        try:
            os.write(main, b"\n")  # Enter, typed ahead: read only if the run asks for it
            done = _run(tmp_path, "run", "short.yaml", "--mute", "--plain", stdin=terminal)
        finally:
            os.close(main)
            os.close(terminal)
        assert done.returncode == 0, done.stderr
        return done.stdout

    first = run_at_a_terminal()
    prompt = "This caution is new to you: press Enter to start once you have read it."
    assert prompt in first
    assert first.index("Caution: Gently.") < first.index(prompt) < first.index("Step 1 of 1")
    second = run_at_a_terminal()
    assert prompt not in second and "Caution: Gently." in second  # said as it starts, as ever


def test_ctrl_c_while_a_line_is_written_stops_only_once_the_line_is_whole() -> None:
    out = io.StringIO()

    def write_cut_by_ctrl_c(text: str) -> None:
        half = len(text) // 2
        out.write(text[:half])
        signal.raise_signal(signal.SIGINT)  # Ctrl+C half-way through the line
        out.write(text[half:])

    with pytest.raises(StoppedBySignal) as stopped, stop_on_signals():
        write_whole_line("Hold for 30 seconds.", write_cut_by_ctrl_c, out.flush)
        write_whole_line("Not said: the session stopped before this line.", out.write, out.flush)
    assert stopped.value.number == signal.SIGINT
    assert out.getvalue() == "Hold for 30 seconds.\n"
