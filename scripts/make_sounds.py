"""Synthesize stretchtimer's cue sounds into ``sounds/<cue>.wav``.

The sounds are made here rather than downloaded so their licence is the
project's own and anyone can change a cue by editing a few numbers. Only the
standard library is used, and only basic float arithmetic (no ``math.sin`` or
``exp``, whose last bits differ between C libraries), so every platform
writes the same bytes and a test can check the committed files against this
script.

Run ``python scripts/make_sounds.py`` to rewrite the files, or add
``--check`` to only compare them (exit status 1 on any difference).
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RATE = 44100
FULL_SCALE = 32767
#: Linear peak levels: 0.25 is about -12 dBFS, the loudest any cue gets.
LOUD = 0.25
MEDIUM = 0.2
SOFT = 0.1
#: Every file starts and ends with a fade this long, so nothing clicks.
EDGE_FADE = 0.006

TAU = 2.0 * math.pi
#: Equal-tempered pitches used below, in Hz.
G4, C5, D5, E5, G5, A5, C6 = 392.00, 523.25, 587.33, 659.25, 783.99, 880.00, 1046.50
#: A soft, slightly bell-like tone: the fundamental plus two quiet overtones.
WARM = ((1.0, 1.0), (2.0, 0.22), (3.0, 0.06))
PURE = ((1.0, 1.0),)


#: Taylor series factors for sin: 1/(2k(2k+1)), k = 1..11 (error below 1e-10).
_SINE_FACTORS = tuple(1.0 / ((2 * k) * (2 * k + 1)) for k in range(11, 0, -1))


def sine_turns(turns: float) -> float:
    """sin(2*pi*turns), from a Taylor series so the result is the same everywhere."""
    frac = turns - math.floor(turns)
    y = (frac - 0.5) * TAU  # in [-pi, pi); sin(y + pi) == -sin(y)
    y2 = y * y
    acc = 1.0
    for factor in _SINE_FACTORS:
        acc = 1.0 - y2 * factor * acc
    return -y * acc


def smoothstep(u: float) -> float:
    if u <= 0.0:
        return 0.0
    if u >= 1.0:
        return 1.0
    return u * u * (3.0 - 2.0 * u)


@dataclass(frozen=True)
class Note:
    """One struck note: a quick rise, then a decay that reaches silence at its end."""

    freq: float
    start: float
    length: float
    level: float = 1.0
    attack: float = 0.006
    partials: tuple[tuple[float, float], ...] = WARM
    #: Frequency at the end of the note; a glide when it differs from ``freq``.
    end_freq: float | None = None
    #: Higher powers die away faster, like a knock rather than a bell.
    decay_power: float = 2.0


def render_note(note: Note, out: list[float]) -> None:
    first = round(note.start * RATE)
    count = round(note.length * RATE)
    end_freq = note.freq if note.end_freq is None else note.end_freq
    # Phase is accumulated sample by sample so glides stay continuous.
    phase = 0.0
    for i in range(count):
        t = i / RATE
        u = i / count
        envelope = smoothstep(t / note.attack) * (1.0 - u) ** note.decay_power
        value = 0.0
        for multiple, weight in note.partials:
            value += weight * sine_turns(phase * multiple)
        out[first + i] += note.level * envelope * value
        phase += (note.freq + (end_freq - note.freq) * u) / RATE


def render(notes: tuple[Note, ...], peak: float) -> list[int]:
    """Mix notes, fade the edges and scale so the loudest sample sits at ``peak``."""
    length = max(round(n.start * RATE) + round(n.length * RATE) for n in notes)
    mix = [0.0] * length
    for note in notes:
        render_note(note, mix)
    fade = round(EDGE_FADE * RATE)
    for i in range(fade):
        gain = smoothstep(i / fade)
        mix[i] *= gain
        mix[length - 1 - i] *= gain
    loudest = max(abs(v) for v in mix)
    scale = peak * FULL_SCALE / loudest
    return [round(v * scale) for v in mix]


def get_ready() -> list[int]:
    """Two calm, low, identical notes: "heads up"."""
    return render(
        (Note(G4, 0.0, 0.22, attack=0.012), Note(G4, 0.24, 0.34, attack=0.012)),
        MEDIUM,
    )


def start() -> list[int]:
    """A rising fifth: "go"."""
    return render((Note(C5, 0.0, 0.18), Note(G5, 0.15, 0.32)), LOUD)


def countdown() -> list[int]:
    """A short plain pip, one per second of the last three."""
    return render((Note(A5, 0.0, 0.09, attack=0.004, partials=((1.0, 1.0), (2.0, 0.1))),), MEDIUM)


def switch() -> list[int]:
    """Two notes swapping back and forth: "other side"."""
    step = 0.1
    notes = tuple(Note(A5 if i % 2 == 0 else E5, i * step, 0.12, attack=0.004) for i in range(4))
    return render(notes, MEDIUM)


def rest() -> list[int]:
    """A falling fifth, slower and softer than start: "let go"."""
    return render(
        (Note(G5, 0.0, 0.26, attack=0.01), Note(C5, 0.2, 0.42, attack=0.015)),
        MEDIUM,
    )


def next_step() -> list[int]:
    """An upward glide: "moving on to something new"."""
    return render(
        (Note(C5, 0.0, 0.3, attack=0.02, end_freq=A5, decay_power=1.5),),
        MEDIUM,
    )


def complete() -> list[int]:
    """A major arpeggio that rings on as a chord: "all done"."""
    notes = tuple(
        Note(freq, i * 0.12, 0.95 - i * 0.12, level=1.0 - 0.1 * i)
        for i, freq in enumerate((C5, E5, G5, C6))
    )
    return render(notes, LOUD)


def tick() -> list[int]:
    """A soft, very short knock to count reps."""
    return render(
        (Note(1600.0, 0.0, 0.035, attack=0.002, partials=PURE, decay_power=3.0),),
        SOFT,
    )


#: Keyed by the names in ``stretchtimer.cues.CUE_NAMES`` (a test keeps them in step).
DESIGNS: dict[str, Callable[[], list[int]]] = {
    "get-ready": get_ready,
    "start": start,
    "countdown": countdown,
    "switch": switch,
    "rest": rest,
    "next": next_step,
    "complete": complete,
    "tick": tick,
}


def wav_bytes(samples: list[int]) -> bytes:
    frames = array("h", samples)
    if sys.byteorder == "big":
        frames.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames.tobytes())
    return buffer.getvalue()


def render_all() -> dict[str, bytes]:
    return {name: wav_bytes(design()) for name, design in DESIGNS.items()}


def default_sounds_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "sounds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the bundled cue sounds.")
    parser.add_argument("--out", type=Path, default=default_sounds_dir(), help="target folder")
    parser.add_argument(
        "--check", action="store_true", help="only compare with the files there; exit 1 if stale"
    )
    args = parser.parse_args(argv)
    stale = []
    for name, data in render_all().items():
        path = args.out / f"{name}.wav"
        current = path.read_bytes() if path.exists() else None
        if current == data:
            continue
        stale.append(path)
        if not args.check:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    verb = "differs" if args.check else "written"
    for path in stale:
        print(f"{path}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
