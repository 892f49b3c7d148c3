"""What the command says when the input or the place it runs in is wrong: real line
breaks, the cause named, words of the command line for the command line."""

from __future__ import annotations

import io
import sys

import pytest

from stretchtimer.cli import main
from stretchtimer.cli.common import no_terminal_because
from stretchtimer.figures.commands import figures_command


def test_a_usage_error_keeps_its_line_breaks_and_quotes_the_argument_safely(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["remind", "--idle-source", "kde\x1b[2J"]) == 1
    err = capsys.readouterr().err
    assert "␊" not in err and "\x1b" not in err
    first, *usage = err.splitlines()
    assert first.startswith("stretchtimer: error: argument --idle-source: invalid choice:")
    assert "invalid choice: 'kde" in first
    assert usage[0].startswith("usage: stretchtimer remind")
    assert len(usage) > 1  # argparse's own wrapping, as real lines


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stdin", "stdout", "term", "cause"),
    [
        (io.StringIO(), Tty(), "xterm", "its input is not a terminal"),
        (Tty(), io.StringIO(), "xterm", "its output is not a terminal"),
        (Tty(), Tty(), "", "TERM is not set"),
        (Tty(), Tty(), "dumb", "TERM is dumb"),
        (Tty(), Tty(), "xterm-256color", None),
    ],
)
def test_without_a_usable_terminal_the_cause_is_named(
    monkeypatch: pytest.MonkeyPatch,
    stdin: io.StringIO,
    stdout: io.StringIO,
    term: str,
    cause: str | None,
) -> None:
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setenv("TERM", term)
    found = no_terminal_because()
    assert found == cause if cause is None else cause in (found or "")


class Narrow(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_a_figure_too_wide_for_the_terminal_says_so_instead_of_wrapping() -> None:
    out = Narrow()
    assert figures_command("cat-cow", out=out, width=12) == 0
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 12 for line in lines), lines
    assert not any(0x2800 <= ord(c) <= 0x28FF for c in out.getvalue())  # no broken drawing
    assert "needs 26" in " ".join(lines) and "has 12" in " ".join(lines)
    wide = Narrow()
    figures_command("cat-cow", out=wide, width=100)
    assert sum(1 for c in wide.getvalue() if 0x2800 < ord(c) <= 0x28FF) > 100
