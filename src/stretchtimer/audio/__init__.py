"""Audio cues: hear a session without watching it.

The app only needs ``create_audio`` (an ``AudioControl``), the command line
also ``install_alsa_error_handler`` at start-up and ``doctor_lines``.
"""

from stretchtimer.audio.alsa import install_alsa_error_handler
from stretchtimer.audio.doctor import doctor_lines
from stretchtimer.audio.players import BellPlayer, CommandPlayer, CuePlayer, SimpleaudioPlayer
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
