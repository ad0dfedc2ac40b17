"""Shared by the packaging tests: a pristine copy of the sources and a sealed environment for subprocesses.

Builds run from a copy so that a stale `build/` tree or stray bytecode in the work tree can never leak into
(or hide something missing from) the artefact under test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: What a build needs from the repository; anything else (tests, .venv, build/) stays out.
SOURCE_ITEMS = ("lms_desktop", "resources", "packaging", "pyproject.toml", "README.md")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".mypy_cache", ".ruff_cache")


def copy_sources(dest: Path) -> Path:
    """Copy the files a build reads into `dest` and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCE_ITEMS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=_IGNORE)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def sealed_env(home: Path, extra_path: Path | None = None) -> dict[str, str]:
    """Environment for running an installed artefact: nothing from this checkout, the test run or the real
    user's home can be picked up (no PYTHONPATH, user site off, HOME and XDG dirs in a temp folder)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST"))}
    for sub in ("config", "data", "cache", "state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONNOUSERSITE="1",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    if extra_path is not None:
        env["PATH"] = f"{extra_path}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120.0) -> str:
    """Run a command; on failure the assertion shows its full output (the whole point of these tests)."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}:\n{output[-6000:]}"
    return proc.stdout


@dataclass(frozen=True)
class Built:
    """What the build produced: always a wheel; the sdist when the `build` frontend made the wheel from it."""

    wheel: Path
    sdist: Path | None
