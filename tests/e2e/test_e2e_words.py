"""What the real command says in a terminal that cannot do what it needs (tmux)."""

from __future__ import annotations

from pathlib import Path

from harness import Tmux, stretchtimer_command


def _ended(server: Tmux, status: int) -> str:
    """The pane once the program has ended, lines the terminal wrapped joined again."""
    return server.wait_until(
        lambda screen: f"stretchtimer exited with {status}" in screen,
        what=f"the program to end with {status}",
        read=lambda: server.screen(joined=True),
    )


def test_remind_with_term_dumb_names_term_not_redirection(server: Tmux, tmp_path: Path) -> None:
    server.start(stretchtimer_command(tmp_path, "remind", env={"TERM": "dumb"}), size=(80, 10))
    screen = _ended(server, 1)
    assert "TERM is dumb" in screen and "redirect" not in screen


def test_a_figure_in_a_twelve_column_pane_is_not_a_jumble(server: Tmux, tmp_path: Path) -> None:
    server.start(stretchtimer_command(tmp_path, "figures", "cat-cow"), size=(12, 30))
    screen = _ended(server, 0)
    assert "needs 26" in screen.replace("\n", " ")
    assert not any(0x2800 <= ord(c) <= 0x28FF for c in screen)
