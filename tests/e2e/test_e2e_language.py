"""The real app in the language its environment asks for (tmux), here the pseudo-locale."""

from __future__ import annotations

from pathlib import Path

from harness import Tmux, stretchtimer_command

from stretchtimer.i18n import _, use_language


def test_the_session_its_dialog_and_summary_speak_the_language_of_language(
    server: Tmux, tmp_path: Path
) -> None:
    env = {"LANGUAGE": "en_XA"}
    server.start(stretchtimer_command(tmp_path, "run", "desk-break", env=env), size=(80, 24))
    assert use_language(["en_XA"]) == "en_XA"  # the words to look for
    screen = server.wait_for(_("Get ready"), f"q {_('Quit')}", f"? {_('Keys')}")
    assert "Get ready" not in screen
    server.keys("q")
    server.wait_for(_("End this session?"))
    server.keys("y")
    screen = server.wait_for(_("Completed: {n}").format(n=0), f"b {_('Routines')}")
    assert "Completed" not in screen
