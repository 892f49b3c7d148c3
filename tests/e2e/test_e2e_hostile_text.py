"""A shared routine full of escape codes, through the real command in a real terminal.

The routine's name, caution, tip, instructions and step name each try to
retitle the window (OSC 0) and to wipe the screen (ESC [2J). In the picker, the
session, the summary, ``show``, ``list``, ``history`` and ``stats`` the codes
must be visible as text and do nothing.
"""

from __future__ import annotations

from pathlib import Path

from harness import Tmux, stretchtimer_command, user_environment

RETITLE = "\x1b]0;PWNED\x07"
WIPE = "\x1b[2J"


def _q(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode() + '"'


ROUTINE = f"""\
name: {_q(f"Evil{RETITLE}break{WIPE}")}
caution: {_q(f"Careful{WIPE}{RETITLE}now")}
defaults:
  prepare: 1
  rest: 0
steps:
  - name: {_q(f"Neck{RETITLE}tilt{WIPE}")}
    hold: 2
    tip: {_q(f"Tip{WIPE}here")}
    instructions:
      - {_q(f"Sit{RETITLE}tall{WIPE}")}
  - name: {_q(f"Shrug{WIPE}{RETITLE}")}
    hold: 60
"""


def _shell(server: Tmux, tmp_path: Path) -> None:
    """A plain shell in the pane, with a title of its own to keep."""
    server.start(f"{user_environment(tmp_path)} sh", size=(100, 30))
    server("select-pane", "-t", "session", "-T", "kept title")


def _run(server: Tmux, tmp_path: Path, *args: str) -> None:
    command = stretchtimer_command(tmp_path, *args)
    server.type(f"clear; {command}; echo DONE-$?\n")


def _never_retitled(server: Tmux) -> None:
    assert server.title() != "PWNED"
    assert not server.title().startswith("PWNED")


def test_escape_codes_in_a_routine_do_nothing_anywhere(server: Tmux, tmp_path: Path) -> None:
    folder = tmp_path / "config" / "stretchtimer" / "routines"
    folder.mkdir(parents=True)
    (folder / "aaa-evil.yaml").write_text(ROUTINE, encoding="utf-8")
    _shell(server, tmp_path)

    # The picker: the routine sorts first, so its details are shown at once.
    _run(server, tmp_path, "pick", "--mute")
    screen = server.wait_for("aaa-evil", "Evil␛]0;PWNED␇break␛[2J")
    assert "Careful␛[2J␛]0;PWNED␇now" in screen
    _never_retitled(server)

    # The session: a new caution is read first, then getting ready, then the hold.
    server.keys("Enter")
    server.wait_for("any key starts", "Careful␛[2J␛]0;PWNED␇now")
    _never_retitled(server)
    server.keys("Enter")
    screen = server.wait_for("Neck␛]0;PWNED␇tilt␛[2J", "Sit␛]0;PWNED␇tall␛[2J")
    _never_retitled(server)
    assert "PWNED" not in server.title() or "␛" in server.title()

    # The second step is skipped, for stats to list; then the summary.
    server.wait_for("step 2 of 2", "Shrug␛[2J␛]0;PWNED␇", timeout=30)
    _never_retitled(server)
    server.keys("n")
    screen = server.wait_for("1 done, 1 skipped", "Neck␛]0;PWNED␇tilt␛[2J", "Shrug␛[2J␛]0;PWNED␇")
    _never_retitled(server)
    server.keys("q")
    server.wait_for("DONE-0")

    # Line output: each command's text stays on screen after the next one runs.
    for args, shown in (
        (("show", "aaa-evil"), "Neck␛]0;PWNED␇tilt␛[2J"),
        (("list",), "aaa-evil"),
        (("history",), "Evil␛]0;PWNED␇"),
        (("stats",), "Shrug␛[2J␛]0;PWNED"),
    ):
        server.type("echo BEFORE-MARK\n")
        server.wait_for("BEFORE-MARK")
        command = stretchtimer_command(tmp_path, *args)
        server.type(f"{command}; echo AFTER-$?\n")
        screen = server.wait_for("AFTER-0")
        assert "BEFORE-MARK" in screen, f"{args} wiped the screen:\n{screen}"
        assert shown in screen, f"{args} did not show {shown!r}:\n{screen}"
        _never_retitled(server)
        server.type("clear\n")
        server.wait_for(gone="AFTER-0")
