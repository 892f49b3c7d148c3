"""Tab completion: the script each shell gets, and the words a Tab brings.

The words are asked for as the shell scripts ask: the line and the cursor in
the environment, the answer read back in the shell's own format. Most tests
ask in this process; one runs the real command, as a Tab does, to check what
it imports. ``tests/e2e/test_e2e_completion.py`` presses Tab in a real bash.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from argcomplete.finders import CompletionFinder
from fresh_imports import loaded_after

from stretchtimer import locations
from stretchtimer.cli import build_parser, main
from stretchtimer.cli.completion import complete
from stretchtimer.figures.library import library_names

COMMANDS = [
    "run",
    "pick",
    "remind",
    "status",
    "pause",
    "resume",
    "list",
    "show",
    "validate",
    "schema",
    "new",
    "edit",
    "figures",
    "sounds",
    "rate",
    "checkin",
    "history",
    "stats",
    "doctor",
    "completion",
]
#: How each shell's script asks: its separator between words, and between a word and its help.
SEPARATORS = {"bash": ("\013", None), "zsh": ("\013", ":"), "fish": ("\n", "\t")}


def words(monkeypatch: pytest.MonkeyPatch, line: str, shell: str = "bash") -> list[str]:
    """What a Tab at the end of ``line`` offers, as ``shell``'s script would receive it."""
    between, _ = SEPARATORS[shell]
    monkeypatch.setenv("_ARGCOMPLETE", "1")
    monkeypatch.setenv("_ARGCOMPLETE_SHELL", shell)
    monkeypatch.setenv("COMP_LINE", line)
    monkeypatch.setenv("COMP_POINT", str(len(line)))
    # Each script sets this (bash where ``compopt`` works): the shell adds the space itself.
    monkeypatch.setenv("_ARGCOMPLETE_SUPPRESS_SPACE", "1")
    if shell == "fish":
        monkeypatch.setenv("_ARGCOMPLETE_IFS", "\n")
        monkeypatch.setenv("_ARGCOMPLETE_DFS", "\t")
    # argcomplete's debug stream is file descriptor 9, which in this process is pytest's.
    monkeypatch.setattr(CompletionFinder, "_init_debug_stream", lambda _self: None)
    answer = io.StringIO()
    exits: list[int] = []
    complete(build_parser(), output=answer, exit=exits.append)
    assert exits == [0]
    return [word for word in answer.getvalue().split(between) if word]


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["completion", shell]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    return out.out


# ------------------------------------------------------------------ the scripts
def test_bash_script_registers_for_stretchtimer_and_is_valid_bash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = script("bash", capsys)
    assert (
        "complete -o nospace -o default -o bashdefault -F _python_argcomplete stretchtimer" in text
    )
    checked = subprocess.run(["bash", "-n"], input=text, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_zsh_script_is_a_compdef_for_stretchtimer(capsys: pytest.CaptureFixture[str]) -> None:
    text = script("zsh", capsys)
    assert text.startswith("#compdef stretchtimer\n")
    assert "compdef _python_argcomplete stretchtimer" in text
    if shutil.which("zsh"):
        checked = subprocess.run(["zsh", "-n"], input=text, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def test_fish_script_completes_the_stretchtimer_command(capsys: pytest.CaptureFixture[str]) -> None:
    text = script("fish", capsys)
    assert "complete --command stretchtimer -f -a '(__fish_stretchtimer_complete)'" in text
    if shutil.which("fish"):
        checked = subprocess.run(
            ["fish", "--no-execute"], input=text, capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr


def test_an_unknown_shell_is_named_with_the_ones_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["completion", "tcsh"]) == 1
    err = capsys.readouterr().err
    assert "stretchtimer: error: argument SHELL: invalid choice: 'tcsh'" in err
    assert err.index("bash") < err.index("zsh") < err.index("fish")


# ------------------------------------------------------------------ the words
def test_a_bare_tab_offers_every_command_and_no_option(monkeypatch: pytest.MonkeyPatch) -> None:
    assert words(monkeypatch, "stretchtimer ") == COMMANDS


def test_commands_complete_from_their_start(monkeypatch: pytest.MonkeyPatch) -> None:
    assert words(monkeypatch, "stretchtimer fig") == ["figures"]
    assert words(monkeypatch, "stretchtimer s") == ["status", "show", "schema", "sounds", "stats"]


def test_routine_names_complete_wherever_a_routine_is_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert words(monkeypatch, "stretchtimer run desk-b") == ["desk-break"]
    assert words(monkeypatch, "stretchtimer show st") == ["standing-break"]
    assert words(monkeypatch, "stretchtimer edit neck") == ["neck-and-shoulders"]
    assert words(monkeypatch, "stretchtimer validate desk-break up") == ["upper-back-floor"]
    assert words(monkeypatch, "stretchtimer new mine --from tai") == ["tai-chi-desk"]
    micro = ["micro-eyes-and-neck", "micro-neck-shoulders"]
    assert words(monkeypatch, "stretchtimer remind --routine micro") == micro
    assert words(monkeypatch, "stretchtimer remind --micro-routine micro-e") == micro[:1]


def test_the_users_routines_are_read_when_tab_is_pressed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert words(monkeypatch, "stretchtimer run my") == []
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "my-break.yaml").write_text("not even read\n")
    (folder / "my-lunch.yml").write_text("")
    assert words(monkeypatch, "stretchtimer run my") == ["my-break", "my-lunch"]


def test_a_path_completes_routine_files_and_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "stretch.yaml").write_text("")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "more").mkdir()
    monkeypatch.chdir(tmp_path)
    assert sorted(words(monkeypatch, "stretchtimer run ./")) == ["./more/", "./stretch.yaml"]


