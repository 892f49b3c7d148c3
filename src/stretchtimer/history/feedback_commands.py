"""What ``rate``, ``checkin``, ``show`` and a session ask of the ratings and check-ins kept.

Reading goes through the same path as ``history`` (an older file is brought
up to date, a damaged one is left alone); a history that cannot be read
leaves the routine as written, with the reason to say. Writing opens the
file as a session would and stores everything in one transaction or nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from stretchtimer.adapt.policy import Plan, Rating, as_written, plan
from stretchtimer.history import feedback
from stretchtimer.history.commands import _default_path, _read, _Unavailable
from stretchtimer.history.recovery import DamagedHistory
from stretchtimer.history.schema import SchemaTooNew
from stretchtimer.history.store import Store, open_store
from stretchtimer.i18n import _
from stretchtimer.routine import Routine

T = TypeVar("T")


class FeedbackNotSaved(Exception):
    """The history file could not take the rating or check-in; nothing was stored."""


def planned(routine: Routine, db_path: Path | None = None) -> tuple[Plan, str | None]:
    """The next session's plan of ``routine``; with the reason when ratings cannot be read."""
    try:
        rows = _read(db_path or _default_path(), lambda store: feedback.ratings(store, routine.key))
    except _Unavailable as exc:
        return as_written(routine), _("{problem} The routine is shown as written.").format(
            problem=exc
        )
    return plan(routine, rows or []), None


def last_checkin(db_path: Path | None = None) -> datetime | None:
    try:
        return _read(db_path or _default_path(), feedback.last_checkin)
    except _Unavailable:
        return None


def _write(action: Callable[[Store], T], db_path: Path | None) -> T:
    path = db_path or _default_path()
    try:
        store = open_store(path)
    except DamagedHistory as exc:
        exc.release()
        raise FeedbackNotSaved(
            _("the history at {path} is damaged ({exc})").format(path=path, exc=exc)
        ) from exc
    except (sqlite3.Error, OSError, SchemaTooNew) as exc:
        raise FeedbackNotSaved(
            _("the history at {path} cannot be written ({exc})").format(path=path, exc=exc)
        ) from exc
    try:
        with store.transaction():
            return action(store)
    except sqlite3.Error as exc:
        raise FeedbackNotSaved(
            _("the history at {path} cannot be written ({exc})").format(path=path, exc=exc)
        ) from exc
    finally:
        store.close()


def rate_step(
    routine: Routine,
    step_name: str,
    rating: Rating,
    *,
    session_id: int | None = None,
    step_index: int | None = None,
    at: datetime | None = None,
    db_path: Path | None = None,
) -> None:
    def add(store: Store) -> None:
        feedback.add_rating(
            store,
            routine=routine.key,
            step_name=step_name,
            rating=rating,
            at=at or datetime.now(UTC),
            session_id=session_id,
            step_index=step_index,
        )

    _write(add, db_path)


def reset_ratings(routine: Routine, db_path: Path | None = None) -> int:
    return _write(lambda store: feedback.clear_ratings(store, routine.key), db_path)


def save_checkin(
    scores: Mapping[str, int], *, at: datetime | None = None, db_path: Path | None = None
) -> None:
    _write(lambda store: feedback.add_checkin(store, at or datetime.now(UTC), scores), db_path)


#: How often the picker offers a check-in, at most.
CHECKIN_EVERY = timedelta(days=7)


class HistoryRatings:
    """The ``RatingsControl`` the app uses: the history file, beside the session's recorder.

    ``session_id`` gives the file's id of the session just recorded, so a
    rating is kept with the session's step.
    """

    def __init__(
        self,
        session_id: Callable[[], int | None] = lambda: None,
        *,
        db_path: Path | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._session_id = session_id
        self._db_path = db_path
        self._now = now

    def plan(self, routine: Routine) -> Plan:
        return planned(routine, self._db_path)[0]

    def rate(
        self, routine_name: str, step_name: str, step_index: int, rating: Rating
    ) -> str | None:
        def add(store: Store) -> None:
            feedback.add_rating(
                store,
                routine=routine_name,
                step_name=step_name,
                rating=rating,
                at=self._now(),
                session_id=self._session_id(),
                step_index=step_index,
            )

        try:
            _write(add, self._db_path)
        except FeedbackNotSaved as exc:
            return _("The rating was not saved: {exc}.").format(exc=exc)
        return None

    def offer_checkin(self) -> bool:
        """Whether to offer a check-in now: once a session is recorded, at most once a week.

        Saying yes counts as the week's offer, whether it is answered or not.
        """
        try:
            found = _read(
                self._db_path or _default_path(),
                lambda store: (store.session_count(), feedback.last_checkin(store, offers=True)),
            )
        except _Unavailable:
            return False  # a history that cannot be read could not keep the answer either
        if found is None or found[0] == 0:
            return False  # nothing done yet to set a check-in beside
        now = self._now()
        last = found[1]
        if last is not None and now - last < CHECKIN_EVERY:
            return False
        try:
            _write(lambda store: feedback.add_checkin_offer(store, now), self._db_path)
        except FeedbackNotSaved:
            return False
        return True

    def checkin(self, scores: Mapping[str, int]) -> str | None:
        try:
            save_checkin(scores, at=self._now(), db_path=self._db_path)
        except FeedbackNotSaved as exc:
            return _("The check-in was not saved: {exc}.").format(exc=exc)
        return None
