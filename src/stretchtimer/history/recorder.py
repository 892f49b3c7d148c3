"""Recording sessions into the history file as they happen.

Each engine event that matters is committed before the listener returns: the
session row when it starts, a step row as each step finishes, the ending when
it ends. A crash, a closed terminal or a kill therefore loses at most the step
in progress, and a session that never wrote its ending reads back as
interrupted.

History is a nice-to-have next to the break itself, so nothing here ever raises
into the engine: a damaged file is moved aside and replaced, a file that cannot
be written is reported once through ``take_messages()``, and the session runs on.
A file that cannot be written at all (a read-only disk or folder) is said so
as soon as it is opened, and is still read, for the streak and ``--resume``.
When writing fails for a while and then works again (a disk that filled up
and was freed), the session is written in full and the message says so,
instead of leaving word that it was lost.

Importing this module touches neither SQLite nor the disk; the file is opened on
first use, or ahead of time on a background thread by ``warm_up()``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from stretchtimer.history import notices
from stretchtimer.i18n import _
from stretchtimer.session.events import (
    Event,
    EventSource,
    SessionFinished,
    SessionStarted,
    SessionSummary,
    StepFinished,
    StepResult,
)

if TYPE_CHECKING:
    from stretchtimer.history.records import BreakRecord, InterruptedSession, SessionStatus
    from stretchtimer.history.store import Store

T = TypeVar("T")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _ended_status(summary: SessionSummary) -> SessionStatus:
    """``completed`` only when every step of the routine was; otherwise ``finished``.

    A step the ratings left out was not done, so a session without it is not complete.
    """
    from stretchtimer.history.records import SessionStatus
    from stretchtimer.session.outcome import all_done

    if summary.quit:
        return SessionStatus.QUIT
    return SessionStatus.COMPLETED if all_done(summary) else SessionStatus.FINISHED


class _Tracked:
    """A session being recorded, as its events told it, and how much of it the file holds."""

    __slots__ = ("active_seconds", "results", "row_id", "start", "started_at", "summary", "synced")

    def __init__(self) -> None:
        self.start: SessionStarted | None = None
        #: Each step's latest result (a step done again reports its merged result).
        self.results: dict[int, StepResult] = {}
        self.active_seconds = 0.0
        self.started_at: str | None = None
        self.row_id: int | None = None
        #: False after a failed write: the next write re-sends the whole session.
        self.synced = False
        self.summary: SessionSummary | None = None


class HistoryRecorder:
    """The ``HistoryControl`` the program uses: SQLite at ``path``.

    ``now`` gives the wall-clock time stamped on rows (UTC-aware); ``tz`` is
    the zone whose calendar days make up a streak (``None``: the local zone).
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        now: Callable[[], datetime] = _utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        self._path = path
        self._now = now
        self._tz = tz
        self._lock = threading.RLock()
        self._store: Store | None = None
        self._tracked: list[_Tracked] = []
        self._notices = notices.Notices()
        self._warm_up: threading.Thread | None = None
        #: A write failed and the sessions followed are not all in the file yet.
        self._behind = False
        #: Break records not yet in the file: each write tries them again.
        self._unsaved_breaks: list[BreakRecord] = []
        #: The file's id of the session that finished last, for the ratings given after it.
        self._finished_id: int | None = None

    @property
    def path(self) -> Path:
        if self._path is None:
            from stretchtimer import locations

            self._path = locations.history_file()
        return self._path

    # ------------------------------------------------------------ lifecycle
    def warm_up(self) -> None:
        """Open the file on a background thread, off the way to the first frame."""
        with self._lock:
            if self._warm_up is not None or self._store is not None:
                return
            self._warm_up = threading.Thread(
                target=self._open_quietly, name="history-open", daemon=True
            )
            self._warm_up.start()

    def open_now(self) -> None:
        """Open the file now (after ``warm_up``, if it runs), so that a history that
        cannot be written is known, and said, before a session starts."""
        self._read(lambda store: True)

    def close(self) -> None:
        with self._lock:
            if self._unsaved_breaks:
                self._save_breaks()
            if self._store is not None:
                self._store.close()
                self._store = None

    # ------------------------------------------------------------ HistoryControl
    def attach(self, session: EventSource) -> None:
        tracked = _Tracked()
        with self._lock:
            self._tracked.append(tracked)
        session.subscribe(partial(self._on_event, tracked))

    def latest_session_id(self) -> int | None:
        """The file's id of the session that finished last: what is said about it joins it."""
        with self._lock:
            return self._finished_id

    def current_streak(self) -> int:
        from stretchtimer.history.stats import current_streak

        records = self._read(lambda store: store.sessions(with_steps=False))
        if records is None:
            return 0
        days = [r.started_at.astimezone(self._tz).date() for r in records if r.stretched]
        return current_streak(days, self._now().astimezone(self._tz).date())

    def interrupted_step(self, routine_name: str, *, step_count: int | None = None) -> int | None:
        """Where to continue the routine's interrupted session, or ``None``.

        Only the routine's latest session is considered: once a later one has
        run, an old interruption is no longer worth offering. ``step_count``
        (the routine's current length) guards against a file that changed.
        """
        found = self.interrupted_session(routine_name)
        if found is None:
            return None
        if step_count is not None and found.next_step >= step_count:
            return None
        return found.next_step

    def interrupted_session(self, routine_name: str) -> InterruptedSession | None:
        from stretchtimer.history.records import InterruptedSession, SessionStatus

        latest = self._read(
            lambda store: store.latest_session(routine_name, exclude=self._live_ids())
        )
        if latest is None or latest.status is not SessionStatus.INTERRUPTED:
            return None
        next_step = latest.next_step()
        if next_step == 0 or next_step >= latest.step_count:
            return None
        return InterruptedSession(
            session_id=latest.id,
            routine=latest.routine,
            started_at=latest.started_at,
            next_step=next_step,
            step_count=latest.step_count,
        )

    def record_break(self, record: BreakRecord) -> None:
        """One reminder break and its outcome, committed at once; never raises.

        A record that cannot be written now is kept and written with the next
        one (or when the recorder closes), so a disk full for a moment loses none.
        """
        with self._lock:
            self._unsaved_breaks.append(record)
            self._save_breaks()

    def _save_breaks(self) -> None:
        pending = list(self._unsaved_breaks)

        def add(store: Store) -> bool:
            with store.transaction():
                for record in pending:
                    store.add_break(record)
            return True

        try:
            saved = self._run(add)
        except Exception as exc:
            self._could_not_save(exc)
            return
        if saved:
            del self._unsaved_breaks[: len(pending)]
            self._caught_up()

    def breaks_since(self, moment: datetime) -> list[BreakRecord]:
        """The break records from ``moment`` on (none when history is unavailable)."""
        return self._read(lambda store: store.breaks(moment)) or []

    def take_messages(self) -> list[str]:
        return self._notices.take()

    # ------------------------------------------------------------ events
    def _on_event(self, tracked: _Tracked, event: Event) -> None:
        try:
            match event:
                case SessionStarted():
                    tracked.start = event
                    tracked.started_at = self._stamp()
                    self._write(tracked, None)
                case StepFinished(result=result, active_seconds=active):
                    tracked.results[result.step_index] = result
                    tracked.active_seconds = active
                    if tracked.started_at is not None:
                        self._write(tracked, result)
                case SessionFinished(summary=summary):
                    tracked.summary = summary
                    if tracked.started_at is not None:
                        self._write(tracked, None)
                    with self._lock:
                        if tracked in self._tracked:
                            self._tracked.remove(tracked)
                        self._finished_id = tracked.row_id
                case _:
                    pass
        except Exception as exc:  # a listener must never break the session
            self._could_not_save(exc)

    def _write(self, tracked: _Tracked, step: StepResult | None) -> None:
        with self._lock:
            if self._run(partial(self._save, tracked, step)) is None:
                tracked.synced = False
            elif self._unsaved_breaks:
                self._save_breaks()
            else:
                self._caught_up()

    def _save(self, tracked: _Tracked, step: StepResult | None, store: Store) -> bool:

        stamp = self._stamp()
        row_id = tracked.row_id
        with store.transaction():
            resend = not tracked.synced
            if row_id is None or (resend and not self._holds(store, tracked, row_id)):
                row_id = self._insert(store, tracked)
                resend = True
            if resend:
                results = [tracked.results[i] for i in sorted(tracked.results)]
            else:
                results = [step] if step is not None else []
            for result in results:
                store.upsert_step(row_id, result, stamp)
            summary = tracked.summary
            if summary is None:
                store.update_progress(
                    row_id, active_seconds=tracked.active_seconds, updated_at=stamp
                )
            else:
                store.finish_session(
                    row_id,
                    status=_ended_status(summary),
                    ended_at=stamp,
                    completed=summary.completed,
                    skipped=summary.skipped,
                    partial=summary.partial,
                    active_seconds=summary.active_seconds,
                )
        # Only now is the row certainly there: a rolled-back id may go to someone else.
        tracked.row_id = row_id
        tracked.synced = True
        return True

    @staticmethod
    def _holds(store: Store, tracked: _Tracked, row_id: int) -> bool:
        assert tracked.start is not None and tracked.started_at is not None
        return store.session_exists(
            row_id, routine=tracked.start.routine.key, started_at=tracked.started_at
        )

    def _insert(self, store: Store, tracked: _Tracked) -> int:
        from stretchtimer.history.records import SessionStatus

        start = tracked.start
        assert start is not None and tracked.started_at is not None
        routine = start.routine
        resumed_from: int | None = None
        if start.first_step > 0:
            earlier = store.latest_session(routine.key, exclude=self._live_ids())
            if earlier is not None and earlier.status is SessionStatus.INTERRUPTED:
                store.mark_resumed(earlier.id)
                resumed_from = earlier.id
        return store.insert_session(
            routine=routine.key,
            routine_file=str(routine.source) if routine.source is not None else None,
            started_at=tracked.started_at,
            start_step=start.first_step,
            step_count=len(routine.steps),
            resumed_from=resumed_from,
        )

    # ------------------------------------------------------------ the file
    def _read(self, query: Callable[[Store], T]) -> T | None:
        try:
            with self._lock:
                return self._run(query)
        except Exception as exc:
            self._could_not_save(exc)
            return None

    def _run(self, action: Callable[[Store], T]) -> T | None:
        """Run ``action`` on the open file; ``None`` when history is unavailable.

        Damage found on the way is dealt with by moving the file aside and
        trying once more on a fresh one.
        """
        from stretchtimer.history.recovery import is_damage

        for attempt in (1, 2):
            store = self._open()
            if store is not None and not store.still_at_path():
                store = self._reopen_replaced(store)
            if store is None:
                return None
            try:
                return action(store)
            except Exception as exc:
                if attempt == 1 and is_damage(exc):
                    self._store = None
                    moved = self._move_aside()
                    store.close()  # only now: closing first could delete the journal
                    if moved:
                        continue
                    return None
                self._could_not_save(exc)
                return None
        return None

    def _open(self) -> Store | None:
        from stretchtimer.history.recovery import DamagedHistory
        from stretchtimer.history.schema import SchemaTooNew
        from stretchtimer.history.store import NotAHistoryFile, open_store

        if self._store is not None:
            return self._store
        for attempt in (1, 2):
            try:
                self._store = open_store(self.path)
            except SchemaTooNew:
                self._tell(
                    "too-new",
                    _(
                        "Session history at {path} was written by a newer stretchtimer; this "
                        "session is not being recorded."
                    ).format(path=self.path),
                )
                return None
            except DamagedHistory as exc:
                moved = attempt == 1 and self._move_aside()
                exc.release()
                if not moved:
                    self._could_not_save(exc)
                    return None
            except NotAHistoryFile as exc:
                self._could_not_save(exc)
                return None
            except Exception as exc:
                self._store = self._open_read_only(exc)
                return self._store
            else:
                problem = self._store.writable()
                if problem is not None:
                    self._tell("unsaved", notices.cannot_be_saved(self.path, problem))
                return self._store
        return None

    def _open_read_only(self, failure: BaseException) -> Store | None:
        """The file could not be opened to write: read it at least, and say so now."""
        from stretchtimer.history.store import open_for_reading

        try:
            store = open_for_reading(self.path)
        except Exception:
            self._could_not_save(failure)
            return None
        self._tell("unsaved", notices.cannot_be_saved(self.path, notices.reason(failure)))
        return store

    def _reopen_replaced(self, store: Store) -> Store | None:
        """The file was replaced, moved or deleted under us: carry on in what is there now.

        Whatever now stands at the path is opened (a damaged one is set aside
        and a fresh file started) and the session so far is written to it again.
        """
        from stretchtimer.history.recovery import set_aside_journal

        self._store = None
        store.close()
        try:
            set_aside_journal(self.path, self._now())
        except OSError as exc:
            self._could_not_save(exc)
            return None
        for tracked in self._tracked:
            # Kept: a copy of the old file put back still holds the row, and is matched.
            tracked.synced = False
        self._tell(
            "replaced",
            _(
                "The session history file {path} was replaced or removed during this session; "
                "the session so far was written again to the file now there."
            ).format(path=self.path),
        )
        return self._open()

    def _open_quietly(self) -> None:
        try:
            with self._lock:
                self._open()
        except Exception as exc:
            self._could_not_save(exc)

    def _move_aside(self) -> bool:
        from stretchtimer.history.recovery import quarantine

        try:
            moved = quarantine(self.path, self._now())
        except OSError as exc:
            self._could_not_save(exc)
            return False
        for tracked in self._tracked:
            # Their rows went with the old file; the next write starts them afresh.
            tracked.row_id = None
            tracked.synced = False
        self._tell(
            "damaged",
            _(
                "The session history file was damaged. It was moved to {moved} and a new one "
                "was started."
            ).format(moved=moved),
        )
        return True

    # ------------------------------------------------------------ helpers
    def _live_ids(self) -> set[int]:
        return {t.row_id for t in self._tracked if t.row_id is not None}

    def _stamp(self) -> str:
        return self._now().astimezone(UTC).isoformat(timespec="seconds")

    def _could_not_save(self, exc: BaseException) -> None:
        with self._lock:
            self._behind = True
            for tracked in self._tracked:
                tracked.synced = False
        self._tell("unsaved", notices.not_saved(self.path, exc))

    def _caught_up(self) -> None:
        """A write worked: if earlier ones had failed and everything is in the file now,
        the word that it was not saved is taken back."""
        if not self._behind or self._unsaved_breaks:
            return
        if any(not t.synced for t in self._tracked):
            return
        self._behind = False
        shown = not self._notices.withdraw("unsaved")  # a later failure is told again
        self._notices.tell("caught-up", notices.saved_after_all(self.path, shown=shown), once=False)

    def _tell(self, kind: str, message: str) -> None:
        self._notices.tell(kind, message)
