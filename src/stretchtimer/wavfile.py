"""Which WAV files can be cue sounds: the one rule ``validate`` and playback share.

A routine may name its own sounds. ``stretchtimer validate`` and the audio
worker both ask ``read_pcm`` whether a file will do, so a file that validates
is a file that plays, and one that plays is never refused by validation.
"""

from __future__ import annotations

import wave
from pathlib import Path

import msgspec

#: Files longer than this are refused: a cue is a cue, not a song.
MAX_SECONDS = 10.0
#: Sample rates every player can take (the sound device library's own list).
RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000)
#: Bytes per sample: 8-bit unsigned, 16-, 24- and 32-bit signed PCM.
WIDTHS = (1, 2, 3, 4)


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
    """The file's samples, or ``SoundError`` saying why it cannot be a cue."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels = wav.getnchannels()
            width = wav.getsampwidth()
            rate = wav.getframerate()
            count = wav.getnframes()
            if channels not in (1, 2):
                raise SoundError(path, f"has {channels} channels; use mono or stereo")
            if width not in WIDTHS:
                raise SoundError(path, f"unsupported sample size ({width * 8} bits)")
            if rate not in RATES:
                rates = ", ".join(str(r) for r in RATES)
                raise SoundError(path, f"unsupported sample rate {rate} Hz (use one of {rates})")
            if count == 0:
                raise SoundError(path, "contains no sound")
            if count / rate > MAX_SECONDS:
                raise SoundError(path, f"longer than {MAX_SECONDS:g} s")
            raw = wav.readframes(count)
    except FileNotFoundError:
        raise SoundError(path, "no such file") from None
    except (OSError, EOFError, wave.Error) as exc:
        raise SoundError(path, f"not a readable PCM WAV file ({exc})") from None
    usable = len(raw) - len(raw) % (channels * width)
    if usable == 0:
        raise SoundError(path, "contains no sound")
    return PcmFile(raw[:usable], channels, width, rate)
