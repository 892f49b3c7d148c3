"""Volume scaling and the WAV files people may give a routine."""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.audio.sounds import (
    DB_PER_VOLUME_STEP,
    Sound,
    SoundError,
    SoundLibrary,
    read_wav,
    scale_volume,
    volume_db,
    volume_gain,
)


def bundled(name: str = "start") -> Sound:
    return read_wav(locations.bundled_sounds_dir() / f"{name}.wav")


def peak(sound: Sound) -> int:
    return max(abs(s) for s in memoryview(sound.frames).cast("h"))


def test_full_volume_leaves_the_samples_untouched() -> None:
    sound = bundled()
    assert scale_volume(sound, 100) is sound


def test_lower_volumes_are_quieter_and_zero_is_silence() -> None:
    sound = bundled()
    peaks = [peak(scale_volume(sound, v)) for v in (100, 75, 50, 25, 10)]
    assert peaks == sorted(peaks, reverse=True) and len(set(peaks)) == len(peaks)
    assert set(scale_volume(sound, 0).frames) == {0}


def level_db(gain: float) -> float:
    return 20 * math.log10(gain)


def test_volume_is_a_level_in_decibels_with_the_same_step_everywhere() -> None:
    assert volume_db(100) == 0.0 and volume_gain(100) == 1.0
    assert volume_db(0) is None and volume_gain(0) == 0.0
    assert volume_gain(150) == 1.0 and volume_gain(-5) == 0.0
    steps = [level_db(volume_gain(v)) - level_db(volume_gain(v - 1)) for v in range(2, 101)]
    assert steps == pytest.approx([DB_PER_VOLUME_STEP] * len(steps))
    # The quietest setting is still heard (under 30 dB down), and 10 steps are 3 dB.
    assert level_db(volume_gain(1)) == pytest.approx(-29.7)
    assert level_db(volume_gain(40)) == pytest.approx(-18.0)


def test_the_library_reads_each_file_once_and_caches_each_volume(tmp_path: Path) -> None:
    library = SoundLibrary(locations.bundled_sounds_dir())
    first = library.bundled("tick")
    assert library.bundled("tick") is first
    assert library.at_volume(first, 30) is library.at_volume(first, 30)
    assert library.at_volume(first, 100) is first


def write_wav(path: Path, frames: bytes, *, channels: int = 1, width: int = 2, rate: int = 44100):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


def samples(sound: Sound) -> list[int]:
    return list(memoryview(sound.frames).cast("h"))


def test_8_24_and_32_bit_files_become_16_bit(tmp_path: Path) -> None:
    eight = read_wav(write_wav(tmp_path / "8.wav", bytes([128, 255, 0]), width=1))
    assert samples(eight) == [0, 127 << 8, -128 << 8]
    # 24-bit little-endian 0x123456 and -1: the top two bytes survive.
    twenty_four = read_wav(write_wav(tmp_path / "24.wav", b"\x56\x34\x12\xff\xff\xff", width=3))
    assert samples(twenty_four) == [0x1234, -1]
    thirty_two = read_wav(write_wav(tmp_path / "32.wav", b"\0\0\x00\x40", width=4))
    assert samples(thirty_two) == [0x4000]


def test_stereo_and_other_rates_are_kept(tmp_path: Path) -> None:
    frames = array("h", [1, -1, 2, -2]).tobytes()
    sound = read_wav(write_wav(tmp_path / "s.wav", frames, channels=2, rate=22050))
    assert (sound.channels, sound.rate, sound.frame_count) == (2, 22050, 2)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b"not a wav at all"), "not a readable PCM WAV file"),
        (lambda p: write_wav(p, b"", rate=44100), "contains no sound"),
        (lambda p: write_wav(p, b"\0" * 12, channels=3), "has 3 channels"),
        (lambda p: write_wav(p, b"\0\0", rate=12345), "unsupported sample rate 12345 Hz"),
        (lambda p: write_wav(p, b"\0\0" * 8000 * 11, rate=8000), "longer than 10 s"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "cue.wav"
    make(path)
    with pytest.raises(SoundError, match=reason):
        read_wav(path)


def test_a_missing_file_is_reported_as_missing(tmp_path: Path) -> None:
    with pytest.raises(SoundError, match="no such file"):
        read_wav(tmp_path / "nowhere.wav")
