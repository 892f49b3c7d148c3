"""``--lang`` is taken out of the command line before the parser exists, wherever it stands."""

from __future__ import annotations

import pytest

from stretchtimer.cli import take_language_option


@pytest.mark.parametrize(
    ("argv", "rest", "language"),
    [
        (["--lang", "de", "list"], ["list"], "de"),
        (["list", "--lang", "es"], ["list"], "es"),
        (["list", "--lang=es", "--json"], ["list", "--json"], "es"),
        (["--lang", "de", "list", "--lang", "es"], ["list"], "es"),
        (["--la", "de", "list"], ["list"], "de"),
        (["run", "x", "--", "--lang", "de"], ["run", "x", "--", "--lang", "de"], None),
        (["list", "--lang"], ["list", "--lang"], None),
        (["--lang", "--help"], ["--lang", "--help"], None),
        (["list", "--language", "de"], ["list", "--language", "de"], None),
    ],
)
def test_lang_is_found_before_and_after_the_command(
    argv: list[str], rest: list[str], language: str | None
) -> None:
    assert take_language_option(argv) == (rest, language)
