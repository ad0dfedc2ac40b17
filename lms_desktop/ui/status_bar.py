"""The status bar: online/offline, changes waiting to sync, cache hit rate, who is signed in.

Online state arrives from the client's callback; the cache figures are polled every couple of seconds (a
cheap in-memory read), never per request.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.ui import theme

POLL_MS = 2000


class AppStatusBar(QStatusBar):
    #: emitted on the UI thread for every online/offline change reported by the client
    onlineChanged = Signal(bool)

    def __init__(self, client: LmsClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._client = client
        self.connection = QLabel(self)
        self.pending = QLabel(self)
        self.cache = QLabel(self)
        self.account = QLabel(self)
        self.addWidget(self.connection)
        self.addWidget(self.pending)
        self.addPermanentWidget(self.cache)
        self.addPermanentWidget(self.account)
        self._online = client.online
        self._in_flight = 0
        self._queued = 0
        self.onlineChanged.connect(self._show_online)
        unsubscribe = client.on_online_changed(self.onlineChanged.emit)
        self.destroyed.connect(lambda *_: unsubscribe())
        theme.changed_signal().connect(self._refresh_online)  # type: ignore[attr-defined]
        self._show_online(self._online)
        self._show_changes()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh_cache)
        self._timer.start()
        self.refresh_cache()

    @property
    def online(self) -> bool:
        return self._online

    @property
    def requests_in_flight(self) -> int:
        return self._in_flight

    @property
    def queued_changes(self) -> int:
        return self._queued

    def set_requests_in_flight(self, count: int) -> None:
        """The learner's writes sent and not yet answered."""
        self._in_flight = count
        self._show_changes()

    def set_queued_changes(self, count: int) -> None:
        """Changes kept in the offline outbox: not saved until a sync sends them."""
        self._queued = count
        self._show_changes()

    def _show_changes(self) -> None:
        count = self._in_flight + self._queued
        self.pending.setText(
            "All changes saved" if count == 0 else f"{count} change{'s' * (count != 1)} to sync"
        )

    def set_account(self, name: str | None) -> None:
        self.account.setText(f"Signed in as {name}" if name else "Not signed in")

    def refresh_cache(self) -> None:
        stats = self._client.cache_stats()
        total = stats.hits + stats.misses
        rate = f"{stats.hit_rate * 100:.0f}%" if total else "–"
        self.cache.setText(f"Cache hit rate {rate}")
        self.cache.setToolTip(
            f"{stats.hits_memory} memory hits, {stats.hits_disk} disk hits, {stats.misses} misses, "
            f"{stats.not_modified} revalidated (304); {stats.disk_bytes / 2**20:.1f} MB on disk"
            + (f"\n{stats.disk_warning}" if stats.disk_warning else "")
        )

    def _show_online(self, online: bool) -> None:
        self._online = online
        t = theme.current()
        color = t.success if online else t.warning
        text = "Online" if online else "Offline — showing saved data"
        self.connection.setText(f"<span style='color:{color.name()}'>●</span> {text}")

    def _refresh_online(self) -> None:
        self._show_online(self._online)
