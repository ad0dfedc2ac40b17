"""The wheel installs like any package: built, installed into a fresh venv, and its commands run from there.

By default the fresh venv gets the wheel with `--no-deps` and sees the dependencies already installed for this
test run through a `.pth` line appended after its own site-packages (offline, ~10 s, and the wheel's copy of
`lms_desktop` always wins; a test proves it). `LMS_TEST_WHEEL_FULL=1` instead installs the wheel with all its
dependencies from the package index into an empty venv: the learner's real path, slower, needs the index.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from lms_desktop import __version__
from tests.packaging.helpers import REPO, Built, run, sealed_env

pytestmark = pytest.mark.slow

FULL_INSTALL = os.environ.get("LMS_TEST_WHEEL_FULL") == "1"
BIN = "Scripts" if sys.platform == "win32" else "bin"


def _repo_files(folder: Path) -> set[str]:
    """Files under `folder` that a build ships (posix paths relative to it), bytecode excluded."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@dataclass(frozen=True)
class Venv:
    """A virtual environment with the wheel installed, and how to run things in it."""

    root: Path
    python: Path
    bin: Path
    env: dict[str, str]
    cwd: Path

    def run(self, *args: str, timeout: float = 120.0) -> str:
        return run([*args], cwd=self.cwd, env=self.env, timeout=timeout)

    def python_json(self, code: str) -> dict[str, object]:
        """Run `code` in the venv's interpreter; it prints one JSON object as its last line."""
        out = self.run(str(self.python), "-c", code)
        result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
        return result


