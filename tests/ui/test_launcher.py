"""The launcher: `--version` without a window; a full start on the embedded server (demo sign-in, catalog
shown, geometry and last screen remembered, clean shutdown); the first-run seeding progress dialog.

The start test begins from a copy of the suite's already seeded database (seeding draws ~100 covers and costs
~10 s; the server's own tests cover seeding itself), so it measures what the launcher adds.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop import __version__
from lms_desktop.launch_args import parse_args
from lms_desktop.launcher import run
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.sign_in import SignInDialog
from lms_desktop.ui.startup import SeedProgress

REPO = Path(__file__).resolve().parents[2]


def test_version_prints_and_exits_without_qt() -> None:
    code = (
        "import sys\n"
        "from lms_desktop.launcher import main\n"
        "rc = main(['--version'])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'no Qt widgets for --version'\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"lms-desktop {__version__}"
    module = subprocess.run(
        [sys.executable, "-m", "lms_desktop", "--version"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert module.returncode == 0 and module.stdout.strip() == f"lms-desktop {__version__}"


def live_server_total(server: EmbeddedServer) -> int:
    import httpx

    total: int = httpx.get(f"{server.api_url}/courses", params={"limit": 1}, timeout=10).json()["total"]
    return total


def test_seed_progress_crosses_threads_to_the_dialog(qtbot: QtBot, qapp: QApplication) -> None:
    progress = SeedProgress()
    worker = threading.Thread(target=lambda: [progress.report("courses", n, 40) for n in range(0, 41, 10)])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: progress.dialog is not None and progress.dialog.value() == 100, timeout=5_000)
    assert progress.dialog is not None
    assert "Creating courses" in progress.dialog.labelText()
    progress.finish()
    assert progress.dialog is None


def _main_window() -> MainWindow | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None
    )


def copy_server_data(server: EmbeddedServer, target: Path) -> None:
    """A consistent copy of a running server's SQLite database (backup API) and its cover images."""
    target.mkdir(parents=True)
    source = server.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(source) as src, sqlite3.connect(target / "lms.sqlite3") as dst:
        src.backup(dst)
    shutil.copytree(server.settings.images_dir, target / "images")


def test_embedded_start_shows_the_demo_catalog_and_remembers_the_window(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    live_server: EmbeddedServer,
) -> None:
    copy_server_data(live_server, tmp_path / "data" / "server")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    args = parse_args(["--data-dir", str(tmp_path / "data")])
    qapp.setQuitOnLastWindowClosed(False)
    task = qloop.create_task(run(qapp, settings, args))
    qtbot.waitUntil(lambda: _main_window() is not None or task.done(), timeout=60_000)
    assert not task.done(), task.exception() if task.done() else None
    window = _main_window()
    assert window is not None
    qtbot.waitUntil(lambda: window.model.status == "ready", timeout=20_000)
    assert window.model.total == live_server_total(live_server)
    assert window.client.user is not None and window.client.user.username == "demo"
    base_url = window.client.config.base_url
    assert base_url.startswith("http://127.0.0.1:")
    window.resize(1000, 700)
    window.show_dashboard()
    window.close()
    qtbot.waitUntil(task.done, timeout=30_000)
    assert task.result() == 0
    assert settings.value("window/screen") == "dashboard"
    assert settings.value("window/geometry") is not None
    assert (tmp_path / "data" / "server" / "lms.sqlite3").exists()
    import httpx

    try:
        httpx.get(base_url + "/api/v1/health", timeout=2)
        stopped = False
    except httpx.TransportError:
        stopped = True
    assert stopped, "the embedded server is stopped when the window closes"


