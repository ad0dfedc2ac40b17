"""The sidebar: the app's name, one entry per main screen, and Settings at the bottom.

Entries are plain push buttons, not checkable ones: a screen reader would announce a checkable button as a
check box. The entry of the screen on show carries the `current` property (styled by the theme) and says
"current page" in its accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from lms_desktop import APP_NAME
from lms_desktop.ui import theme

MIN_WIDTH = 168


class Sidebar(QWidget):
    #: the page an entry stands for was chosen
    chosen = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import Qt

        self.setObjectName("Sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(theme.SPACE_S, theme.SPACE_L, theme.SPACE_S, theme.SPACE_L)
        self._layout.setSpacing(2)
        title = QLabel(APP_NAME, self)
        title.setObjectName("AppTitle")
        title.setWordWrap(True)
        self._layout.addWidget(title)
        self._entries: dict[QPushButton, QWidget] = {}
        self._layout.addStretch(1)
        self.account = QLabel(self)
        self.account.setObjectName("Muted")
        self.account.setWordWrap(True)
        self.account.setContentsMargins(12, 0, 12, 4)
        self._layout.addWidget(self.account)
        self.settings_button = QPushButton(self.tr("Settings"), self)
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.setAccessibleDescription(
            self.tr("Theme, text size, language, account, cache and server")
        )
        self._layout.addWidget(self.settings_button)

    def set_account(self, name: str | None) -> None:
        self.account.setText(self.tr("Signed in as {0}").format(name) if name else self.tr("Not signed in"))

    def add_entry(self, text: str, page: QWidget, description: str) -> QPushButton:
        """An entry for `page`, below the ones already there."""
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setProperty("description", description)
        button.setAccessibleDescription(description)
        button.clicked.connect(lambda: self.chosen.emit(page))
        self._layout.insertWidget(1 + len(self._entries), button)
        self._entries[button] = page
        return button

    def entries(self) -> list[QPushButton]:
        return list(self._entries)

    def set_current(self, page: QWidget | None) -> None:
        """Mark the entry of `page` (none, for pages reached from another, like a course)."""
        current = QCoreApplication.translate("Sidebar", "current page")
        for button, entry_page in self._entries.items():
            is_current = entry_page is page
            if bool(button.property("current")) != is_current:
                button.setProperty("current", is_current)
                style = button.style()
                style.unpolish(button)
                style.polish(button)
            description = str(button.property("description") or "")
            button.setAccessibleDescription(f"{description} ({current})" if is_current else description)

    def set_entries_enabled(self, enabled: bool) -> None:
        for button in self._entries:
            button.setEnabled(enabled)
