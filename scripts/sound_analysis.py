"""What makes a set of cue sounds fit to follow with the eyes closed, measured.

A cue only works if it is heard and recognised before the next one: loud
enough next to the desktop's own sounds, not lost on a laptop's small
speakers, and telling apart from every other cue within its first tenth of a
second. This module turns those needs into numbers and limits, so that
``scripts/make_sounds.py --check`` and the test suite hold every bundled
theme to exactly the same rules. It needs numpy and pyloudnorm (a BS.1770
meter), which are development tools only: nothing here runs in the app.

The rules, and why:

- Loudness: the main cues integrate at -18 LUFS +-2 over the whole file
  (ITU-R BS.1770), the level of a desktop's alert sounds.
- Short cues (the countdown pip and the rep tick) are too short for a
  400 ms BS.1770 block, and the ear sums energy over roughly a tenth of a
  second anyway, so they are balanced on their *ear level*: the K-weighted
  loudness of their loudest 100 ms, which must be within 2 LU of the main
  cues' own ear level.
- Onsets: the semitone-band spectra of the first 100 ms of any two cues, in
  10 ms hops from each cue's onset, have a cosine similarity of at most 0.80.
- Small speakers: at least half of get-ready's energy lies above 500 Hz.
- Clean: silent first and last samples, fades at both edges, no DC offset,
  no burst of energy above 12 kHz (the mark of a click), and peaks below
  -1 dBFS.
"""

from __future__ import annotations

import itertools
import wave
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyloudnorm

Signal = npt.NDArray[np.float64]

MAIN_CUES = ("get-ready", "start", "switch", "rest", "next", "complete")
SHORT_CUES = ("countdown", "tick")

TARGET_LUFS = -18.0
LOUDNESS_TOLERANCE = 2.0
#: The ear's integration time used for the ear level of every cue.
EAR_WINDOW = 0.1
EAR_HOP = 0.01
SHORT_CUE_TOLERANCE = 2.0

ONSET_SECONDS = 0.1
ONSET_HOP = 0.01
#: 2048 samples at 44.1 kHz: long enough to resolve semitones above ~150 Hz.
ONSET_WINDOW = 2048
ONSET_FFT = 16384
#: A2 (110 Hz) to E9 (~10.5 kHz), one band per semitone.
ONSET_LOWEST_MIDI = 45
ONSET_HIGHEST_MIDI = 124
#: The onset is where the sound first reaches -40 dB of its peak.
ONSET_THRESHOLD = 0.01
MAX_ONSET_SIMILARITY = 0.80

HIGH_SHARE_CUE = "get-ready"
HIGH_SHARE_FROM_HZ = 500.0
MIN_HIGH_SHARE = 0.5

MAX_PEAK_DBFS = -1.0
#: Mean sample value, as a share of the peak.
MAX_DC_SHARE = 0.005
#: First and last millisecond stay under this share of the peak.
MAX_EDGE_SHARE = 0.05
CLICK_FROM_HZ = 12000.0
CLICK_FRAME = 0.005
#: Energy above CLICK_FROM_HZ in any 5 ms frame, in dB under the loudest frame.
MAX_CLICK_DB = -70.0


def read(path: Path) -> tuple[Signal, int]:
    """A 16-bit mono WAV file as floats in [-1, 1], with its rate."""
    with wave.open(str(path), "rb") as wav:
        if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
            raise ValueError(f"{path}: expected 16-bit mono")
        rate = wav.getframerate()
        raw = wav.readframes(wav.getnframes())
    return np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0, rate


def _db(power: float) -> float:
    return float(10.0 * np.log10(power)) if power > 0 else float("-inf")


def integrated_loudness(signal: Signal, rate: int) -> float:
    """BS.1770 integrated loudness of the whole file, in LUFS.

    A file shorter than one 400 ms block is measured with silence after it,
    as it is heard between cues.
    """
    block = round(0.4 * rate)
    if len(signal) < block:
        signal = np.concatenate([signal, np.zeros(block - len(signal))])
    return float(pyloudnorm.Meter(rate).integrated_loudness(signal))


def ear_level(signal: Signal, rate: int) -> float:
    """K-weighted loudness of the loudest EAR_WINDOW of the sound, in LUFS.

    A sound shorter than the window is measured as the ear hears it: its
    energy spread over the whole window, silence included.
    """
    padded = np.concatenate([signal, np.zeros(round(EAR_WINDOW * rate))])
    meter = pyloudnorm.Meter(rate, block_size=EAR_WINDOW, overlap=1.0 - EAR_HOP / EAR_WINDOW)
    meter.integrated_loudness(padded)
    return float(max(meter.blockwise_loudness))


