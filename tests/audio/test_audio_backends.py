"""Backend choice and the three backends, with the real ones made unavailable by hand."""

from __future__ import annotations

import os
import shutil
import sys
import types
import wave
from array import array
from pathlib import Path

import pytest

from stretchtimer.audio import players
from stretchtimer.audio.doctor import doctor_rows, sounds_row
from stretchtimer.audio.players import (
    FADE_SECONDS,
    READ_AHEAD_SECONDS,
    BellPlayer,
    CommandPlayer,
    SimpleaudioPlayer,
)
from stretchtimer.audio.selection import Rejection, Selection, select_player
from stretchtimer.audio.sounds import Sound
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session

#: Found before any test empties PATH.
SLEEP = shutil.which("sleep") or "/bin/sleep"


class FakePlayObject:
    def __init__(self, log: list[str]) -> None:
        self.log = log
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True
        self.log.append("stop")

    def is_playing(self) -> bool:
        return not self.stopped


def fake_simpleaudio(fail: str | None = None) -> tuple[types.ModuleType, list[str]]:
    log: list[str] = []
    module = types.ModuleType("simpleaudio")

    def play_buffer(data: bytes, channels: int, width: int, rate: int) -> FakePlayObject:
        if fail:
            raise RuntimeError(fail)
        log.append(f"play {len(data)} bytes {channels}ch {width * 8}bit {rate}Hz")
        return FakePlayObject(log)

    module.play_buffer = play_buffer  # type: ignore[attr-defined]
    return module, log


@pytest.fixture
def no_simpleaudio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "simpleaudio", None)  # import now raises ImportError


def reasons(selection: Selection) -> dict[str, str]:
    return {r.backend: r.reason for r in selection.rejected}


def test_simpleaudio_comes_first_when_it_opens_the_device(monkeypatch, commands) -> None:
    module, log = fake_simpleaudio()
    monkeypatch.setitem(sys.modules, "simpleaudio", module)
    commands.add("aplay")
    selection = select_player()
    assert isinstance(selection.player, SimpleaudioPlayer)
    assert selection.rejected == ()
    assert log == ["play 440 bytes 1ch 16bit 44100Hz", "stop"]  # the silent probe


def test_without_simpleaudio_the_first_working_command_plays(no_simpleaudio, commands) -> None:
    commands.add("paplay", "exit 1")  # present, but no sound server
    commands.add("aplay")
    commands.add("afplay")
    selection = select_player()
    assert isinstance(selection.player, CommandPlayer)
    assert selection.player.name == "aplay"
    assert reasons(selection) == {
        "simpleaudio": "module not installed (pip install 'stretchtimer[audio]')",
        "pw-play": "command not found on PATH",
        "paplay": "could not play a silent test sound (exit status 1; no sound device?)",
    }
    selection.player.close()


def test_a_device_that_will_not_open_is_reported_with_its_error(monkeypatch, commands) -> None:
    module, _ = fake_simpleaudio(fail="Error opening PCM device. -- CODE: -2")
    monkeypatch.setitem(sys.modules, "simpleaudio", module)
    selection = select_player()
    assert reasons(selection)["simpleaudio"] == (
        "cannot open the sound device (Error opening PCM device. -- CODE: -2)"
    )


def test_with_no_commands_either_the_bell_is_left(no_simpleaudio, commands) -> None:
    selection = select_player()
    assert isinstance(selection.player, BellPlayer)
    assert reasons(selection) == {
        "simpleaudio": "module not installed (pip install 'stretchtimer[audio]')",
        "pw-play": "command not found on PATH",
        "paplay": "command not found on PATH",
        "aplay": "command not found on PATH",
        "afplay": "command not found on PATH",
    }


def test_a_backend_that_crashes_while_probing_is_just_passed_over() -> None:
    def broken() -> BellPlayer:
        raise ZeroDivisionError

    selection = select_player([("broken", broken), ("bell", BellPlayer)])
    assert isinstance(selection.player, BellPlayer)
    assert selection.rejected[0].backend == "broken"
    assert "ZeroDivisionError" in selection.rejected[0].reason


