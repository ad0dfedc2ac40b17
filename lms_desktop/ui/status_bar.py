"""The status bar: what a learner needs to know at a glance -- online or offline, whether their changes are
saved (the offline layer adds the sync state). Who is signed in shows in the sidebar; cache figures live in
Settings > Advanced.

Online state arrives from the client's callback (never polled).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.ui import theme
from lms_desktop.ui.i18n import plural


class AppStatusBar(QStatusBar):
    #: emitted on the UI thread for every online/offline change reported by the client
    onlineChanged = Signal(bool)

    def __init__(self, client: LmsClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._client = client
        self.connection = QLabel(self)
        self.pending = QLabel(self)
        self.addWidget(self.connection)
        self.addWidget(self.pending)
        self._online = client.online
        self._pending = 0
        self.onlineChanged.connect(self._show_online)
        unsubscribe = client.on_online_changed(self.onlineChanged.emit)
        self.destroyed.connect(lambda *_: unsubscribe())
        theme.changed_signal().connect(self._refresh_online)  # type: ignore[attr-defined]
        self._show_online(self._online)
        self.set_pending_changes(0)

    @property
    def online(self) -> bool:
        return self._online

    @property
    def pending_changes(self) -> int:
        return self._pending

    def set_pending_changes(self, count: int) -> None:
        """Changes waiting for the server, the offline outbox's included."""
        self._pending = count
        self.pending.setText(
            self.tr("All changes saved")
            if count == 0
            else plural(self.tr("%n change(s) to sync", "", count), count)
        )

    def _show_online(self, online: bool) -> None:
        self._online = online
        t = theme.current()
        color = t.success if online else t.warning
        text = self.tr("Online") if online else self.tr("Offline — showing saved data")
        self.connection.setText(f"<span style='color:{color.name()}'>●</span> {text}")
        self.connection.setAccessibleName(text)

    def _refresh_online(self) -> None:
        self._show_online(self._online)
