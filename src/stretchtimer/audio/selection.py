"""Choosing a backend: try each in turn and remember why the others failed.

The reasons matter as much as the choice: "no sound" is a common complaint
and ``stretchtimer doctor`` answers it from what is recorded here. Probing
really opens the device (with a few milliseconds of silence), because
importing simpleaudio or finding ``aplay`` on PATH says nothing about
whether a sound card is there.
"""

from __future__ import annotations

import contextlib
import importlib
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from stretchtimer.audio.alsa import install_alsa_error_handler
from stretchtimer.audio.players import (
    PLAYER_COMMANDS,
    BellPlayer,
    CommandPlayer,
    CuePlayer,
    SimpleaudioPlayer,
)
from stretchtimer.audio.sounds import Sound, wav_file_bytes
from stretchtimer.i18n import _

if TYPE_CHECKING:
    from stretchtimer.doctor_rows import DoctorRow

#: How long a command player may take to play the silent test sound.
COMMAND_PROBE_TIMEOUT = 3.0
_PROBE_RATE = 44100


def _silence(seconds: float) -> Sound:
    frames = round(_PROBE_RATE * seconds)
    return Sound(b"\0\0" * frames, 1, _PROBE_RATE, label="silence")


class Unavailable(Exception):
    """A backend that cannot be used here; the message says why."""


class Rejection(msgspec.Struct, frozen=True):
    backend: str
    reason: str


class Selection(msgspec.Struct, frozen=True):
    player: CuePlayer
    rejected: tuple[Rejection, ...] = ()

    def describe(self) -> list[str]:
        """The backend in use and why, then why each one before it was passed over."""
        return self.row().lines()

    def row(self) -> DoctorRow:
        from stretchtimer.doctor_rows import DoctorRow

        player = self.player
        if isinstance(player, SimpleaudioPlayer):
            why = _("the default sound device opened")
        elif isinstance(player, CommandPlayer):
            why = _("{player} played a silent test sound").format(player=player.executable)
        elif isinstance(player, BellPlayer):
            why = _("no sound player works here")
        else:
            why = _("chosen by the caller")
        passed_over = tuple(
            _("passed over {backend}: {reason}").format(backend=r.backend, reason=r.reason)
            for r in self.rejected
        )
        return DoctorRow(_("sound output"), f"{_(player.name)} ({why})", details=passed_over)


Probe = Callable[[], CuePlayer]


def probe_simpleaudio() -> CuePlayer:
    try:
        module = importlib.import_module("simpleaudio")
    except ImportError:
        raise Unavailable(_("module not installed (pip install 'stretchtimer[audio]')")) from None
    silence = _silence(0.005)
    try:
        trial = module.play_buffer(silence.frames, 1, 2, silence.rate)
    except Exception as exc:
        raise Unavailable(_("cannot open the sound device ({exc})").format(exc=exc)) from None
    with contextlib.suppress(Exception):
        trial.stop()
    return SimpleaudioPlayer(module)


def probe_command(command: str, flags: tuple[str, ...] = ()) -> CuePlayer:
    executable = shutil.which(command)
    if executable is None:
        raise Unavailable(_("command not found on PATH"))
    with tempfile.TemporaryDirectory(prefix="stretchtimer-probe-") as folder:
        path = Path(folder) / "silence.wav"
        path.write_bytes(wav_file_bytes(_silence(0.02)))
        try:
            done = subprocess.run(
                [executable, *flags, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=COMMAND_PROBE_TIMEOUT,
                start_new_session=True,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise Unavailable(
                _("did not finish a silent test sound within {seconds:g} s").format(
                    seconds=COMMAND_PROBE_TIMEOUT
                )
            ) from None
        except OSError as exc:
            raise Unavailable(
                _("cannot be run ({strerror})").format(strerror=exc.strerror)
            ) from None
    if done.returncode != 0:
        raise Unavailable(
            _(
                "could not play a silent test sound (exit status {returncode}; no sound device?)"
            ).format(returncode=done.returncode)
        )
    return CommandPlayer(command, executable, flags)


def _command_probe(command: str, flags: tuple[str, ...]) -> Probe:
    def probe() -> CuePlayer:
        return probe_command(command, flags)

    return probe


def default_probes() -> list[tuple[str, Probe]]:
    """simpleaudio first, then each command player, then the bell, which always works."""
    probes: list[tuple[str, Probe]] = [("simpleaudio", probe_simpleaudio)]
    probes.extend((command, _command_probe(command, flags)) for command, flags in PLAYER_COMMANDS)
    probes.append((BellPlayer.name, BellPlayer))
    return probes


def select_player(probes: Sequence[tuple[str, Probe]] | None = None) -> Selection:
    # Probing is the first thing that may open a sound device; from here on
    # libasound must not print over the screen.
    install_alsa_error_handler()
    rejected: list[Rejection] = []
    for name, probe in default_probes() if probes is None else probes:
        try:
            player = probe()
        except Unavailable as exc:
            rejected.append(Rejection(name, str(exc)))
        except Exception as exc:  # a broken backend must never stop a break
            rejected.append(Rejection(name, _("failed unexpectedly ({exc!r})").format(exc=exc)))
        else:
            return Selection(player, tuple(rejected))
    return Selection(BellPlayer(), tuple(rejected))
