"""The history package stays off the way to the app's first frame."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_recorder_loads_neither_sqlite_nor_rich_nor_the_file(tmp_path):
    script = (
        "import sys\n"
        "from stretchtimer.history.recorder import HistoryRecorder\n"
        "from pathlib import Path\n"
        f"recorder = HistoryRecorder(Path({str(tmp_path / 'history.db')!r}))\n"
        "print(sorted(m for m in ('sqlite3', 'rich', 'textual') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
    assert not (tmp_path / "history.db").exists()
