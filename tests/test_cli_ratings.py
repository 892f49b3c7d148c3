"""Rating stretches from the command line: the next plan follows, visibly and reversibly."""

from __future__ import annotations

import json
import sqlite3

import pytest

from stretchtimer import locations
from stretchtimer.cli import main

ROUTINE = """\
name: Rated
caution: Stop any stretch that hurts.
defaults: {prepare: 0, rest: 0}
steps:
  - name: Neck tilt
    hold: 30s
    max_hold: 40s
  - name: Side bend
    hold: 20s
    easier: {name: Gentle side bend, hold: 10s}
  - name: Shoulder rolls
    reps: 10
"""


@pytest.fixture(autouse=True)
def rated_routine() -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rated.yaml").write_text(ROUTINE, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def plan(capsys: pytest.CaptureFixture[str], *options: str) -> dict:
    code, out, err = run(capsys, "show", "rated", "--json", *options)
    assert (code, err) == (0, "")
    return json.loads(out)


def stored_ratings() -> list[tuple[str, str, int]]:
    path = locations.history_file()
    if not path.exists():
        return []
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT step_name, rating, cleared FROM ratings").fetchall()
    finally:
        conn.close()


def test_two_easy_lengthen_step_1_with_the_reason_in_show_and_json(capsys):
    written = plan(capsys)
    assert run(capsys, "rate", "rated", "1", "easy")[0] == 0
    assert plan(capsys) == written  # one is not yet a pattern
    code, out, _ = run(capsys, "rate", "rated", "neck tilt", "easy")
    assert (code, out) == (0, "Rated: Neck tilt rated easy.\n")

    step = plan(capsys)["steps"][0]
    assert step["hold"] == 35
    assert step["adapted"] == {
        "what": "hold",
        "from": 30,
        "to": 35,
        "why": "rated easy twice",
        "reason": "hold 35 s, was 30 s: rated easy twice",
        "caution": None,
        "advice": None,
    }
    _, shown, _ = run(capsys, "show", "rated")
    assert "Adapted: hold 35 s, was 30 s: rated easy twice" in shown
    for _ in range(6):
        run(capsys, "rate", "rated", "1", "easy")
    assert plan(capsys)["steps"][0]["hold"] == 40  # the routine's max_hold


def test_hurt_replaces_a_step_with_its_easier_one_or_leaves_it_out(capsys):
    run(capsys, "rate", "rated", "2", "hurt")
    run(capsys, "rate", "rated", "3", "hurt")
    steps = plan(capsys)["steps"]
    assert steps[1]["name"] == "Gentle side bend" and steps[1]["hold"] == 10
    assert steps[1]["adapted"]["to"] == "Gentle side bend"
    assert steps[1]["adapted"]["caution"] == "Stop any stretch that hurts."
    assert steps[2]["skip"] is True
    assert steps[2]["adapted"]["reason"].startswith("left out: rated hurt")
    timeline_steps = {phase["step"] for phase in plan(capsys)["timeline"]}
    assert timeline_steps == {0, 1}
    _, shown, _ = run(capsys, "show", "rated")
    assert " 3. Shoulder rolls: left out: rated hurt" in shown
    assert "Caution: Stop any stretch that hurts." in shown


def test_as_written_ignores_the_ratings_and_reset_restores_the_routine(capsys):
    written = plan(capsys)
    for step in ("1", "1", "2"):
        run(capsys, "rate", "rated", step, "easy" if step == "1" else "hurt")
    assert plan(capsys) != written
    assert plan(capsys, "--as-written") == written
    code, out, _ = run(capsys, "rate", "--reset", "rated")
    assert code == 0 and "as written" in out
    assert plan(capsys) == written
    assert {cleared for *_, cleared in stored_ratings()} == {1}  # kept, no longer followed


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["rate", "rated", "4", "easy"], "Rated has no step 4; its steps are 1 to 3"),
        (["rate", "rated", "0", "easy"], "Rated has no step 0"),
        (["rate", "rated", "Neck tlit", "easy"], "(did you mean 'Neck tilt'?)"),
        (["rate", "rated", "1", "eazy"], "unknown rating 'eazy' (did you mean 'easy'?)"),
        (["rate", "no-such", "1", "easy"], "no routine named 'no-such'"),
        (["rate", "rated", "1"], "name the step and the rating"),
        (["rate", "--reset", "rated", "1"], "--reset takes the routine alone"),
    ],
)
def test_bad_ratings_are_refused_in_one_line_and_nothing_is_stored(capsys, argv, said):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert said in err and "Traceback" not in err
    assert stored_ratings() == []


