"""``stretchtimer remind`` options, the [remind] table, ``stats --json`` and ``doctor``."""

from __future__ import annotations

import json

import pytest

from stretchtimer import locations
from stretchtimer.cli import main
from stretchtimer.cli.remind import IDLE_SOURCES
from stretchtimer.config import load_config, save_setting
from stretchtimer.idle.selection import SOURCE_NAMES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--every", "2s"], "--every must be from 10s to 8h, not 2s"),
        (["--micro-every", "soon"], "--micro-every must be a duration like 90, '45s'"),
        (["--idle-after", "1s"], "--idle-after must be from 10s to 4h, not 1s"),
        (["--hours", "9 to 5"], "--hours cannot be read: '9 to 5' is not a span like 09:00-17:30"),
        (["--routine", "desk-brake"], "no routine named 'desk-brake' (did you mean 'desk-break'?)"),
        (["--idle-source", "kde"], "argument --idle-source: invalid choice: 'kde'"),
        (["--routine="], "--routine needs a routine's name, like desk-break"),
        (["--micro-routine", " "], "--micro-routine needs a routine's name, like desk-break"),
    ],
)
def test_bad_options_say_what_to_fix(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "remind", *argv)
    assert code == 1
    assert message in err and "Traceback" not in err


def test_a_forced_idle_source_that_does_not_work_here_is_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    code, _, err = run(capsys, "remind", "--idle-source", "xscreensaver")
    assert code == 1
    assert "idle source 'xscreensaver' cannot be used: no X display (DISPLAY is not set)" in err


def test_a_bad_remind_setting_costs_only_itself_and_doctor_names_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text('[remind]\nevery = "often"\npostpone_limit = 5\nsnooze = "1s"\n')
    assert load_config().remind == {"postpone_limit": 5}
    code, out, _ = run(capsys, "doctor")
    assert code == 1
    assert f"{path}: [remind] 'every' must be a duration like 90" in out
    assert f"{path}: [remind] 'snooze' must be from 1m to 12h" in out


def test_an_unknown_idle_source_in_the_table_is_a_config_problem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text('[remind]\nidle_source = "bogus"\nevery = -7205\n')
    assert load_config().remind == {}
    code, out, _ = run(capsys, "doctor")
    assert code == 1
    assert (
        f"{path}: [remind] 'idle_source' must be one of auto, mutter, screensaver,"
        " xscreensaver, logind, terminal, not 'bogus'" in out
    )
    assert f"{path}: [remind] 'every' must be from 10s to 8h, not -2h5s" in out
    assert "Idle source: unknown" not in out and "Traceback" not in out
    # remind itself goes on with the default source; it stops here only for want of a terminal
    code, _, err = run(capsys, "remind")
    assert code == 1 and "Traceback" not in err and "terminal" in err


def test_a_bad_remind_setting_is_a_warning_outside_sessions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text('[remind]\nmute = "yes"\n')
    code, _, err = run(capsys, "list")
    assert code == 0
    assert f"warning: {path}: [remind] 'mute' must be true or false" in err


def test_the_remind_table_survives_saving_the_theme() -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text(
        'theme = "nord"\n[remind]\nevery = "45m"\nroutines = ["desk-break", "standing-break"]\n'
    )
    config = load_config()
    assert config.remind == {"every": "45m", "routines": ["desk-break", "standing-break"]}
    save_setting("theme", "gruvbox")
    after = load_config()
    assert after.theme == "gruvbox"
    assert after.remind == config.remind


def test_every_idle_source_can_be_forced_by_name() -> None:
    assert IDLE_SOURCES == SOURCE_NAMES


def test_stats_json_has_the_break_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0
    breaks = json.loads(out)["breaks"]
    assert set(breaks) == {"today", "week", "days"}
    assert breaks["today"] == dict.fromkeys(("due", "taken", "postponed", "skipped", "natural"), 0)


def test_doctor_says_which_idle_source_is_used_and_why_others_were_passed_over(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "")
    monkeypatch.delenv("DISPLAY", raising=False)
    _, out, _ = run(capsys, "doctor")
    assert "idle source" in out
    assert "passed over mutter: no session bus (DBUS_SESSION_BUS_ADDRESS is not set)" in out
    assert "passed over xscreensaver: no X display (DISPLAY is not set)" in out
    assert "notifications     none, no session bus" in out
