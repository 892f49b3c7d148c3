"""What a fresh interpreter has imported: for tests about what start-up loads."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable


def loaded_after(code: str, names: Iterable[str]) -> list[str]:
    """The modules among ``names`` (or inside those packages) that running ``code`` imports.

    A new interpreter, because this one has long since imported everything.
    """
    wanted = sorted(set(names))
    probe = (
        f"{code}\n"
        "import sys\n"
        f"wanted = {wanted!r}\n"
        "print('\\n'.join(sorted(m for m in sys.modules\n"
        "    if any(m == w or m.startswith(w + '.') for w in wanted))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()
