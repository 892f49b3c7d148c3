"""What a person hears during a session, checked through a recording player."""

from __future__ import annotations

import threading
from pathlib import Path
from types import MappingProxyType, ModuleType

from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session


def heard(runner: ModuleType, make_audio, player, routine: Routine | None = None) -> list[str]:
    audio = make_audio()
    clock = FakeClock()
    session = Session(routine or runner.demo_routine(), clock)
    audio.attach(session)
    runner.run_session(session, clock, audio)
    return player.cues()


def start_one_hold(audio, seconds: int) -> tuple[Session, FakeClock]:
    """A one-step session of a ``seconds`` hold heard by ``audio``, started, its cue handled."""
    clock = FakeClock()
    session = Session(Routine("r", (Step("One", hold=seconds, prepare=0),)), clock)
    audio.attach(session)
    session.start()
    audio.drain()
    return session, clock


def test_a_whole_session_plays_each_cue_at_its_moment(runner, make_audio, player) -> None:
    assert heard(runner, make_audio, player) == runner.DEMO_CUES


def test_the_engine_never_waits_for_a_device_that_does_not_answer(make_audio, player) -> None:
    player.gate = threading.Event()
    audio = make_audio()
    clock = FakeClock()
    routine = Routine("r", (Step("Reach", hold=5, prepare=2),))
    session = Session(routine, clock)
    audio.attach(session)
    session.start()
    for _ in range(7):
        clock.advance(1)
        session.update()
    assert session.summary is not None  # the whole routine ran while the device hung
    assert player.plays == []
    player.gate.set()
    audio.drain(timeout=5)
    assert player.plays


def test_a_new_step_without_prepare_starts_with_start_not_next(runner, make_audio, player) -> None:
    routine = Routine(
        "r",
        (Step("One", hold=2, prepare=0, rest=1), Step("Two", hold=2, prepare=0, rest=0)),
    )
    cues = heard_routine(runner, make_audio, player, routine)
    # (a one-second rest has no countdown second left to pip)
    assert cues == ["start", "countdown", "rest", "start", "countdown"]


def heard_routine(runner: ModuleType, make_audio, player, routine: Routine) -> list[str]:
    """What ``routine`` sounds like, without the closing fanfare."""
    return [c for c in heard(runner, make_audio, player, routine) if c != "complete"]


def test_sets_on_one_side_pause_with_rest_between_them(runner, make_audio, player) -> None:
    routine = Routine("r", (Step("Calf", hold=1, prepare=0, sets=2, switch=1),))
    assert heard_routine(runner, make_audio, player, routine) == ["start", "rest", "start"]


def test_a_zero_second_side_switch_still_says_switch(runner, make_audio, player) -> None:
    routine = Routine("r", (Step("Twist", hold=1, prepare=0, sides=("left", "right"), switch=0),))
    assert heard_routine(runner, make_audio, player, routine) == ["start", "switch"]


def test_skipping_to_the_next_step_plays_next(make_audio, player) -> None:
    audio = make_audio()
    clock = FakeClock()
    routine = Routine("r", (Step("One", hold=30), Step("Two", hold=30)))
    session = Session(routine, clock)
    audio.attach(session)
    session.start()
    audio.drain()
    session.skip()
    audio.drain()
    assert player.cues() == ["get-ready", "next"]


def test_quitting_plays_no_fanfare(make_audio, player) -> None:
    audio = make_audio()
    session, _ = start_one_hold(audio, 30)
    session.quit()
    audio.drain()
    assert player.cues() == ["start"]


def test_muted_from_the_start_nothing_is_played(runner, make_audio, player) -> None:
    audio = make_audio(mute=True)
    clock = FakeClock()
    session = Session(runner.demo_routine(), clock)
    audio.attach(session)
    runner.run_session(session, clock, audio)
    assert audio.muted
    assert player.plays == []


def test_muting_mid_sound_stops_it_and_unmuting_brings_cues_back(make_audio, player) -> None:
    audio = make_audio()
    session, clock = start_one_hold(audio, 20)
    assert player.playing
    audio.set_muted(True)
    audio.drain()
    assert not player.playing
    clock.advance(17)  # the countdown's first pip, while muted
    session.update()
    audio.drain()
    assert player.cues() == ["start"]
    audio.set_muted(False)
    clock.advance(1)
    session.update()
    audio.drain()
    assert player.cues() == ["start", "countdown"]


