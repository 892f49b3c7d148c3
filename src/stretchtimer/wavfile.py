"""Which WAV files can be cue sounds: the one rule ``validate`` and playback share.

A routine may name its own sounds. ``stretchtimer validate`` and the audio
worker both ask ``read_pcm`` whether a file will do, so a file that validates
is a file that plays, and one that plays is never refused by validation.
"""

from __future__ import annotations

import io
import wave
from pathlib import Path

import msgspec

from stretchtimer.i18n import _
from stretchtimer.regular_file import TooLarge, UnreadableFile, read_regular

#: Files longer than this are refused: a cue is a cue, not a song.
MAX_SECONDS = 10.0
#: Sample rates every player can take (the sound device library's own list).
RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000)
#: Bytes per sample: 8-bit unsigned, 16-, 24- and 32-bit signed PCM.
WIDTHS = (1, 2, 3, 4)
#: The largest file read: the longest cue at the highest rate and width, and room for
#: the header and other chunks. Anything larger cannot be a cue.
MAX_BYTES = int(MAX_SECONDS * max(RATES)) * 2 * max(WIDTHS) + 1024 * 1024


class SoundError(Exception):
    """A WAV file that cannot be played, with a reason a person can act on."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class PcmFile(msgspec.Struct, frozen=True):
    """A WAV file's samples as stored (little-endian), already known to be playable."""

    frames: bytes
    channels: int
    width: int
    rate: int


def read_pcm(path: Path) -> PcmFile:
    """The file's samples, or ``SoundError`` saying why it cannot be a cue.

    The file is read through the regular-file check first: a FIFO named as a
    sound would otherwise hold ``validate``, ``list`` and a session in the
    kernel's open until a writer came.
    """
    try:
        data = read_regular(path, MAX_BYTES)
    except TooLarge:
        raise SoundError(
            path,
            _("too large for a cue of at most {max_seconds:g} s").format(max_seconds=MAX_SECONDS),
        ) from None
    except UnreadableFile as exc:
        raise SoundError(path, exc.reason) from None
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            channels = wav.getnchannels()
            width = wav.getsampwidth()
            rate = wav.getframerate()
            count = wav.getnframes()
            if channels not in (1, 2):
                raise SoundError(path, f"has {channels} channels; use mono or stereo")
            if width not in WIDTHS:
                raise SoundError(
                    path, _("unsupported sample size ({bits} bits)").format(bits=width * 8)
                )
            if rate not in RATES:
                rates = ", ".join(str(r) for r in RATES)
                raise SoundError(
                    path,
                    _("unsupported sample rate {rate} Hz (use one of {rates})").format(
                        rate=rate, rates=rates
                    ),
                )
            if count == 0:
                raise SoundError(path, _("contains no sound"))
            if count / rate > MAX_SECONDS:
                raise SoundError(
                    path, _("longer than {max_seconds:g} s").format(max_seconds=MAX_SECONDS)
                )
            raw = wav.readframes(count)
    except EOFError:
        raise SoundError(path, _not_pcm(_("it ends before its header is complete"))) from None
    except (OSError, wave.Error) as exc:
        raise SoundError(path, _not_pcm(_why(str(exc)))) from None
    usable = len(raw) - len(raw) % (channels * width)
    if usable == 0:
        raise SoundError(path, _("contains no sound"))
    return PcmFile(raw[:usable], channels, width, rate)


def _not_pcm(why: str) -> str:
    return (
        _("not a readable PCM WAV file ({why})").format(why=why)
        if why
        else _("not a readable PCM WAV file")
    )


def _why(detail: str) -> str:
    """Why the wave module refused the file, in words that say what to do about it."""
    if detail.startswith("unknown format"):
        return _("its samples are compressed or floating-point; save it as 16-bit PCM")
    if "RIFF" in detail or "WAVE" in detail:
        return _("it does not start as a WAV file does")
    if "chunk" in detail:
        return _("its format or its sound data is missing")
    return detail
