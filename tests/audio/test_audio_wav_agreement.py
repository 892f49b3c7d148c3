"""A cue WAV file that ``validate`` accepts is one the session plays, and the other way round."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pytest

from stretchtimer.loader import RoutineError, load_routine
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session


def pcm(path: Path, *, rate: int = 44100, width: int = 2, channels: int = 1, frames: int = 800):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(b"\x10" * (frames * width * channels))


def truncated(path: Path) -> None:
    """A header that promises samples the file does not hold."""
    pcm(path, frames=100)
    data = path.read_bytes()
    path.write_bytes(data[:44])


FILES: dict[str, tuple[Callable[[Path], None], bool]] = {
    "16-bit mono 44.1 kHz": (lambda p: pcm(p), True),
    "12 kHz": (lambda p: pcm(p, rate=12000), False),
    "24-bit": (lambda p: pcm(p, width=3), True),
    "32-bit": (lambda p: pcm(p, width=4), True),
    "8-bit": (lambda p: pcm(p, width=1, rate=8000), True),
    "stereo 22.05 kHz": (lambda p: pcm(p, channels=2, rate=22050), True),
    "three channels": (lambda p: pcm(p, channels=3), False),
    "eleven seconds": (lambda p: pcm(p, rate=8000, frames=8000 * 11), False),
    "ten seconds": (lambda p: pcm(p, rate=8000, frames=8000 * 10), True),
    "no samples": (lambda p: pcm(p, frames=0), False),
    "header without samples": (truncated, False),
    "not a WAV": (lambda p: p.write_bytes(b"RIFF? no, just text"), False),
}


def validates(routine_file: Path) -> bool:
    try:
        load_routine(routine_file)
    except RoutineError as error:
        assert len(error.lines()) == 1, error.lines()
        assert ":3:10: error: sound 'cue.wav' for 'start': " in error.lines()[0]
        return False
    return True


def plays(make_audio, player, sound: Path) -> bool:
    """Whether a session plays the file for its 'start' cue (else it falls back, and says so)."""
    routine = Routine(
        "r", (Step("One", hold=1, prepare=0),), sounds=MappingProxyType({"start": sound})
    )
    audio = make_audio()
    session = Session(routine, FakeClock())
    audio.attach(session)
    session.start()
    assert audio.drain()
    (played,) = player.labels
    messages = audio.take_messages()
    if played == str(sound):
        assert messages == []
        return True
    assert player.cues() == ["start"]
    assert len(messages) == 1 and str(sound) in messages[0]
    return False


@pytest.mark.parametrize("name", FILES)
def test_validate_and_playback_agree_on_every_file(
    name: str, make_audio, player, tmp_path: Path
) -> None:
    make, playable = FILES[name]
    sound = tmp_path / "cue.wav"
    make(sound)
    routine_file = tmp_path / "r.yaml"
    routine_file.write_text(
        "name: R\nsounds:\n  start: cue.wav\nsteps:\n  - name: A\n    hold: 5\n"
    )
    assert validates(routine_file) == playable
    assert plays(make_audio, player, sound) == playable
