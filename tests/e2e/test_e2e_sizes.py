"""The real app from 40x6 to 200x50 in one resized tmux pane.

The way out in the footer, no scrollbar marks beside text, digits that grow.
"""

from __future__ import annotations

import time
from pathlib import Path

from harness import PANE, Tmux, eventually, stretchtimer_command

#: Characters of a scrollbar's thumb; the digits use full blocks too, never beside letters.
BLOCKS = frozenset("▁▂▃▄▅▆▇█")


def resize(server: Tmux, width: int, height: int) -> str:
    """Resize the pane and wait for the app to have drawn itself at the new size."""
    server("resize-window", "-t", PANE, "-x", str(width), "-y", str(height))
    last = ""

    def settled() -> bool:
        nonlocal last
        seen = server.screen()
        lines = seen.splitlines()
        footer = _footer(seen)[:2]
        done = seen == last and len(lines) == height and footer in (["q", "Quit"], ["q", "?"])
        last = seen
        time.sleep(0.1)
        return done

    eventually(settled, what=f"the app drawn at {width}x{height}")
    return last


def _footer(screen: str) -> list[str]:
    return screen.rstrip("\n").splitlines()[-1].split()


def scrollbar_marks(screen: str) -> list[str]:
    """Lines with a block character beside text, or a block standing alone (a thumb)."""
    marks = []
    for line in screen.splitlines():
        blocks = BLOCKS & set(line)
        lone = len(line.strip()) == 1 and line.strip() in BLOCKS
        if (blocks and any(ch.isalpha() for ch in line)) or lone:
            marks.append(line)
    return marks


def digit_rows(screen: str) -> int:
    """The most consecutive rows of the big digits (rows of full blocks and spaces)."""
    best = run = 0
    for line in screen.splitlines():
        run = run + 1 if "██" in line and not any(ch.isalpha() for ch in line) else 0
        best = max(best, run)
    return best


def test_every_size_shows_the_way_out_no_scrollbars_and_digits_that_grow(
    server: Tmux, tmp_path: Path
) -> None:
    server.start(stretchtimer_command(tmp_path, "--mute"), size=(60, 15))
    server.wait_for("Choose a routine", "desk-break")
    for width, height in ((60, 15), (80, 24), (100, 30)):
        screen = resize(server, width, height)
        assert _footer(screen)[:4] == ["q", "Quit", "?", "Keys"], screen
        assert scrollbar_marks(screen) == [], screen

    server.keys("q")
    server.wait_for("stretchtimer exited with 0")
    server.close()

    server.start(stretchtimer_command(tmp_path, "run", "desk-break", "--mute"), size=(60, 15))
    server.wait_for("Get ready")
    for width, height in ((60, 15), (80, 24), (100, 30)):
        screen = resize(server, width, height)
        assert scrollbar_marks(screen) == [], screen
    server.wait_for("Hold")
    server.keys("Space")
    server.wait_for("PAUSED")
    sizes = {}
    for width, height in ((40, 6), (60, 15), (80, 24), (100, 30), (200, 50)):
        screen = resize(server, width, height)
        sizes[width, height] = screen
        assert _footer(screen)[:4] == ["q", "Quit", "?", "Keys"], screen
        if 60 <= width <= 100:
            assert scrollbar_marks(screen) == [], screen
    assert digit_rows(sizes[100, 30]) >= 5, sizes[100, 30]
    assert digit_rows(sizes[200, 50]) >= 8, sizes[200, 50]

    resize(server, 40, 6)
    server.keys("q")
    server.wait_for("End session?", "y: yes  other: no")
    server.keys("y")
    screen = server.wait_for("Stopped early after")  # the outcome alone, whole, at 40x6
    assert _footer(screen)[:4] == ["q", "Quit", "?", "Keys"], screen
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")
    server.close()

    remind = stretchtimer_command(
        tmp_path,
        "remind",
        "--mute",
        "--idle-source",
        "terminal",
        env={"DBUS_SESSION_BUS_ADDRESS": ""},
    )
    server.start(remind, size=(100, 30))
    server.wait_for("break in", "Work ━")
    screen = resize(server, 100, 30)  # settled: a key in its very first moment may be missed
    assert digit_rows(screen) >= 5, screen
    server.keys("q")
    screen = server.wait_for("End the reminder?")
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "╭" in line and "╮" in line)
    bottom = next(i for i, line in enumerate(lines) if "╰" in line and "╯" in line)
    left = lines[top].index("╭")
    right = 100 - lines[top].index("╮") - 1
    assert abs(left - right) <= 2, screen  # centred across
    assert abs(top - (30 - 1 - bottom)) <= 2, screen  # and down
    server.keys("y")
    server.wait_for("stretchtimer exited with 0")
