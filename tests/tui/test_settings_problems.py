"""Keymap mistakes are caught before they reach Textual; settings problems are shown in the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import make_app, screen_text, two_step_routine

from stretchtimer import locations
from stretchtimer.cli import main
from stretchtimer.config import Config, read_config
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.keys import (
    APP_BINDINGS,
    PICKER_BINDINGS,
    REMIND_BINDINGS,
    SESSION_BINDINGS,
    SUMMARY_BINDINGS,
    check_keymap,
)


def test_a_valid_keymap_is_kept_whole() -> None:
    keymap = {"pause": "space,k", "next": "j,right", "help": "?", "more_time": "ctrl+plus"}
    assert check_keymap(keymap) == (keymap, [])


@pytest.mark.parametrize(
    ("keymap", "said"),
    [
        ({"pasue": "k"}, "unknown binding 'pasue'"),
        ({"pause": ""}, "empty key name"),
        ({"pause": "space,,k"}, "empty key name"),
        ({"pause": "spcae"}, "no key is called 'spcae'"),
        ({"pause": "ctrl+"}, "no key is called 'ctrl+'"),
        ({"pause": "hyperdrive+k"}, "no key is called 'hyperdrive+k'"),
        ({"pause": "q"}, "'q' is given to both 'pause' and 'quit' during a session"),
        ({"mute": "question_mark"}, "given to both 'help' and 'mute'"),
        ({"next": "k", "back": "k"}, "'k' is given to both 'next' and 'back'"),
        ({"pause": "space,ctrl+q"}, "'ctrl+q' is already Textual's own key"),
        ({"help": "ctrl+p"}, "'ctrl+p' is already Textual's own key"),
    ],
)
def test_keymap_mistakes_are_named_and_left_out(keymap: dict[str, str], said: str) -> None:
    kept, problems = check_keymap(keymap)
    assert len(problems) == 1 and said in problems[0], problems
    assert len(kept) == len(keymap) - 1


def test_the_apps_own_keys_are_known_and_never_clash() -> None:
    # An empty keymap is not checked at all, so the defaults are held to it here:
    # every binding given its usual keys must pass the same checks a user's entry does.
    every = APP_BINDINGS + SESSION_BINDINGS + PICKER_BINDINGS + REMIND_BINDINGS + SUMMARY_BINDINGS
    defaults = {b.id: b.key for b in every if b.id}
    assert len(defaults) > 20
    kept, problems = check_keymap(defaults)
    assert problems == []
    assert kept == defaults


def test_an_empty_keymap_has_no_problems() -> None:
    assert check_keymap({}) == ({}, [])


def test_the_same_key_on_different_screens_is_no_clash() -> None:
    # 'b' goes back to the routines after a session and may skip during one.
    assert check_keymap({"next": "b"}) == ({"next": "b"}, [])


async def test_settings_problems_are_shown_inside_the_app(clock: FakeClock) -> None:
    app = make_app(
        two_step_routine(),
        clock=clock,
        config=Config(volume=40),
        config_problems=["config.toml: unknown setting 'colour'"],
    )
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "unknown setting 'colour'" in screen_text(app)


def test_doctor_reports_config_problems_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('volume = 40\ncolour = "red"\n[keymap]\npause = "q"\n')
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "unknown setting 'colour'" in out
    assert "'q' is given to both 'pause' and 'quit'" in out
    assert "volume 40" in out  # the valid setting is still in force


def test_a_clean_config_leaves_doctor_without_config_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('volume = 40\n[keymap]\npause = "space,k"\n')
    main(["doctor"])
    assert "config problem" not in capsys.readouterr().out


async def test_choosing_a_theme_in_the_app_keeps_the_rest_of_the_file(clock: FakeClock) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('# mine\nvolume = 30  # quiet\nsomething_new = 1\n[keymap]\nnext = "j"\n')
    app = make_app(two_step_routine(), clock=clock, config=Config(volume=30))
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "gruvbox"
        await pilot.pause()
    text = path.read_text()
    assert text.startswith("# mine\nvolume = 30  # quiet\nsomething_new = 1\n")
    assert 'theme = "gruvbox"' in text and 'next = "j"' in text
    reading = read_config(path)  # the theme went to the top level, not into [keymap]
    assert reading.config.theme == "gruvbox" and reading.config.keymap == {"next": "j"}


def test_the_key_that_says_no_skips_are_left_follows_skip_breaks_keys() -> None:
    assert check_keymap({"skip_break": "x"}) == ({"skip_break": "x", "no_skips_left": "x"}, [])
