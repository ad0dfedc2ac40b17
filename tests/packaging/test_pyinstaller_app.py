"""The PyInstaller one-folder app builds from the spec and starts offscreen, frozen, on its own files.

Opt-in (a build takes about a minute of CPU and ~250 MB of disk): `LMS_TEST_PYINSTALLER=1 pytest
tests/packaging/test_pyinstaller_app.py`. `sh packaging/build_app.sh` runs the same check after every build.
The app is built from a pristine copy of the sources with `build_app.sh`, so the script is tested too.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from lms_desktop import APP_ID, APP_NAME, __version__
from tests.packaging.helpers import REPO, copy_sources, run, sealed_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("LMS_TEST_PYINSTALLER") != "1",
        reason="builds the PyInstaller app (~1 min): set LMS_TEST_PYINSTALLER=1 (build_app.sh checks too)",
    ),
]


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("pyinstaller")
    src = copy_sources(base / "src")
    env = {**os.environ, "LMS_VENV": sys.prefix}
    dist, work = base / "dist", base / "work"
    script = [str(src / "packaging" / "build_app.sh"), "--dist", str(dist), "--work", str(work), "--no-check"]
    run(["sh", *script], cwd=base, env=env, timeout=900)
    return dist / "lms-desktop"


def _exe(app_dir: Path) -> Path:
    exe = app_dir / ("lms-desktop-console.exe" if sys.platform == "win32" else "lms-desktop")  # prints
    assert exe.is_file(), f"no executable in {app_dir}"
    return exe


def test_built_app_prints_its_version(app_dir: Path, tmp_path: Path) -> None:
    out = run([str(_exe(app_dir)), "--version"], cwd=tmp_path, env=sealed_env(tmp_path / "home"), timeout=60)
    assert __version__ in out


def test_built_app_starts_offscreen_and_runs_the_real_launcher_on_its_own_files(
    app_dir: Path, tmp_path: Path
) -> None:
    env = sealed_env(tmp_path / "home")
    out = run([str(_exe(app_dir)), "--bundle-self-test"], cwd=tmp_path, env=env, timeout=300)
    report = json.loads(out.strip().splitlines()[-1])
    assert report["frozen"] is True and report["platform"] == "offscreen"
    assert report["version"] == report["application_version"] == __version__
    # The identity the window manager sees: WM_CLASS class / Wayland app id match the .desktop entry.
    assert report["application_name"] == "lms-desktop"
    assert report["desktop_file_name"] == APP_ID
    assert Path(report["resources"]).resolve().is_relative_to(app_dir.resolve())
    assert report["icon_pixmaps"] == [16, 48, 256]
    assert report["migration_head"]
    assert report["server"] == {
        "health": 200,
        "courses": 5,
        "thumbnail_bytes": report["server"]["thumbnail_bytes"],
    }
    assert report["server"]["thumbnail_bytes"] > 0
    launcher = report["launcher"]
    assert launcher["exit_code"] == 0 and launcher["seconds_to_window"] > 0
    assert launcher["catalog_rows"] > 0, "the window opened but showed no courses (an error state?)"
    assert launcher["title"].startswith(APP_NAME)


def test_built_app_carries_the_desktop_entry_installer(app_dir: Path) -> None:
    if sys.platform.startswith("linux"):
        assert (app_dir / "install-desktop-entry.sh").is_file()
    resources = next(app_dir.rglob("lms_desktop/resources"))
    expected = {p.relative_to(REPO / "resources") for p in (REPO / "resources").rglob("*") if p.is_file()}
    assert {p.relative_to(resources) for p in resources.rglob("*") if p.is_file()} == expected
