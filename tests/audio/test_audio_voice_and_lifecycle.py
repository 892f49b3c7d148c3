"""Spoken prompts, closing down, and the ALSA message handler."""

from __future__ import annotations

import ctypes
import gc
import os
import shutil
import threading
import time
from types import ModuleType

import pytest
from fresh_imports import loaded_after

from stretchtimer.audio import alsa, selection
from stretchtimer.audio.players import CuePlayer
from stretchtimer.audio.voice import Voice, find_voice_command
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session

SLEEP = shutil.which("sleep") or "/bin/sleep"


def audio_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "stretchtimer-audio"]


#: Phases long enough for the words to find room (see test_audio_speech_plan.py).
SIDES = Routine(
    "r",
    (
        Step("Neck tilt", hold=6, prepare=5, sides=("left", "right"), switch=3, rest=0),
        Step("Wrist circles", hold=6, prepare=5, rest=0),
    ),
)


def run(runner: ModuleType, audio, routine: Routine = SIDES) -> None:
    clock = FakeClock()
    session = Session(routine, clock)
    audio.attach(session)
    runner.run_session(session, clock, audio)


def test_voice_says_each_stretch_and_switch_sides_after_the_tone(
    runner, make_audio, commands
) -> None:
    commands.add("espeak-ng")
    audio = make_audio(voice=True, find_voice=find_voice_command)
    run(runner, audio)
    assert commands.calls(at_least=3) == [
        "espeak-ng -a 100 Neck tilt",
        "espeak-ng -a 100 switch sides",
        "espeak-ng -a 100 Wrist circles",
    ]
    assert audio.voice_available and audio.voice_enabled


def _process_state(pid: int) -> str | None:
    """The state letter in /proc (Z for a zombie), or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return None


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_a_phrase_spoken_to_its_end_leaves_no_zombie(tmp_path) -> None:
    pid_file = tmp_path / "pid"
    command = tmp_path / "espeak-ng"
    command.write_text(f'#!/bin/sh\necho $$ > "{pid_file}"\n')
    command.chmod(0o755)
    voice = Voice(("espeak-ng", str(command)))
    voice.speak("Neck tilt", 100)
    deadline = time.monotonic() + 5
    while not (pid_file.exists() and pid_file.read_text().strip()):
        assert time.monotonic() < deadline, "the speech command never ran"
        time.sleep(0.01)
    pid = int(pid_file.read_text())
    # Nothing here asks the process how it is (that would reap it): only /proc is read.
    while _process_state(pid) is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    # Still a zombie here would mean nobody waited for it while the app runs on.
    assert _process_state(pid) is None
    voice.close()


def test_voice_is_off_unless_asked_and_silent_when_muted(runner, make_audio, commands) -> None:
    commands.add("espeak-ng")
    run(runner, make_audio(voice=False, find_voice=find_voice_command))
    run(runner, make_audio(voice=True, mute=True, find_voice=find_voice_command))
    assert commands.calls() == []


def test_voice_follows_the_volume(make_audio, commands) -> None:
    commands.add("spd-say")
    audio = make_audio(voice=True, volume=50, find_voice=find_voice_command)
    session = Session(SIDES, FakeClock())
    audio.attach(session)
    session.start()
    audio.drain()
    # 50 is -15 dB, an amplitude of 18%: spd-say takes it as -100 + 18.
    assert commands.calls(at_least=1) == ["spd-say -i -82 Neck tilt"]


def test_without_a_speech_command_cues_are_tones_only(runner, make_audio, player, commands) -> None:
    audio = make_audio(voice=True, find_voice=find_voice_command)
    run(runner, audio)
    assert not audio.voice_available
    assert "start" in player.cues()
    assert audio.describe()[-1] == (
        "Voice: no speech command found (looked for espeak-ng, spd-say, say); "
        "cues will be tones only"
    )


def test_slow_speech_never_holds_up_the_session_and_close_ends_it(
    make_audio, commands, tmp_path
) -> None:
    pids = tmp_path / "pids"
    commands.add("espeak-ng", f'echo $$ >> "{pids}"; exec {SLEEP} 30')
    audio = make_audio(voice=True, find_voice=find_voice_command)
    clock = FakeClock()
    session = Session(SIDES, clock)
    audio.attach(session)
    session.start()
    audio.drain()
    deadline = time.monotonic() + 5
    while not pids.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    pid = int(pids.read_text().split()[0])
    os.kill(pid, 0)  # still speaking
    audio.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended and reaped


def test_close_stops_the_sound_and_leaves_no_thread(make_audio, player) -> None:
    audio = make_audio()
    assert audio_threads() == []  # the worker starts with the first cue
    clock = FakeClock()
    session = Session(SIDES, clock)
    audio.attach(session)
    session.start()
    audio.drain()
    assert len(audio_threads()) == 1
    audio.close()
    assert audio_threads() == []
    assert not audio.worker_alive
    assert player.closed and not player.playing
    audio.close()  # twice is fine
    clock.advance(1)
    session.update()  # events after close are ignored, not errors
    assert len(player.plays) == 1


def test_close_waits_out_a_slow_device_and_still_ends_the_thread(make_audio, player) -> None:
    player.gate = threading.Event()
    audio = make_audio()
    session = Session(SIDES, FakeClock())
    audio.attach(session)
    session.start()
    assert player.asked.wait(timeout=10)  # the worker is now stuck inside the device
    threading.Timer(0.2, player.gate.set).start()  # which answers while close waits
    audio.close()
    assert audio_threads() == []
    assert len(player.plays) == 1


def test_the_alsa_handler_silences_libasound_and_survives_collection(capfd) -> None:
    if not alsa.install_alsa_error_handler():
        pytest.skip("libasound is not installed")
    assert alsa.install_alsa_error_handler()  # twice is fine
    gc.collect()  # the callback must outlive any temporary reference to it
    library = ctypes.CDLL(alsa.LIBRARY)
    pcm = ctypes.c_void_p()
    assert library.snd_pcm_open(ctypes.byref(pcm), b"no-such-device", 0, 0) < 0
    assert capfd.readouterr().err == ""
    assert alsa.alsa_handler_status() == "libasound messages silenced"


def test_without_libasound_the_handler_reports_it_and_nothing_fails(monkeypatch) -> None:
    monkeypatch.setattr(alsa, "_handler", None)
    monkeypatch.setattr(alsa, "_status", None)
    monkeypatch.setattr(alsa, "LIBRARY", "libasound-missing.so.9")
    assert alsa.install_alsa_error_handler() is False
    assert alsa.alsa_handler_status().startswith("libasound-missing.so.9 not available")


def test_choosing_a_player_silences_libasound_before_any_probe(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(selection, "install_alsa_error_handler", lambda: calls.append("silenced"))

    def probe() -> CuePlayer:
        calls.append("probed")
        raise selection.Unavailable("no device")

    chosen = selection.select_player([("fake", probe)])
    assert calls == ["silenced", "probed"]
    assert chosen.rejected[0].reason == "no device"


def test_a_muted_start_loads_none_of_the_playing_machinery() -> None:
    """Started muted, no player, probe, worker or libasound is loaded until sound is wanted."""
    code = (
        "from stretchtimer.audio.session_audio import create_audio\n"
        "audio = create_audio(mute=True, volume=100, voice=False)\n"
    )
    machinery = ["ctypes", "simpleaudio", "stretchtimer.audio.players"]
    machinery += ["stretchtimer.audio.selection", "stretchtimer.audio.worker"]
    assert loaded_after(code, machinery) == []
