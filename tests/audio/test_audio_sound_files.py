"""The bundled cue sounds: present, reproducible, gentle and telling apart."""

from __future__ import annotations

import importlib.util
import itertools
import sys
import wave
from array import array
from pathlib import Path
from types import ModuleType

import pytest

from stretchtimer import locations
from stretchtimer.cues import CUE_NAMES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_sounds.py"
RATE = 44100
#: -12 dBFS of a 16-bit full scale.
PEAK_LIMIT = round(32767 * 0.2512)


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stretchtimer_make_sounds", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(script: ModuleType) -> dict[str, bytes]:
    result: dict[str, bytes] = script.render_all()
    return result


def samples_of(name: str) -> array[int]:
    with wave.open(str(locations.bundled_sounds_dir() / f"{name}.wav"), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        data = array("h")
        data.frombytes(wav.readframes(wav.getnframes()))
    return data


def test_script_makes_a_sound_for_every_cue(script: ModuleType) -> None:
    assert set(script.DESIGNS) == set(CUE_NAMES)


def test_committed_files_are_what_the_script_writes(generated: dict[str, bytes]) -> None:
    folder = locations.bundled_sounds_dir()
    for name in CUE_NAMES:
        assert (folder / f"{name}.wav").read_bytes() == generated[name], name


def test_check_mode_passes_on_the_committed_files(
    script: ModuleType, generated: dict[str, bytes], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(script, "render_all", lambda: generated)
    assert script.main(["--check", "--out", str(locations.bundled_sounds_dir())]) == 0
    assert capsys.readouterr().out == ""


def test_script_writes_into_an_empty_folder_and_check_notices_changes(
    script: ModuleType,
    generated: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys,
) -> None:
    monkeypatch.setattr(script, "render_all", lambda: generated)
    assert script.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.stem for p in tmp_path.glob("*.wav")) == sorted(CUE_NAMES)
    assert script.main(["--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "tick.wav").write_bytes(b"changed")
    capsys.readouterr()
    assert script.main(["--check", "--out", str(tmp_path)]) == 1
    assert "tick.wav: differs" in capsys.readouterr().out
    assert (tmp_path / "tick.wav").read_bytes() == b"changed"


@pytest.mark.parametrize("name", CUE_NAMES)
def test_each_cue_is_short_quiet_and_fades(name: str) -> None:
    data = samples_of(name)
    assert 0 < len(data) < RATE, "under a second"
    peak = max(abs(s) for s in data)
    assert 0 < peak <= PEAK_LIMIT, "no louder than -12 dBFS"
    # Fades: silent at both ends and rising smoothly, so nothing clicks.
    assert data[0] == 0 and data[-1] == 0
    edge = RATE // 1000  # the first and last millisecond
    assert max(abs(s) for s in data[:edge]) < peak * 0.05
    assert max(abs(s) for s in data[-edge:]) < peak * 0.05
    jumps = max(abs(b - a) for a, b in itertools.pairwise(data))
    assert jumps < peak * 0.5


def test_cues_are_all_different() -> None:
    fingerprints = {name: samples_of(name).tobytes() for name in CUE_NAMES}
    assert len(set(fingerprints.values())) == len(CUE_NAMES)


def _crossings_per_second(data: array[int]) -> float:
    """Zero crossings per second over the louder part: a stand-in for pitch."""
    peak = max(abs(s) for s in data)
    loud = [s for s in data if abs(s) > peak * 0.05]
    crossings = sum(1 for a, b in itertools.pairwise(loud) if (a < 0) != (b < 0))
    return crossings * RATE / 2 / len(loud)


def _halves(name: str) -> tuple[float, float]:
    data = samples_of(name)
    middle = len(data) // 2
    return _crossings_per_second(data[:middle]), _crossings_per_second(data[middle:])


def test_start_rises_and_rest_falls() -> None:
    start_first, start_second = _halves("start")
    rest_first, rest_second = _halves("rest")
    assert start_second > start_first * 1.2
    assert rest_second < rest_first / 1.2


def test_countdown_and_tick_are_the_shortest() -> None:
    lengths = {name: len(samples_of(name)) for name in CUE_NAMES}
    shortest = sorted(lengths, key=lengths.__getitem__)[:2]
    assert set(shortest) == {"countdown", "tick"}
    assert lengths["tick"] < RATE * 0.05