def test_volume_zero_plays_nothing(make_audio, player) -> None:
    audio = make_audio(volume=0)
    start_one_hold(audio, 3)
    assert player.plays == []


def test_at_full_volume_the_file_samples_reach_the_player_unchanged(make_audio, player) -> None:
    audio = make_audio()
    start_one_hold(audio, 3)
    played = player.plays[0].sound
    wav = Path(played.label).read_bytes()
    assert wav[44:] == played.frames  # the canonical 44-byte header, then the samples
    assert (played.channels, played.rate, played.sample_width) == (1, 44100, 2)


def test_a_volume_change_applies_to_the_next_cue(make_audio, player) -> None:
    audio = make_audio(volume=100)
    session, clock = start_one_hold(audio, 30)
    audio.set_volume(40)
    assert audio.volume == 40
    clock.advance(27)
    session.update()
    audio.drain()
    full, quieter = (
        max(abs(s) for s in memoryview(p.sound.frames).cast("h")) for p in player.plays
    )
    assert quieter < full * 0.2
    audio.set_volume(250)
    assert audio.volume == 100


def sounds(**cues: Path) -> MappingProxyType[str, Path]:
    return MappingProxyType({name.replace("_", "-"): path for name, path in cues.items()})


def test_step_sounds_override_routine_sounds_which_override_bundled(
    make_audio, player, tmp_path: Path
) -> None:
    routine_start = copy_wav("countdown", tmp_path / "routine-start.wav")
    step_start = copy_wav("tick", tmp_path / "step-start.wav")
    routine_done = copy_wav("rest", tmp_path / "done.wav")
    routine = Routine(
        "r",
        (
            Step("One", hold=1, prepare=0, rest=0, sounds=sounds(start=step_start)),
            Step("Two", hold=1, prepare=0, rest=0),
        ),
        sounds=sounds(start=routine_start, complete=routine_done),
    )
    audio = make_audio()
    clock = FakeClock()
    session = Session(routine, clock)
    audio.attach(session)
    session.start()
    audio.drain()
    for _ in range(2):
        clock.advance(1)
        session.update()
        audio.drain()
    assert player.labels == [str(step_start), str(routine_start), str(routine_done)]


def copy_wav(cue: str, target: Path) -> Path:
    from stretchtimer import locations

    target.write_bytes((locations.bundled_sounds_dir() / f"{cue}.wav").read_bytes())
    return target


def test_a_bad_override_falls_back_to_the_bundled_cue_and_says_so_once(
    make_audio, player, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF nonsense")
    missing = tmp_path / "missing.wav"
    refused = copy_wav("tick", tmp_path / "refused.wav")
    player.refuse.add(str(refused))
    routine = Routine(
        "r",
        (Step("One", hold=4, prepare=0, sounds=sounds(start=broken, countdown=missing)),),
        sounds=sounds(complete=refused),
    )
    audio = make_audio()
    clock = FakeClock()
    session = Session(routine, clock)
    audio.attach(session)
    session.start()
    audio.drain()
    for _ in range(4):
        clock.advance(1)
        session.update()
        audio.drain()
    assert player.cues() == ["start", "countdown", "countdown", "countdown", "complete"]
    messages = audio.take_messages()
    assert len(messages) == 3
    assert any("broken.wav" in m and "built-in 'start'" in m for m in messages)
    assert any("missing.wav: no such file" in m for m in messages)
    assert any("refused.wav" in m and "could not play" in m for m in messages)
    assert audio.take_messages() == []


def test_override_files_are_read_once(make_audio, player, tmp_path: Path, monkeypatch) -> None:
    from stretchtimer.audio import sounds as sounds_module

    reads: list[Path] = []
    real_read = sounds_module.read_wav

    def counting_read(path: Path):
        reads.append(path)
        return real_read(path)

    monkeypatch.setattr(sounds_module, "read_wav", counting_read)
    pip = copy_wav("tick", tmp_path / "pip.wav")
    routine = Routine("r", (Step("One", hold=5, prepare=0, sounds=sounds(countdown=pip)),))
    audio = make_audio()
    clock = FakeClock()
    session = Session(routine, clock)
    audio.attach(session)
    session.start()
    for _ in range(4):
        clock.advance(1)
        session.update()
        audio.drain()
    assert player.labels.count(str(pip)) == 3
    assert reads.count(pip) == 1
