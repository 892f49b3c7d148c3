"""The session engine on a fake clock: every command in every kind of phase."""

from __future__ import annotations

import pytest
from routines_for_tests import hold_step, rep_step, routine

from stretchtimer.routine import Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.events import (
    Countdown,
    Event,
    Paused,
    PhaseStarted,
    RepCompleted,
    Resumed,
    SessionFinished,
    SessionStarted,
    SideSwitch,
    StepFinished,
    StepStatus,
)
from stretchtimer.session.timeline import PhaseKind, compile_timeline


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.events.append(event)

    def of(self, kind: type) -> list[Event]:
        return [e for e in self.events if isinstance(e, kind)]

    def phases(self) -> list[tuple[int, str]]:
        return [
            (e.phase.step_index, e.phase.kind.value)
            for e in self.events
            if isinstance(e, PhaseStarted)
        ]


def make(*steps: Step) -> tuple[Session, FakeClock, Recorder]:
    clock = FakeClock()
    session = Session(routine(*steps), clock)
    recorder = Recorder()
    session.subscribe(recorder)
    return session, clock, recorder


def run_for(session: Session, clock: FakeClock, seconds: float, step: float = 1.0) -> None:
    """Advance like a screen would: wake at each boundary and update."""
    end = clock.now() + seconds
    while clock.now() < end - 1e-9:
        clock.advance(min(step, end - clock.now()))
        session.update()


# ------------------------------------------------------------------ timeline
def test_timeline_of_the_documented_example_lasts_246_seconds() -> None:
    step = hold_step(hold=60, sets=2, sides=("left", "right"), switch=2, prepare=0)
    timeline = compile_timeline(routine(step))
    assert timeline.total_seconds == 4 * 60 + 3 * 2
    kinds = [p.kind for p in timeline.phases]
    assert kinds == [PhaseKind.WORK, PhaseKind.SWITCH] * 3 + [PhaseKind.WORK]
    assert [p.side for p in timeline.phases if p.kind is PhaseKind.WORK] == [
        "left",
        "right",
        "left",
        "right",
    ]


def test_rest_follows_every_step_but_the_last() -> None:
    timeline = compile_timeline(routine(hold_step("A"), hold_step("B")))
    assert [(p.step_index, p.kind.value) for p in timeline.phases] == [
        (0, "prepare"),
        (0, "work"),
        (0, "rest"),
        (1, "prepare"),
        (1, "work"),
    ]
    assert timeline.total_seconds == 3 + 10 + 5 + 3 + 10


def test_the_timeline_marks_the_one_phase_of_each_side_change() -> None:
    both = hold_step("Both", sides=("left", "right"), sets=2, prepare=2, switch=2)
    one_side = hold_step("One side", sides=("left",), sets=2, prepare=0, switch=2)
    no_switch = hold_step("No switch", sides=("left", "right"), prepare=0, switch=0)
    timeline = compile_timeline(routine(both, one_side, no_switch))
    marked = [(p.step_index, p.kind.value, p.side) for p in timeline.phases if p.changes_side]
    assert marked == [
        (0, "switch", "right"),
        (0, "switch", "left"),
        (0, "switch", "right"),
        (2, "work", "right"),
    ]
    # The one-sided step's switch is a pause between sets, not a change of side.
    assert [p.kind.value for p in timeline.step_phases(1)] == ["work", "switch", "work", "rest"]


def test_rep_steps_last_reps_times_rep_time() -> None:
    timeline = compile_timeline(routine(rep_step(reps=8, rep_time=3, prepare=0)))
    assert timeline.total_seconds == 24
    assert timeline.phases[0].reps == 8


# ------------------------------------------------------------------ running
def test_a_session_runs_to_completion_and_reports_every_phase() -> None:
    session, clock, events = make(hold_step("A", sides=("left", "right")), rep_step("B"))
    session.start()
    run_for(session, clock, compile_timeline(session.routine).total_seconds)
    assert session.state is SessionState.FINISHED
    assert events.phases() == [
        (0, "prepare"),
        (0, "work"),
        (0, "switch"),
        (0, "work"),
        (0, "rest"),
        (1, "prepare"),
        (1, "work"),
    ]
    assert isinstance(events.events[0], SessionStarted)
    summary = events.of(SessionFinished)[0].summary  # type: ignore[attr-defined]
    assert (summary.completed, summary.skipped, summary.partial) == (2, 0, 0)
    assert summary.active_seconds == pytest.approx(3 + 10 + 2 + 10 + 5 + 3 + 8)
    assert not summary.quit


