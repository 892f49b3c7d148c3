"""The real stack: simpleaudio and libasound, with ALSA pointed at files.

Each run is a subprocess because libasound reads its configuration and keeps
its error handler per process; the pytest process itself never opens a sound
device.
"""

from __future__ import annotations

import ctypes.util
import json
import math
import os
import subprocess
import sys
import wave
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from stretchtimer import locations
from stretchtimer.audio.players import FADE_SECONDS, READ_AHEAD_SECONDS
from stretchtimer.cues import CUE_NAMES

pytest.importorskip("simpleaudio")
if ctypes.util.find_library("asound") is None:
    pytest.skip("needs libasound (ALSA)", allow_module_level=True)


def run_helper(runner: ModuleType, env: dict[str, str], *args: str) -> tuple[dict[str, Any], bytes]:
    done = subprocess.run(
        [sys.executable, runner.__file__, *args],
        env=env,
        capture_output=True,
        timeout=60,
        start_new_session=True,  # no controlling terminal, so no stray bell
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return json.loads(done.stdout), done.stderr


def cue_frames() -> dict[str, bytes]:
    frames = {}
    for name in CUE_NAMES:
        with wave.open(str(locations.bundled_sounds_dir() / f"{name}.wav"), "rb") as wav:
            frames[name] = wav.readframes(wav.getnframes())
    return frames


def sounding(streams: list[bytes]) -> list[bytes]:
    """Streams that carried sound: drops the silent device probe."""
    return [s for s in streams if s.strip(b"\0")]


def test_a_session_reaches_the_device_as_the_cue_samples_in_order(runner, alsa_capture) -> None:
    report, stderr = run_helper(runner, alsa_capture.env)
    assert report["player"] == "simpleaudio", report["rejected"]
    assert report["played"] == runner.DEMO_CUES
    # Each cue has its latency reported; how soon is no wall-clock limit on a shared machine.
    assert len(report["latencies"]) == len(runner.DEMO_CUES)
    assert report["worker_alive"] is False
    assert report["messages"] == []
    frames = cue_frames()
    streams = sounding(alsa_capture.streams())
    assert streams == [frames[cue] for cue in runner.DEMO_CUES]
    assert stderr == b""


def test_muted_nothing_reaches_the_device(runner, alsa_capture) -> None:
    report, stderr = run_helper(runner, alsa_capture.env, "--mute")
    assert report["player"] == "simpleaudio"
    assert report["played"] == []
    assert sounding(alsa_capture.streams()) == []
    assert stderr == b""


def _level_db(samples: memoryview) -> float:
    return 10 * math.log10(sum(s * s for s in samples) / len(samples))


@pytest.mark.parametrize("volume", [70, 40, 10])
def test_each_volume_step_reaches_the_device_as_0_3_db(runner, alsa_capture, volume) -> None:
    """The volume curve as heard: 100 minus the volume, times 0.3 dB, on the real samples."""
    report, _ = run_helper(runner, alsa_capture.env, "--volume", str(volume))
    streams = sounding(alsa_capture.streams())
    assert len(streams) == len(report["played"]) == len(runner.DEMO_CUES)
    start = memoryview(cue_frames()["start"]).cast("h")
    captured = memoryview(streams[report["played"].index("start")]).cast("h")
    expected_db = -(100 - volume) * 0.3
    assert _level_db(captured) - _level_db(start) == pytest.approx(expected_db, abs=0.05)
    gain = 10 ** (expected_db / 20)
    assert list(captured) == [round(s * gain) for s in start]


@pytest.fixture
def no_sound_card(tmp_path: Path) -> dict[str, str]:
    """ALSA's default device is a card that does not exist; libasound complains.

    PATH is emptied too, so no command player on the machine running the
    tests gets to make real noise: the session ends up on the bell.
    """
    config = tmp_path / "asound.conf"
    config.write_text('pcm.!default { type hw card "nosuchcard" }\n')
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    return dict(os.environ, ALSA_CONFIG_PATH=str(config), PATH=str(empty))


def test_without_the_handler_libasound_writes_to_stderr(runner, no_sound_card) -> None:
    """The control for the next test: this configuration does make noise."""
    report, stderr = run_helper(runner, no_sound_card, "--raw-open")
    assert report["error"]
    assert b"ALSA lib" in stderr


def test_a_session_without_a_sound_device_keeps_stderr_empty(runner, no_sound_card) -> None:
    report, stderr = run_helper(runner, no_sound_card)
    assert stderr == b""
    rejected = dict(report["rejected"])
    assert rejected["simpleaudio"].startswith("cannot open the sound device")
    assert report["player"] == "terminal bell and screen flash"
    assert report["played"] == runner.DEMO_CUES


def _cut_and_fade(runner, capture, read_ahead: float) -> tuple[list[int], list[int]]:
    report, stderr = run_helper(runner, capture.env, "--fade-check", "0.3", str(read_ahead))
    assert report == {"stopped_after": 0.3} and stderr == b""
    heard = capture.samples()
    original = memoryview(runner.fade_tone()).cast("h").tolist()
    return heard, original


def _click_db(samples: list[int]) -> float:
    import numpy as np
    import sound_analysis

    return sound_analysis.click_level(np.array(samples, dtype=float) / 32768, 44100)


def test_a_stopped_sound_fades_out_on_the_device(runner, paced_capture) -> None:
    """What reaches a device read at its real pace: the tone, then 5 ms down to silence."""
    heard, original = _cut_and_fade(runner, paced_capture, READ_AHEAD_SECONDS)
    assert len(heard) >= len(original) // 2
    first_change = next(i for i, (a, b) in enumerate(zip(heard, original, strict=False)) if a != b)
    # It stopped before the tone ended: after the fade, nothing but silence.
    fade_frames = round(FADE_SECONDS * 44100)
    assert first_change < len(original) - fade_frames
    assert set(heard[first_change + fade_frames :]) == {0}
    fade = range(first_change, first_change + fade_frames)
    assert all(abs(heard[i]) <= abs(original[i]) for i in fade)
    assert abs(heard[fade[-1]]) <= 13000 * 2 / fade_frames
    assert _click_db(heard) < -70


def test_without_the_read_ahead_the_fade_comes_too_late_and_clicks(runner, paced_capture) -> None:
    """The control: fading where the device has already read gives the hard cut a listener hears."""
    heard, original = _cut_and_fade(runner, paced_capture, 0.0)
    assert _click_db(original) < -70
    assert _click_db(heard) > -50