@pytest.fixture(scope="module")
def venv(built_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    base = tmp_path_factory.mktemp("venv")
    root = base / "venv"
    cwd = base / "cwd"  # not the repository: `python -c` puts the working directory on sys.path
    cwd.mkdir()
    run([sys.executable, "-m", "venv", "--without-pip", str(root)], cwd=cwd)
    python = root / BIN / ("python.exe" if sys.platform == "win32" else "python")
    env = sealed_env(base / "home", extra_path=root / BIN)
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-input"]
    if FULL_INSTALL:
        run([*pip, str(built_wheel)], cwd=cwd, timeout=900)
    else:
        run([*pip, "--no-deps", str(built_wheel)], cwd=cwd)
        purelib = run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=cwd, env=env
        ).strip()
        # Appended after the venv's own site-packages, so only what the wheel lacks comes from here.
        deps = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
        Path(purelib, "zz_lms_test_dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    return Venv(root=root, python=python, bin=root / BIN, env=env, cwd=cwd)


def test_wheel_ships_resources_migrations_and_type_marker(built_wheel: Path) -> None:
    with zipfile.ZipFile(built_wheel) as whl:
        names = set(whl.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        entry_text = whl.read(entry_points).decode()

    resources = _repo_files(REPO / "resources")
    assert "icons/lms-desktop.svg" in resources
    missing = {f"lms_desktop/resources/{f}" for f in resources} - names
    assert not missing, f"resources missing from the wheel: {sorted(missing)}"

    migrations = _repo_files(REPO / "lms_desktop/server/db/migrations")
    assert "env.py" in migrations
    assert any(m.startswith("versions/") and m.endswith(".py") for m in migrations), "no migration scripts"
    missing = {f"lms_desktop/server/db/migrations/{m}" for m in migrations} - names
    assert not missing, f"migrations missing from the wheel: {sorted(missing)}"

    assert "lms_desktop/py.typed" in names
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]
    top_level = {n.split("/", 1)[0] for n in names}
    assert top_level == {"lms_desktop", built_wheel.name.split("-py3")[0] + ".dist-info"}, top_level
    assert "lms-desktop = lms_desktop.launcher:main" in entry_text.split("[gui_scripts]")[1]
    assert "lms-server = lms_desktop.server.cli:main" in entry_text.split("[console_scripts]")[1]


def test_sdist_carries_resources_and_the_build_hook(built: Built) -> None:
    if built.sdist is None:
        pytest.skip("the `build` frontend is not installed: the wheel was built directly, without an sdist")
    with tarfile.open(built.sdist) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert "packaging/wheel_hooks.py" in names
    assert {f"resources/{f}" for f in _repo_files(REPO / "resources")} <= names
    assert not [n for n in names if n.endswith(".pyc")]


def test_installed_lms_desktop_prints_version_without_a_window(venv: Venv) -> None:
    out = venv.run(str(venv.bin / "lms-desktop"), "--version", timeout=60)
    assert __version__ in out


def test_installed_app_runs_end_to_end_offscreen(venv: Venv) -> None:
    """The installed app, not just its --version: the self-test the PyInstaller bundle uses, run by the venv's
    interpreter (the script's folder holds no `lms_desktop`, so the wheel's copy is the one imported): Qt and
    the icon, packaged migrations, the embedded server, and the launcher's window with real catalog rows."""
    script = REPO / "packaging" / "pyinstaller_entry.py"
    out = venv.run(str(venv.python), str(script), "--bundle-self-test", timeout=300)
    report = json.loads(out.strip().splitlines()[-1])
    assert Path(report["resources"]).resolve().is_relative_to(venv.root.resolve())
    assert report["application_name"] == "lms-desktop" and report["icon_pixmaps"] == [16, 48, 256]
    assert report["migration_head"] and report["server"]["health"] == 200
    assert report["launcher"]["exit_code"] == 0 and report["launcher"]["catalog_rows"] > 0


def test_installed_lms_server_help_lists_its_commands(venv: Venv) -> None:
    out = venv.run(str(venv.bin / "lms-server"), "--help", timeout=60)
    for command in ("serve", "seed", "migrate"):
        assert command in out, f"`lms-server --help` does not mention {command!r}:\n{out}"


def test_installed_package_is_the_wheel_and_finds_its_resources(venv: Venv) -> None:
    info = venv.python_json(
        "import json, lms_desktop, lms_desktop.resources as r;"
        "print(json.dumps({'package': lms_desktop.__file__, 'root': str(r.resources_dir()),"
        " 'icons': [str(p) for p in r.app_icon_files()], 'icon': str(r.app_icon_path()),"
        " 'version': lms_desktop.__version__}))"
    )
    venv_root = venv.root.resolve()
    package = Path(str(info["package"])).resolve()
    root = Path(str(info["root"])).resolve()
    assert package.is_relative_to(venv_root), f"imported {package}, not the installed wheel"
    assert root == package.parent / "resources"
    assert _repo_files(root) == _repo_files(REPO / "resources")
    icons = [Path(p) for p in info["icons"]]  # type: ignore[attr-defined]
    assert len(icons) == 8 and all(p.is_file() and p.stat().st_size > 0 for p in icons)
    assert Path(str(info["icon"])).name == "lms-desktop-256.png"
    assert info["version"] == __version__


def test_installed_app_finds_its_translations(venv: Venv) -> None:
    """The wheel's own .qm files load: German and Spanish strings, from inside the installed package."""
    info = venv.python_json(
        "import json; from PySide6.QtCore import QCoreApplication as A; app = A([]);"
        "from lms_desktop.ui import i18n; out = {'dir': str(i18n.translations_dir())};"
        "i18n.install(app, 'de'); out['de'] = A.translate('MainWindow', 'Catalog');"
        "i18n.install(app, 'es'); out['es'] = A.translate('MainWindow', 'Catalog');"
        "print(json.dumps(out))"
    )
    assert Path(str(info["dir"])).resolve().is_relative_to(venv.root.resolve())
    assert (info["de"], info["es"]) == ("Katalog", "Catálogo")


def test_installed_server_migrates_a_fresh_database_from_packaged_migrations(venv: Venv) -> None:
    db = venv.cwd / "migrated.sqlite3"
    venv.run(str(venv.bin / "lms-server"), "migrate", "--database", f"sqlite:///{db}", timeout=120)
    with closing(sqlite3.connect(db)) as conn:
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
    assert {"courses", "users", "enrollments", "alembic_version"} <= tables


def test_installed_wheel_declares_every_dependency_it_needs(venv: Venv) -> None:
    """Each Requires-Dist of the installed wheel is satisfied in the venv (with the full install, by pip's
    own resolution; by default, by what this test run has installed). Judged here, with `packaging`, because
    the venv need not have it."""
    info = venv.python_json(
        "import json; from importlib.metadata import distribution, distributions;"
        "print(json.dumps({'requires': distribution('lms-desktop').requires or [],"
        " 'have': {d.metadata['Name'].lower().replace('_', '-'): d.version for d in distributions()}}))"
    )
    have: dict[str, str] = info["have"]  # type: ignore[assignment]
    bad = []
    for text in info["requires"]:  # type: ignore[attr-defined]
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue  # an optional extra, not needed to run
        found = have.get(req.name.lower().replace("_", "-"))
        if found is None or not req.specifier.contains(found, prereleases=True):
            bad.append(f"{text} (have {found})")
    assert info["requires"], "the wheel declares no dependencies at all"
    assert bad == []


def test_subprocess_helper_reports_failures() -> None:
    """The helper every test above relies on must fail loudly, or they could pass on a broken command."""
    with pytest.raises(AssertionError, match="exited 3"):
        run([sys.executable, "-c", "import sys; sys.exit(3)"], cwd=Path.cwd())
    with pytest.raises(subprocess.TimeoutExpired):
        run([sys.executable, "-c", "import time; time.sleep(5)"], cwd=Path.cwd(), timeout=0.5)
