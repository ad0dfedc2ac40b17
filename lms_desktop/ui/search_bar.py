"""Search box, filters and sort: turns typing into one query per pause, not one per key.

Typing restarts a 300 ms single-shot timer; only when it fires is a query emitted, so a phrase typed at
normal speed sends one request. Filters and sort apply at once (a click is a deliberate act). The same query
twice in a row is not emitted again. Esc clears the box; Ctrl+F (set up by the window) focuses it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from lms_desktop.client import CourseQuery
from lms_desktop.ui import theme

DEBOUNCE_MS = 300

DIFFICULTIES: list[tuple[str, str | None]] = [
    ("Any level", None),
    ("Beginner", "beginner"),
    ("Intermediate", "intermediate"),
    ("Advanced", "advanced"),
]
MAX_HOURS: list[tuple[str, float | None]] = [
    ("Any length", None),
    ("Up to 2 hours", 2.0),
    ("Up to 5 hours", 5.0),
    ("Up to 10 hours", 10.0),
    ("Up to 20 hours", 20.0),
]
SORTS: list[tuple[str, str]] = [
    ("Best match", "relevance"),
    ("Most popular", "popular"),
    ("Newest", "newest"),
    ("Top rated", "rating"),
]


class SearchBar(QWidget):
    queryChanged = Signal(object)  # CourseQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Search courses  (Ctrl+F)")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(200)
        self.edit.installEventFilter(self)
        self.difficulty = self._combo(DIFFICULTIES)
        self.max_hours = self._combo(MAX_HOURS)
        self.sort = self._combo(SORTS)
        self.sort.setMinimumWidth(124)  # "Most popular" fits even at the narrowest window
        self.count = QLabel(self)
        self.count.setObjectName("Muted")
        self.count.setMinimumWidth(96)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.difficulty)
        layout.addWidget(self.max_hours)
        layout.addWidget(self.sort)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.edit.textChanged.connect(self._on_text)
        for combo in (self.difficulty, self.max_hours, self.sort):
            combo.currentIndexChanged.connect(self._emit_now)
        self._last: CourseQuery | None = None

    def _combo(self, items: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def query(self) -> CourseQuery:
        text = self.edit.text().strip()
        sort = self.sort.currentData()
        if not text and sort == "relevance":
            sort = "popular"  # nothing to rank by relevance: show what learners pick
        return CourseQuery(
            q=text,
            difficulty=self.difficulty.currentData(),
            max_hours=self.max_hours.currentData(),
            sort=sort,
        )

    def set_result_count(self, total: int | None, *, saved: bool = False) -> None:
        """`saved`: the answer came from the cache while the server was unreachable."""
        if total is None:
            self.count.setText("Searching…")
            self.count.setToolTip("")
        else:
            self.count.setText(f"{total:,} course{'s' * (total != 1)}" + (" · saved" if saved else ""))
            self.count.setToolTip("Offline: showing the results saved on this computer" if saved else "")

    def focus_search(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def emit_current(self) -> None:
        """Emit the current query now (first load), even if it equals the last one."""
        self._timer.stop()
        self._last = self.query()
        self.queryChanged.emit(self._last)

    def _on_text(self, _text: str) -> None:
        self._timer.start()  # restart: only a pause in typing sends the query

    def _emit_now(self, *_: object) -> None:
        self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        query = self.query()
        if query == self._last:
            return
        self._last = query
        self.queryChanged.emit(query)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key_event = event if isinstance(event, QKeyEvent) else None
            if key_event is not None and key_event.key() == Qt.Key.Key_Escape and self.edit.text():
                self.edit.clear()
                self._emit_now()
                return True
        return super().eventFilter(watched, event)
