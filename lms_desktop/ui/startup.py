"""The first-run progress dialog while the built-in server seeds its demo catalog.

The seeding runs in the server's start thread; `report` is called there and only emits a signal, which Qt
delivers to the dialog on the UI thread (the receiver lives there, so the connection is queued). The dialog
appears only if the work takes longer than a moment: a normal start shows nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from lms_desktop import APP_NAME

STAGES = {
    "images": QT_TRANSLATE_NOOP("SeedProgress", "Drawing course covers"),
    "users": QT_TRANSLATE_NOOP("SeedProgress", "Creating learners"),
    "courses": QT_TRANSLATE_NOOP("SeedProgress", "Creating courses"),
    "sections": QT_TRANSLATE_NOOP("SeedProgress", "Writing lessons and sections"),
    "enrollments": QT_TRANSLATE_NOOP("SeedProgress", "Enrolling learners"),
    "progress": QT_TRANSLATE_NOOP("SeedProgress", "Recording progress"),
    "search index": QT_TRANSLATE_NOOP("SeedProgress", "Building the search index"),
}


class SeedProgress(QObject):
    progressed = Signal(str, int, int)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: QProgressDialog | None = None
        self.progressed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, stage: str, done: int, total: int) -> None:
        """Thread-safe: called from the seeding thread."""
        self.progressed.emit(stage, done, total)

    def _show(self, stage: str, done: int, total: int) -> None:
        if self.dialog is None:
            self.dialog = QProgressDialog(self.tr("Preparing the demo catalog…"), "", 0, 100)
            self.dialog.setAccessibleName(self.tr("Preparing the demo catalog"))
            self.dialog.setWindowTitle(APP_NAME)
            self.dialog.setCancelButton(None)
            self.dialog.setMinimumDuration(400)
            self.dialog.setMinimumWidth(420)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
        label = self.tr(str(STAGES[stage])) if stage in STAGES else stage.capitalize()
        self.dialog.setLabelText(self.tr("Preparing the demo catalog (first start only)…") + "\n" + label)
        self.dialog.setValue(round(100 * done / total) if total else 0)

    def finish(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def fail(self, message: str) -> None:
        self.finish()
        QMessageBox.critical(None, APP_NAME, message)
