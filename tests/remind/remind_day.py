"""A simulated working day for the reminder's scheduler.

The monotonic and boot-time clocks are fake clocks; the wall clock follows
the boot-time one (it keeps going while the machine sleeps); the idle source
reports the time since the user's last input. ``work``, ``away`` and
``sleep`` move all of them and let the scheduler poll when it asked to.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from stretchtimer.remind.events import BreakDue, BreakResolved, ReminderEvent
from stretchtimer.remind.plan import Plan, PlannedRoutine
from stretchtimer.remind.scheduler import Scheduler
from stretchtimer.session.clock import FakeClock

DESK = PlannedRoutine("desk-break", 300)
STANDING = PlannedRoutine("standing-break", 300)
NECK = PlannedRoutine("micro-neck", 30)
EYES = PlannedRoutine("micro-eyes", 30)


class Day:
    def __init__(self, plan: Plan, *, start: str = "2026-03-02 09:00") -> None:
        self.mono = FakeClock(1000.0)
        self.boot = FakeClock(5000.0)
        self._wall0 = datetime.fromisoformat(start).astimezone()
        self._boot0 = self.boot.now()
        self.last_input = self.mono.now()
        self.present = True
        self.quiet: str | None = None
        self.polls = 0
        self.scheduler = Scheduler(
            plan, self.mono, self.boot, self.wall, self.idle, lambda: self.quiet
        )
        self.events: list[ReminderEvent] = []
        self.scheduler.subscribe(self.events.append)

    def wall(self) -> datetime:
        return self._wall0 + timedelta(seconds=self.boot.now() - self._boot0)

    def idle(self) -> float:
        if self.present:
            self.last_input = self.mono.now()
        return self.mono.now() - self.last_input

    def _advance(self, seconds: float) -> None:
        self.mono.advance(seconds)
        self.boot.advance(seconds)

    def _run(self, seconds: float) -> None:
        end = self.mono.now() + seconds
        while True:
            wake = self.scheduler.next_poll()
            if wake > end:
                break
            self._advance(wake - self.mono.now())
            self.scheduler.poll()
            self.polls += 1
        self._advance(end - self.mono.now())

    def work(self, seconds: float) -> None:
        """At the keyboard for ``seconds``."""
        self.present = True
        self.last_input = self.mono.now()
        self._run(seconds)

    def away(self, seconds: float) -> None:
        """No input for ``seconds`` (the screen stays on)."""
        self.present = False
        self._run(seconds)
        self.present = True

    def sleep(self, seconds: float) -> None:
        """The laptop is suspended: only the boot-time and wall clocks move."""
        self.boot.advance(seconds)

    def poll(self) -> None:
        self.scheduler.poll()

    def of(self, kind: type) -> list[ReminderEvent]:
        return [e for e in self.events if isinstance(e, kind)]

    def due(self) -> list[BreakDue]:
        return [e for e in self.events if isinstance(e, BreakDue)]

    def records(self) -> list[BreakResolved]:
        return [e for e in self.events if isinstance(e, BreakResolved)]

    def outcomes(self) -> list[tuple[str, str, str]]:
        return [(r.record.kind, r.record.routine, r.record.outcome) for r in self.records()]

    def clear(self) -> None:
        self.events.clear()


def plan(**changes: object) -> Plan:
    base: dict[str, object] = {
        "routines": (DESK, STANDING),
        "micro_routines": (NECK, EYES),
    }
    base.update(changes)
    return Plan(**base)  # type: ignore[arg-type]


MIN = 60.0
