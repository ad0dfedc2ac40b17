"""Fixtures for the packaging tests: the wheel is built once per session and shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import Built, copy_sources, run


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project built from a pristine copy the way the README says: `python -m build` makes the sdist,
    then the wheel from that sdist, so a file the sdist forgets is missing from the wheel and fails a test.

    Falls back to `pip wheel` (same PEP 517 backend and hooks, no sdist) where `build` is not installed.
    """
    base = tmp_path_factory.mktemp("wheel")
    src = copy_sources(base / "src")
    out = base / "dist"
    try:
        import build  # noqa: F401

        cmd = [sys.executable, "-m", "build", "--outdir", str(out), str(src)]
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(src)]
    run(cmd, cwd=base, timeout=300)
    wheels = sorted(out.glob("lms_desktop-*.whl"))
    assert len(wheels) == 1, f"expected one wheel, found {wheels}"
    sdists = sorted(out.glob("lms_desktop-*.tar.gz"))
    return Built(wheel=wheels[0], sdist=sdists[0] if sdists else None)


@pytest.fixture(scope="session")
def built_wheel(built: Built) -> Path:
    return built.wheel
