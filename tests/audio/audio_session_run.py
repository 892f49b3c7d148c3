"""A short session run through the real audio stack, for the audio tests.

The tests run this file in a subprocess whenever libasound is involved: its
configuration (``ALSA_CONFIG_PATH``) and its error handler are per process,
and only a separate process shows what really reaches file descriptor 2.
It prints one JSON object describing what was played.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from array import array
from typing import Protocol

from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState

#: The cues ``demo_routine`` should produce, one per second of its 23.
DEMO_CUES = [
    "get-ready",
    "countdown",
    "countdown",
    "start",
    "countdown",
    "countdown",
    "countdown",
    "switch",
    "countdown",
    "start",
    "countdown",
    "countdown",
    "countdown",
    "rest",
    "countdown",
    "next",
    "countdown",
    "start",
    "tick",
    "countdown",
    # rep 2 ticks on the same second as this pip: only the pip is played
    "countdown",
    "countdown",
    "complete",
]


def demo_routine() -> Routine:
    """A hold on both sides, then a short rep step: every cue in 23 seconds."""
    return Routine(
        name="Audio check",
        steps=(
            Step(name="Neck tilt", hold=4, prepare=3, sides=("left", "right"), switch=2, rest=2),
            Step(name="Shoulder rolls", hold=None, reps=3, rep_time=2, prepare=2, rest=0),
        ),
    )


class Drainable(Protocol):
    def drain(self, timeout: float = 5.0, *, until_silent: bool = True) -> bool: ...


def run_session(session: Session, clock: FakeClock, audio: Drainable) -> None:
    """Start, then move the clock a second at a time, letting the sound catch up."""
    session.start()
    audio.drain()
    while session.state is not SessionState.FINISHED:
        clock.advance(1)
        session.update()
        audio.drain()


def _raw_open() -> None:
    """Open the default device the way simpleaudio does, with no handler installed."""
    import simpleaudio

    try:
        simpleaudio.play_buffer(b"\0\0" * 100, 1, 2, 44100).wait_done()
    except Exception as exc:
        print(json.dumps({"error": str(exc)}))
    else:
        print(json.dumps({"error": None}))


#: The sound the fade check stops part way: long enough to be stopped well before its end.
FADE_TONE_SECONDS = 1.2


def fade_tone() -> bytes:
    """A steady tone at about -8 dBFS with gentle edges: any cut in it is a click.

    447.3 Hz is not a whole or half number of cycles in any tenth of a second,
    so a stream cut at a buffer boundary never happens to land on a zero.
    """
    count = round(FADE_TONE_SECONDS * 44100)
    edge = 441

    def envelope(i: int) -> float:
        inside = min(i, count - 1 - i, edge) / edge
        return 0.5 - 0.5 * math.cos(math.pi * inside)

    return array(
        "h",
        (
            round(13000 * envelope(i) * math.sin(2 * math.pi * 447.3 * i / 44100))
            for i in range(count)
        ),
    ).tobytes()


def _fade_check(stop_after: float, read_ahead: float) -> None:
    """Play the tone through the simpleaudio player, stop it part way, let the stream end."""
    import simpleaudio

    from stretchtimer.audio.players import SimpleaudioPlayer
    from stretchtimer.audio.sounds import Sound

    player = SimpleaudioPlayer(simpleaudio, read_ahead=read_ahead)
    player.play(Sound(fade_tone(), 1, 44100, label="tone"))
    time.sleep(stop_after)
    player.stop()
    # The stream plays out its silent remainder; the device reads it at its own pace.
    time.sleep(FADE_TONE_SECONDS - stop_after + 0.4)
    print(json.dumps({"stopped_after": stop_after}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mute", action="store_true")
    parser.add_argument("--volume", type=int, default=100)
    parser.add_argument("--raw-open", action="store_true")
    parser.add_argument("--fade-check", type=float, nargs=2, metavar=("STOP_AFTER", "READ_AHEAD"))
    args = parser.parse_args(argv)
    if args.raw_open:
        _raw_open()
        return 0
    if args.fade_check:
        _fade_check(*args.fade_check)
        return 0

    from stretchtimer.audio.session_audio import create_audio

    audio = create_audio(mute=args.mute, volume=args.volume, voice=False)
    clock = FakeClock()
    session = Session(demo_routine(), clock)
    audio.attach(session)
    run_session(session, clock, audio)
    played = audio.played
    audio.close()
    report = {
        "player": audio.player.name,
        "rejected": [[r.backend, r.reason] for r in audio.selection.rejected],
        "played": [p.cue for p in played],
        "latencies": [p.latency for p in played],
        "worker_alive": audio.worker_alive,
        "messages": audio.take_messages(),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
