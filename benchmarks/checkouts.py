"""Another checkout's stretchtimer beside this one's, in the same run (``run.py --before DIR``).

The same variants run twice: with this checkout's package, and with
``PYTHONPATH=DIR/src`` so that ``python -m stretchtimer`` imports the other
checkout's package instead (the environment's editable install comes after
``PYTHONPATH`` on the path). Both use this environment's Python and
libraries, so only the project's own code differs. Interleaved in the same
rounds, the two sets of figures can be compared as before and after.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: The suffix of a variant's key when it runs from the other checkout.
SUFFIX = "-before"


def problem(checkout: Path) -> str | None:
    """Why ``checkout`` cannot be run, or None."""
    if not (checkout / "src" / "stretchtimer" / "__main__.py").is_file():
        return f"{checkout} has no src/stretchtimer/__main__.py: not a stretchtimer checkout"
    return None


def command(checkout: Path, words: list[str]) -> list[str]:
    """``words`` (starting with the Python to run) importing ``checkout``'s package."""
    return ["env", f"PYTHONPATH={checkout.resolve() / 'src'}", *words]


def compile_checkout(checkout: Path) -> None:
    """Bytecode for the other package too, so neither pays for compiling in a timed run."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(checkout / "src" / "stretchtimer")],
        capture_output=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
