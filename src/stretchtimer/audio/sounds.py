"""Cue sounds as raw PCM: reading WAV files, volume, and a cache.

Everything a player receives has already been decoded to 16-bit signed
samples in the machine's byte order, so every backend can take the same
object and the volume curve is applied in exactly one place. Files are read
once (on the audio worker, never on the event loop) and kept, and a file that
cannot be used is remembered as such so it is not retried on every cue.
"""

from __future__ import annotations

import io
import sys
import threading
import wave
from array import array
from pathlib import Path

import msgspec

# SoundError is raised from here too; callers catch it under this module's name.
from stretchtimer.wavfile import SoundError as SoundError
from stretchtimer.wavfile import read_pcm


class Sound(msgspec.Struct, frozen=True, eq=False):
    """16-bit PCM ready for a player.

    ``eq=False`` keeps identity comparison: two sounds are the same only if
    they are the same cached object, which is what the caches rely on.
    """

    frames: bytes
    channels: int
    rate: int
    label: str
    sample_width: int = 2

    @property
    def frame_count(self) -> int:
        return len(self.frames) // (self.channels * self.sample_width)

    @property
    def seconds(self) -> float:
        return self.frame_count / self.rate


def _samples(frames: bytes) -> array[int]:
    samples = array("h")
    samples.frombytes(frames)
    return samples


def _to_16_bit(raw: bytes, width: int) -> bytes:
    """Little-endian WAV frames of any PCM width as native 16-bit frames."""
    if width == 2:
        samples = _samples(raw)
        if sys.byteorder == "big":
            samples.byteswap()
        return samples.tobytes()
    if width == 1:  # unsigned 8-bit
        return array("h", ((b - 128) << 8 for b in raw)).tobytes()
    # 24- and 32-bit: keep the two most significant bytes of each sample.
    top = bytearray()
    for i in range(0, len(raw), width):
        top += raw[i + width - 2 : i + width]
    samples = _samples(bytes(top))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def read_wav(path: Path) -> Sound:
    """Decode a cue WAV file, or raise ``SoundError`` saying why it is unusable."""
    pcm = read_pcm(path)
    return Sound(_to_16_bit(pcm.frames, pcm.width), pcm.channels, pcm.rate, label=str(path))


#: Each step of the 0-100 volume, in decibels: 100 plays as recorded, 1 is 29.7 dB down.
DB_PER_VOLUME_STEP = 0.3


def volume_db(volume: int) -> float | None:
    """Volume 0-100 as a level in decibels (0 at 100), or None for silence at 0.

    The ear hears level changes in decibels, so every step of the volume
    takes the same 0.3 dB off and sounds like the same change wherever it is
    made: about 33 steps halve the loudness heard. A gain that follows the
    number itself (or its square) hardly moves near the top and falls off a
    cliff near the bottom.
    """
    level = min(100, max(0, volume))
    if level == 0:
        return None
    return (level - 100) * DB_PER_VOLUME_STEP


def volume_gain(volume: int) -> float:
    """The linear factor the samples are multiplied by at ``volume``."""
    db = volume_db(volume)
    return 0.0 if db is None else 10.0 ** (db / 20.0)


def scale_volume(sound: Sound, volume: int) -> Sound:
    """The sound at a volume; at 100 it is the very same object, bytes untouched."""
    if volume >= 100:
        return sound
    gain = volume_gain(volume)
    scaled = array("h", (round(s * gain) for s in _samples(sound.frames)))
    return Sound(scaled.tobytes(), sound.channels, sound.rate, label=sound.label)


def wav_file_bytes(sound: Sound) -> bytes:
    """A sound as a complete WAV file, for players that only take files."""
    samples = _samples(sound.frames)
    if sys.byteorder == "big":
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(sound.channels)
        out.setsampwidth(2)
        out.setframerate(sound.rate)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


class SoundLibrary:
    """Bundled cues and override files, each decoded once and kept."""

    def __init__(self, bundled_dir: Path) -> None:
        self.bundled_dir = bundled_dir
        self._lock = threading.Lock()
        self._loaded: dict[Path, Sound | SoundError] = {}
        self._scaled: dict[tuple[int, int], Sound] = {}

    def bundled_path(self, cue: str) -> Path:
        return self.bundled_dir / f"{cue}.wav"

    def load(self, path: Path) -> Sound:
        """The decoded file, from the cache after the first call; raises ``SoundError``."""
        with self._lock:
            cached = self._loaded.get(path)
        if cached is None:
            try:
                cached = read_wav(path)
            except SoundError as exc:
                cached = exc
            with self._lock:
                self._loaded[path] = cached
        if isinstance(cached, SoundError):
            raise cached
        return cached

    def bundled(self, cue: str) -> Sound:
        return self.load(self.bundled_path(cue))

    def at_volume(self, sound: Sound, volume: int) -> Sound:
        if volume >= 100:
            return sound
        key = (id(sound), volume)
        with self._lock:
            scaled = self._scaled.get(key)
        if scaled is None:
            scaled = scale_volume(sound, volume)
            with self._lock:
                self._scaled[key] = scaled
        return scaled
