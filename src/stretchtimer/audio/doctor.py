"""The sound section of ``stretchtimer doctor``.

"I hear nothing" has many causes (no simpleaudio, no device, no player
command, muted in the config), so the report names the backend that would
be used and why each one before it was passed over.
"""

from __future__ import annotations

from pathlib import Path

from stretchtimer import locations
from stretchtimer.audio.alsa import alsa_handler_status, install_alsa_error_handler
from stretchtimer.audio.selection import Selection, select_player
from stretchtimer.audio.session_audio import voice_row
from stretchtimer.audio.voice import find_voice_command
from stretchtimer.cues import CUE_NAMES
from stretchtimer.doctor_rows import DoctorRow
from stretchtimer.i18n import _
from stretchtimer.sound_themes import DEFAULT_THEME


def sounds_row(folder: Path, theme: str | None = None) -> DoctorRow:
    missing = [name for name in CUE_NAMES if not (folder / f"{name}.wav").is_file()]
    if not missing:
        found = (
            _("all {count} of the {theme} theme found in {folder}")
            if theme
            else _("all {count} found in {folder}")
        )
        text = found.format(count=len(CUE_NAMES), theme=theme, folder=folder)
    else:
        lacking = (
            _("missing {names} of the {theme} theme in {folder}")
            if theme
            else _("missing {names} in {folder}")
        )
        names = ", ".join(f"{name}.wav" for name in missing)
        text = lacking.format(names=names, theme=theme, folder=folder)
    return DoctorRow(_("cue sounds"), text)


def hear_them() -> DoctorRow:
    """Where doctor sends someone who wants to hear the cues, not read about them."""
    return DoctorRow(_("hear them"), _("stretchtimer sounds --play (each cue named as it plays)"))


def doctor_rows(selection: Selection | None = None, theme: str = DEFAULT_THEME) -> list[DoctorRow]:
    """The sound checks; probes the backends itself unless given a selection."""
    install_alsa_error_handler()
    probed = selection is None
    chosen = select_player() if selection is None else selection
    try:
        rows = [chosen.row()]
    finally:
        if probed:
            chosen.player.close()
    rows.append(voice_row(find_voice_command()))
    rows.append(DoctorRow("ALSA", alsa_handler_status()))
    rows.append(sounds_row(locations.bundled_sounds_dir(theme), theme))
    rows.append(hear_them())
    return rows
