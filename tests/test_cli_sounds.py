"""``stretchtimer sounds``, ``--sound-theme`` and ``sound_theme``, from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.audio.sounds import volume_gain
from stretchtimer.cli import main
from stretchtimer.cues import CUE_NAMES, Cue
from stretchtimer.sound_themes import CUE_MEANINGS, THEMES, theme_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_config(text: str) -> None:
    locations.config_file().parent.mkdir(parents=True, exist_ok=True)
    locations.config_file().write_text(text)


def test_sounds_lists_each_cue_of_the_default_theme_with_its_meaning(capsys) -> None:
    code, out, err = run(capsys, "sounds")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Sound theme: chimes (soft bells, the default)"
    assert lines[1 : 1 + len(CUE_NAMES)] == [f"  {c.value:<10} {CUE_MEANINGS[c]}" for c in Cue]
    assert "Other themes: wood." in out
    assert lines[-1] == "Hear them: stretchtimer sounds --play"


def test_the_option_beats_the_config_which_beats_the_default(capsys) -> None:
    write_config('sound_theme = "wood"\n')
    assert run(capsys, "sounds")[1].startswith("Sound theme: wood (")
    assert run(capsys, "sounds", "--sound-theme", "chimes")[1].startswith("Sound theme: chimes (")
    assert run(capsys, "--sound-theme", "chimes", "sounds")[1].startswith("Sound theme: chimes (")


def test_an_unknown_theme_on_the_command_line_is_refused(capsys) -> None:
    code, out, err = run(capsys, "run", "desk-break", "--sound-theme", "bells")
    assert code == 1 and out == ""
    assert "unknown sound theme 'bells'; choose one of: chimes, wood" in err
    assert "Traceback" not in err


def test_an_unknown_theme_in_the_config_falls_back_to_the_default_theme(capsys) -> None:
    write_config('sound_theme = "bells"\n')
    code, out, err = run(capsys, "sounds")
    assert code == 0 and out.startswith("Sound theme: chimes (")
    assert "warning:" in err and "'sound_theme' must be one of chimes, wood" in err


def _file_device(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    capture = tmp_path / "alsa"
    capture.mkdir()
    config = capture / "asound.conf"
    config.write_text(
        "pcm.!default {\n  type file\n  slave.pcm { type null }\n"
        f'  file "{capture / "out.raw"}"\n  format "raw"\n  truncate false\n}}\n'
    )
    return capture, dict(os.environ, ALSA_CONFIG_PATH=str(config))


def _command(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretchtimer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,
        check=False,
    )


def test_sounds_play_sends_every_cue_of_the_theme_to_the_device_and_names_it(tmp_path) -> None:
    pytest.importorskip("simpleaudio")
    capture, env = _file_device(tmp_path)
    done = _command(
        env, "sounds", "--play", "--sound-theme", "wood", "--volume", "70", "--gap", "0"
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == f"Sound theme: wood ({THEMES['wood']}), at volume 70"
    assert lines[1] == "Sound output: simpleaudio (the default sound device opened)"
    assert lines[2 : 2 + len(CUE_NAMES)] == [f"  {c.value:<10} {CUE_MEANINGS[c]}" for c in Cue]
    streams = [p.read_bytes() for p in sorted(capture.glob("out.raw*"))]
    sounding = [s for s in streams if s.strip(b"\0")]
    gain = volume_gain(70)
    expected = []
    for cue in CUE_NAMES:
        with wave.open(str(theme_dir("wood") / f"{cue}.wav"), "rb") as wav:
            frames = memoryview(wav.readframes(wav.getnframes())).cast("h")
        expected.append([round(s * gain) for s in frames])
    assert [memoryview(s).cast("h").tolist() for s in sounding] == expected


def test_doctor_names_the_theme_and_points_to_sounds_play(tmp_path) -> None:
    _, env = _file_device(tmp_path)
    write_config('sound_theme = "wood"\n')
    done = _command(env, "doctor")
    assert "Traceback" not in done.stderr
    assert "theme wood" in done.stdout
    assert f"all 8 of the wood theme found in {theme_dir('wood')}" in done.stdout
    assert "stretchtimer sounds --play (each cue named as it plays)" in done.stdout


def test_the_sound_theme_setting_is_saved_and_read_back(tmp_path) -> None:
    from stretchtimer.config import Config, load_config, read_config, save_setting

    path = tmp_path / "config.toml"
    save_setting("sound_theme", "wood", path)
    assert 'sound_theme = "wood"' in path.read_text()
    assert load_config(path).sound_theme == "wood"
    assert Config().sound_theme == "chimes"
    path.write_text('sound_theme = "kazoo"\nvolume = 40\n')
    reading = read_config(path)  # an unknown theme costs only that setting
    assert reading.config == Config(volume=40)
    assert "'sound_theme' must be one of" in reading.problems[0]
