"""The window's dialogs and view settings: settings, errors, help, text size (a part of `MainWindow`).

Kept apart so the window module stays about navigation and the session; these methods only use the
window's public parts (`settings`, `client`, `commands`, `show_message`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, SignalInstance
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from lms_desktop.client import AuthRequired, LmsClient, OfflineError
from lms_desktop.ui import a11y, actions, logfile, theme
from lms_desktop.ui.settings_dialog import KEY_TEXT_SCALE, KEY_THEME, SettingsDialog

if TYPE_CHECKING:
    from lms_desktop.ui.actions import WindowActions

log = logging.getLogger(__name__)

ZOOM_STEP = 0.1


class WindowDialogs(QMainWindow):
    """Mixed into MainWindow (never used alone)."""

    client: LmsClient
    settings: QSettings
    server_label: str
    commands: WindowActions
    _settings_dialog: SettingsDialog | None
    _error_dialog: QDialog | None

    def show_message(self, text: str) -> None:  # provided by MainWindow
        raise NotImplementedError

    def sign_out(self) -> None:  # provided by MainWindow
        raise NotImplementedError

    signInRequired: SignalInstance

    def zoom(self, direction: int) -> None:
        """Text larger (+1), smaller (-1) or back to normal (0), between 100% and 200%; in the reader, the
        section's own text size (the reader keeps it)."""
        reader = getattr(self, "reader", None)
        stack = getattr(self, "stack", None)
        if reader is not None and stack is not None and stack.currentWidget() is reader:
            reader.zoom(direction)
            return
        scale = 1.0 if direction == 0 else theme.text_scale() + direction * ZOOM_STEP
        self._set_text_scale(scale)

    def _set_text_scale(self, scale: float, *, save: bool = True) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        applied = theme.set_text_scale(app, scale)
        if save:
            self.settings.setValue(KEY_TEXT_SCALE, applied)
            self.show_message(self.tr("Text size {0}%").format(round(applied * 100)))
        self.commands.zoom_in.setEnabled(applied < theme.MAX_SCALE)
        self.commands.zoom_out.setEnabled(applied > theme.MIN_SCALE)

    def show_shortcuts(self) -> None:
        from lms_desktop.ui.about import ShortcutsDialog

        dialog = ShortcutsDialog(actions.shortcut_rows(self.commands.all()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        from lms_desktop.ui.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_log_folder(self) -> None:
        from lms_desktop.ui.error_dialog import open_log_folder

        if not open_log_folder():
            path = logfile.log_file() or logfile.default_log_dir()
            self.show_message(self.tr("The log is in {0}").format(path))

    def show_error(self, summary: str, details: str) -> None:
        """One error message at a time; later ones while it is open are only logged."""
        from lms_desktop.ui.error_dialog import ErrorDialog

        a11y.announce(self, self.tr("Error: {0}").format(summary), assertive=True)
        if self._error_dialog is not None and self._error_dialog.isVisible():
            return
        dialog = ErrorDialog(summary, details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "_error_dialog", None))
        self._error_dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.raise_()
            return
        dialog = SettingsDialog(self.client, self.settings, server_label=self.server_label, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signOutRequested.connect(self.sign_out)
        dialog.themeChanged.connect(self._apply_theme)
        dialog.textScaleChanged.connect(lambda scale: self._set_text_scale(scale))
        dialog.openLogRequested.connect(self.open_log_folder)
        dialog.finished.connect(lambda _r: setattr(self, "_settings_dialog", None))
        self._settings_dialog = dialog
        dialog.open()

    def _apply_theme(self, mode: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, mode if mode in ("light", "dark") else "system")  # type: ignore[arg-type]
            self.settings.setValue(KEY_THEME, mode)
            self.update()

    def _announce_online(self, online: bool) -> None:
        a11y.announce(
            self,
            self.tr("Back online") if online else self.tr("Offline: showing what is saved on this computer"),
        )

    def _on_unhandled(self, label: str, exc: object) -> None:
        """Background work failed with nobody to handle it: expected conditions are only logged, a bug is
        logged with its traceback and shown to the learner."""
        if isinstance(exc, OfflineError | AuthRequired):
            log.info("background work %s: %r", label, exc)
            if isinstance(exc, AuthRequired):
                self.signInRequired.emit()
            return
        if isinstance(exc, BaseException):
            logfile.report_unhandled(type(exc), exc, exc.__traceback__, label)
        else:
            log.error("background work %s failed: %r", label, exc)
