"""A routine run in German is recorded and rated under the names its file writes."""

from __future__ import annotations

from pathlib import Path

from stretchtimer.adapt.policy import Rating, plan
from stretchtimer.history.feedback_commands import planned, rate_step
from stretchtimer.loader import load_text

ROUTINE = """
name: Short break
caution: Stop if anything hurts.
defaults: {prepare: 0, rest: 0, switch: 0}
steps:
  - name: Neck flexion
    hold: 20s
    min_hold: 10s
  - name: Shoulder roll
    hold: 20s
translations:
  de:
    name: Kurze Pause
    caution: Hör auf, wenn etwas wehtut.
    steps:
      Neck flexion: {name: Nacken beugen}
      Shoulder roll: {name: Schulterkreisen}
"""


def _load(language: str):  # type: ignore[no-untyped-def]
    return load_text(ROUTINE, Path("short-break.yaml"), language=language)


def test_a_german_run_writes_the_same_history_rows_as_an_english_one(start_run, read_sessions):
    for language in ("de", "en"):
        run = start_run(_load(language))
        run.finish_steps(2)

    german, english = read_sessions()
    assert german.routine == english.routine == "Short break"
    assert [s.name for s in german.steps] == [s.name for s in english.steps]
    assert [s.name for s in german.steps] == ["Neck flexion", "Shoulder roll"]


def test_the_german_summary_shows_german_names_and_rates_under_the_own_ones(start_run):
    run = start_run(_load("de"))
    run.finish_steps(2)
    summary = run.session.summary
    assert summary is not None
    assert summary.routine_name == "Kurze Pause"
    assert summary.routine_key == "Short break"
    assert [(r.name, r.key) for r in summary.results] == [
        ("Nacken beugen", "Neck flexion"),
        ("Schulterkreisen", "Shoulder roll"),
    ]


def test_a_rating_given_in_german_adapts_the_english_plan_and_back(db_path: Path):
    german, english = _load("de"), _load("en")
    rate_step(german, german.steps[0].key, Rating.HARD, db_path=db_path)

    for routine in (german, english):
        adapted, problem = planned(routine, db_path)
        assert problem is None
        assert adapted.routine.steps[0].hold == 15  # moved down by the rating, in both
    assert plan(english, ()).routine.steps[0].hold == 20


def test_the_caution_read_in_english_is_not_new_in_german(tmp_path: Path):
    from stretchtimer.state import CautionsRead

    cautions = CautionsRead(tmp_path / "state.json")
    english, german = _load("en"), _load("de")
    cautions.mark_read(english.key, english.caution_key)
    assert not cautions.is_new(german.key, german.caution_key)
    assert german.caution == "Hör auf, wenn etwas wehtut."
