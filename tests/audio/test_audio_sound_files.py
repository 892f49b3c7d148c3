"""The bundled sound themes: reproducible, and fit to follow with the eyes closed.

Every rule is measured by ``scripts/sound_analysis.py``, the same code that
``scripts/make_sounds.py --check`` runs, on every theme the script makes.
The measures themselves are checked against signals whose answer is known,
so a broken meter cannot pass a broken theme.
"""

from __future__ import annotations

from pathlib import Path

import make_sounds
import numpy as np
import pytest
import sound_analysis as sa

from stretchtimer import locations
from stretchtimer.cues import CUE_NAMES

RATE = 44100
THEMES = tuple(make_sounds.THEMES)


@pytest.fixture(scope="module")
def generated() -> dict[str, dict[str, bytes]]:
    return make_sounds.render_all()


@pytest.fixture(scope="module")
def reports() -> dict[str, sa.ThemeReport]:
    return {
        theme: sa.check_folder(locations.bundled_sounds_dir(theme), CUE_NAMES) for theme in THEMES
    }


def tone(hz: float, seconds: float, amplitude: float = 0.5) -> sa.Signal:
    t = np.arange(round(seconds * RATE)) / RATE
    return amplitude * np.sin(2 * np.pi * hz * t)


def faded(signal: sa.Signal) -> sa.Signal:
    """A signal with 5 ms raised-cosine edges, as a clean cue has."""
    edge = round(0.005 * RATE)
    ramp = 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, edge))
    out = signal.copy()
    out[:edge] *= ramp
    out[-edge:] *= ramp[::-1]
    out[0] = out[-1] = 0.0
    return out


# --- the files -------------------------------------------------------------------------------


def test_there_are_at_least_two_themes_and_chimes_is_the_default() -> None:
    assert len(THEMES) >= 2
    assert locations.DEFAULT_SOUND_THEME in THEMES


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_has_a_sound_for_every_cue(theme: str) -> None:
    assert set(make_sounds.THEMES[theme]) == set(CUE_NAMES)


def test_committed_files_are_what_the_script_writes(generated: dict[str, dict[str, bytes]]) -> None:
    folder = locations.bundled_themes_dir()
    on_disk = {p.relative_to(folder) for p in folder.rglob("*.wav")}
    assert on_disk == {Path(t) / f"{c}.wav" for t in THEMES for c in CUE_NAMES}
    for theme, files in generated.items():
        for name, data in files.items():
            assert (folder / theme / f"{name}.wav").read_bytes() == data, f"{theme}/{name}"


