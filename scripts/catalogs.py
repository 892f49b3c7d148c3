"""The steps of ``make i18n`` that pybabel has no option for.

``template NEW POT``: take the freshly extracted template only when a word in
it changed. pybabel stamps every extraction with the time, so without this the
template (and a commit) would change on every run.

``pseudo POT PO``: write the pseudo-locale ``en_XA`` from the template: every
text accented and about 40% longer, its placeholders (``{name}``,
``%(prog)s``) and markup (``[b]``) left whole. Shown with ``--lang en_XA``, it
makes visible at once any word not passing through the catalog (it stays
plain) and any screen that breaks when words grow, as German ones do.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

#: How much longer a pseudo-translation is than the English.
GROWTH = 0.4

#: Each ASCII letter as an accented letter of the same width (one cell, one code point).
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒĝĥíĵķĺɱñóƥǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŢÚṼŴẊÝŽ",
)

#: What a translation must keep as it is: format fields, Rich markup, line breaks.
PROTECTED = re.compile(
    r"""
      \{\{ | \}\}                                      # a brace, doubled in str.format
    | \{[^{}]*\}                                       # a str.format field: {name}, {n:>3}
    | %(?:\([^)]*\))?[-\#0\ +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]   # a %-format field
    | \\?\[(?:/|/?[a-zA-Z\#@$][^\[\]]*)\]               # markup: [b], [/b], [/], [$accent]
    | \s*\n\s*                                         # a line break, with its indentation
    """,
    re.VERBOSE,
)

#: The words that lengthen a pseudo-translation (accented, so they read as translated).
_FILLER = "ĺóŕéɱ íƥšúɱ đóĺóŕ šíţ áɱéţ çóñšéçţéţúŕ áđíƥíšçíñĝ éĺíţ šéđ đó éíúšɱóđ ţéɱƥóŕ"


def pseudo_text(english: str) -> str:
    """``english`` accented and about 40% longer; text with no letters stays as it is."""
    if not any(char.isalpha() for char in PROTECTED.sub("", english)):
        return english
    pieces = []
    start = 0
    for kept in PROTECTED.finditer(english):
        pieces.append(english[start : kept.start()].translate(_ACCENTS))
        pieces.append(kept.group())
        start = kept.end()
    pieces.append(english[start:].translate(_ACCENTS))
    accented = "".join(pieces)
    body = accented.rstrip()
    extra = math.ceil(len(english) * GROWTH)
    fill = "".join(itertools.islice(itertools.cycle(_FILLER), max(extra - 1, 1)))
    if fill.endswith(" "):
        fill = fill[:-1] + "·"
    return f"{body} {fill}{accented[len(body) :]}"


def pseudo_catalog(template: Catalog) -> Catalog:
    """The pseudo-locale for every message of ``template``, dated as the template is."""
    catalog = Catalog(
        locale=None,
        domain=template.domain,
        project=template.project,
        version=template.version,
        copyright_holder=template.copyright_holder,
        creation_date=template.creation_date,
        revision_date=template.creation_date,
        fuzzy=False,
        header_comment=(
            "# The pseudo-locale: accented English, 40% longer, for checking screens.\n"
            "# Made by scripts/catalogs.py from the template; never edit it by hand."
        ),
    )
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            string: str | tuple[str, ...] = tuple(pseudo_text(form) for form in message.id)
        else:
            string = pseudo_text(message.id)
        catalog[message.id] = Message(
            message.id,
            string,
            locations=message.locations,
            flags=message.flags - {"fuzzy"},
            auto_comments=message.auto_comments,
            context=message.context,
        )
    return catalog


def pseudo_po(template_path: Path) -> bytes:
    """The text of the pseudo-locale's ``.po`` file for the template at ``template_path``."""
    from io import BytesIO

    with template_path.open("rb") as handle:
        template = read_po(handle)
    out = BytesIO()
    write_po(out, pseudo_catalog(template), width=100, include_previous=False)
    # Babel names no language for a locale it does not know; gettext does not need
    # one, but a translator's tools do.
    return out.getvalue().replace(
        b'"MIME-Version: 1.0\\n"', b'"Language: en_XA\\n"\n"MIME-Version: 1.0\\n"', 1
    )


_DATE_LINE = re.compile(rb'^"POT-Creation-Date: [^"]*"\n', re.MULTILINE)


def settle_template(new: Path, current: Path) -> bool:
    """Put ``new`` in the place of ``current`` unless they differ only in their date.

    Returns whether the template changed.
    """
    fresh = new.read_bytes()
    if current.exists() and _DATE_LINE.sub(b"", fresh) == _DATE_LINE.sub(b"", current.read_bytes()):
        new.unlink()
        return False
    new.replace(current)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    steps = parser.add_subparsers(dest="step", required=True)
    template = steps.add_parser("template", help="keep the template unless a word changed")
    template.add_argument("new", type=Path)
    template.add_argument("pot", type=Path)
    pseudo = steps.add_parser("pseudo", help="write the pseudo-locale from the template")
    pseudo.add_argument("pot", type=Path)
    pseudo.add_argument("po", type=Path)
    args = parser.parse_args(argv)
    if args.step == "template":
        if settle_template(args.new, args.pot):
            print(f"{args.pot}: updated")
        return 0
    text = pseudo_po(args.pot)
    if not args.po.exists() or args.po.read_bytes() != text:
        args.po.parent.mkdir(parents=True, exist_ok=True)
        args.po.write_bytes(text)
        print(f"{args.po}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
