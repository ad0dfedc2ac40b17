"""Fixtures for the packaging tests: the wheel is built once per session and shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import copy_sources, run


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built from a pristine copy the way the README says (`python -m build --wheel`).

    Falls back to `pip wheel` (same PEP 517 backend and hook) where the `build` frontend is not installed.
    """
    base = tmp_path_factory.mktemp("wheel")
    src = copy_sources(base / "src")
    out = base / "dist"
    try:
        import build  # noqa: F401

        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(src)]
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(src)]
    run(cmd, cwd=base, timeout=300)
    wheels = sorted(out.glob("lms_desktop-*.whl"))
    assert len(wheels) == 1, f"expected one wheel, found {wheels}"
    return wheels[0]