def test_check_mode_passes_on_the_committed_files_and_shows_the_figures(
    generated: dict[str, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(make_sounds, "render_all", lambda: generated)
    assert make_sounds.main(["--check", "--out", str(locations.bundled_themes_dir())]) == 0
    out = capsys.readouterr().out
    for theme in THEMES:
        assert f"{theme}: main cues' ear level" in out
    assert "most alike openings" in out


def test_script_writes_into_an_empty_folder_and_check_notices_changes(
    generated: dict[str, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys,
) -> None:
    monkeypatch.setattr(make_sounds, "render_all", lambda: generated)
    assert make_sounds.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.stem for p in (tmp_path / "wood").glob("*.wav")) == sorted(CUE_NAMES)
    assert make_sounds.main(["--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "wood" / "tick.wav").write_bytes(b"changed")
    capsys.readouterr()
    assert make_sounds.main(["--check", "--out", str(tmp_path)]) == 1
    assert "wood/tick.wav: differs" in capsys.readouterr().out
    assert (tmp_path / "wood" / "tick.wav").read_bytes() == b"changed"


def test_check_mode_fails_on_a_theme_that_breaks_a_rule(
    generated: dict[str, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys,
) -> None:
    """A cue made 6 dB quieter is up to date with the script but off the loudness target."""
    quiet_start = make_sounds.wav_bytes([round(s / 2) for s in make_sounds.chimes_start()])
    changed = {**generated, "chimes": {**generated["chimes"], "start": quiet_start}}
    monkeypatch.setattr(make_sounds, "render_all", lambda: changed)
    assert make_sounds.main(["--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert make_sounds.main(["--check", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "chimes/start: integrates at -24.0 LUFS" in out


# --- every theme meets every rule -----------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_main_cues_sit_at_desktop_loudness(theme: str, reports) -> None:
    for name in sa.MAIN_CUES:
        lufs = reports[theme].cues[name].integrated_lufs
        assert lufs is not None
        assert abs(lufs - sa.TARGET_LUFS) <= sa.LOUDNESS_TOLERANCE, (name, lufs)


@pytest.mark.parametrize("theme", THEMES)
def test_short_cues_sound_as_loud_as_the_main_ones(theme: str, reports) -> None:
    report = reports[theme]
    for name in sa.SHORT_CUES:
        ear = report.cues[name].ear_lufs
        assert abs(ear - report.main_ear_lufs) <= sa.SHORT_CUE_TOLERANCE, (name, ear)


@pytest.mark.parametrize("theme", THEMES)
def test_every_pair_of_cues_differs_within_its_first_100_ms(theme: str, reports) -> None:
    similarities = reports[theme].similarities
    assert len(similarities) == len(CUE_NAMES) * (len(CUE_NAMES) - 1) // 2
    alike = {pair: round(v, 2) for pair, v in similarities.items() if v > sa.MAX_ONSET_SIMILARITY}
    assert alike == {}


@pytest.mark.parametrize("theme", THEMES)
def test_get_ready_carries_on_laptop_speakers(theme: str, reports) -> None:
    assert reports[theme].cues["get-ready"].high_share >= sa.MIN_HIGH_SHARE


@pytest.mark.parametrize("theme", THEMES)
def test_every_cue_is_clean(theme: str, reports) -> None:
    for m in reports[theme].cues.values():
        assert m.silent_ends and m.edge_share <= sa.MAX_EDGE_SHARE, (m.name, "fades")
        assert m.dc_share <= sa.MAX_DC_SHARE, (m.name, "DC")
        assert m.click_db <= sa.MAX_CLICK_DB, (m.name, "click")
        assert m.peak_dbfs <= sa.MAX_PEAK_DBFS, (m.name, "peak")


@pytest.mark.parametrize("theme", THEMES)
def test_no_rule_is_broken(theme: str, reports) -> None:
    assert reports[theme].problems == []


def _dominant_hz(signal: sa.Signal) -> float:
    power = np.abs(np.fft.rfft(signal * np.hanning(len(signal)))) ** 2
    return float(np.fft.rfftfreq(len(signal), 1 / RATE)[np.argmax(power)])


def _first_and_last_pitch(theme: str, name: str) -> tuple[float, float]:
    signal, _ = sa.read(locations.bundled_sounds_dir(theme) / f"{name}.wav")
    tenth = RATE // 10
    return _dominant_hz(signal[:tenth]), _dominant_hz(signal[-3 * tenth : -tenth])


@pytest.mark.parametrize("theme", THEMES)
def test_start_rises_and_rest_falls(theme: str) -> None:
    start_first, start_last = _first_and_last_pitch(theme, "start")
    rest_first, rest_last = _first_and_last_pitch(theme, "rest")
    assert start_last > start_first * 1.2
    assert rest_last < rest_first / 1.2


@pytest.mark.parametrize("theme", THEMES)
def test_countdown_and_tick_are_short_and_nothing_lasts_a_second(theme: str, reports) -> None:
    seconds = {m.name: m.seconds for m in reports[theme].cues.values()}
    assert max(seconds.values()) < 1.0
    assert seconds["countdown"] <= 0.15 and seconds["tick"] <= 0.06
    assert min(seconds[name] for name in sa.MAIN_CUES) >= 0.4


# --- the measures answer right on signals whose answer is known ----------------------------


def test_loudness_reads_a_997_hz_sine_as_the_standard_says() -> None:
    """BS.1770: a full-scale 997 Hz sine reads -3.01 LUFS, so amplitude A reads 20 log A - 3.01."""
    amplitude = 10 ** (-15 / 20)
    assert sa.integrated_loudness(tone(997, 2.0, amplitude), RATE) == pytest.approx(
        -18.01, abs=0.05
    )


def test_ear_level_hears_a_short_sound_as_softer() -> None:
    """Halving a sound shorter than the ear's window costs 3 dB; a long one keeps its level."""
    long = sa.ear_level(tone(997, 0.5), RATE)
    full = sa.ear_level(tone(997, sa.EAR_WINDOW), RATE)
    half = sa.ear_level(tone(997, sa.EAR_WINDOW / 2), RATE)
    assert full == pytest.approx(long, abs=0.1)
    assert half == pytest.approx(full - 3.01, abs=0.1)


def test_onset_similarity_tells_a_pip_from_a_new_sound_but_not_from_itself() -> None:
    pip = faded(tone(880, 0.09))
    longer_pip = np.concatenate([faded(tone(880, 0.09)), np.zeros(RATE // 10), tone(660, 0.2)])
    other = faded(tone(660, 0.09))
    same_start = sa.onset_similarity(
        sa.onset_spectra(pip, RATE), sa.onset_spectra(longer_pip, RATE)
    )
    different = sa.onset_similarity(sa.onset_spectra(pip, RATE), sa.onset_spectra(other, RATE))
    assert same_start > 0.95
    assert different < 0.1


def test_onset_is_measured_from_where_the_sound_begins() -> None:
    pip = faded(tone(880, 0.09))
    late = np.concatenate([np.zeros(RATE // 5), pip])
    assert sa.onset_similarity(sa.onset_spectra(pip, RATE), sa.onset_spectra(late, RATE)) > 0.99


def test_a_low_get_ready_is_caught() -> None:
    assert sa.energy_share_above(faded(tone(392, 0.5)), RATE, 500) < 0.05
    assert sa.energy_share_above(faded(tone(784, 0.5)), RATE, 500) > 0.95


def test_a_sound_cut_mid_wave_clicks_and_a_faded_one_does_not() -> None:
    clean = faded(tone(880, 0.3))
    cut = clean.copy()
    cut[RATE // 10 :] = 0.0
    fade = round(0.004 * RATE)
    gentle = clean.copy()
    gentle[RATE // 10 : RATE // 10 + fade] *= np.linspace(1.0, 0.0, fade)
    gentle[RATE // 10 + fade :] = 0.0
    assert sa.click_level(clean, RATE) < sa.MAX_CLICK_DB
    assert sa.click_level(gentle, RATE) < sa.MAX_CLICK_DB
    assert sa.click_level(cut, RATE) > sa.MAX_CLICK_DB + 20


def test_check_cues_names_each_broken_rule() -> None:
    """A theme of the issue's faults: quiet, low, a switch that opens like the pip, a DC offset."""
    pip = faded(tone(880, 0.09, 0.3))
    cues = {
        "get-ready": faded(tone(392, 0.6, 0.02)),
        "start": faded(tone(523, 0.5, 0.2)),
        "switch": np.concatenate([pip, faded(tone(659, 0.4, 0.3))]),
        "rest": faded(tone(784, 0.6, 0.2)),
        "next": faded(tone(587, 0.5, 0.2)),
        "complete": faded(tone(1046, 0.8, 0.2)),
        "countdown": pip,
        "tick": faded(tone(1600, 0.04, 0.3)) + 0.01,
    }
    report = sa.check_cues("bad", {name: (s, RATE) for name, s in cues.items()})
    text = "\n".join(report.problems)
    assert "bad/get-ready: integrates at" in text
    assert "bad/get-ready: only 0% of its energy is above 500 Hz" in text
    assert "bad/switch and bad/countdown: open alike" in text or (
        "bad/countdown and bad/switch: open alike" in text
    )
    assert "bad/tick: DC offset" in text
    assert "bad/tick: does not fade in and out from silence" in text
