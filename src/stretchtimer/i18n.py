"""The words a person reads, in their language: gettext's ``stretchtimer`` domain.

Every string a person reads passes through one of three names here, so that
Babel finds it and a catalog can translate it:

- ``_("...")`` translates now, for text made when it is shown;
- ``ngettext(singular, plural, n)`` picks the plural form the language's own
  rule asks for (German and Spanish count differently from English, Polish
  or Arabic differently again);
- ``N_("...")`` only marks: the text is kept in English where it is defined
  (key bindings, help tables, anything built when a module is imported,
  before the language is chosen) and ``_()`` translates it where it is shown.

The language is chosen once, early in a run, by ``use_language``; until then,
and for any language without a catalog, the English text is the answer.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Sequence
from pathlib import Path

DOMAIN = "stretchtimer"

#: The compiled catalogs: ``locale/<language>/LC_MESSAGES/stretchtimer.mo``.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def use_language(languages: Sequence[str] | None = None) -> str:
    """Translate from now on into the first of ``languages`` that has a catalog.

    ``None`` reads ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` as
    gettext does: the first that is set, ``LANGUAGE`` a list such as ``fr:de``.
    English in the list (``en_GB``, ``C``) is the text itself and ends the search:
    ``LANGUAGE=en:de`` is someone who wants English first, not German. Returns the
    language chosen, ``"en"`` when none has a catalog: an unknown language is no
    error, the English text is shown.
    """
    global _translations, _language
    _translations, _language = _gettext.NullTranslations(), "en"
    for language in _environment() if languages is None else languages:
        found = _gettext.find(DOMAIN, LOCALE_DIR, languages=[language])
        if found is not None:
            _language = _code(found)
            _translations = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language])
            break
        if _is_english(language):
            break
    return _language


def _environment() -> list[str]:
    """The languages the environment asks for, in gettext's order of variables."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(variable):
            return value.split(":")
    return []


def _is_english(language: str) -> bool:
    """Whether ``language`` asks for the text as it is written: ``en``, ``en_GB.UTF-8``, ``C``."""
    base = language.split(".")[0].split("@")[0]
    return base in ("C", "POSIX") or base.split("_")[0].lower() == "en"


def choose_language(*wanted: str | None) -> str:
    """Use the first language asked for (``--lang``, then the settings), else the environment's.

    A code may be written the way a person would (``de``, ``de-AT``,
    ``pt_BR.UTF-8``); one without a catalog means English, said nowhere: a
    person who asked for a language not yet translated still gets a working
    program, and scripts reading its output see no new line.
    """
    for language in wanted:
        if language:
            return use_language([language.strip().replace("-", "_")])
    return use_language(None)


def _code(mo_path: str) -> str:
    """The language a catalog is for, read from where it lies."""
    return Path(mo_path).parent.parent.name


def catalog_languages() -> list[str]:
    """The languages there is a catalog for (English, the text itself, needs none)."""
    return sorted(
        folder.name
        for folder in LOCALE_DIR.iterdir()
        if (folder / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    )


def current_language() -> str:
    """The language text is translated into now (``"en"`` when untranslated)."""
    return _language


def _(message: str) -> str:
    """``message`` in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase that ``count`` takes in the current language."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is shown, and give it back unchanged."""
    return message