def doctor_lines(selection: Selection | None = None, theme: str = "chimes") -> list[str]:
    return [line for row in doctor_rows(selection, theme=theme) for line in row.lines()]


def test_the_doctor_names_the_backend_and_every_reason(tmp_path, commands) -> None:
    selection = Selection(
        BellPlayer(),
        (
            Rejection("simpleaudio", "cannot open the sound device (no card)"),
            Rejection("aplay", "command not found on PATH"),
        ),
    )
    lines = doctor_lines(selection)
    assert lines[:3] == [
        "Sound output: terminal bell and screen flash (no sound player works here)",
        "  passed over simpleaudio: cannot open the sound device (no card)",
        "  passed over aplay: command not found on PATH",
    ]
    assert (
        "Voice: no speech command found (looked for espeak-ng, spd-say, say); "
        "cues will be tones only"
    ) in lines
    assert any(line.startswith("ALSA: ") for line in lines)
    assert any(line.startswith("Cue sounds: all 8 of the chimes theme found in ") for line in lines)
    assert lines[-1] == "Hear them: stretchtimer sounds --play (each cue named as it plays)"
    wood = doctor_lines(selection, theme="wood")
    assert any(
        line.startswith("Cue sounds: all 8 of the wood theme found in ") and "wood" in line
        for line in wood
    )


def test_the_doctor_names_missing_cue_files(tmp_path) -> None:
    (tmp_path / "start.wav").write_bytes(b"")
    (line,) = sounds_row(tmp_path, "wood").lines()
    assert line.startswith("Cue sounds: missing get-ready.wav, countdown.wav")
    assert "start.wav" not in line and line.endswith(f"of the wood theme in {tmp_path}")


def test_the_doctor_shows_the_command_and_voice_found(no_simpleaudio, commands) -> None:
    aplay = commands.add("aplay")
    espeak = commands.add("espeak-ng")
    lines = doctor_lines()
    assert lines[0] == f"Sound output: aplay ({aplay} played a silent test sound)"
    assert f"Voice: espeak-ng ({espeak})" in lines


def tone(seconds: float = 0.01) -> Sound:
    return Sound(b"\x01\x00" * round(seconds * 44100), 1, 44100, label="tone")


def test_the_command_player_gets_a_wav_file_and_stays_silent(commands, capfd) -> None:
    # The fake player shouts on stdout and stderr; none of it may reach the terminal.
    commands.add("aplay", 'echo noise; echo "more noise" >&2')
    selection = select_player()
    player = selection.player
    assert isinstance(player, CommandPlayer)
    sound = tone()
    player.play(sound)
    assert player.wait_done(5)
    player.play(sound)  # the same sound again reuses its file
    assert player.wait_done(5)
    calls = commands.calls()
    assert len(calls) == 3  # probe, then two cues
    played = Path(calls[1].split()[-1])
    assert calls[2] == calls[1]
    with wave.open(str(played), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44100)
        assert wav.readframes(wav.getnframes()) == sound.frames
    player.close()
    assert not played.exists()
    assert capfd.readouterr() == ("", "")


def test_stopping_the_command_player_ends_its_process(commands) -> None:
    commands.add("aplay", f'case "$*" in *silence*) exit 0;; esac; exec {SLEEP} 30')
    player = select_player().player
    assert isinstance(player, CommandPlayer)
    player.play(tone())
    assert not player.wait_done(0.05)
    player.stop()
    assert player.wait_done(0)
    player.close()


def test_simpleaudio_player_plays_a_private_copy_of_the_samples() -> None:
    module, log = fake_simpleaudio()
    player = SimpleaudioPlayer(module)
    sound = tone()
    player.play(sound)
    player.play(tone(0.02))
    player.stop()
    assert log == ["play 882 bytes 1ch 16bit 44100Hz", "play 1764 bytes 1ch 16bit 44100Hz"]
    assert sound.frames == b"\x01\x00" * 441  # the library's copy is never touched