def test_late_wakeups_do_not_drift_the_schedule() -> None:
    session, clock, _ = make(hold_step("A"), hold_step("B"))
    session.start()
    # One update far too late: every phase that ended meanwhile ends on time.
    clock.advance(3 + 10 + 2.5)
    session.update()
    assert session.current_phase.kind is PhaseKind.REST
    assert session.remaining == pytest.approx(2.5)
    clock.advance(2.5 + 3 + 10)
    session.update()
    assert session.state is SessionState.FINISHED
    assert session.active_seconds == pytest.approx(31)


def test_countdown_announces_the_last_three_seconds_once_each() -> None:
    session, clock, events = make(hold_step(prepare=0, hold=6))
    session.start()
    run_for(session, clock, 6, step=0.25)
    assert [e.seconds_left for e in events.of(Countdown)] == [3, 2, 1]  # type: ignore[attr-defined]


def test_short_phases_count_down_only_the_seconds_they_have() -> None:
    session, clock, events = make(hold_step(prepare=2, hold=5))
    session.start()
    run_for(session, clock, 2)
    counts = [(e.phase.kind.value, e.seconds_left) for e in events.of(Countdown)]  # type: ignore[attr-defined]
    assert counts == [("prepare", 1)]


def test_side_switch_is_announced_when_the_switch_begins() -> None:
    session, clock, events = make(hold_step(sides=("left", "right"), sets=2, prepare=0, hold=4))
    session.start()
    run_for(session, clock, 4 * 4 + 3 * 2)
    switches = events.of(SideSwitch)
    assert [e.side for e in switches] == ["right", "left", "right"]  # type: ignore[attr-defined]
    assert all(e.phase.kind is PhaseKind.SWITCH for e in switches)  # type: ignore[attr-defined]


def test_side_switch_without_a_switch_phase_is_announced_on_the_new_side() -> None:
    session, clock, events = make(hold_step(sides=("left", "right"), prepare=0, switch=0, hold=4))
    session.start()
    run_for(session, clock, 8)
    (switch,) = events.of(SideSwitch)
    assert switch.phase.kind is PhaseKind.WORK  # type: ignore[attr-defined]


def test_rep_counter_and_rep_events_follow_the_pace() -> None:
    session, clock, events = make(rep_step(reps=4, rep_time=2, prepare=0))
    session.start()
    assert session.current_rep == 1
    run_for(session, clock, 2)
    assert session.current_rep == 2
    run_for(session, clock, 3)
    assert session.current_rep == 3
    run_for(session, clock, 3)
    assert [e.rep for e in events.of(RepCompleted)] == [1, 2, 3]  # type: ignore[attr-defined]
    assert session.state is SessionState.FINISHED


def test_next_wakeup_falls_on_whole_seconds_of_the_deadline() -> None:
    session, clock, _ = make(hold_step(prepare=0, hold=10))
    session.start()
    start = clock.now()
    assert session.next_wakeup() == pytest.approx(start + 1)
    clock.advance(0.4)
    session.pause()
    clock.advance(100)
    session.resume()
    assert session.next_wakeup() == pytest.approx(clock.now() + 0.6)
    assert session.remaining_whole == 10


# ------------------------------------------------------------------ pause
def test_pause_freezes_everything_and_leaks_no_time() -> None:
    session, clock, events = make(hold_step(prepare=0, hold=10))
    session.start()
    clock.advance(4)
    session.pause()
    assert session.state is SessionState.PAUSED
    assert session.next_wakeup() is None
    clock.advance(600)
    session.update()
    assert session.remaining == pytest.approx(6)
    assert session.active_seconds == pytest.approx(4)
    session.resume()
    run_for(session, clock, 6)
    assert session.state is SessionState.FINISHED
    assert session.summary is not None
    assert session.summary.active_seconds == pytest.approx(10)
    assert len(events.of(Paused)) == len(events.of(Resumed)) == 1


def test_pause_during_a_switch_keeps_the_switch() -> None:
    session, clock, _ = make(hold_step(prepare=0, hold=4, sides=("left", "right"), switch=4))
    session.start()
    run_for(session, clock, 5)
    assert session.current_phase.kind is PhaseKind.SWITCH
    session.pause()
    clock.advance(30)
    session.resume()
    assert session.current_phase.kind is PhaseKind.SWITCH
    assert session.remaining == pytest.approx(3)


def test_toggle_pause_starts_pauses_and_resumes() -> None:
    session, _, _ = make(hold_step())
    session.toggle_pause()
    assert session.state is SessionState.RUNNING
    session.toggle_pause()
    assert session.state is SessionState.PAUSED
    session.toggle_pause()
    assert session.state is SessionState.RUNNING


# ------------------------------------------------------------------ skip
def test_skip_during_prepare_marks_the_step_skipped() -> None:
    session, _, events = make(hold_step("A"), hold_step("B"))
    session.start()
    session.skip()
    assert session.current_step.name == "B"
    assert session.current_phase.kind is PhaseKind.PREPARE
    (finished,) = events.of(StepFinished)
    assert finished.result.status is StepStatus.SKIPPED  # type: ignore[attr-defined]


