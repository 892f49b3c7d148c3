"""Fixtures for the audio tests: fake players, fake commands, ALSA sent to a file."""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from stretchtimer.audio.session_audio import SessionAudio, create_audio
from stretchtimer.audio.sounds import Sound

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "audio_session_run.py"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def runner() -> ModuleType:
    """The session-running helper (also run as a script in subprocesses)."""
    return _load(RUNNER, "stretchtimer_audio_session_run")


@dataclass
class Played:
    sound: Sound
    at: float


@dataclass
class RecordingPlayer:
    """A player that only remembers: what it was asked to play, and whether it still is."""

    name: str = "recorder"
    plays: list[Played] = field(default_factory=list)
    stops: int = 0
    closed: bool = False
    playing: bool = False
    #: Labels (file paths) this player refuses, like a device rejecting a format.
    refuse: set[str] = field(default_factory=set)
    #: When set, ``play`` blocks until it is set: a device that does not answer.
    gate: threading.Event | None = None
    #: Set as soon as ``play`` is called, before any wait on ``gate``.
    asked: threading.Event = field(default_factory=threading.Event)

    def play(self, sound: Sound) -> None:
        self.asked.set()
        if self.gate is not None:
            self.gate.wait()
        if sound.label in self.refuse:
            raise RuntimeError("unsupported format")
        self.plays.append(Played(sound, time.monotonic()))
        self.playing = True

    def stop(self) -> None:
        self.stops += 1
        self.playing = False

    def wait_done(self, timeout: float) -> bool:
        return True

    def close(self) -> None:
        self.closed = True
        self.playing = False

    @property
    def labels(self) -> list[str]:
        return [p.sound.label for p in self.plays]

    def cues(self) -> list[str]:
        """Cue names of the bundled sounds played, in order."""
        return [Path(label).stem for label in self.labels]


def audio_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "stretchtimer-audio" and t.is_alive()]


@pytest.fixture
def player() -> RecordingPlayer:
    return RecordingPlayer()


@pytest.fixture
def make_audio(player: RecordingPlayer) -> Iterator[Callable[..., SessionAudio]]:
    """create_audio with the recording player (or another) and no voice unless asked."""
    made: list[SessionAudio] = []

    def make(**options: Any) -> SessionAudio:
        options.setdefault("player", player)
        options.setdefault("mute", False)
        options.setdefault("volume", 100)
        options.setdefault("voice", False)
        options.setdefault("find_voice", lambda: None)
        audio = create_audio(**options)
        made.append(audio)
        return audio

    yield make
    for audio in made:
        audio.close()
    assert audio_threads() == []


@dataclass
class CommandDir:
    """A folder that is the whole PATH, where tests put fake commands."""

    folder: Path
    log: Path

    def add(self, name: str, body: str = "exit 0") -> Path:
        path = self.folder / name
        path.write_text(f'#!/bin/sh\necho "{name} $*" >> "{self.log}"\n{body}\n')
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path

    def calls(self, at_least: int = 0, timeout: float = 5.0) -> list[str]:
        """Command lines run so far, waiting (briefly) until there are ``at_least``."""
        deadline = time.monotonic() + timeout
        while True:
            lines = self.log.read_text().splitlines() if self.log.exists() else []
            if len(lines) >= at_least or time.monotonic() > deadline:
                return lines
            time.sleep(0.005)


@pytest.fixture
def commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CommandDir:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return CommandDir(folder, tmp_path / "calls.log")


@dataclass
class AlsaCapture:
    """ALSA's default device replaced by files: one file per opened stream."""

    config: Path
    folder: Path
    env: dict[str, str]

    def streams(self) -> list[bytes]:
        """Everything each stream played, in the order they were opened."""
        files = sorted(self.folder.glob("out.raw*"), key=lambda p: p.name)
        return [p.read_bytes() for p in files]


@pytest.fixture
def alsa_capture(tmp_path: Path) -> AlsaCapture:
    """A test-only ALSA configuration: default = raw file, its slave a null device.

    It defines everything inline, so libasound needs nothing from the system.
    ``truncate false`` makes the file plugin start a new numbered file
    (``out.raw``, ``out.raw.0001``, ...) for each stream instead of
    overwriting, so every cue can be checked on its own.
    """
    folder = tmp_path / "alsa"
    folder.mkdir()
    config = folder / "asound.conf"
    config.write_text(
        "pcm.!default {\n"
        "  type file\n"
        "  slave.pcm { type null }\n"
        f'  file "{folder / "out.raw"}"\n'
        '  format "raw"\n'
        "  truncate false\n"
        "}\n"
    )
    env = dict(os.environ, ALSA_CONFIG_PATH=str(config))
    return AlsaCapture(config, folder, env)


@dataclass
class PacedCapture:
    """ALSA's default device as a file fed through a pipe read at a sound card's pace."""

    out: Path
    env: dict[str, str]
    pacer: subprocess.Popen[bytes]

    def samples(self, timeout: float = 30.0) -> list[int]:
        """Everything the device received, once the stream has ended."""
        self.pacer.wait(timeout=timeout)
        data = array("h")
        data.frombytes(self.out.read_bytes())
        return data.tolist()


@pytest.fixture
def paced_capture(tmp_path: Path) -> Iterator[PacedCapture]:
    folder = tmp_path / "paced"
    folder.mkdir()
    fifo = folder / "device"
    os.mkfifo(fifo)
    out = folder / "out.raw"
    config = folder / "asound.conf"
    config.write_text(
        "pcm.!default {\n"
        "  type file\n"
        "  slave.pcm { type null }\n"
        f'  file "{fifo}"\n'
        '  format "raw"\n'
        "}\n"
    )
    pacer = subprocess.Popen([sys.executable, str(HERE / "alsa_pacer.py"), str(fifo), str(out)])
    env = dict(os.environ, ALSA_CONFIG_PATH=str(config))
    yield PacedCapture(out, env, pacer)
    if pacer.poll() is None:
        pacer.kill()
        pacer.wait()
