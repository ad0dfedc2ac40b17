"""Setuptools build hooks: put the top-level `resources/` folder inside the wheel as `lms_desktop/resources/`.

The folder stays at the repository root (people and the PyInstaller spec find it there), so no
`package-data` pattern can reach it; this `build_py` copies it into the build tree next to the package, where
`lms_desktop.resources.resources_dir()` looks first in an installed copy. Wired up in `pyproject.toml` under
`[tool.setuptools.cmdclass]`; setuptools loads this file by path from the project root, so it needs no
`__init__.py` and never shadows the `packaging` library. Editable installs skip the copy: the checkout's
folder is found directly. The sdist carries `resources/` and this file too, so a wheel built from the sdist
(what `python -m build` does by default) comes out the same as one built from the checkout.
"""

from __future__ import annotations

import shutil
import subprocess
import sysconfig
from pathlib import Path

from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources"
TARGET = ("lms_desktop", "resources")
#: Never shipped: editor and OS droppings, bytecode.
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".DS_Store", "Thumbs.db", "*~")


def _compile_translations(folder: Path) -> None:
    """Rebuild each `.qm` from its `.ts` when `pyside6-lrelease` is at hand (PySide6 ships it); without it
    (an isolated build environment) the `.qm` files committed beside the sources are used as they are."""
    scripts = Path(sysconfig.get_path("scripts"))
    lrelease = shutil.which("pyside6-lrelease") or (
        str(scripts / "pyside6-lrelease") if (scripts / "pyside6-lrelease").exists() else None
    )
    if lrelease is None or not folder.is_dir():
        return
    for source in sorted(folder.glob("*.ts")):
        subprocess.run(
            [lrelease, "-silent", str(source), "-qm", str(source.with_suffix(".qm"))], check=True, timeout=120
        )


class BuildPyWithResources(build_py):
    """`build_py` that also copies `resources/` into the package being built."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        if not SOURCE.is_dir():
            raise FileNotFoundError(f"resources folder missing: {SOURCE}")
        target = Path(self.build_lib).joinpath(*TARGET)
        if target.exists():  # a reused build/ tree must not keep files deleted from resources/
            shutil.rmtree(target)
        shutil.copytree(SOURCE, target, ignore=IGNORE)
        _compile_translations(target / "translations")
        copied = sum(1 for p in target.rglob("*") if p.is_file())
        self.announce(f"copied {copied} resource files into {target}", level=2)


class SdistWithResources(sdist):
    """`sdist` that also ships `resources/` and this hook, which no package-data pattern can reach."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        extra = [p.relative_to(ROOT).as_posix() for p in sorted(SOURCE.rglob("*")) if p.is_file()]
        extra = [f for f in extra if not any(IGNORE(str(ROOT), [part]) for part in f.split("/"))]
        extra.append(Path(__file__).resolve().relative_to(ROOT).as_posix())
        super().make_release_tree(base_dir, [*files, *(f for f in extra if f not in files)])
