"""How a session ended, in words, on the fake clock: "done" only when every step was."""

from __future__ import annotations

from routines_for_tests import hold_step, routine

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session
from stretchtimer.session.events import SessionSummary
from stretchtimer.session.outcome import all_done, summary_outcome
from stretchtimer.session.plain import summary_sentences


def _session(steps: int) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    names = [f"Stretch {n}" for n in range(1, steps + 1)]
    session = Session(routine(*(hold_step(name, sides=()) for name in names)), clock)
    session.start()
    return session, clock


def _hold(session: Session, clock: FakeClock, seconds: float) -> None:
    """Let the session run for ``seconds``, waking at each whole second as a screen would."""
    end = clock.now() + seconds
    while clock.now() < end - 1e-9 and session.summary is None:
        clock.advance(min(1.0, end - clock.now()))
        session.update()


def _to_the_end(session: Session, clock: FakeClock) -> SessionSummary:
    while session.summary is None:
        _hold(session, clock, 1)
    return session.summary


def test_every_step_held_is_all_done() -> None:
    session, clock = _session(3)
    summary = _to_the_end(session, clock)
    assert summary.completed == 3
    assert all_done(summary)
    assert summary_outcome(summary) == "all done"
    assert summary_sentences(summary)[0] == "Done: Test routine."


def test_every_step_skipped_is_not_done() -> None:
    session, _ = _session(3)
    while session.summary is None:
        session.skip()
    summary = session.summary
    assert not all_done(summary)
    assert summary_outcome(summary) == "0 done, 3 skipped"
    sentences = summary_sentences(summary)
    assert sentences[0] == "Ended: Test routine."
    assert "Done" not in " ".join(sentences)


def test_partly_held_steps_are_counted() -> None:
    session, clock = _session(3)
    _hold(session, clock, 3 + 6)  # get ready, then 6 of the 10 s hold
    session.skip()
    _hold(session, clock, 3 + 7)  # the next step: 7 of 10 s
    session.skip()
    summary = _to_the_end(session, clock)
    assert (summary.completed, summary.partial, summary.skipped) == (1, 2, 0)
    assert not all_done(summary)
    assert summary_outcome(summary) == "1 done, 2 partly done"
    assert "2 partly done" in summary_sentences(summary)[1]


def test_a_stopped_session_says_where_it_stopped() -> None:
    session, clock = _session(5)
    _hold(session, clock, 3 + 10 + 5)  # step 1 held through its rest
    _hold(session, clock, 3 + 6)  # step 2: 6 of its 10 s, then stop there
    summary = session.quit()
    assert summary.quit
    assert (summary.completed, summary.partial, summary.not_reached) == (1, 1, 3)
    assert summary_outcome(summary) == "stopped early after 2 of 5 steps"
    assert summary_sentences(summary)[0] == "Stopped early: Test routine."


def test_a_session_whose_ratings_left_a_step_out_is_not_all_done() -> None:
    import msgspec

    clock = FakeClock()
    written = routine(hold_step("Stretch 1", sides=()), hold_step("Stretch 2", sides=()))
    planned = msgspec.structs.replace(
        written, steps=written.steps[:1], left_out=("Stretch 2: rated hurt",)
    )
    session = Session(planned, clock)
    session.start()
    summary = _to_the_end(session, clock)
    assert summary.completed == 1 and summary.left_out == 1
    assert not all_done(summary)
    assert summary_outcome(summary) == "1 done, 1 left out"
