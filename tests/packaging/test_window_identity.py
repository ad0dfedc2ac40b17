"""On a real X server the app's windows carry the identity the desktop entry promises.

A window manager matches a window to its `.desktop` entry by WM_CLASS (`StartupWMClass`) and shows the name
and icon the window publishes. This runs the app's own `create_application` (what the launcher calls) under
Xvfb with the xcb platform plugin, and reads the window's properties back with `xprop`, as a window manager
would. Needs `xvfb`, `x11-utils` and Qt's xcb libraries (`libxcb-cursor0` and friends, see the README); it
is skipped where they are missing, and fails where they exist but the identity is wrong.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lms_desktop import APP_ID, APP_NAME
from tests.packaging.helpers import REPO, run, sealed_env

pytestmark = pytest.mark.slow

PROBE = """
import subprocess
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from lms_desktop.ui.app import create_application

app = create_application(["lms-desktop"])
window = QWidget()
window.setWindowTitle("Catalog")
window.resize(320, 200)
window.show()

def probe() -> None:
    props = ["WM_CLASS", "_NET_WM_NAME", "_NET_WM_ICON"]
    xprop = subprocess.run(["xprop", "-id", str(int(window.winId())), *props], capture_output=True, text=True)
    print(xprop.stdout, flush=True)
    app.quit()

QTimer.singleShot(300, probe)
app.exec()
"""


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    if not (shutil.which("Xvfb") and shutil.which("xprop")):
        pytest.skip("needs Xvfb and xprop (apt-get install xvfb x11-utils)")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display it chose once it accepts clients
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _xcb_loads() -> bool:
    """Whether Qt's xcb platform plugin finds its system libraries (what a bare Linux lacks)."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file() or not shutil.which("ldd"):
        return False
    return "not found" not in subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 window properties")
def test_window_publishes_wm_class_name_and_icon_matching_the_desktop_entry(
    x_display: str, tmp_path: Path
) -> None:
    if not _xcb_loads():
        pytest.skip("Qt's xcb plugin lacks system libraries here (see the README's list)")
    env = sealed_env(tmp_path / "home")
    env.update(DISPLAY=x_display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO))
    out = run([sys.executable, "-c", PROBE], cwd=tmp_path, env=env, timeout=60)

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "resources" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    wm_class = parser["Desktop Entry"]["StartupWMClass"]
    assert f'WM_CLASS(STRING) = "{wm_class}", "{wm_class}"' in out, out
    assert re.search(rf'_NET_WM_NAME\(UTF8_STRING\) = "Catalog . {re.escape(APP_NAME)}"', out), out
    icon_sizes = {int(w) for w, h in re.findall(r"Icon \((\d+) x (\d+)\)", out) if w == h}
    assert {16, 32, 64, 128} <= icon_sizes, out
