"""What the session screen shows, worked out from the engine in one place.

The screen only copies these strings into widgets. Keeping the wording here,
free of Textual, means it can be checked without a terminal and the screen can
compare old and new text to skip redraws that would change nothing.
"""

from __future__ import annotations

from typing import assert_never

import msgspec

from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.timeline import Phase, PhaseKind
from stretchtimer.wording import clock_text, side_text, step_summary


class SessionView(msgspec.Struct, frozen=True):
    heading: str
    step_name: str
    kind: str
    phase: str
    detail: str
    countdown: str
    reps: str
    phase_fraction: float
    session_fraction: float
    session_left: str
    caution: str
    instructions: tuple[str, ...]
    tip: str
    #: What ratings changed in this step, and why; empty when it is as written.
    adapted: str
    next: str
    paused: bool
    rep_work: bool
    window_title: str


def phase_label(phase: Phase) -> str:
    """What the person does now."""
    match phase.kind:
        case PhaseKind.PREPARE:
            return "Get ready"
        case PhaseKind.WORK:
            return "Reps" if phase.reps is not None else "Hold"
        case PhaseKind.SWITCH:
            return "Switch sides" if phase.changes_side else "Between sets"
        case PhaseKind.REST:
            return "Rest"
        case _:
            assert_never(phase.kind)


def phase_detail(phase: Phase) -> str:
    """Side and set, e.g. ``Left side · set 1 of 2``; empty when neither applies."""
    match phase.kind:
        case PhaseKind.REST:
            return ""  # a rest sits between steps: no side, no set
        case PhaseKind.PREPARE | PhaseKind.WORK | PhaseKind.SWITCH:
            pass
        case _:
            assert_never(phase.kind)
    parts = []
    if phase.side:
        parts.append(side_text(phase.side))
    if phase.set_count > 1:
        parts.append(f"set {phase.set_number} of {phase.set_count}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def _next_text(session: Session) -> str:
    following = session.next_phase
    current = session.current_phase
    if following is None:
        return "Next: the end — this is the last one"
    next_step = session.routine.steps[following.step_index]
    if following.step_index != current.step_index:
        return f"Next: {next_step.name} ({step_summary(next_step)})"
    match following.kind:
        case PhaseKind.REST:
            after = session.next_step
            then = f", then {after.name}" if after is not None else ""
            return f"Next: rest {clock_text(following.duration)}{then}"
        case PhaseKind.SWITCH if following.changes_side:
            return f"Next: switch to your {following.side} side"
        case PhaseKind.SWITCH:
            return f"Next: a short pause, then set {following.set_number} of {following.set_count}"
        case PhaseKind.PREPARE | PhaseKind.WORK:
            label = phase_label(following).lower()
            detail = phase_detail(following)
            detail = detail[:1].lower() + detail[1:]
            shown = f" · {detail}" if detail else ""
            return f"Next: {label} {clock_text(following.duration)}{shown}"
        case _:
            assert_never(following.kind)


def _fraction(done: float, total: float) -> float:
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, done / total))


def caution_due(session: Session) -> bool:
    """The routine's caution belongs on screen while the first step gets ready,
    and beside a step that stands in for one that hurt."""
    first = session.timeline.step_first_phase[session.start_step]
    beside = session.current_step.cautious or session.current_phase.index == first
    return bool(session.routine.caution) and beside


def _left_out(session: Session) -> str:
    """What the plan leaves out, said while the first step gets ready."""
    first = session.timeline.step_first_phase[session.start_step]
    if not session.routine.left_out or session.current_phase.index != first:
        return ""
    return "\n".join(f"Left out today: {line}" for line in session.routine.left_out)


def describe(session: Session) -> SessionView:
    phase = session.current_phase
    step = session.current_step
    routine = session.routine
    paused = session.state is SessionState.PAUSED
    countdown = clock_text(session.remaining)
    rep_work = phase.kind is PhaseKind.WORK and phase.reps is not None
    rep = session.current_rep
    reps = f"Rep {rep} of {phase.reps}" if rep_work and rep is not None else ""
    total = session.session_total
    left = session.session_remaining
    label = phase_label(phase)
    status = "PAUSED" if paused else label
    return SessionView(
        heading=f"{routine.name} · step {session.step_index + 1} of {len(routine.steps)}",
        step_name=step.name,
        kind=step.kind.label,
        phase=label,
        detail=phase_detail(phase),
        countdown=countdown,
        reps=reps,
        phase_fraction=_fraction(session.phase_elapsed, session.phase_length),
        session_fraction=_fraction(total - left, total),
        session_left=f"{clock_text(left)} left",
        caution=(routine.caution or "") if caution_due(session) else "",
        instructions=tuple(f"{n}. {text}" for n, text in enumerate(step.instructions, 1)),
        tip=f"Tip: {step.tip}" if step.tip else "",
        adapted="\n".join(
            line
            for line in (_left_out(session), step.adapted and f"Adapted: {step.adapted}")
            if line
        ),
        next=_next_text(session),
        paused=paused,
        rep_work=rep_work,
        window_title=f"{countdown} {status} · {step.name} — stretchtimer",
    )