def test_skip_after_holding_a_while_is_partial() -> None:
    session, clock, events = make(hold_step("A", hold=20), hold_step("B"))
    session.start()
    run_for(session, clock, 3 + 8)
    session.skip()
    result = events.of(StepFinished)[0].result  # type: ignore[attr-defined]
    assert result.status is StepStatus.PARTIAL
    assert result.work_seconds == pytest.approx(8)


def test_skip_a_moment_into_a_hold_is_still_a_skip() -> None:
    session, clock, events = make(hold_step("A", hold=20), hold_step("B"))
    session.start()
    run_for(session, clock, 3 + 1)
    session.skip()
    assert events.of(StepFinished)[0].result.status is StepStatus.SKIPPED  # type: ignore[attr-defined]


def test_skip_during_rest_goes_on_without_changing_the_finished_step() -> None:
    session, clock, events = make(hold_step("A"), hold_step("B"))
    session.start()
    run_for(session, clock, 3 + 10 + 1)
    assert session.current_phase.kind is PhaseKind.REST
    session.skip()
    assert session.current_step.name == "B"
    assert [e.result.status for e in events.of(StepFinished)] == [StepStatus.COMPLETED]  # type: ignore[attr-defined]


def test_skip_on_the_last_step_finishes_the_session() -> None:
    session, _, events = make(hold_step("A"))
    session.start()
    session.skip()
    assert session.state is SessionState.FINISHED
    summary = events.of(SessionFinished)[0].summary  # type: ignore[attr-defined]
    assert summary.skipped == 1 and not summary.quit


def test_skip_while_paused_stays_paused_on_the_next_step() -> None:
    session, clock, _ = make(hold_step("A"), hold_step("B"))
    session.start()
    session.pause()
    session.skip()
    clock.advance(50)
    session.update()
    assert session.state is SessionState.PAUSED
    assert session.current_step.name == "B"
    assert session.remaining == pytest.approx(3)


# ------------------------------------------------------------------ back / restart
def test_back_on_the_first_step_restarts_it() -> None:
    session, clock, _ = make(hold_step("A"), hold_step("B"))
    session.start()
    clock.advance(1)
    session.back()
    assert session.current_step.name == "A"
    assert session.current_phase.kind is PhaseKind.PREPARE
    assert session.remaining == pytest.approx(3)


def test_back_right_after_a_step_begins_goes_to_the_previous_step() -> None:
    session, clock, events = make(hold_step("A"), hold_step("B"))
    session.start()
    session.skip()
    clock.advance(2)
    session.back()
    assert session.current_step.name == "A"
    assert session.current_phase.kind is PhaseKind.PREPARE
    # B left no record: it comes round again.
    assert [e.result.name for e in events.of(StepFinished)] == ["A"]  # type: ignore[attr-defined]


def test_back_later_in_a_step_restarts_the_current_step() -> None:
    session, clock, _ = make(hold_step("A"), hold_step("B"))
    session.start()
    session.skip()
    run_for(session, clock, 6)
    session.back()
    assert session.current_step.name == "B"
    assert session.current_phase.kind is PhaseKind.PREPARE


def test_back_during_rest_repeats_the_step_just_done() -> None:
    session, clock, _ = make(hold_step("A"), hold_step("B"))
    session.start()
    run_for(session, clock, 3 + 10 + 1)
    session.back()
    assert session.current_step.name == "A"
    assert session.current_phase.kind is PhaseKind.PREPARE


def test_restart_step_in_every_phase_kind() -> None:
    for seconds, kind in ((1, "prepare"), (5, "work"), (14, "switch"), (27, "rest")):
        session, clock, _ = make(hold_step("A", sides=("left", "right")), hold_step("B"))
        session.start()
        run_for(session, clock, seconds)
        assert session.current_phase.kind.value == kind
        session.restart_step()
        assert session.current_step.name == "A"
        assert session.current_phase.kind is PhaseKind.PREPARE
        assert session.remaining == pytest.approx(3)


def test_redoing_a_step_keeps_its_best_outcome() -> None:
    session, clock, events = make(hold_step("A"), hold_step("B"))
    session.start()
    run_for(session, clock, 3 + 10 + 1)
    session.back()
    session.skip()
    results = [e.result for e in events.of(StepFinished)]  # type: ignore[attr-defined]
    assert [r.status for r in results] == [StepStatus.COMPLETED, StepStatus.COMPLETED]
    assert session.results[0].work_seconds == pytest.approx(10)


