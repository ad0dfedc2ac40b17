"""The app's window as the launcher builds it (offline client, Downloads installed), for reader tests, a
catcher for what the app hands to the system (QDesktopServices URL handlers), and what the tests read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop.client import ClientConfig, LmsClient, MemoryTokenStore
from lms_desktop.client.offline.layer import offline_client
from lms_desktop.contract import Section
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import theme
from lms_desktop.ui.downloads_view import DownloadsView
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.offline_install import install_offline
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.painting import painted
from tests.ui.conftest import Run

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


class UrlCatcher(QObject):
    """Receives the URLs the app asks the system to open (files, web pages) instead of the system."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []
        for scheme in ("file", "http", "https"):
            QDesktopServices.setUrlHandler(scheme, self, "handle")

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(QUrl(url))

    def close(self) -> None:
        for scheme in ("file", "http", "https"):
            QDesktopServices.unsetUrlHandler(scheme)


def make_client(server: EmbeddedServer, home: Path) -> LmsClient:
    config = ClientConfig(
        base_url=server.base_url,
        cache_dir=home / "cache",
        token_store=MemoryTokenStore(),
        server_id="reader-test-server",  # the same cache and downloads after a restart on another client
        probe_initial_s=0.1,
        probe_max_s=0.5,
    )
    return offline_client(config, offline_dir=home / "offline")


def open_window(
    qtbot: QtBot, client: LmsClient, runner: TaskRunner, home: Path
) -> tuple[MainWindow, DownloadsView]:
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(client, runner, settings, server_label="test server")
    qtbot.addWidget(window)
    downloads = install_offline(window, client.offline)
    window.resize(1180, 780)
    window.start()
    window.show()
    return window, downloads


def showing(window: MainWindow, section_id: int) -> Callable[[], bool]:
    return lambda: window.reader.section is not None and window.reader.section.id == section_id


def sections_by_type(sections: list[Section]) -> dict[str, list[Section]]:
    out: dict[str, list[Section]] = {}
    for s in sections:
        out.setdefault(s.type, []).append(s)
    return out


def all_sections(run: Run, client: LmsClient, course_id: int) -> list[Section]:
    """Every section of a course, in full (the client keeps each one, as opening it would)."""
    content = run(client.content(course_id)).value
    return [run(client.section(s.id)).value for lesson in content.lessons for s in lesson.sections]


def saved_position(run: Run, client: LmsClient, course_id: int, section_id: int) -> int | None:
    """The video position the course's outline holds for a section (fresh from the server when online)."""
    content = run(client.content(course_id, swr=False)).value
    return next(
        s.position_seconds for lesson in content.lessons for s in lesson.sections if s.id == section_id
    )


def shoot_reader(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Light and dark, at the default size and at the smallest the window allows (800x600 asked)."""
    SHOTS.mkdir(exist_ok=True)
    app = QApplication.instance()
    for mode in ("light", "dark"):
        theme.apply_theme(app, mode)  # type: ignore[arg-type]
        for label, size in (("default", (1180, 780)), ("small", (800, 600))):
            window.resize(*size)
            assert painted(qtbot, window).save(str(SHOTS / f"reader-{name}-{mode}-{label}.png"))
    theme.apply_theme(app, "light")  # type: ignore[arg-type]
    window.resize(1180, 780)
