"""Digits of other scripts at every place a number is read: refused with what to fix.

``'²'.isdigit()`` is true and ``int('²')`` raises; ``int('٣')`` is 3. Either
way a duration or a number written with them is not what anyone typed on
purpose (a superscript two sits left of 1 on an AZERTY keyboard), so every
entry point reads ASCII digits only: routine files, ``config.toml``, the
command line and the snooze prompt, all through ``wording.parse_duration``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchtimer.cli import main
from stretchtimer.config import read_config
from stretchtimer.loader import RoutineError, load_text
from stretchtimer.remind.plan import parse_working_hours
from stretchtimer.remind.settings import SettingError, duration_setting
from stretchtimer.wording import parse_duration

#: Any character Unicode counts as a number (decimal digits, other digits such as
#: superscripts and fractions, letter numbers such as Roman numerals) that is not ASCII.
OTHER_DIGITS = st.characters(categories=["Nd", "No", "Nl"]).filter(lambda c: not c.isascii())

#: Text with one such character among ASCII digits and units, wherever it falls.
SHAPES = ("{d}", "{d}s", "1{d}", "{d}0m", "1m{d}s", "{d}h", " {d} ", "1{d}m30s")


@st.composite
def written_with_other_digits(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(SHAPES)).format(d=draw(OTHER_DIGITS))


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(written_with_other_digits())
def test_the_one_parser_refuses_them(text: str) -> None:
    assert parse_duration(text) is None
    assert parse_duration(text, bare_number=True) is None


def test_ascii_durations_still_read() -> None:
    assert parse_duration("1m30s") == 90
    assert parse_duration(" 1h 5m ") == 3900
    assert parse_duration("90") is None  # a routine file's text needs a unit
    assert parse_duration("90", bare_number=True) == 90
    assert parse_duration(90) == 90


@FAST
@given(written_with_other_digits())
def test_a_routine_file_says_where_they_are(text: str) -> None:
    document = f'name: Odd\nsteps:\n  - name: A\n    hold: "{text}"\n'
    with pytest.raises(RoutineError) as caught:
        load_text(document, Path("odd.yaml"))
    (line,) = caught.value.lines()
    assert line.startswith("odd.yaml:4:11: error: 'hold' must be a duration")


@FAST
@given(written_with_other_digits())
def test_the_snooze_prompt_and_settings_refuse_them(text: str) -> None:
    # What the snooze prompt does with what was typed.
    with pytest.raises(SettingError, match="must be a duration"):
        duration_setting("snooze", text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digit=OTHER_DIGITS)
def test_working_hours_refuse_them(digit: str) -> None:
    with pytest.raises(ValueError, match="is not a span"):
        parse_working_hours(f"0{digit}:00-17:30")


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=written_with_other_digits())
def test_a_config_value_costs_only_itself_and_every_command_still_runs(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'volume = 40\n[remind]\nevery = "{text}"\nsnooze = "20m"\n', "utf-8")
    reading = read_config(config)
    assert reading.config.volume == 40 and reading.config.remind == {"snooze": "20m"}
    (problem,) = reading.problems
    assert "[remind] 'every' must be a duration" in problem


@pytest.mark.parametrize("digit", ["²", "٣", "\uff11", "Ⅻ", "½", "߁"])
def test_every_command_runs_with_them_in_the_config(
    digit: str, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = isolated_user_dirs / ".config" / "stretchtimer" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[remind]\nevery = "{digit}"\nidle_after = "1{digit}m"\n', "utf-8")
    assert main(["list", "--names"]) == 0
    out, err = capsys.readouterr()
    assert "desk-break" in out
    assert "'every' must be a duration" in err and "'idle_after' must be a duration" in err
    assert main(["doctor"]) == 1  # doctor calls them config problems
    assert "'every' must be a duration" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["remind", "--every", "²"],
        ["remind", "--micro-every", "٣m"],
        ["remind", "--postpone", "\uff11\uff10m"],
        ["remind", "--idle-after", "Ⅻm"],
        ["remind", "--hours", "٠٩:00-17:00"],
        ["run", "desk-break", "--volume", "٤٠"],
        ["run", "desk-break", "--volume", "½"],
        ["sounds", "--gap", "٣"],
        ["sounds", "--gap", "²"],
    ],
)
def test_options_refuse_them_with_what_to_fix(
    args: list[str], capsys: pytest.CaptureFixture[str], isolated_user_dirs: Path
) -> None:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("stretchtimer: error: ")
    assert "Traceback" not in err
    assert "must be" in err or "is not" in err or "cannot be read" in err
