"""Find the bundled `resources/` folder wherever the app runs from.

Three layouts exist: a source checkout (`<repo>/resources`), an installed wheel (the build hook in
`packaging/wheel_hooks.py` copies the folder to `lms_desktop/resources`), and a PyInstaller bundle (the spec
puts it at `lms_desktop/resources` inside `sys._MEIPASS`, the same place as the wheel). Callers ask for a
relative path and never care which one they got. Qt-free on purpose, so the server and the client may use it.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
#: A file every complete resources folder has; tells ours from an unrelated folder called `resources`.
_MARKER = ("icons", "lms-desktop.svg")
#: Environment variable naming another resources folder (tests, distributors' own layouts).
ENV_OVERRIDE = "LMS_DESKTOP_RESOURCES"
#: Square sizes of the application icon's PNG renderings, `resources/icons/lms-desktop-<n>.png`.
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)


def _candidates() -> list[Path]:
    """Places to look, most specific first: override, frozen bundle, installed package, source checkout."""
    found: list[Path] = []
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "lms_desktop" / "resources")
        found.append(Path(bundle) / "resources")
    found.append(_PACKAGE_DIR / "resources")
    found.append(_PACKAGE_DIR.parent / "resources")
    return found


@cache
def resources_dir() -> Path:
    """The resources folder in use; a missing one is a packaging bug worth a clear message.

    A folder holding the marker file wins; an existing folder without it is accepted only when no complete
    one exists (an override pointing at a partial folder in a test).
    """
    candidates = _candidates()
    for candidate in candidates:
        if candidate.joinpath(*_MARKER).is_file():
            return candidate
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(p) for p in candidates)
    raise FileNotFoundError(f"resources folder not found (tried {tried})")


def resource_path(*parts: str) -> Path:
    """Absolute path of a resource, e.g. `resource_path("images", "default-cover.png")`.

    Not checked for existence: callers with a fallback test `.exists()`; `require_resource` fails loudly.
    """
    return resources_dir().joinpath(*parts)


def require_resource(*parts: str) -> Path:
    """Like `resource_path`, but a missing file raises FileNotFoundError naming where it was expected."""
    path = resource_path(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource {'/'.join(parts)!r} (expected at {path})")
    return path


def app_icon_files() -> list[Path]:
    """Every PNG rendering of the application icon, smallest first: add them all to one QIcon so each
    place (title bar, task switcher, dock) gets a hand-tuned size instead of a blurry scaled one."""
    return [require_resource("icons", f"lms-desktop-{n}.png") for n in ICON_SIZES]


def app_icon_path() -> Path:
    """The single best icon file when only one can be given (256 px PNG; Qt scales it down)."""
    return require_resource("icons", "lms-desktop-256.png")
