"""Help for the learner: the About box (version, licenses) and the list of keyboard shortcuts."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lms_desktop import APP_NAME, __version__
from lms_desktop.ui import a11y, theme

#: the libraries the app ships with and their licences (the wheel's dependencies)
LICENSES: tuple[tuple[str, str], ...] = (
    ("PySide6 / Qt", "LGPL-3.0"),
    ("qasync", "BSD-2-Clause"),
    ("httpx", "BSD-3-Clause"),
    ("msgspec", "BSD-3-Clause"),
    ("diskcache", "Apache-2.0"),
    ("keyring", "MIT"),
    ("platformdirs", "MIT"),
    ("litestar", "MIT"),
    ("uvicorn", "BSD-3-Clause"),
    ("SQLAlchemy", "MIT"),
    ("alembic", "MIT"),
    ("psycopg", "LGPL-3.0"),
    ("redis", "MIT"),
    ("argon2-cffi", "MIT"),
    ("Pillow", "MIT-CMU"),
)


def _version_of(name: str) -> str:
    dist = {"PySide6 / Qt": "PySide6-Essentials"}.get(name, name)
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return pyside_version if dist.startswith("PySide6") else ""


def about_html() -> str:
    versions = (qVersion(), pyside_version, platform.python_version())
    rows = "".join(
        f"<tr><td>{name}</td><td>&nbsp;{_version_of(name)}&nbsp;</td><td>{lic}</td></tr>"
        for name, lic in LICENSES
    )
    what = QCoreApplication.translate("About", "Learn from an LMS server, online and offline.")
    license_text = QCoreApplication.translate("About", "Licensed under the MIT License.")
    built = QCoreApplication.translate("About", "Qt {0}, PySide6 {1}, Python {2}").format(*versions)
    third = QCoreApplication.translate("About", "Third-party software")
    return (
        f"<h2>{APP_NAME} {__version__}</h2><p>{what}</p><p>{license_text}</p><p>{built}</p>"
        f"<h3>{third}</h3><table>{rows}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {0}").format(APP_NAME))
        self.resize(460, 480)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html())
        a11y.describe(self.text, self.tr("About {0}").format(APP_NAME), self.tr("Version and licenses"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            a11y.describe(close, self.tr("Close"), self.tr("Close this window"))
        layout.addWidget(buttons)


#: keys that are not actions: how to move around
NAVIGATION_KEYS: tuple[tuple[object, object], ...] = (
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Move between controls"),
        QT_TRANSLATE_NOOP("Shortcuts", "Tab, Shift+Tab"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Press the focused button, open the focused course"),
        QT_TRANSLATE_NOOP("Shortcuts", "Enter"),
    ),
    (QT_TRANSLATE_NOOP("Shortcuts", "Go back, close a dialog, clear the search"), "Esc"),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Move between courses"),
        QT_TRANSLATE_NOOP("Shortcuts", "Arrow keys, Page Up, Page Down, Home, End"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Rate a course (on the course page)"),
        QT_TRANSLATE_NOOP("Shortcuts", "1 – 5, or Left/Right then Enter"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Previous / next section (in the reader)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Alt+Left, Alt+Right"),
    ),
)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_M)
        intro = QLabel(self.tr("Everything in {0} works from the keyboard.").format(APP_NAME), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        every = rows + [
            (
                QCoreApplication.translate("Shortcuts", str(what)),
                QCoreApplication.translate("Shortcuts", str(keys)),
            )
            for what, keys in NAVIGATION_KEYS
        ]
        self.table = QTableWidget(len(every), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (what, keys) in enumerate(every):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeRowsToContents()
        a11y.describe(self.table, self.tr("Keyboard shortcuts"), self.tr("Each command and its keys"))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            a11y.describe(close, self.tr("Close"), self.tr("Close this window"))
        layout.addWidget(buttons)
