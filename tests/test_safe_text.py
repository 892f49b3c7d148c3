"""Text from files can never drive the terminal."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from stretchtimer.safe_text import REPLACEMENT, safe_text

HIDDEN = {"Cc", "Cf", "Zl", "Zp"}


def test_escape_sequences_are_shown_not_obeyed() -> None:
    assert safe_text("\x1b]0;pwned\x07Neck") == "␛]0;pwned␇Neck"
    assert safe_text("\x1b[2J") == "␛[2J"
    assert safe_text("\x9b2J") == f"{REPLACEMENT}2J"  # C1 CSI


def test_reordering_and_invisible_characters_become_visible() -> None:
    assert safe_text("abc\u202edcba") == f"abc{REPLACEMENT}dcba"
    assert safe_text("a\u200bb\u2066c\ufeff") == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}"


def test_ordinary_text_is_untouched() -> None:
    for text in ("Neck flexion", "Épaules · 30 s", "肩のストレッチ", "a\u00a0b", "🙂"):
        assert safe_text(text) == text


def test_tabs_and_newlines() -> None:
    assert safe_text("a\tb") == "a b"
    assert safe_text("a\nb") == "a␊b"
    assert safe_text("a\r\nb\nc", multiline=True) == "a\nb\nc"
    assert safe_text("a\rb", multiline=True) == "a␍b"


def test_every_control_and_format_character_of_this_python_is_replaced() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) in HIDDEN:
            assert safe_text(char) != char, hex(code)


@given(st.text())
def test_output_has_no_hidden_character(text: str) -> None:
    shown = safe_text(text)
    assert not any(unicodedata.category(c) in HIDDEN for c in shown)
    assert safe_text(shown) == shown
    assert len(shown) == len(text)