def _start_on_server(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path, server: EmbeddedServer
) -> asyncio.Task[int]:
    """The launcher started with `--server` (no saved sign-in): it asks to sign in."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    args = parse_args(["--server", server.base_url, "--data-dir", str(tmp_path / "data")])
    qapp.setQuitOnLastWindowClosed(False)
    return qloop.create_task(run(qapp, settings, args))


def _sign_in_dialog(qapp: QApplication) -> SignInDialog | None:
    shown = [w for w in qapp.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
    return shown[0] if shown else None


def test_server_option_asks_to_sign_in_then_shows_the_catalog(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    live_server: EmbeddedServer,
) -> None:
    task = _start_on_server(qapp, qloop, tmp_path, live_server)
    qtbot.waitUntil(lambda: _sign_in_dialog(qapp) is not None or task.done(), timeout=20_000)
    sign_in = _sign_in_dialog(qapp)
    assert sign_in is not None
    waiting = _main_window()  # the window waits on its signed-out page behind the dialog
    assert waiting is not None and waiting.stack.currentWidget() is waiting.signed_out_page
    assert waiting.model.rowCount() == 0
    sign_in.username.setText("demo")
    sign_in.password.setText("wrong password")
    sign_in.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "do not match" in sign_in.error.text(), timeout=10_000)
    sign_in.password.setText("demo")
    sign_in.buttons.accepted.emit()
    qtbot.waitUntil(lambda: _main_window() is not None, timeout=20_000)
    window = _main_window()
    assert window is not None
    qtbot.waitUntil(lambda: window.model.status == "ready", timeout=20_000)
    assert window.client.config.base_url == live_server.base_url
    assert "Demo" in window.sidebar.account.text()
    window.close()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() == 0


def test_cancelling_sign_in_keeps_the_app_open_on_the_signed_out_page(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    live_server: EmbeddedServer,
) -> None:
    task = _start_on_server(qapp, qloop, tmp_path, live_server)
    qtbot.waitUntil(lambda: _sign_in_dialog(qapp) is not None or task.done(), timeout=20_000)
    first = _sign_in_dialog(qapp)
    assert first is not None
    first.buttons.rejected.emit()  # Cancel
    window = _main_window()
    assert window is not None
    qtbot.waitUntil(lambda: _sign_in_dialog(qapp) is None)
    assert not task.done(), "Cancel must not quit the app"
    assert window.isVisible() and window.stack.currentWidget() is window.signed_out_page
    window.signed_out_page.sign_in.click()  # sign in from the start page after all
    qtbot.waitUntil(lambda: _sign_in_dialog(qapp) is not None, timeout=10_000)
    again = _sign_in_dialog(qapp)
    assert again is not None
    again.username.setText("demo")
    again.password.setText("demo")
    again.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.catalog, timeout=20_000)
    qtbot.waitUntil(lambda: window.model.status == "ready", timeout=20_000)
    assert "Demo" in window.sidebar.account.text()
    window.close()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() == 0


def test_our_options_and_qts_are_told_apart() -> None:
    args = parse_args(
        [
            "-platform",
            "offscreen",
            "--server",
            "http://h:1",
            "-style=fusion",
            "--reverse",
            "-v",
            "--data-dir",
            "d",
        ]
    )
    assert (args.server, args.data_dir, args.verbose) == ("http://h:1", Path("d"), True)
    assert args.qt_args == ["-platform", "offscreen", "-style", "fusion", "-reverse"]


def test_an_unknown_option_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--sever", "http://h:1"], ["--serv", "http://h:1"], ["-platform"], ["stray"]):
        with pytest.raises(SystemExit) as stopped:
            parse_args(argv)
        assert stopped.value.code == 2
        assert "error:" in capsys.readouterr().err


def test_help_lists_our_options_and_qts() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "lms_desktop", "--help"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    for option in ("--server URL", "--data-dir DIR", "--reset", "--version", "-platform VALUE", "-reverse"):
        assert option in out.stdout


def test_qt_gets_its_options() -> None:
    """Qt consumes what the launcher hands it: the platform plugin and the layout direction change."""
    code = (
        "import sys\n"
        "from lms_desktop.launch_args import parse_args\n"
        "from lms_desktop.ui.app import create_application\n"
        "args = parse_args(['-platform', 'offscreen', '-reverse'])\n"
        "app = create_application(['lms-desktop', *args.qt_args])\n"
        "print(app.platformName(), app.layoutDirection().name, app.arguments()[1:])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["offscreen", "RightToLeft", "[]"]
