"""Synthesize stretchtimer's sound themes into ``sounds/<theme>/<cue>.wav``.

The sounds are made here rather than downloaded so their licence is the
project's own and anyone can change a cue by editing a few numbers. Only the
standard library is used, and only basic float arithmetic (no ``math.sin``,
``exp`` or ``pow``, whose last bits differ between C libraries), so every
platform writes the same bytes and a test can check the committed files
against this script.

Each theme has one sound per cue, and every theme is held to the same
rules, measured by ``sound_analysis.py`` beside this script: the main cues
at the loudness of a desktop's alert sounds, the short ones balanced against
them, every cue telling apart from every other within its first 100 ms, and
get-ready bright enough for laptop speakers. The ``level`` of each design is
what puts it at that loudness: after changing a design, ``--check`` says how
far off it is.

Run ``python scripts/make_sounds.py`` to rewrite the files, or add
``--check`` to compare them with what the script makes and measure them
(exit status 1 on any difference or broken rule; this needs the dev extra).
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
#: Every file starts and ends with a fade this long, so nothing clicks.
EDGE_FADE = 0.006

TAU = 2.0 * math.pi


def pitch(semitones_from_a4: int) -> float:
    """An equal-tempered pitch in Hz, by repeated multiplication (no ``pow``)."""
    step = 1.0594630943592953  # 2 ** (1 / 12)
    value = 440.0
    for _ in range(abs(semitones_from_a4)):
        value = value * step if semitones_from_a4 > 0 else value / step
    return value


G4, A4, C5, D5, E5, F5, G5, A5, B5, C6, D6, E6 = (
    pitch(n) for n in (-2, 0, 3, 5, 7, 8, 10, 12, 14, 15, 17, 19)
)

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
class Partial:
    """One component of a note: a multiple of its pitch, a weight, and how fast it dies.

    ``decay`` is the time in seconds for it to fall to about a third (1/e);
    high partials of struck wood die much faster than the fundamental, which
    is what makes a marimba soft and a bell ring.
    """

    ratio: float
    weight: float
    decay: float


def bell(decay: float) -> tuple[Partial, ...]:
    """A soft, slightly bell-like tone: the fundamental plus two quiet overtones."""
    return (Partial(1.0, 1.0, decay), Partial(2.0, 0.22, decay / 2), Partial(3.0, 0.06, decay / 3))


def bar(decay: float) -> tuple[Partial, ...]:
    """A marimba-like wooden bar struck with a soft mallet.

    Its overtones sit near 4 and 10 times the pitch; a soft mallet barely
    excites them, and they die within a few hundredths of a second.
    """
    return (
        Partial(1.0, 1.0, decay),
        Partial(3.93, 0.2, decay / 6),
        Partial(9.2, 0.04, decay / 16),
    )


#: A soft mallet takes a little longer to bring a bar up to full sound.
MALLET = 0.012


def block(decay: float) -> tuple[Partial, ...]:
    """A hollow wood block: a few inharmonic overtones, all gone in a moment."""
    return (
        Partial(1.0, 1.0, decay),
        Partial(1.58, 0.5, decay * 0.7),
        Partial(2.41, 0.28, decay * 0.5),
    )


@dataclass(frozen=True)
class Note:
    """One struck note: a quick rise, each partial decaying, and a release to silence."""

    freq: float
    start: float
    length: float
    partials: tuple[Partial, ...]
    level: float = 1.0
    attack: float = 0.006
    #: The last part of the note, fading to silence whatever the decay left.
    release: float = 0.04
    #: Frequency at the end of the note; a glide when it differs from ``freq``.
    end_freq: float | None = None


def _envelope(note: Note, count: int) -> list[float]:
    attack = note.attack * RATE
    release = max(1.0, note.release * RATE)
    return [
        smoothstep(i / attack) * smoothstep((count - i) / release) * note.level
        for i in range(count)
    ]


def render_note(note: Note, out: list[float]) -> None:
    first = round(note.start * RATE)
    count = round(note.length * RATE)
    envelope = _envelope(note, count)
    for partial in note.partials:
        shrink = 1.0 - 1.0 / (partial.decay * RATE)
        gain = partial.weight
        if note.end_freq is None:
            # A fixed pitch: rotate (cos, sin) by one step per sample.
            step = note.freq * partial.ratio / RATE
            cos_step, sin_step = sine_turns(step + 0.25), sine_turns(step)
            c, s = 1.0, 0.0
            for i in range(count):
                out[first + i] += envelope[i] * gain * s
                c, s = c * cos_step - s * sin_step, s * cos_step + c * sin_step
                gain *= shrink
        else:
            # A glide: the phase is summed sample by sample so it stays continuous.
            phase = 0.0
            for i in range(count):
                out[first + i] += envelope[i] * gain * sine_turns(phase * partial.ratio)
                phase += (note.freq + (note.end_freq - note.freq) * (i / count)) / RATE
                gain *= shrink


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


Design = Callable[[], list[int]]


# --- chimes: soft bell tones, the original voice -----------------------------------------------


def chimes_get_ready() -> list[int]:
    """Two calm, identical notes: "heads up"."""
    tone = bell(0.16)
    return render(
        (Note(D5, 0.0, 0.24, tone, attack=0.012), Note(D5, 0.26, 0.36, tone, attack=0.012)),
        0.377,
    )


def chimes_start() -> list[int]:
    """A rising fifth: "go"."""
    return render((Note(C5, 0.0, 0.2, bell(0.12)), Note(G5, 0.15, 0.34, bell(0.15))), 0.469)


def chimes_countdown() -> list[int]:
    """A short plain pip, one per second of the last three."""
    tone = (Partial(1.0, 1.0, 0.08), Partial(2.0, 0.1, 0.04))
    return render((Note(A5, 0.0, 0.09, tone, attack=0.004, release=0.03),), 0.441)


def chimes_switch() -> list[int]:
    """Two notes swapping back and forth: "other side"."""
    notes = tuple(
        Note(E5 if i % 2 == 0 else B5, i * 0.11, 0.13, bell(0.08), attack=0.005, release=0.05)
        for i in range(4)
    )
    return render(notes, 0.348)


def chimes_rest() -> list[int]:
    """A falling fifth, slower than start: "let go"."""
    return render(
        (
            Note(G5, 0.0, 0.28, bell(0.15), attack=0.01),
            Note(C5, 0.22, 0.44, bell(0.2), attack=0.015, release=0.1),
        ),
        0.455,
    )


def chimes_next() -> list[int]:
    """An upward glide: "moving on to something new"."""
    return render(
        (Note(A4, 0.0, 0.42, bell(0.3), attack=0.02, release=0.12, end_freq=A5),),
        0.335,
    )


def chimes_complete() -> list[int]:
    """A major arpeggio that rings on as a chord: "all done"."""
    notes = tuple(
        Note(freq, i * 0.1, 0.95 - i * 0.1, bell(0.35), level=1.0 - 0.08 * i, release=0.25)
        for i, freq in enumerate((G4, C5, E5, G5, C6))
    )
    return render(notes, 0.460)


def chimes_tick() -> list[int]:
    """A soft, very short knock to count reps."""
    tone = (Partial(1.0, 1.0, 0.016),)
    return render((Note(1600.0, 0.0, 0.05, tone, attack=0.002, release=0.02),), 0.644)


# --- wood: a soft-mallet marimba and a wood block, dry and short, for an open office ---------


def wood_get_ready() -> list[int]:
    """Two gentle strokes on one bar: "heads up"."""
    tone = bar(0.25)
    return render(
        (
            Note(E5, 0.0, 0.25, tone, attack=MALLET),
            Note(E5, 0.27, 0.4, tone, attack=MALLET, release=0.12),
        ),
        0.367,
    )


def wood_start() -> list[int]:
    """Up a fifth, the second stroke ringing: "go"."""
    return render(
        (
            Note(C5, 0.0, 0.2, bar(0.2), attack=MALLET),
            Note(G5, 0.13, 0.4, bar(0.3), attack=MALLET, release=0.12),
        ),
        0.451,
    )


def wood_countdown() -> list[int]:
    """A dry knock on a wood block, one per second of the last three."""
    return render((Note(760.0, 0.0, 0.11, block(0.04), attack=0.004, release=0.04),), 0.664)


def wood_switch() -> list[int]:
    """Two bars in turn, back and forth: "other side"."""
    notes = tuple(
        Note(F5 if i % 2 == 0 else A5, i * 0.1, 0.16, bar(0.12), attack=MALLET, release=0.06)
        for i in range(4)
    )
    return render(notes, 0.387)


def wood_rest() -> list[int]:
    """Down a fifth, slow and low: "let go"."""
    return render(
        (
            Note(A5, 0.0, 0.3, bar(0.22), attack=MALLET),
            Note(D5, 0.24, 0.5, bar(0.35), attack=MALLET, release=0.15),
        ),
        0.401,
    )


def wood_next() -> list[int]:
    """A quick run of three rising strokes: "on to the next"."""
    notes = tuple(
        Note(freq, i * 0.09, 0.3 if i == 2 else 0.14, bar(0.2), attack=MALLET, release=0.1)
        for i, freq in enumerate((D5, G5, B5))
    )
    return render(notes, 0.368)


def wood_complete() -> list[int]:
    """A rolled major chord, left to ring: "all done"."""
    notes = tuple(
        Note(
            freq,
            i * 0.08,
            0.95 - i * 0.08,
            bar(0.45),
            level=1.0 - 0.08 * i,
            attack=MALLET,
            release=0.3,
        )
        for i, freq in enumerate((G4, C5, E5, G5, C6))
    )
    return render(notes, 0.522)


def wood_tick() -> list[int]:
    """A tiny, high tap of wood to count reps."""
    return render((Note(1300.0, 0.0, 0.06, block(0.022), attack=0.003, release=0.025),), 0.773)


#: Keyed by theme, then by the names in ``stretchtimer.cues.CUE_NAMES`` (a test keeps
#: them in step).
THEMES: dict[str, dict[str, Design]] = {
    "chimes": {
        "get-ready": chimes_get_ready,
        "start": chimes_start,
        "countdown": chimes_countdown,
        "switch": chimes_switch,
        "rest": chimes_rest,
        "next": chimes_next,
        "complete": chimes_complete,
        "tick": chimes_tick,
    },
    "wood": {
        "get-ready": wood_get_ready,
        "start": wood_start,
        "countdown": wood_countdown,
        "switch": wood_switch,
        "rest": wood_rest,
        "next": wood_next,
        "complete": wood_complete,
        "tick": wood_tick,
    },
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


def render_theme(theme: str) -> dict[str, bytes]:
    return {name: wav_bytes(design()) for name, design in THEMES[theme].items()}


def render_all() -> dict[str, dict[str, bytes]]:
    """Every theme's files: ``{theme: {cue: wav bytes}}``."""
    return {theme: render_theme(theme) for theme in THEMES}


def default_sounds_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "sounds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the bundled sound themes.")
    parser.add_argument("--out", type=Path, default=default_sounds_dir(), help="target folder")
    parser.add_argument(
        "--check",
        action="store_true",
        help="only compare with the files there and measure them; exit 1 if stale or off",
    )
    args = parser.parse_args(argv)
    stale = []
    for theme, files in render_all().items():
        for name, data in files.items():
            path = args.out / theme / f"{name}.wav"
            current = path.read_bytes() if path.exists() else None
            if current == data:
                continue
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    verb = "differs" if args.check else "written"
    for path in stale:
        print(f"{path}: {verb}")
    if not args.check:
        return 0
    if stale:
        return 1
    try:
        import sound_analysis  # numpy and pyloudnorm: only when measuring
    except ImportError as exc:
        print(f"measuring the sounds needs the dev extra ({exc}): use .venv/bin/python")
        return 1

    failed = False
    for theme, designs in THEMES.items():
        report = sound_analysis.check_folder(args.out / theme, designs)
        print("\n".join(report.lines()))
        for problem in report.problems:
            print(f"{args.out / theme}: {problem}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
