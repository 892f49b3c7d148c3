"""Standard output or error closed (``>&-``), full (``/dev/full``) or left by its reader:
one line on the stream that still works, exit status 1 (silence for a reader that left),
never a traceback; and a plain session recorded as what it was."""

from __future__ import annotations

import errno
import io
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from typing import TextIO

import pytest

from stretchtimer.cli import main

#: Every command that prints, with arguments that make it print.
PRINTING = [
    ["list"],
    ["show", "desk-break"],
    ["show", "desk-break", "--json"],
    ["validate", "desk-break"],
    ["schema"],
    ["figures"],
    ["figures", "cat-cow"],
    ["history"],
    ["history", "--json"],
    ["stats"],
    ["stats", "--json"],
    ["doctor"],
    ["sounds"],
    ["--help"],
    ["--version"],
]

QUICK = "name: Quick one\ndefaults:\n  prepare: 0s\n  rest: 0s\nsteps:\n  - name: A\n    hold: 1s\n"


class Full(io.StringIO):
    """A stream on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


class ReaderLeft(io.StringIO):
    """A pipe whose reader has gone (``| head -1``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _run(
    monkeypatch: pytest.MonkeyPatch, args: list[str], *, out: TextIO | None, err: TextIO | None
) -> int:
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    return main(args)


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
@pytest.mark.parametrize("stdout", ["closed", "full"])
def test_output_that_cannot_be_written_is_one_line_on_stderr_and_status_1(
    args: list[str], stdout: str, monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    err = io.StringIO()
    status = _run(monkeypatch, args, out=None if stdout == "closed" else Full(), err=err)
    assert status == 1
    reason = "it is closed" if stdout == "closed" else "no space left on device"
    assert err.getvalue().splitlines()[-1] == (
        f"stretchtimer: error: could not write to standard output ({reason})"
    )
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize("args", [["list"], ["show", "desk-break", "--json"], ["--help"]])
def test_a_reader_that_leaves_is_silence_and_the_usual_status(
    args: list[str], monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    err = io.StringIO()
    assert _run(monkeypatch, args, out=ReaderLeft(), err=err) == 0
    assert err.getvalue() == ""


@pytest.mark.parametrize("stderr", ["closed", "full"])
def test_errors_that_cannot_be_written_are_one_line_on_stdout(
    stderr: str, monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    out = io.StringIO()
    status = _run(
        monkeypatch,
        ["validate", "no-such-routine"],
        out=out,
        err=None if stderr == "closed" else Full(),
    )
    assert status == 1
    (line,) = out.getvalue().splitlines()
    assert line.startswith("stretchtimer: error: could not write to standard error (")


def test_with_both_closed_the_status_still_says_it(
    monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    assert _run(monkeypatch, ["list"], out=None, err=None) == 1
    assert _run(monkeypatch, ["validate", "desk-break"], out=io.StringIO(), err=None) == 0


# -- the real command, real descriptors ---------------------------------------------------


def _environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }


def _command(home: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretchtimer", *args],
        text=True,
        env=_environment(home),
        cwd=home,
        timeout=60,
        **kwargs,  # type: ignore[call-overload]
    )


def _statuses(home: Path) -> list[str]:
    import json

    done = _command(home, "history", "--json", capture_output=True)
    return [row["status"] for row in json.loads(done.stdout)]


#: The real command with standard output closed, then the descriptor a file opens on.
FD_AFTERWARDS = """
import sys
from stretchtimer.cli import main
status = main(["list"])
with open(sys.argv[1], "w") as kept:
    print(status, kept.fileno(), file=sys.stderr)
"""


def test_a_closed_stdout_lets_no_file_take_its_place(tmp_path: Path) -> None:
    """With descriptor 1 closed, the next file opened would become standard output:
    whatever wrote there (a player started for a cue, say) would write into it."""
    done = subprocess.run(
        f"{sys.executable} -c {shlex.quote(FD_AFTERWARDS)} {tmp_path / 'kept.txt'} >&-",
        shell=True,
        text=True,
        capture_output=True,
        env=_environment(tmp_path),
        timeout=60,
    )
    *said, last = done.stderr.splitlines()
    assert said == ["stretchtimer: error: could not write to standard output (it is closed)"]
    status, descriptor = last.split()
    assert status == "1" and int(descriptor) > 2


def test_plain_mode_with_stdout_closed_refuses_before_a_session_starts(tmp_path: Path) -> None:
    (tmp_path / "quick.yaml").write_text(QUICK)
    done = subprocess.run(
        f"{sys.executable} -m stretchtimer run quick.yaml --plain --mute >&-",
        shell=True,
        text=True,
        stderr=subprocess.PIPE,
        env=_environment(tmp_path),
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 1
    assert "standard output is closed" in done.stderr and "Traceback" not in done.stderr
    assert _statuses(tmp_path) == []  # no session nobody could follow


def test_plain_mode_on_a_full_disk_records_the_session_and_says_what_was_lost(
    tmp_path: Path,
) -> None:
    (tmp_path / "quick.yaml").write_text(QUICK)
    with open("/dev/full", "w") as full:
        done = _command(
            tmp_path, "run", "quick.yaml", "--plain", "--mute", stdout=full, stderr=subprocess.PIPE
        )
    assert done.returncode == 1
    assert done.stderr == (
        "stretchtimer: error: could not write to standard output (no space left on device)\n"
    )
    assert _statuses(tmp_path) == ["completed"]


def test_plain_mode_with_stderr_closed_ends_as_it_should(tmp_path: Path) -> None:
    (tmp_path / "quick.yaml").write_text(QUICK)
    done = subprocess.run(
        f"{sys.executable} -m stretchtimer run quick.yaml --plain --mute 2>&-",
        shell=True,
        text=True,
        stdout=subprocess.PIPE,
        env=_environment(tmp_path),
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0  # it used to be 120
    assert "Quick one" in done.stdout
    assert _statuses(tmp_path) == ["completed"]


def test_ctrl_c_in_plain_mode_says_the_session_is_kept(tmp_path: Path) -> None:
    program = subprocess.Popen(
        [sys.executable, "-m", "stretchtimer", "run", "desk-break", "--plain", "--mute"],
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(tmp_path),
        cwd=tmp_path,
    )
    assert program.stdout is not None
    first = program.stdout.readline()  # the session has started
    assert first.strip()
    program.send_signal(signal.SIGINT)
    out, err = program.communicate(timeout=60)
    assert program.returncode == 130
    assert out.splitlines()[-1] == "Stopped; the session is kept as interrupted."
    assert "Traceback" not in err
    assert _statuses(tmp_path) == ["interrupted"]
