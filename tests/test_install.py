"""``make install`` and ``make uninstall`` in a home folder of their own.

The real targets run as a newcomer would run them, in a clean home with
nothing on PATH, and the command they leave behind is run from another
folder. uv's package cache is the only thing shared with the machine (so no
download is needed); the tool's environment and its command are in the
test's home. Installing takes a couple of seconds, so the test is marked
``e2e``: ``make test-quick`` leaves it out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UV = shutil.which("uv") or str(ROOT / ".venv" / "bin" / "uv")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed"),
    pytest.mark.skipif(not Path(UV).exists(), reason="no uv: run the tests through make"),
]


def _locked_version(package: str) -> str:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    return next(p["version"] for p in lock["package"] if p["name"] == package)


def _clean_env(home: Path) -> dict[str, str]:
    """The caller's environment with a new home, nothing of uv's or XDG's, and a bare PATH."""
    cache = subprocess.run([UV, "cache", "dir"], capture_output=True, text=True, check=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "UV_", "VIRTUAL_ENV", "MAKE", "PYTHON"))
    }
    python_folder = str(Path(shutil.which("python3") or "/usr/bin/python3").parent)
    env.update(
        HOME=str(home),
        PATH=os.pathsep.join(dict.fromkeys([python_folder, "/usr/local/bin", "/usr/bin", "/bin"])),
        UV_CACHE_DIR=cache.stdout.strip(),
        # A container's habit: set-up must compile the bytecode all the same.
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _make(target: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), target, f"UV={UV}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    return done.stdout.splitlines()


def test_install_puts_the_command_on_path_and_uninstall_takes_it_away(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _clean_env(home)
    bin_dir = home / ".local" / "bin"

    lines = _make("install", env)

    # One line: where it went, and how to put that folder on PATH, since it is not.
    assert lines == [
        f"install: stretchtimer is now {bin_dir}/stretchtimer; {bin_dir} is not on your PATH: "
        f'add the line  export PATH="{bin_dir}:$PATH"  to ~/.bashrc '
        "(or your shell's start-up file) and open a new terminal"
    ]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    on_path = {**env, "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}"}
    listed = subprocess.run(
        ["stretchtimer", "list"], cwd=elsewhere, env=on_path, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    assert "desk-break" in listed.stdout

    # The locked versions, compiled to bytecode although PYTHONDONTWRITEBYTECODE was set.
    tool = home / ".local" / "share" / "uv" / "tools" / "stretchtimer"
    versions = subprocess.run(
        [
            str(tool / "bin" / "python"),
            "-c",
            "from importlib.metadata import version as v; print(v('textual'), v('rich'))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert versions.stdout.split() == [_locked_version("textual"), _locked_version("rich")]
    site = next((tool / "lib").glob("python3*/site-packages"))
    for module in ("stretchtimer/cli/__init__", "stretchtimer/tui/app", "textual/app"):
        folder, name = module.rsplit("/", 1)
        assert list((site / folder / "__pycache__").glob(f"{name}.*.pyc")), module

    assert _make("uninstall", env) == [
        f"uninstall: removed {bin_dir}/stretchtimer and its environment"
    ]
    assert not (bin_dir / "stretchtimer").exists()
    assert not tool.exists()
    assert _make("uninstall", env) == [f"uninstall: stretchtimer was not installed in {bin_dir}"]
