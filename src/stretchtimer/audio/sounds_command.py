"""What ``stretchtimer sounds`` runs: the cues of the theme in use, and how to hear them.

Listing needs nothing but the theme's name; ``--play`` chooses a player the
way a session does (and says which), then plays every cue in turn, naming
each one just before it sounds, so a person can check their speakers and
learn the cues with their eyes open before following them with eyes closed.
"""

from __future__ import annotations

import sys
from typing import TextIO

from stretchtimer.audio.sound_check import cue_line
from stretchtimer.cues import Cue
from stretchtimer.i18n import _
from stretchtimer.sound_themes import DEFAULT_THEME, THEMES, theme_dir


def theme_lines(theme: str) -> list[str]:
    others = ", ".join(name for name in THEMES if name != theme)
    heading = (
        _("Sound theme: {theme} ({character}, the default)")
        if theme == DEFAULT_THEME
        else _("Sound theme: {theme} ({character})")
    )
    return [
        heading.format(theme=theme, character=_(THEMES[theme])),
        *(cue_line(cue) for cue in Cue),
        _(
            "Other themes: {others}. Choose one with --sound-theme NAME, "
            'or sound_theme = "NAME" in config.toml.'
        ).format(others=others),
        _("A routine's own sounds replace the cues it names, whatever the theme."),
    ]


def sounds_command(
    *,
    theme: str,
    volume: int,
    play: bool,
    gap: float | None = None,
    out: TextIO | None = None,
) -> int:
    """List the theme's cues; with ``play``, also play each one, named as it sounds."""
    out = out or sys.stdout

    def show(line: str) -> None:
        print(line, file=out, flush=True)

    if not play:
        for line in theme_lines(theme):
            show(line)
        show(_("Hear them: stretchtimer sounds --play"))
        return 0
    from stretchtimer.audio.alsa import install_alsa_error_handler
    from stretchtimer.audio.players import BellPlayer
    from stretchtimer.audio.selection import select_player
    from stretchtimer.audio.sound_check import GAP_SECONDS, play_each_cue
    from stretchtimer.audio.sounds import SoundLibrary

    install_alsa_error_handler()
    selection = select_player()
    player = selection.player
    try:
        show(
            _("Sound theme: {theme} ({character}), at volume {volume}").format(
                theme=theme, character=_(THEMES[theme]), volume=volume
            )
        )
        show(selection.describe()[0])
        if isinstance(player, BellPlayer):
            show(_("No sound player works here: each cue is only a bell. See stretchtimer doctor."))
        if volume == 0:
            show(_("Volume 0 is silence: add --volume 100 to hear them."))
        problems = play_each_cue(
            player,
            SoundLibrary(theme_dir(theme)),
            volume=volume,
            show=show,
            gap=GAP_SECONDS if gap is None else gap,
        )
    finally:
        player.close()
    for problem in problems:
        print(_("stretchtimer: {problem}").format(problem=problem), file=sys.stderr)
    show(_("Heard nothing? stretchtimer doctor says which player is used and why."))
    return 1 if problems else 0
