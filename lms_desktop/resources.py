"""Find the bundled `resources/` folder wherever the app runs from.

Three layouts exist: a source checkout (`<repo>/resources`), an installed wheel (the packaging step copies the
folder to `lms_desktop/resources`), and a PyInstaller bundle (`sys._MEIPASS/resources`). Callers ask for a
relative path and never care which one they got.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("LMS_DESKTOP_RESOURCES")
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(_PACKAGE_DIR / "resources")
    found.append(_PACKAGE_DIR.parent / "resources")
    return found


@cache
def resources_dir() -> Path:
    """The first existing resources folder; a missing one is a packaging bug worth a clear message."""
    for candidate in _candidates():
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(p) for p in _candidates())
    raise FileNotFoundError(f"resources folder not found (tried {tried})")


def resource_path(*parts: str) -> Path:
    """Absolute path of a resource, e.g. `resource_path("images", "default-cover.png")`."""
    return resources_dir().joinpath(*parts)
