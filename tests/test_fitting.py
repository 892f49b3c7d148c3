"""Which whole keys and notes fit a terminal's room (no terminal needed)."""

from __future__ import annotations

from stretchtimer.fitting import KeyItem, Note, cells, fit_keys, fit_notes, fit_words, wrap

SESSION_KEYS = [
    KeyItem("q", "Quit", essential=True),
    KeyItem("?", "Keys", essential=True),
    KeyItem("space", "Pause"),
    KeyItem("n", "Next"),
    KeyItem("p", "Back"),
    KeyItem("+", "+10s"),
    KeyItem("r", "Restart"),
]


def _row(pairs: list[tuple[str, str]]) -> str:
    return "  ".join(f"{key} {label}" if label else key for key, label in pairs)


def test_the_most_needed_keys_come_first_and_whole() -> None:
    shown = fit_keys(SESSION_KEYS, 38)
    assert _row(shown) == "q Quit  ? Keys  space Pause  n Next"
    assert cells(_row(shown)) <= 38


def test_a_key_that_does_not_fit_makes_way_for_a_shorter_one_after_it() -> None:
    # "p Back" (6) does not fit in what is left, "+ +10s" (6) neither, but at 44 both do.
    assert _row(fit_keys(SESSION_KEYS, 44)) == "q Quit  ? Keys  space Pause  n Next  p Back"
    long_then_short = [
        KeyItem("q", "Quit", essential=True),
        KeyItem("x", "Longword"),
        KeyItem("y", "Y"),
    ]
    assert _row(fit_keys(long_then_short, 12)) == "q Quit  y Y"


def test_quit_and_help_show_at_any_width_as_keys_alone_when_squeezed() -> None:
    assert _row(fit_keys(SESSION_KEYS, 14)) == "q Quit  ? Keys"
    assert _row(fit_keys(SESSION_KEYS, 10)) == "q  ?  n  p"
    assert _row(fit_keys(SESSION_KEYS, 1)) == "q  ?"


def test_longer_words_leave_out_whole_keys_never_half_a_word() -> None:
    longer = [KeyItem(k.key, k.label * 2, essential=k.essential) for k in SESSION_KEYS]
    row = _row(fit_keys(longer, 39))
    assert row == "q QuitQuit  ? KeysKeys  n NextNext"
    assert all(word in {k.key for k in longer} | {k.label for k in longer} for word in row.split())


def test_wrap_breaks_between_words_and_counts_wide_characters() -> None:
    assert wrap("Sit tall near the front of your chair", 12) == (
        "Sit tall",
        "near the",
        "front of",
        "your chair",
    )
    assert all(cells(row) <= 5 for row in wrap("腕を上げて伸ばす", 5))


def _notes() -> list[Note]:
    return [
        Note("Caution: go gently.", rank=4, group="caution"),
        Note("1. Sit tall.", rank=0, group="steps"),
        Note("2. Roll the shoulders back, slowly, five times.", rank=0, group="steps"),
        Note("3. Breathe out.", rank=0, group="steps"),
        Note("Tip: relax the jaw.", rank=3, group="tip", gap_before=1),
    ]


def test_everything_shows_when_it_fits() -> None:
    fit = fit_notes(_notes(), 60, 6)
    assert fit.hidden == 0
    assert fit.lines == [
        "Caution: go gently.",
        "1. Sit tall.",
        "2. Roll the shoulders back, slowly, five times.",
        "3. Breathe out.",
        "",
        "Tip: relax the jaw.",
    ]


def test_short_room_keeps_the_instructions_and_leaves_the_rest_out_whole() -> None:
    fit = fit_notes(_notes(), 60, 5)
    # The tip (two rows with its gap) no longer fits beside the steps; the caution (one) does.
    assert fit.hidden == 1
    assert fit.lines == [
        "Caution: go gently.",
        "1. Sit tall.",
        "2. Roll the shoulders back, slowly, five times.",
        "3. Breathe out.",
    ]
    assert len(fit.lines) + 1 <= 5  # the row for the mark


def test_an_instruction_that_does_not_fit_takes_the_later_ones_with_it() -> None:
    fit = fit_notes(_notes(), 20, 4)
    # "2. ..." wraps to three rows: only "1." fits before it, and "3." must not follow alone.
    assert fit.lines == ["1. Sit tall.", "", "Tip: relax the jaw."]
    assert fit.hidden == 3


def test_no_room_shows_nothing_and_says_so() -> None:
    fit = fit_notes(_notes(), 40, 1)
    assert fit.lines == []
    assert fit.hidden == 5
    assert fit_notes([], 40, 0).hidden == 0


def test_a_line_too_long_ends_after_its_last_whole_word() -> None:
    line = "Ĥóĺđ · Ýóúŕ ĺéƒţ šíđé · šéţ 1 óƒ 3"
    assert fit_words(line, 40) == line
    assert fit_words(line, 22) == "Ĥóĺđ · Ýóúŕ ĺéƒţ šíđé…"
    assert fit_words(line, 21) == "Ĥóĺđ · Ýóúŕ ĺéƒţ…"  # not "Ĥóĺđ · Ýóúŕ ĺéƒţ ší…"
    assert fit_words(line, 10) == "Ĥóĺđ…"  # no "·" left hanging
    assert fit_words("Next: switch to your right side", 28) == "Next: switch to your right…"
    assert cells(fit_words("界界界 界界界", 5)) <= 5  # wide characters count two cells


def test_a_single_word_wider_than_the_row_is_cut_as_the_only_way_to_show_it() -> None:
    assert fit_words("Unterbrechungsfrei", 8) == "Unterbr…"
