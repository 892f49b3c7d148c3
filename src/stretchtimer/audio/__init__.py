"""Audio cues: hear a session without watching it.

The app only needs ``create_audio`` (an ``AudioControl``), the command line
also ``doctor_lines``. Names load their modules on first use: a session
started muted never loads the players or the code that probes for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchtimer.lazy import lazy_exports

if TYPE_CHECKING:
    from stretchtimer.audio.alsa import install_alsa_error_handler
    from stretchtimer.audio.doctor import doctor_lines
    from stretchtimer.audio.players import (
        BellPlayer,
        CommandPlayer,
        CuePlayer,
        SimpleaudioPlayer,
    )
    from stretchtimer.audio.selection import Rejection, Selection, select_player
    from stretchtimer.audio.session_audio import SessionAudio, create_audio

__all__ = [
    "BellPlayer",
    "CommandPlayer",
    "CuePlayer",
    "Rejection",
    "Selection",
    "SessionAudio",
    "SimpleaudioPlayer",
    "create_audio",
    "doctor_lines",
    "install_alsa_error_handler",
    "select_player",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "install_alsa_error_handler": "stretchtimer.audio.alsa",
        "doctor_lines": "stretchtimer.audio.doctor",
        "BellPlayer": "stretchtimer.audio.players",
        "CommandPlayer": "stretchtimer.audio.players",
        "CuePlayer": "stretchtimer.audio.players",
        "SimpleaudioPlayer": "stretchtimer.audio.players",
        "Rejection": "stretchtimer.audio.selection",
        "Selection": "stretchtimer.audio.selection",
        "select_player": "stretchtimer.audio.selection",
        "SessionAudio": "stretchtimer.audio.session_audio",
        "create_audio": "stretchtimer.audio.session_audio",
    },
)