def onset_index(signal: Signal) -> int:
    peak = float(np.max(np.abs(signal)))
    return int(np.argmax(np.abs(signal) >= peak * ONSET_THRESHOLD))


def _band_edges(rate: int) -> npt.NDArray[np.int64]:
    midi = np.arange(ONSET_LOWEST_MIDI, ONSET_HIGHEST_MIDI + 2) - 0.5
    hz = 440.0 * 2.0 ** ((midi - 69.0) / 12.0)
    return np.round(hz * ONSET_FFT / rate).astype(np.int64)


def onset_spectra(signal: Signal, rate: int) -> Signal:
    """Semitone-band amplitudes of the first 100 ms, one row per 10 ms hop.

    Each frame is centred on its hop; anything past the first 100 ms is left
    out, so only the opening counts.
    """
    start = onset_index(signal)
    length = round(ONSET_SECONDS * rate)
    opening = signal[start : start + length]
    half = ONSET_WINDOW // 2
    padded = np.concatenate(
        [np.zeros(half), opening, np.zeros(length - len(opening) + ONSET_WINDOW)]
    )
    window = np.hanning(ONSET_WINDOW)
    edges = _band_edges(rate)
    hop = round(ONSET_HOP * rate)
    rows = []
    for k in range(round(ONSET_SECONDS / ONSET_HOP)):
        frame = padded[k * hop : k * hop + ONSET_WINDOW] * window
        power = np.abs(np.fft.rfft(frame, ONSET_FFT)) ** 2
        cumulative = np.concatenate([[0.0], np.cumsum(power)])
        bands = cumulative[edges[1:]] - cumulative[edges[:-1]]
        rows.append(np.sqrt(np.maximum(bands, 0.0)))
    return np.array(rows)


def onset_similarity(a: Signal, b: Signal) -> float:
    """Cosine similarity of two onset spectra (1 = the same opening)."""
    va, vb = a.ravel(), b.ravel()
    return float(np.dot(va, vb) / (np.linalg.norm(va) * np.linalg.norm(vb)))


def energy_share_above(signal: Signal, rate: int, hz: float) -> float:
    power = np.abs(np.fft.rfft(signal)) ** 2
    freqs = np.fft.rfftfreq(len(signal), 1.0 / rate)
    return float(power[freqs > hz].sum() / power.sum())


def click_level(signal: Signal, rate: int) -> float:
    """Worst energy above CLICK_FROM_HZ in a 5 ms frame, in dB under the loudest frame."""
    size = round(CLICK_FRAME * rate)
    hop = size // 2
    window = np.hanning(size)
    freqs = np.fft.rfftfreq(size, 1.0 / rate)
    high = freqs >= CLICK_FROM_HZ
    padded = np.concatenate([np.zeros(size), signal, np.zeros(size)])
    loudest = 0.0
    worst = 0.0
    for begin in range(0, len(padded) - size, hop):
        power = np.abs(np.fft.rfft(padded[begin : begin + size] * window)) ** 2
        loudest = max(loudest, float(power.sum()))
        worst = max(worst, float(power[high].sum()))
    return _db(worst) - _db(loudest)


@dataclass
class CueMeasure:
    """The numbers for one cue file."""

    name: str
    seconds: float
    peak_dbfs: float
    ear_lufs: float
    integrated_lufs: float | None
    high_share: float
    dc_share: float
    edge_share: float
    click_db: float
    silent_ends: bool
    spectra: Signal = field(repr=False)


