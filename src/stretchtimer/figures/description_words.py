"""The bundled figures' descriptions, found for the catalogs.

A figure's description is shown by ``stretchtimer figures`` and under a
drawn figure; it lives in the figure's YAML file, where Babel's Python
extractor cannot see it. ``babel.cfg`` names ``extract`` for those files, so
``make i18n`` puts each description in the template, and the commands
translate it where it is shown.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO

import yaml


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, object],
    comment_tags: Collection[str],
    options: Mapping[str, object],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's extraction method: the ``description`` of one figure file, with its line."""
    text = fileobj.read().decode("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("description"), str):
        return
    line = next(
        (n for n, row in enumerate(text.splitlines(), 1) if row.startswith("description:")), 1
    )
    yield line, None, data["description"].strip(), ["Translators: a stretch figure, described"]
