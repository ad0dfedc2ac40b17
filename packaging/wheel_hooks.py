"""Setuptools build hook: put the top-level `resources/` folder inside the wheel as `lms_desktop/resources/`.

The folder stays at the repository root (people and the PyInstaller spec find it there), so no
`package-data` pattern can reach it; this `build_py` copies it into the build tree next to the package, where
`lms_desktop.resources.resources_dir()` looks first in an installed copy. Wired up in `pyproject.toml` under
`[tool.setuptools.cmdclass]`; setuptools loads this file by path from the project root, so it needs no
`__init__.py` and never shadows the `packaging` library. Editable installs skip the copy: the checkout's
folder is found directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources"
TARGET = ("lms_desktop", "resources")
#: Never shipped: editor and OS droppings, bytecode.
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".DS_Store", "Thumbs.db", "*~")


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
        copied = sum(1 for p in target.rglob("*") if p.is_file())
        self.announce(f"copied {copied} resource files into {target}", level=2)
