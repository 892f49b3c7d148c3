"""The main screens in the pseudo-locale at every size the size pictures cover.

Every word of the app is some 40% longer there and accented, as German or
Spanish words often are: a screen that cuts a word, or lets one run over
another, shows it in these pictures. (The routine's own text stays English.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# The size pictures' own tests, collected here again to run in the pseudo-locale: the
# same screens at the same sizes, kept in this module's snapshot folder.
from test_tui_size_snapshots import (  # noqa: F401
    test_picker,
    test_quit_dialog,
    test_reminder,
    test_session,
    test_summary,
)

from stretchtimer.i18n import use_language


@pytest.fixture(autouse=True)
def pseudo_locale() -> Iterator[None]:
    assert use_language(["en_XA"]) == "en_XA"
    yield