def test_a_plain_session_asks_for_ratings_and_enter_passes_over_a_stretch(tmp_path):
    from stretchtimer.cli.feedback import ask_ratings
    from stretchtimer.history.feedback_commands import HistoryRatings
    from stretchtimer.session.events import SessionSummary, StepResult, StepStatus

    def result(index: int, name: str, status: StepStatus) -> StepResult:
        return StepResult(index, name, status, 30, 30.0, ("work",), 1)

    summary = SessionSummary(
        "Rated",
        (
            result(0, "Neck tilt", StepStatus.COMPLETED),
            result(1, "Side bend", StepStatus.SKIPPED),
            result(2, "Shoulder rolls", StepStatus.PARTIAL),
        ),
        not_reached=0,
        active_seconds=60,
        quit=False,
    )
    answers = iter(["e", "meh", "hu", ""])
    said: list[str] = []
    db = tmp_path / "history.db"
    ask_ratings(summary, HistoryRatings(db_path=db), lambda prompt: next(answers), said.append)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT step_name, rating, step_index FROM ratings").fetchall()
    conn.close()
    # The skipped one is asked too (it may have hurt); Enter passed over the last.
    assert rows == [("Neck tilt", "easy", 0), ("Side bend", "hurt", 1)]
    assert any("Say one of easy, right, hard, hurt" in line for line in said)


def test_an_easier_step_may_be_a_bundled_routines_step(capsys):
    folder = locations.user_routines_dir()
    (folder / "borrowing.yaml").write_text(
        "name: Borrowing\nsteps:\n  - name: Deep twist\n    hold: 20s\n    easier: Elbow swings\n",
        encoding="utf-8",
    )
    run(capsys, "rate", "borrowing", "1", "hurt")
    code, out, _ = run(capsys, "show", "borrowing", "--json")
    [step] = json.loads(out)["steps"]
    assert code == 0 and step["name"] == "Elbow swings" and step["reps"] == 40
    assert step["adapted"]["reason"] == "Elbow swings instead: Deep twist was rated hurt"
    (folder / "borrowing.yaml").write_text(
        "name: Borrowing\nsteps:\n  - name: Deep twist\n    hold: 20s\n    easier: Elbow swing\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", "borrowing")
    assert code == 1 and "names no other step, nor a bundled one: 'Elbow swing'" in err


def test_when_ratings_leave_out_every_step_no_session_starts_and_show_says_why(capsys):
    sore = "name: Sore\nsteps:\n  - {name: Neck tilt, hold: 5s}\n  - {name: Side bend, hold: 5s}\n"
    (locations.user_routines_dir() / "sore.yaml").write_text(sore, encoding="utf-8")
    for step in ("1", "2"):
        run(capsys, "rate", "sore", step, "hurt")
    code, out, _ = run(capsys, "show", "sore", "--json")
    assert [step["skip"] for step in json.loads(out)["steps"]] == [True, True]

    code, shown, _ = run(capsys, "show", "sore")
    assert code == 0
    assert "Nothing to run: every step of Sore is left out by your ratings" in shown
    assert "Total:" not in shown
    code, out, err = run(capsys, "run", "sore", "--plain", "--mute")
    assert code == 1 and out == ""
    assert err.startswith("stretchtimer: error: every step of Sore is left out")
    assert "stretchtimer rate --reset sore" in err and "--as-written" in err


def test_a_checkin_that_names_an_area_twice_is_refused_and_nothing_is_stored(capsys):
    code, out, err = run(capsys, "checkin", "neck=3", "Neck=4")
    assert code == 1 and out == ""
    assert "neck is given twice; give each area one score" in err
    path = locations.history_file()
    if path.exists():
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT COUNT(*) FROM checkins").fetchone() == (0,)
        finally:
            conn.close()


def test_a_german_checkin_takes_the_areas_german_names_and_keeps_the_same_keys(capsys):
    code, out, err = run(capsys, "--lang", "de", "checkin", "Nacken=3", "oberer-rücken=5")
    assert (code, err) == (0, "")
    assert "Nacken 3, oberer-Rücken 5" in out
    code, out, err = run(capsys, "--lang", "de", "checkin", "shoulders=2", "Nackn=1")
    assert code == 1 and "(meinten Sie 'nacken'?)" in err and "Schultern, oberer-Rücken" in err
    code, out, _ = run(capsys, "stats", "--json")
    assert [(c["area"], c["mean"]) for c in json.loads(out)["checkins"]] == [
        ("neck", 3.0),
        ("upper-back", 5.0),
    ]
