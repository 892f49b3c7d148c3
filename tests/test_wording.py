"""Words for durations, counts and steps: each form made one way, for every screen and command."""

from __future__ import annotations

import pytest

from stretchtimer.routine import Step
from stretchtimer.wording import (
    clock_text,
    format_duration,
    hours_and_minutes,
    length_text,
    parse_duration,
    plural,
    short_time_left,
    spoken_duration,
    step_summary,
    time_left,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [(90, 90), ("45s", 45), ("2m", 120), ("1m30s", 90), ("1h", 3600), (" 1m 5s ", 65)],
)
def test_durations_read_as_people_write_them(text: object, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "1.5m", "-5", True, 2.5, None, "5x"])
def test_durations_that_are_not_durations(text: object) -> None:
    assert parse_duration(text) is None


def test_format_duration_round_trips() -> None:
    for seconds in (0, 5, 60, 90, 3600, 3725):
        assert parse_duration(format_duration(seconds)) == seconds
    assert format_duration(90) == "1m30s" and format_duration(3725) == "1h2m5s"


def test_clock_text_rounds_up_and_grows_hours() -> None:
    assert clock_text(0) == "0:00"
    assert clock_text(0.2) == "0:01"
    assert clock_text(59.0000001) == "0:59"
    assert clock_text(61) == "1:01"
    assert clock_text(3725) == "1:02:05"


def test_a_length_reads_like_a_clock_rounded_to_the_nearest_second() -> None:
    assert length_text(408) == "6:48"
    assert length_text(64.4) == "1:04"  # a countdown would still show 1:05
    assert clock_text(64.4) == "1:05"
    assert length_text(59.6) == "1:00"
    assert length_text(0) == "0:00"
    assert length_text(3725) == "1:02:05"  # hours only from an hour on


def test_durations_are_said_in_words() -> None:
    assert spoken_duration(1) == "1 second"
    assert spoken_duration(90) == "1 minute 30 seconds"
    assert spoken_duration(120) == "2 minutes"
    assert spoken_duration(0) == "0 seconds"


def test_time_left_reads_in_minutes_until_the_last_one() -> None:
    assert time_left(41 * 60 + 55) == "42 min" and time_left(41 * 60) == "41 min"
    assert time_left(59.2) == "60 s"
    assert time_left(90 * 60) == "90 min" and time_left(125 * 60) == "2 h 05 min"
    assert short_time_left(41 * 60 + 55) == "42m" and short_time_left(59.2) == "60s"


def test_hours_and_minutes() -> None:
    assert hours_and_minutes(0) == "0 min" and hours_and_minutes(59) == "59 min"
    assert hours_and_minutes(65) == "1 h 05 min"


def test_one_plural_for_every_count() -> None:
    assert plural(1, "step") == "1 step" and plural(0, "step") == "0 steps"
    assert plural(2, "day") == "2 days" and plural(3, "is", "are") == "3 are"
    assert plural(3, "step", width=2) == " 3 steps"


def test_one_description_of_a_step_wherever_it_is_listed() -> None:
    assert step_summary(Step(name="A", hold=30, sets=2, sides=("left", "right"))) == (
        "0:30 hold · 2 sets · each side"
    )
    assert step_summary(Step(name="B", hold=None, reps=1)) == "1 rep"
    assert (
        step_summary(Step(name="C", hold=None, reps=10, sides=("right",)))
        == "10 reps · your right side"
    )
