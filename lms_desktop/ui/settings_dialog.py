"""Settings: appearance (theme, text size), the account (sign out), and an Advanced section for the cache
and the server.

Server and cache size apply on the next start (they are read before the client is built); the launcher reads
the same QSettings keys. Clearing the cache and signing out act at once. The Advanced section is folded by
default: cache figures and server addresses are for the curious, not for every learner.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.client import LmsClient
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.i18n import LANGUAGES, number_text

KEY_SERVER = "server/url"
KEY_CACHE_MB = "cache/disk_mb"
KEY_THEME = "appearance/theme"
KEY_TEXT_SCALE = "appearance/text_scale"
KEY_LANGUAGE = "appearance/language"
DEFAULT_CACHE_MB = 500


class SettingsDialog(QDialog):
    signOutRequested = Signal()
    themeChanged = Signal(str)
    textScaleChanged = Signal(float)
    openLogRequested = Signal()

    def __init__(
        self, client: LmsClient, settings: QSettings, *, server_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._client = client
        self._settings = settings
        outer = QVBoxLayout(self)
        scroller = QScrollArea(self)  # large text on a small screen: the sections scroll, the buttons stay
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget(scroller)
        scroller.setWidget(body)
        outer.addWidget(scroller, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_L)
        self._body = body
        self._scroller = scroller
        layout.addWidget(self._appearance_box(settings))
        layout.addWidget(self._account_box(client))
        self.advanced_toggle = QPushButton(self.tr("Show advanced settings"), self)
        self.advanced_toggle.setObjectName("Secondary")
        self.advanced_toggle.setCheckable(True)
        a11y.describe(
            self.advanced_toggle, self.tr("Advanced settings"), self.tr("Show or hide the cache and server")
        )
        self.advanced_toggle.toggled.connect(self._show_advanced)
        layout.addWidget(self.advanced_toggle)
        self.advanced = self._advanced_box(settings, server_label)
        self.advanced.setVisible(False)
        layout.addWidget(self.advanced)
        layout.addStretch(1)
        self._fit()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for which, why in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("Keep these settings")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Close without changing anything")),
        ):
            button = buttons.button(which)
            if button is not None:
                a11y.describe(button, button.text().replace("&", ""), why)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._show_usage()

    # ---- sections --------------------------------------------------------------------------------

    def _appearance_box(self, settings: QSettings) -> QGroupBox:
        box = QGroupBox(self.tr("Appearance"), self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.theme = QComboBox(box)
        for label, value in (
            (self.tr("Follow the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            self.theme.addItem(label, value)
        index = self.theme.findData(str(settings.value(KEY_THEME, "system")))
        self.theme.setCurrentIndex(max(0, index))
        a11y.describe(self.theme, self.tr("Theme"), self.tr("Light, dark, or as the system is set"))
        form.addRow(self.tr("Theme"), self.theme)
        self.text_size = QSpinBox(box)
        self.text_size.setRange(round(theme.MIN_SCALE * 100), round(theme.MAX_SCALE * 100))
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self.text_size.setValue(round(theme.text_scale() * 100))
        a11y.describe(
            self.text_size, self.tr("Text size"), self.tr("From 100 to 200 percent (Ctrl+Plus, Ctrl+Minus)")
        )
        form.addRow(self.tr("Text size"), self.text_size)
        self.language = QComboBox(box)
        for code, name in LANGUAGES:
            self.language.addItem(name or self.tr("System language"), code)
        self.language.setCurrentIndex(max(0, self.language.findData(str(settings.value(KEY_LANGUAGE, "")))))
        a11y.describe(
            self.language, self.tr("Language"), self.tr("The language of the app, from the next start")
        )
        form.addRow(self.tr("Language (next start)"), self.language)
        return box

    def _account_box(self, client: LmsClient) -> QGroupBox:
        box = QGroupBox(self.tr("Account"), self)
        row = QHBoxLayout(box)
        user = client.user
        self.account = QLabel(
            self.tr("Signed in as {0} ({1})").format(user.display_name, user.username)
            if user
            else self.tr("Not signed in"),
            box,
        )
        self.account.setWordWrap(True)
        self.sign_out = QPushButton(self.tr("Sign out"), box)
        self.sign_out.setObjectName("Secondary")
        self.sign_out.setEnabled(user is not None)
        a11y.describe(
            self.sign_out, self.tr("Sign out"), self.tr("Sign out of this account on this computer")
        )
        self.sign_out.clicked.connect(self._sign_out)
        row.addWidget(self.account, 1)
        row.addWidget(self.sign_out)
        return box

    def _advanced_box(self, settings: QSettings, server_label: str) -> QGroupBox:
        box = QGroupBox(self.tr("Advanced"), self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        connected = QLabel(server_label, box)
        form.addRow(self.tr("Connected to"), connected)
        self.server = QLineEdit(str(settings.value(KEY_SERVER, "") or ""), box)
        self.server.setPlaceholderText(self.tr("Empty: the built-in server with the demo catalog"))
        a11y.describe(
            self.server,
            self.tr("Server on next start"),
            self.tr("The address of an LMS server to use from the next start; empty for the built-in one"),
        )
        form.addRow(self.tr("Server on next start"), self.server)
        self.cache_mb = QSpinBox(box)
        self.cache_mb.setRange(50, 20_000)
        self.cache_mb.setSingleStep(50)
        self.cache_mb.setSuffix(" MB")
        self.cache_mb.setValue(int(settings.value(KEY_CACHE_MB, DEFAULT_CACHE_MB)))  # type: ignore[call-overload]
        a11y.describe(
            self.cache_mb,
            self.tr("Cache size"),
            self.tr("The most disk space the cache uses, from the next start"),
        )
        form.addRow(self.tr("Cache size (next start)"), self.cache_mb)
        self.usage = QLabel(box)
        self.usage.setWordWrap(True)
        form.addRow(self.tr("Cache in use"), self.usage)
        tools = QHBoxLayout()
        self.clear = QPushButton(self.tr("Clear cache"), box)
        self.clear.setObjectName("Secondary")
        a11y.describe(self.clear, self.tr("Clear cache"), self.tr("Delete saved pages; downloads stay"))
        self.clear.clicked.connect(self._clear)
        self.open_log = QPushButton(self.tr("Open log folder"), box)
        self.open_log.setObjectName("Secondary")
        a11y.describe(self.open_log, self.tr("Open log folder"), self.tr("Show the application's log files"))
        self.open_log.clicked.connect(self.openLogRequested)
        tools.addWidget(self.clear)
        tools.addWidget(self.open_log)
        tools.addStretch(1)
        form.addRow(tools)
        return box

    # ---- actions ---------------------------------------------------------------------------------

    def _show_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setText(
            self.tr("Hide advanced settings") if shown else self.tr("Show advanced settings")
        )
        self._fit()

    def _fit(self) -> None:
        """As large as the sections want, within the screen (the rest scrolls)."""
        self._body.adjustSize()
        want = self._body.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width = want.width() + self._scroller.verticalScrollBar().sizeHint().width() + 24
        height = want.height() + 90
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        self.resize(max(width, 480), height)

    def _show_usage(self) -> None:
        stats = self._client.cache_stats()
        total = stats.hits + stats.misses
        text = self.tr("{0} MB on disk, {1} items in memory").format(
            number_text(stats.disk_bytes / 2**20), stats.memory_items
        )
        if total:
            text += "\n" + self.tr("{0}% of reads answered from the cache").format(
                f"{stats.hit_rate * 100:.0f}"
            )
        if stats.disk_warning:
            text += f"\n{stats.disk_warning}"
        self.usage.setText(text)

    def _clear(self) -> None:
        self._client.clear_cache()
        self._show_usage()

    def _sign_out(self) -> None:
        self.signOutRequested.emit()
        self.account.setText(self.tr("Signing out…"))
        self.sign_out.setEnabled(False)

    def accept(self) -> None:
        self._settings.setValue(KEY_SERVER, self.server.text().strip())
        self._settings.setValue(KEY_CACHE_MB, self.cache_mb.value())
        self._settings.setValue(KEY_LANGUAGE, str(self.language.currentData()))
        mode = str(self.theme.currentData())
        if mode != str(self._settings.value(KEY_THEME, "system")):
            self._settings.setValue(KEY_THEME, mode)
            self.themeChanged.emit(mode)
        scale = self.text_size.value() / 100
        if abs(scale - theme.text_scale()) > 0.001:
            self.textScaleChanged.emit(scale)
        super().accept()
