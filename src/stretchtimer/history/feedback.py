"""Ratings of the steps done and check-ins of how areas feel, as the history file keeps them.

A reset marks a routine's ratings as cleared instead of deleting them: the
plan goes back to the routine as written, and the file still says what the
person told it. A file older than these tables (opened read-only, so not
migrated) simply has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import msgspec

from stretchtimer.adapt.policy import Rating, RatingRow
from stretchtimer.areas import AREAS, SCORE_RANGE
from stretchtimer.history.records import from_utc_text, to_utc_text
from stretchtimer.history.schema import schema_version
from stretchtimer.history.store import Store
from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text

#: The schema version that brought ratings and check-ins.
FEEDBACK_VERSION = 3


class CheckinRow(msgspec.Struct, frozen=True):
    at: datetime
    area: str
    score: int


def _has_tables(store: Store) -> bool:
    return schema_version(store.conn) >= FEEDBACK_VERSION


def add_rating(
    store: Store,
    *,
    routine: str,
    step_name: str,
    rating: Rating,
    at: datetime,
    session_id: int | None = None,
    step_index: int | None = None,
) -> None:
    store.conn.execute(
        "INSERT INTO ratings (routine, step_name, rating, rated_at, session_id, step_index)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (routine, step_name, rating.value, to_utc_text(at), session_id, step_index),
    )


def ratings(store: Store, routine: str) -> list[RatingRow]:
    """The ratings the next plan of ``routine`` follows (not cleared), oldest first."""
    if not _has_tables(store):
        return []
    rows = store.conn.execute(
        "SELECT step_name, rating, rated_at FROM ratings"
        " WHERE routine = ? AND cleared = 0 ORDER BY rated_at, id",
        (routine,),
    ).fetchall()
    found = []
    for step, rating, at in rows:
        try:
            found.append(RatingRow(str(step), Rating(str(rating)), from_utc_text(str(at))))
        except ValueError:
            continue  # a word a later version may know: not this version's to follow
    return found


def clear_ratings(store: Store, routine: str) -> int:
    """Stop following ``routine``'s ratings; how many were cleared."""
    cursor = store.conn.execute(
        "UPDATE ratings SET cleared = 1 WHERE routine = ? AND cleared = 0", (routine,)
    )
    return cursor.rowcount


def add_checkin(store: Store, at: datetime, scores: Mapping[str, int]) -> None:
    """Record one check-in; an unknown area or a score out of range is refused whole."""
    low, high = SCORE_RANGE
    for area, score in scores.items():
        if area not in AREAS or not low <= score <= high:
            raise ValueError(_("not a check-in: {area}={score}").format(area=area, score=score))
    store.conn.executemany(
        "INSERT INTO checkins (at, area, score) VALUES (?, ?, ?)",
        [(to_utc_text(at), area, score) for area, score in scores.items()],
    )


def checkins(store: Store) -> list[CheckinRow]:
    if not _has_tables(store):
        return []
    rows = store.conn.execute("SELECT at, area, score FROM checkins ORDER BY at, id").fetchall()
    return [
        CheckinRow(from_utc_text(str(at)), safe_text(str(area)), int(score))
        for at, area, score in rows
    ]


def last_checkin(store: Store, *, offers: bool = False) -> datetime | None:
    """When the last check-in was given (or, with ``offers``, given or offered)."""
    if not _has_tables(store):
        return None
    query = "SELECT max(at) FROM checkins"
    if offers:
        query = f"SELECT max(at) FROM (SELECT at FROM checkins UNION ALL {_OFFERS})"
    row = store.conn.execute(query).fetchone()
    return None if row is None or row[0] is None else from_utc_text(str(row[0]))


_OFFERS = "SELECT at FROM checkin_offers"


def add_checkin_offer(store: Store, at: datetime) -> None:
    store.conn.execute("INSERT INTO checkin_offers (at) VALUES (?)", (to_utc_text(at),))