def test_figure_names_and_sound_themes_complete(monkeypatch: pytest.MonkeyPatch) -> None:
    cats = [name for name in library_names() if name.startswith("cat")]
    assert cats  # the library has cat-cow, at least
    assert words(monkeypatch, "stretchtimer figures cat") == cats
    assert words(monkeypatch, "stretchtimer figures chin-tuck --side ") == ["left", "right"]
    assert words(monkeypatch, "stretchtimer run desk-break --sound-theme ") == ["chimes", "wood"]
    assert words(monkeypatch, "stretchtimer sounds --sound-theme w") == ["wood"]


def test_languages_complete_from_the_catalogs_there_are(monkeypatch: pytest.MonkeyPatch) -> None:
    assert words(monkeypatch, "stretchtimer --lang ") == ["de", "en", "en_XA", "es"]
    assert words(monkeypatch, "stretchtimer --lang e") == ["en", "en_XA", "es"]


def test_options_complete_once_a_dash_is_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert words(monkeypatch, "stretchtimer run desk-break --") == [
        "--help",
        "--resume",
        "--plain",
        "--as-written",
        "--mute",
        "--volume",
        "--voice",
        "--sound-theme",
    ]
    assert words(monkeypatch, "stretchtimer history --j") == ["--json"]
    assert words(monkeypatch, "stretchtimer completion ") == ["bash", "zsh", "fish"]


def test_zsh_and_fish_get_each_word_with_its_help(monkeypatch: pytest.MonkeyPatch) -> None:
    help_of_figures = "list the stretch figures, or draw one"
    assert words(monkeypatch, "stretchtimer fig", "zsh") == [f"figures:{help_of_figures}"]
    assert words(monkeypatch, "stretchtimer fig", "fish") == [f"figures\t{help_of_figures}"]
    assert words(monkeypatch, "stretchtimer run desk-b", "fish") == ["desk-break\t"]


# ------------------------------------------------------------------ the real command
def test_a_tab_runs_the_real_command_which_writes_only_the_words(tmp_path: Path) -> None:
    answer = tmp_path / "answer"
    line = "stretchtimer run desk-b"
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_SHELL": "bash",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
    }
    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer"], env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert answer.read_text().strip() == "desk-break"


def test_completing_imports_no_textual_rich_audio_or_history() -> None:
    code = (
        "import os, io\n"
        "os.environ.update(_ARGCOMPLETE='1', COMP_LINE='stretchtimer run d', COMP_POINT='18')\n"
        "from stretchtimer.cli import build_parser\n"
        "from stretchtimer.cli.completion import complete\n"
        "complete(build_parser(), output=io.StringIO(), exit=lambda code: None)\n"
    )
    heavy = ["textual", "rich", "stretchtimer.tui", "stretchtimer.audio", "stretchtimer.history"]
    assert loaded_after(code, heavy) == []


def test_rate_and_checkin_complete_routines_ratings_and_areas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert words(monkeypatch, "stretchtimer rate desk-b") == ["desk-break"]
    assert words(monkeypatch, "stretchtimer rate desk-break 1 h") == ["hard", "hurt"]
    assert words(monkeypatch, "stretchtimer checkin upper-back=3 ne") == ["neck="]
