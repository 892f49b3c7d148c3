"""Sound through the real command in a real terminal.

The app runs unmuted in tmux with ALSA pointed at a test-only configuration:
either a card that does not exist (nothing may reach the screen from
libasound) or a ``file`` device whose captured bytes must hold the cues.
"""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from harness import Tmux, eventually, stretchtimer_command

from stretchtimer import locations

ROUTINE = """\
name: Sound check
steps:
  - name: Short reach
    prepare: 1
    hold: 2
    instructions: [Reach up.]
"""


def _routine(tmp_path: Path) -> str:
    path = tmp_path / "sound-check.yaml"
    path.write_text(ROUTINE)
    return str(path)


def _frames(name: str, theme: str = locations.DEFAULT_SOUND_THEME) -> bytes:
    with wave.open(str(locations.bundled_sounds_dir(theme) / f"{name}.wav"), "rb") as wav:
        return wav.readframes(wav.getnframes())


def _played(capture: Path) -> bytes:
    """What the file device has written so far, in order."""
    return b"".join(p.read_bytes() for p in sorted(capture.glob("out.raw*")))


def _file_device(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An ALSA default device that writes what it plays to ``out.raw*`` files."""
    capture = tmp_path / "alsa"
    capture.mkdir()
    config = capture / "asound.conf"
    config.write_text(
        "pcm.!default {\n  type file\n  slave.pcm { type null }\n"
        f'  file "{capture / "out.raw"}"\n  format "raw"\n  truncate false\n}}\n'
    )
    return capture, {"ALSA_CONFIG_PATH": str(config)}


def test_no_sound_card_puts_nothing_on_the_screen(server: Tmux, tmp_path: Path) -> None:
    config = tmp_path / "asound.conf"
    config.write_text('pcm.!default { type hw card "nosuchcard" }\n')
    empty = tmp_path / "no-players"
    empty.mkdir()
    env = {"ALSA_CONFIG_PATH": str(config), "PATH": str(empty)}
    server.start(stretchtimer_command(tmp_path, "run", _routine(tmp_path), env=env))
    seen = [server.wait_for("Short reach", "Get ready")]
    seen.append(server.wait_for("Sound check — all done"))
    server.keys("q")
    seen.append(server.wait_for("stretchtimer exited with 0"))
    assert not any("ALSA" in screen or "snd_" in screen for screen in seen), seen


@pytest.mark.parametrize("theme", [None, "wood"])
def test_the_cues_reach_the_sound_device(server: Tmux, tmp_path: Path, theme: str | None) -> None:
    capture, env = _file_device(tmp_path)
    options = [] if theme is None else ["--sound-theme", theme]
    command = stretchtimer_command(tmp_path, "run", _routine(tmp_path), *options, env=env)
    server.start(command)
    server.wait_for("Sound check — all done")
    frames = {cue: _frames(cue, theme or "chimes") for cue in ("get-ready", "start", "complete")}
    # Leaving stops whatever still plays: the last cue is heard out before q.
    eventually(lambda: frames["complete"] in _played(capture), what="the complete cue")
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")
    played = _played(capture)
    for cue, data in frames.items():
        assert data in played, f"the {cue} cue did not reach the device"
    assert played.index(frames["get-ready"]) < played.index(frames["start"])
    assert played.index(frames["start"]) < played.index(frames["complete"])


def test_muted_nothing_reaches_the_sound_device(server: Tmux, tmp_path: Path) -> None:
    capture, env = _file_device(tmp_path)
    command = stretchtimer_command(tmp_path, "run", _routine(tmp_path), "--mute", env=env)
    server.start(command)
    server.wait_for("Sound check — all done")
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")
    # Not even a silent probe: a muted session never opens the device.
    assert list(capture.glob("out.raw*")) == []
