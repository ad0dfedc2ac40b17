"""The web part of link, discussion, external and YouTube/Vimeo sections: the address, a note that it needs
a network, and a button that opens it in the system browser."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from lms_desktop.contract import Section
from lms_desktop.ui.widgets import RowLabel

PLATFORMS = {"youtube": "YouTube", "vimeo": "Vimeo", "edx": "edX", "canvas": "Canvas", "moodle": "Moodle"}


def platform_name(section: Section) -> str:
    """The platform the section lives on, for "Open on <platform>": the package's name for it, else the
    address's host."""
    if section.provider:
        return PLATFORMS.get(section.provider.lower(), section.provider)
    host = urlsplit(section.url or "").hostname or ""
    return host.removeprefix("www.")


def safe_web_url(url: str | None) -> QUrl | None:
    """Only http(s) addresses are opened: a package may carry anything."""
    if not url:
        return None
    q = QUrl(url)
    return q if q.isValid() and q.scheme() in ("http", "https") else None


class WebAction(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        # RowLabels: their wrapped height holds when the reader's content scrolls as a whole
        self.address = RowLabel(self)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = RowLabel(self)
        self.note.setObjectName("Muted")
        row = QHBoxLayout()
        self.button = QPushButton(self)
        self.button.setObjectName("Primary")
        self.button.clicked.connect(self.open)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addWidget(self.address)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.url: QUrl | None = None

    def show_section(self, section: Section) -> None:
        self.url = safe_web_url(section.url)
        platform = platform_name(section)
        if section.type == "link":
            label = self.tr("Open in browser")
        else:
            label = self.tr("Open on %1").replace("%1", platform) if platform else self.tr("Open in browser")
        self.button.setText(label)
        self.button.setAccessibleName(label)
        self.button.setVisible(self.url is not None)
        self.address.setText(self.url.toString() if self.url else "")
        self.address.setVisible(self.url is not None)
        if self.url is None:
            self.note.setText(
                self.tr("This activity takes place on its home platform; no address was given.")
            )
        else:
            self.note.setText(self.tr("Opens in your web browser and needs a network connection."))

    def open(self) -> None:
        if self.url is not None:
            QDesktopServices.openUrl(self.url)
