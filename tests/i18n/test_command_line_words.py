"""The command line's own words follow the language; machine output stays English.

The pseudo-locale stands in for a language: every marked string comes back
accented, so a word left in plain ASCII is one that was never marked.
"""

from __future__ import annotations

import json

import pytest

from stretchtimer import locations
from stretchtimer.cli import main
from stretchtimer.i18n import use_language
from stretchtimer.routine import Step
from stretchtimer.session.outcome import StepCounts, outcome_text
from stretchtimer.wording import plural, spoken_duration, step_summary

PSEUDO = "en_XA"

ROUTINE = """\
name: Rated
defaults: {prepare: 0, rest: 0}
steps:
  - name: Neck tilt
    hold: 30s
    max_hold: 40s
  - name: Shoulder rolls
    reps: 10
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_counted_words_take_the_language_and_english_is_unchanged() -> None:
    assert plural(5, "step") == "5 steps" and spoken_duration(90) == "1 minute 30 seconds"
    use_language([PSEUDO])
    assert plural(5, "step").startswith("5 ") and "steps" not in plural(5, "step")
    step = Step(name="A", hold=30, sets=2, sides=("left", "right"))
    assert "hold" not in step_summary(step) and step_summary(step).startswith("0:30 ")
    stopped = outcome_text(StepCounts(1, 0, 0, not_reached=4), quit=True)
    assert "1" in stopped and "5" in stopped and "stopped" not in stopped


def test_list_and_errors_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--lang", PSEUDO, "list")
    assert code == 0
    line = next(row for row in out.splitlines() if row.startswith("desk-break "))
    assert "5 " in line and "steps" not in line
    code, _out, err = run(capsys, "--lang", PSEUDO, "run", "no-such-routine")
    assert code == 1 and "no-such-routine" in err and "no routine named" not in err


def test_show_json_keeps_the_apps_words_english(capsys: pytest.CaptureFixture[str]) -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rated.yaml").write_text(ROUTINE, encoding="utf-8")
    for _time in range(2):
        assert run(capsys, "rate", "rated", "Neck tilt", "easy")[0] == 0
    code, out, _err = run(capsys, "--lang", PSEUDO, "show", "rated", "--json")
    adapted = json.loads(out)["steps"][0]["adapted"]
    assert code == 0 and adapted["why"] == "rated easy twice"
    code, out, _err = run(capsys, "--lang", PSEUDO, "show", "rated")
    assert code == 0 and "rated easy twice" not in out and "35" in out
