"""The catalogs as committed: current with the source, compiled as their .po files say,
complete in every language, and the pseudo-locale made from the template."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from catalogs import PROTECTED, pseudo_po, pseudo_text

from stretchtimer.i18n import DOMAIN, LOCALE_DIR

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
SOURCE = LOCALE_DIR.parent
ROOT = SOURCE.parent.parent
#: The languages people read; the pseudo-locale is for checking screens.
LANGUAGES = sorted(p.name for p in LOCALE_DIR.iterdir() if p.is_dir() and p.name != "en_XA")
#: The keywords `make i18n` gives pybabel.
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


def test_german_and_spanish_are_there() -> None:
    assert {"de", "es"} <= set(LANGUAGES)


def test_the_template_holds_every_marked_string_of_the_source() -> None:
    """Fails after a string is marked, changed or removed until ``make i18n`` runs."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    marked = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SOURCE), method_map=method_map, options_map=options_map, keywords=KEYWORDS
    ):
        marked.add(message if isinstance(message, str) else tuple(message))
    assert ids(read(TEMPLATE)) == marked, "run make i18n"


@pytest.mark.parametrize("language", [*LANGUAGES, "en_XA"])
def test_each_catalog_follows_the_template(language: str) -> None:
    assert ids(read(po_path(language))) == ids(read(TEMPLATE)), "run make i18n"


@pytest.mark.parametrize("language", [*LANGUAGES, "en_XA"])
def test_each_compiled_catalog_is_its_po_file_compiled_now(language: str) -> None:
    catalog = read(po_path(language), None if language == "en_XA" else language)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    mo = po_path(language).with_suffix(".mo")
    assert mo.read_bytes() == compiled.getvalue(), f"{mo} is stale: run make i18n"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_is_complete(language: str) -> None:
    """No entry untranslated or fuzzy (gettext would show the English, or nothing at
    all for a catalog whose header is fuzzy), every placeholder kept."""
    catalog = read(po_path(language), language)
    assert not catalog.fuzzy, f"{language}: the header is marked fuzzy"
    missing = [m.id for m in catalog if m.id and not all(_forms(m.string))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    wrong = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert (missing, fuzzy, wrong) == ([], [], []), f"{language}: untranslated, fuzzy, wrong"


def _forms(string: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (string,) if isinstance(string, str) else tuple(string) or ("",)


def test_the_pseudo_locale_is_made_from_the_template_now() -> None:
    assert po_path("en_XA").read_bytes() == pseudo_po(TEMPLATE), "run make i18n"


@pytest.mark.parametrize(
    "english",
    [
        "Step {number} of {total}",
        "%(prog)s: error: %(message)s\n",
        "[b]Paused[/b]: press [$accent]p[/] to go on",
        "usage: ",
        "{n} step",
    ],
)
def test_a_pseudo_translation_is_longer_accented_and_keeps_its_placeholders(english: str) -> None:
    pseudo = pseudo_text(english)
    assert len(pseudo) >= 1.4 * len(english)
    assert PROTECTED.findall(pseudo) == PROTECTED.findall(english)
    assert not any("a" <= c <= "z" for c in PROTECTED.sub("", pseudo).replace(" ", ""))
    assert pseudo[len(pseudo.rstrip()) :] == english[len(english.rstrip()) :]


def test_text_with_no_letters_is_left_alone() -> None:
    assert pseudo_text("{done} / {total}") == "{done} / {total}"