def loud_tone(seconds: float) -> Sound:
    samples = array("h", [10000 if i % 2 else -10000 for i in range(round(seconds * 44100))])
    return Sound(samples.tobytes(), 1, 44100, label="loud")


def test_stopping_fades_out_just_past_what_the_device_may_have_read() -> None:
    """The device may hold 0.35 s already read: the fade starts after that and lasts 5 ms."""
    buffers: list[bytearray] = []
    module, _ = fake_simpleaudio()
    real_play = module.play_buffer

    def play_buffer(data, channels, width, rate):  # type: ignore[no-untyped-def]
        buffers.append(data)
        return real_play(data, channels, width, rate)

    module.play_buffer = play_buffer  # type: ignore[attr-defined]
    clock = FakeClock()
    player = SimpleaudioPlayer(module, clock=clock.now)
    sound = loud_tone(1.0)
    player.play(sound)
    clock.advance(0.3)
    player.stop()
    heard = memoryview(buffers[0]).cast("h")
    original = memoryview(sound.frames).cast("h")
    fade_from = round((0.3 + READ_AHEAD_SECONDS) * 44100)
    fade_frames = round(FADE_SECONDS * 44100)
    assert heard[:fade_from].tolist() == original[:fade_from].tolist()
    ramp = [abs(v) for v in heard[fade_from : fade_from + fade_frames]]
    assert ramp == sorted(ramp, reverse=True) and 0 < ramp[-1] < 10000 / fade_frames * 2
    assert set(heard[fade_from + fade_frames :].tolist()) == {0}


def test_a_sound_stopped_after_its_end_or_too_near_it_is_left_whole() -> None:
    buffers: list[bytearray] = []
    module, _ = fake_simpleaudio()
    real_play = module.play_buffer

    def play_buffer(data, channels, width, rate):  # type: ignore[no-untyped-def]
        buffers.append(data)
        return real_play(data, channels, width, rate)

    module.play_buffer = play_buffer  # type: ignore[attr-defined]
    clock = FakeClock()
    player = SimpleaudioPlayer(module, clock=clock.now)
    for wait in (0.5, 0.9):  # ended; still playing, but all of it already read
        sound = loud_tone(0.6)
        player.play(sound)
        clock.advance(wait)
        player.stop()
        assert bytes(buffers[-1]) == sound.frames


def test_the_bell_flashes_through_the_app_when_it_has_a_handler(make_audio) -> None:
    rung: list[str] = []
    bell = BellPlayer(bell=lambda: rung.append("bell"))
    audio = make_audio(player=bell)
    flashes: list[str] = []
    audio.set_flash_handler(lambda: flashes.append("flash"))
    clock = FakeClock()
    session = Session(Routine("r", (Step("One", hold=2, prepare=0),)), clock)
    audio.attach(session)
    session.start()
    audio.drain()
    assert (flashes, rung) == (["flash"], [])
    audio.set_flash_handler(None)  # the app has gone: ring the terminal directly
    clock.advance(1)
    session.update()
    audio.drain()
    assert (flashes, rung) == (["flash"], ["bell"])


def test_without_a_handler_the_bell_goes_to_the_terminal_device(monkeypatch) -> None:
    read_end, write_end = os.pipe()
    opened: list[str] = []

    def fake_open(path: str, flags: int) -> int:
        opened.append(path)
        return write_end

    monkeypatch.setattr(players.os, "open", fake_open)
    BellPlayer().play(tone())
    assert opened == ["/dev/tty"]
    assert os.read(read_end, 10) == b"\a"
    os.close(read_end)


def test_without_a_terminal_the_bell_is_silently_skipped(monkeypatch) -> None:
    def no_terminal(path: str, flags: int) -> int:
        raise OSError(6, "No such device or address")

    monkeypatch.setattr(players.os, "open", no_terminal)
    BellPlayer().play(tone())
