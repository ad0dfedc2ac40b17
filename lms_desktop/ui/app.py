"""QApplication set-up: identity (name, version, icon, desktop file), high-DPI policy, style and theme.

Kept apart from the window so tests, the launcher and the packaging self-test build the application the
same way. The rounding policy must be set before the QApplication exists: PassThrough keeps fractional
scales (1.25, 1.5) crisp instead of rounding them to 1 or 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from lms_desktop import APP_ID, APP_NAME, __version__
from lms_desktop.ui import theme

ORGANIZATION = "LMS Desktop"
APPLICATION = "lms-desktop"  # also argv[0]'s name: the X11 WM_CLASS the .desktop file matches


def app_icon() -> QIcon:
    icon = QIcon()
    try:
        from lms_desktop.resources import app_icon_files, resource_path

        svg = resource_path("icons", "lms-desktop.svg")
        if svg.exists():
            icon.addFile(str(svg))
        for path in app_icon_files():
            icon.addFile(str(path))
    except (FileNotFoundError, ImportError):
        pass  # a missing icon must not stop the app; packaging tests catch it
    return icon


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication (reused if it exists, as under pytest-qt), fully configured."""
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv if argv is not None else sys.argv))
    else:
        assert isinstance(existing, QApplication)
        app = existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(True)
    return app


def app_settings(path: Path | None = None) -> QSettings:
    """Per-user settings (window geometry, last page, server, cache size, theme); or the file `path`."""
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def apply_saved_language(app: QApplication, settings: QSettings) -> None:
    """The language chosen in Settings, or the system's: before any window is built."""
    from lms_desktop.ui import i18n
    from lms_desktop.ui.settings_dialog import KEY_LANGUAGE

    i18n.install(app, str(settings.value(KEY_LANGUAGE, "") or ""))


def apply_saved_theme(app: QApplication, settings: QSettings) -> None:
    from lms_desktop.ui.settings_dialog import KEY_THEME

    mode = str(settings.value(KEY_THEME, "system"))
    theme.apply_theme(app, mode if mode in ("light", "dark") else "system")  # type: ignore[arg-type]
    theme.follow_system(app)
