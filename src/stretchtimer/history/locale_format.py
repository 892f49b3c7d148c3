"""Dates and numbers in ``history`` and ``stats``, the way the person's language writes them.

Babel's copy of the Unicode CLDR is used, not the system's locales (often not
installed, and chosen by other variables than the language). Only ``history``
and ``stats`` import this module, through ``render``: a session never loads
Babel.

English keeps the forms these commands have always printed: ISO dates
(``2026-12-07 15:30``, unambiguous wherever English is read) and numbers
without separators, which scripts reading the text may expect. So does any
language CLDR does not know, such as the pseudo-locale.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton, format_time, get_day_names
from babel.numbers import format_decimal

from stretchtimer.i18n import current_language

_ENGLISH_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@cache
def _locale(language: str) -> Locale | None:
    """CLDR's locale for ``language``; None for English and for what CLDR does not know."""
    if language == "en":
        return None
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return None


def date_and_time(moment: datetime) -> str:
    """A session's start: ``2026-12-07 15:30``, ``07.12.2026 15:30``, ``7/12/2026 15:30``."""
    locale = _locale(current_language())
    if locale is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    day = format_skeleton("yMMdd", moment, locale=locale)
    return f"{day} {format_time(moment, 'short', locale=locale)}"


def day_and_month(day: date, *, weekday: bool = False) -> str:
    """A day in a table of days or weeks: ``Mon 07 Dec``, ``Mo., 7. Dez.``, ``lun, 7 dic``."""
    locale = _locale(current_language())
    if locale is None:
        return day.strftime("%a %d %b" if weekday else "%d %b")
    return format_skeleton("MMMEd" if weekday else "MMMd", day, locale=locale)


def weekday_names() -> tuple[str, ...]:
    """The days of the week, abbreviated, Monday first."""
    locale = _locale(current_language())
    if locale is None:
        return _ENGLISH_WEEKDAYS
    names = get_day_names("abbreviated", locale=locale)
    return tuple(names[index] for index in range(7))


def number(value: int) -> str:
    """A count: ``1234``, ``1.234``."""
    locale = _locale(current_language())
    return str(value) if locale is None else format_decimal(value, locale=locale)


def one_decimal(value: float) -> str:
    """A mean to one decimal place: ``3.5``, ``3,5``."""
    locale = _locale(current_language())
    if locale is None:
        return f"{value:.1f}"
    return format_decimal(value, format="#,##0.0", locale=locale)
