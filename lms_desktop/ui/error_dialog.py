"""A failure the learner should know about: one short sentence, the details one click away.

Background work that fails unexpectedly (a bug, not "offline") ends here instead of only in the log: the
message says what happened in plain words, "Copy details" puts the technical report on the clipboard for a
bug report, and "Open log folder" shows where the full log is.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.ui import a11y, logfile, theme


def open_log_folder() -> bool:
    """Show the folder holding the log file in the desktop's file manager."""
    path = logfile.log_file()
    folder = path.parent if path is not None else logfile.default_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumWidth(420)
        self.details = details
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_M)
        self.message = QLabel(
            self.tr("Something went wrong in the background: {0}").format(summary),
            self,
        )
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        hint = QLabel(
            self.tr("Your work is saved. If this keeps happening, copy the details into a bug report."), self
        )
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.text = QPlainTextEdit(details, self)
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(120)
        a11y.describe(self.text, self.tr("Technical details"), self.tr("The error report, read-only"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.log_button = QPushButton(self.tr("Open log folder"), self)
        for b, why in (
            (self.copy_button, self.tr("Put the technical details on the clipboard")),
            (self.log_button, self.tr("Open the folder with the application's log files")),
        ):
            b.setAutoDefault(False)
            a11y.describe(b, b.text(), why)
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            a11y.describe(close, self.tr("Close"), self.tr("Close this message"))
        self.copy_button.clicked.connect(self.copy_details)
        self.log_button.clicked.connect(open_log_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details)
