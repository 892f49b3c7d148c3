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
from collections.abc import Sequence
from pathlib import Path

DOMAIN = "stretchtimer"

#: The compiled catalogs: ``locale/<language>/LC_MESSAGES/stretchtimer.mo``.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def use_language(languages: Sequence[str] | None = None) -> str:
    """Translate from now on into the first of ``languages`` that has a catalog.

    ``None`` asks gettext to read ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG``, in its own order. Returns the language chosen, ``"en"`` when none
    has a catalog: an unknown language is no error, the English text is shown.
    """
    global _translations, _language
    found = _gettext.find(DOMAIN, LOCALE_DIR, languages=list(languages) if languages else None)
    if found is None:
        _translations, _language = _gettext.NullTranslations(), "en"
    else:
        _translations = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[_code(found)])
        _language = _code(found)
    return _language


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
