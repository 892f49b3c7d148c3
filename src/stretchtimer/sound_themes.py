"""The bundled sound themes, and what each cue tells the person hearing it.

A theme is a folder of ``<cue>.wav`` files under the bundled ``sounds/``
folder, one file for every cue; which one plays is a setting
(``sound_theme``) or an option (``--sound-theme``). A routine's own
``sounds:`` still replace the cues it names, whatever the theme. The
meanings are what ``stretchtimer sounds`` prints beside each cue, written
from the listener's side: what to do on hearing it.
"""

from __future__ import annotations

from pathlib import Path

from stretchtimer import locations
from stretchtimer.cues import Cue
from stretchtimer.i18n import N_, _

DEFAULT_THEME = locations.DEFAULT_SOUND_THEME

#: Every bundled theme, with a few words on its character (translated where shown).
THEMES: dict[str, str] = {
    "chimes": N_("soft bells"),
    "wood": N_("a soft-mallet marimba and a wood block, dry and short, for an open office"),
}

CUE_MEANINGS: dict[Cue, str] = {
    Cue.GET_READY: N_("the first stretch is coming: get into position"),
    Cue.START: N_("go: start holding, or start the reps"),
    Cue.COUNTDOWN: N_("one of the last three seconds of a hold, rest or get-ready"),
    Cue.SWITCH: N_("change to the other side"),
    Cue.REST: N_("let go and rest (also between sets on the same side)"),
    Cue.NEXT: N_("the next stretch is coming: get into position"),
    Cue.COMPLETE: N_("the break is over: well done"),
    Cue.TICK: N_("one rep counted"),
}


class UnknownThemeError(ValueError):
    """A theme name that is not bundled; the message lists the ones that are."""


def check_theme(name: str) -> str:
    """The name itself if it is a bundled theme, else ``UnknownThemeError``."""
    if name not in THEMES:
        choices = ", ".join(THEMES)
        raise UnknownThemeError(
            _("unknown sound theme '{name}'; choose one of: {choices}").format(
                name=name, choices=choices
            )
        )
    return name


def theme_dir(name: str) -> Path:
    """The folder holding a bundled theme's ``<cue>.wav`` files."""
    return locations.bundled_sounds_dir(check_theme(name))