# ------------------------------------------------------------------ adjust
def test_adding_time_extends_the_current_phase_only() -> None:
    session, clock, _ = make(hold_step("A"), hold_step("B"))
    session.start()
    total = session.session_remaining
    run_for(session, clock, 4)
    session.adjust(10)
    assert session.remaining == pytest.approx(19)
    assert session.session_remaining == pytest.approx(total - 4 + 10)
    run_for(session, clock, 19)
    assert session.current_phase.kind is PhaseKind.REST


def test_removing_more_time_than_is_left_ends_the_phase_now() -> None:
    session, clock, events = make(hold_step("A", hold=20), hold_step("B"))
    session.start()
    run_for(session, clock, 3 + 6)
    session.adjust(-10)
    assert session.remaining == pytest.approx(4)
    session.adjust(-10)
    assert session.current_phase.kind is PhaseKind.REST
    assert session.remaining == pytest.approx(5)
    result = events.of(StepFinished)[0].result  # type: ignore[attr-defined]
    # 6 s of a 20 s hold: some work, not the stretch.
    assert result.status is StepStatus.PARTIAL
    assert result.work_seconds == pytest.approx(6)


def test_removing_time_while_paused_moves_on_but_stays_paused() -> None:
    session, _clock, _ = make(hold_step("A"), hold_step("B"))
    session.start()
    session.pause()
    session.adjust(-10)
    assert session.state is SessionState.PAUSED
    assert session.current_phase.kind is PhaseKind.WORK
    assert session.remaining == pytest.approx(10)


def test_adding_time_in_the_last_seconds_re_arms_the_countdown() -> None:
    session, clock, events = make(hold_step(prepare=0, hold=5))
    session.start()
    run_for(session, clock, 3)
    session.adjust(10)
    run_for(session, clock, 12)
    seconds = [e.seconds_left for e in events.of(Countdown)]  # type: ignore[attr-defined]
    assert seconds == [3, 2, 3, 2, 1]


# ------------------------------------------------------------------ reps done
def test_done_ends_a_rep_set_early_and_counts_the_reps_held() -> None:
    session, clock, events = make(rep_step("A", sets=2, prepare=0), hold_step("B"))
    session.start()
    clock.advance(7)  # of the 8 s the reps take at their pace
    assert session.finish_reps()
    assert session.current_phase.kind is PhaseKind.SWITCH
    clock.advance(2)
    session.update()
    clock.advance(7)
    assert session.finish_reps()
    result = events.of(StepFinished)[0].result  # type: ignore[attr-defined]
    assert result.status is StepStatus.COMPLETED
    assert result.parts_done == ("set 1", "set 2")


def test_done_at_once_on_every_set_is_not_a_completed_step() -> None:
    session, clock, events = make(rep_step("A", sets=2, prepare=0), hold_step("B"))
    session.start()
    assert session.finish_reps()
    clock.advance(2)
    session.update()
    assert session.finish_reps()
    result = events.of(StepFinished)[0].result  # type: ignore[attr-defined]
    assert result.status is StepStatus.SKIPPED
    assert result.parts_done == ()


def test_done_is_refused_outside_rep_work() -> None:
    session, _, _ = make(hold_step("A"))
    session.start()
    assert not session.finish_reps()
    assert session.current_phase.kind is PhaseKind.PREPARE


# ------------------------------------------------------------------ quit / resume
def test_quit_records_the_step_in_progress_and_counts_the_rest_not_reached() -> None:
    session, clock, _ = make(hold_step("A", hold=20), hold_step("B"), hold_step("C"))
    session.start()
    run_for(session, clock, 3 + 12)
    clock.advance(0)
    summary = session.quit()
    assert summary.quit
    assert (summary.partial, summary.not_reached) == (1, 2)
    assert summary.active_seconds == pytest.approx(15)
    assert session.quit() is summary


def test_quit_before_start_reaches_nothing() -> None:
    session, _, _ = make(hold_step("A"))
    summary = session.quit()
    assert summary.not_reached == 1 and summary.results == ()


def test_commands_after_the_end_do_nothing() -> None:
    session, _clock, _ = make(hold_step("A"))
    session.start()
    session.skip()
    for command in (
        session.pause,
        session.resume,
        session.skip,
        session.back,
        session.restart_step,
    ):
        command()
    session.adjust(10)
    assert session.state is SessionState.FINISHED
    assert session.remaining == 0


def test_a_session_can_start_at_a_later_step() -> None:
    clock = FakeClock()
    session = Session(routine(hold_step("A"), hold_step("B"), hold_step("C")), clock, start_step=1)
    session.start()
    assert session.current_step.name == "B"
    summary = session.quit()
    assert summary.not_reached == 1


def test_a_start_step_outside_the_routine_is_refused() -> None:
    with pytest.raises(ValueError):
        Session(routine(hold_step("A")), FakeClock(), start_step=3)
