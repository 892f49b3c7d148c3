"""Text from routine files, file names and the history database, made safe to show.

Routine files are meant to be shared, so whatever they hold may try to talk to
the terminal: an OSC sequence retitles the window, ``ESC [2J`` wipes the
screen, a bidi override makes text read differently from what it is. Every
such character is replaced by a visible stand-in where text enters the core,
so no screen, table or JSON writer has to remember to do it.
"""

from __future__ import annotations

import unicodedata

#: C0 controls and DEL have pictures of their own (U+2400-U+2421): ESC shows as ␛.
_PICTURES = {chr(code): chr(0x2400 + code) for code in range(0x20)} | {"\x7f": "\u2421"}
#: What any other hidden character shows as: the replacement character, visible in every font.
REPLACEMENT = "\ufffd"
#: Controls (C1 included), format characters (bidi embeddings, overrides and isolates,
#: zero-width characters, the byte-order mark, tag characters) and line or paragraph
#: separators: nothing in them is text to be shown.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def safe_text(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control and invisible format character made visible.

    A tab becomes a space. With ``multiline`` a line feed is kept (and a CR LF
    pair becomes one); otherwise it shows as ␊ like any other control.
    """
    if text.isprintable():  # the common case: nothing to do, no copy
        return text
    if multiline:
        text = text.replace("\r\n", "\n")
    shown = []
    for char in text:
        if char == "\t":
            shown.append(" ")
        elif char == "\n" and multiline:
            shown.append(char)
        elif char in _PICTURES:
            shown.append(_PICTURES[char])
        elif unicodedata.category(char) in _HIDDEN_CATEGORIES:
            shown.append(REPLACEMENT)
        else:
            shown.append(char)
    return "".join(shown)


def is_safe(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` would be shown as it is."""
    return safe_text(text, multiline=multiline) == text