def measure(name: str, signal: Signal, rate: int) -> CueMeasure:
    peak = float(np.max(np.abs(signal)))
    edge = max(1, rate // 1000)
    edges = max(float(np.max(np.abs(signal[:edge]))), float(np.max(np.abs(signal[-edge:]))))
    return CueMeasure(
        name=name,
        seconds=len(signal) / rate,
        peak_dbfs=20.0 * float(np.log10(peak)),
        ear_lufs=ear_level(signal, rate),
        integrated_lufs=integrated_loudness(signal, rate) if name in MAIN_CUES else None,
        high_share=energy_share_above(signal, rate, HIGH_SHARE_FROM_HZ),
        dc_share=abs(float(np.mean(signal))) / peak,
        edge_share=edges / peak,
        click_db=click_level(signal, rate),
        silent_ends=bool(signal[0] == 0.0 and signal[-1] == 0.0),
        spectra=onset_spectra(signal, rate),
    )


@dataclass
class ThemeReport:
    """Every measurement of one theme, and every rule it breaks."""

    theme: str
    cues: dict[str, CueMeasure]
    similarities: dict[tuple[str, str], float]
    main_ear_lufs: float
    problems: list[str]

    def lines(self) -> list[str]:
        out = [
            f"{self.theme}: main cues' ear level {self.main_ear_lufs:.1f} LUFS",
            f"  {'cue':<10} {'secs':>5} {'LUFS':>6} {'ear':>6} {'peak':>6} {'>500Hz':>6}"
            f" {'click':>6}",
        ]
        for m in self.cues.values():
            lufs = "" if m.integrated_lufs is None else f"{m.integrated_lufs:.1f}"
            out.append(
                f"  {m.name:<10} {m.seconds:5.2f} {lufs:>6} {m.ear_lufs:6.1f} {m.peak_dbfs:6.1f}"
                f" {m.high_share:6.2f} {m.click_db:6.0f}"
            )
        pair, worst = max(self.similarities.items(), key=lambda item: item[1])
        out.append(f"  most alike openings: {pair[0]} and {pair[1]} ({worst:.2f})")
        return out


def check_cues(theme: str, signals: Mapping[str, tuple[Signal, int]]) -> ThemeReport:
    """Measure a theme's cues and list every rule they break (none: a good theme)."""
    cues = {name: measure(name, signal, rate) for name, (signal, rate) in signals.items()}
    problems: list[str] = []

    def problem(cue: str, text: str) -> None:
        problems.append(f"{theme}/{cue}: {text}")

    for name in (*MAIN_CUES, *SHORT_CUES):
        if name not in cues:
            problems.append(f"{theme}: no '{name}' cue")
    main = [cues[n] for n in MAIN_CUES if n in cues]
    main_ear = _db(float(np.mean([10 ** (m.ear_lufs / 10) for m in main]))) if main else 0.0
    for m in cues.values():
        if m.integrated_lufs is not None and abs(m.integrated_lufs - TARGET_LUFS) > (
            LOUDNESS_TOLERANCE
        ):
            problem(
                m.name,
                f"integrates at {m.integrated_lufs:.1f} LUFS; "
                f"the main cues belong at {TARGET_LUFS:g} +-{LOUDNESS_TOLERANCE:g}",
            )
        if m.name in SHORT_CUES and main and abs(m.ear_lufs - main_ear) > SHORT_CUE_TOLERANCE:
            problem(
                m.name,
                f"ear level {m.ear_lufs:.1f} LUFS, not within {SHORT_CUE_TOLERANCE:g} LU "
                f"of the main cues' {main_ear:.1f}",
            )
        if m.name == HIGH_SHARE_CUE and m.high_share < MIN_HIGH_SHARE:
            problem(
                m.name,
                f"only {m.high_share:.0%} of its energy is above {HIGH_SHARE_FROM_HZ:g} Hz "
                f"(needs {MIN_HIGH_SHARE:.0%}): small speakers lose it",
            )
        if m.peak_dbfs > MAX_PEAK_DBFS:
            problem(m.name, f"peaks at {m.peak_dbfs:.1f} dBFS (limit {MAX_PEAK_DBFS:g})")
        if m.dc_share > MAX_DC_SHARE:
            problem(m.name, f"DC offset of {m.dc_share:.1%} of its peak")
        if not m.silent_ends or m.edge_share > MAX_EDGE_SHARE:
            problem(m.name, "does not fade in and out from silence")
        if m.click_db > MAX_CLICK_DB:
            problem(m.name, f"clicks: {m.click_db:.0f} dB of energy above {CLICK_FROM_HZ:g} Hz")
    similarities = {
        (a, b): onset_similarity(cues[a].spectra, cues[b].spectra)
        for a, b in itertools.combinations(cues, 2)
    }
    for (a, b), value in similarities.items():
        if value > MAX_ONSET_SIMILARITY:
            problems.append(
                f"{theme}/{a} and {theme}/{b}: open alike (onset similarity {value:.2f}, "
                f"limit {MAX_ONSET_SIMILARITY:.2f})"
            )
    return ThemeReport(theme, cues, similarities, main_ear, problems)


def check_folder(folder: Path, names: Iterable[str]) -> ThemeReport:
    """``check_cues`` for the ``<name>.wav`` files of one theme folder."""
    return check_cues(folder.name, {name: read(folder / f"{name}.wav") for name in names})
