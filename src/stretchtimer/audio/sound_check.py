"""``stretchtimer sounds --play``: every cue of a theme in turn, each named as it plays.

Nobody can tell from a report whether their speakers carry a sound, or which
sound means what, so this plays them through the same player, library and
volume a session would use, one after another with a pause between, and
says each cue's name and meaning just before it sounds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from stretchtimer.audio.players import CuePlayer
from stretchtimer.audio.sounds import SoundLibrary
from stretchtimer.cues import Cue
from stretchtimer.i18n import _
from stretchtimer.sound_themes import CUE_MEANINGS

#: Silence after each cue, so the next one is heard as a new sound.
GAP_SECONDS = 0.7
#: How long a cue may take beyond its own length before the next one starts anyway.
SLACK_SECONDS = 2.0


def cue_line(cue: Cue) -> str:
    return f"  {cue.value:<10} {_(CUE_MEANINGS[cue])}"


def play_each_cue(
    player: CuePlayer,
    library: SoundLibrary,
    *,
    volume: int,
    show: Callable[[str], None],
    sleep: Callable[[float], None] = time.sleep,
    gap: float = GAP_SECONDS,
) -> list[str]:
    """Play every cue in order, showing its line first; return what could not be played."""
    problems: list[str] = []
    for cue in Cue:
        show(cue_line(cue))
        try:
            sound = library.at_volume(library.bundled(cue.value), volume)
            player.play(sound)
        except Exception as exc:  # a device or file problem is reported, the rest still play
            problems.append(f"{cue.value}: {exc}")
            continue
        player.wait_done(sound.seconds + SLACK_SECONDS)
        sleep(gap)
    player.stop()
    return problems
