"""Settings: which server, the account (sign out), cache size and clearing it, appearance.

Server and cache size apply on the next start (they are read before the client is built); the launcher reads
the same QSettings keys. Clearing the cache and signing out act at once.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.client import LmsClient
from lms_desktop.ui import theme

KEY_SERVER = "server/url"
KEY_CACHE_MB = "cache/disk_mb"
KEY_THEME = "appearance/theme"
DEFAULT_CACHE_MB = 500


class SettingsDialog(QDialog):
    signOutRequested = Signal()
    themeChanged = Signal(str)

    def __init__(
        self, client: LmsClient, settings: QSettings, *, server_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self._client = client
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_L)

        server_box = QGroupBox("Server", self)
        form = QFormLayout(server_box)
        form.addRow("Connected to", QLabel(server_label, server_box))
        self.server = QLineEdit(str(settings.value(KEY_SERVER, "") or ""), server_box)
        self.server.setPlaceholderText("Empty: the built-in server with the demo catalog")
        form.addRow("Server on next start", self.server)
        layout.addWidget(server_box)

        account_box = QGroupBox("Account", self)
        row = QHBoxLayout(account_box)
        user = client.user
        self.account = QLabel(
            f"Signed in as {user.display_name} ({user.username})" if user else "Not signed in"
        )
        self.sign_out = QPushButton("Sign out", account_box)
        self.sign_out.setObjectName("Secondary")
        self.sign_out.setEnabled(user is not None)
        self.sign_out.clicked.connect(self._sign_out)
        row.addWidget(self.account, 1)
        row.addWidget(self.sign_out)
        layout.addWidget(account_box)

        cache_box = QGroupBox("Offline cache", self)
        cache_form = QFormLayout(cache_box)
        self.cache_mb = QSpinBox(cache_box)
        self.cache_mb.setRange(50, 20_000)
        self.cache_mb.setSingleStep(50)
        self.cache_mb.setSuffix(" MB")
        self.cache_mb.setValue(int(settings.value(KEY_CACHE_MB, DEFAULT_CACHE_MB)))  # type: ignore[call-overload]
        cache_form.addRow("Maximum size (next start)", self.cache_mb)
        self.usage = QLabel(cache_box)
        clear_row = QHBoxLayout()
        clear_row.addWidget(self.usage, 1)
        self.clear = QPushButton("Clear cache", cache_box)
        self.clear.setObjectName("Secondary")
        self.clear.clicked.connect(self._clear)
        clear_row.addWidget(self.clear)
        cache_form.addRow("In use", clear_row)
        layout.addWidget(cache_box)

        look_box = QGroupBox("Appearance", self)
        look_form = QFormLayout(look_box)
        self.theme = QComboBox(look_box)
        for label, value in (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark")):
            self.theme.addItem(label, value)
        index = self.theme.findData(str(settings.value(KEY_THEME, "system")))
        self.theme.setCurrentIndex(max(0, index))
        look_form.addRow("Theme", self.theme)
        layout.addWidget(look_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_usage()

    def _show_usage(self) -> None:
        stats = self._client.cache_stats()
        text = f"{stats.disk_bytes / 2**20:.1f} MB on disk, {stats.memory_items} items in memory"
        if stats.disk_warning:
            text += f" — {stats.disk_warning}"
        self.usage.setText(text)

    def _clear(self) -> None:
        self._client.clear_cache()
        self._show_usage()

    def _sign_out(self) -> None:
        self.signOutRequested.emit()
        self.account.setText("Signing out…")
        self.sign_out.setEnabled(False)

    def accept(self) -> None:
        self._settings.setValue(KEY_SERVER, self.server.text().strip())
        self._settings.setValue(KEY_CACHE_MB, self.cache_mb.value())
        mode = str(self.theme.currentData())
        if mode != str(self._settings.value(KEY_THEME, "system")):
            self._settings.setValue(KEY_THEME, mode)
            self.themeChanged.emit(mode)
        super().accept()
