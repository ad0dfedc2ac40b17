"""Search box, filters and sort: turns typing into one query per pause, not one per key.

Typing restarts a 300 ms single-shot timer; only when it fires is a query emitted, so a phrase typed at
normal speed sends one request. Filters and sort apply at once (a click is a deliberate act). The same query
twice in a row is not emitted again. Esc clears the box; Ctrl+F (set up by the window) focuses it.

In a narrow window (or with large text) the filters move to a second row below the search box, so nothing
is squeezed or cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from lms_desktop.client import CourseQuery
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.flow_layout import FlowLayout
from lms_desktop.ui.i18n import plural

DEBOUNCE_MS = 300

DIFFICULTIES: list[tuple[object, str | None]] = [
    (QT_TRANSLATE_NOOP("SearchBar", "Any level"), None),
    (QT_TRANSLATE_NOOP("SearchBar", "Beginner"), "beginner"),
    (QT_TRANSLATE_NOOP("SearchBar", "Intermediate"), "intermediate"),
    (QT_TRANSLATE_NOOP("SearchBar", "Advanced"), "advanced"),
]
MAX_HOURS: list[tuple[object, float | None]] = [
    (QT_TRANSLATE_NOOP("SearchBar", "Any length"), None),
    (QT_TRANSLATE_NOOP("SearchBar", "Up to 2 hours"), 2.0),
    (QT_TRANSLATE_NOOP("SearchBar", "Up to 5 hours"), 5.0),
    (QT_TRANSLATE_NOOP("SearchBar", "Up to 10 hours"), 10.0),
    (QT_TRANSLATE_NOOP("SearchBar", "Up to 20 hours"), 20.0),
]
SORTS: list[tuple[object, str]] = [
    (QT_TRANSLATE_NOOP("SearchBar", "Best match"), "relevance"),
    (QT_TRANSLATE_NOOP("SearchBar", "Most popular"), "popular"),
    (QT_TRANSLATE_NOOP("SearchBar", "Newest"), "newest"),
    (QT_TRANSLATE_NOOP("SearchBar", "Top rated"), "rating"),
]


class CountLabel(QLabel):
    """The result count. Its plain text is what screen readers say, unless `show_count` gives a spoken form
    ("At least 1,000 courses" for "1,000+ courses") and the reason it is not exact (tooltip, description)."""

    def show_count(self, text: str, spoken: str, why: list[str]) -> None:
        self.setText(text)
        self.setAccessibleName(spoken if spoken != text else "")
        self.setAccessibleDescription(" ".join(why))
        self.setToolTip("\n".join(why))

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName("")
        self.setAccessibleDescription("")
        self.setToolTip("")

    def clear(self) -> None:
        self.setText("")


class SearchBar(QWidget):
    queryChanged = Signal(object)  # CourseQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Search courses"))
        self.edit.setToolTip(self.tr("Search courses (Ctrl+F)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(160)
        self.edit.installEventFilter(self)
        a11y.describe(
            self.edit,
            self.tr("Search courses"),
            self.tr("Type words from a course's title or description; results follow when you pause"),
        )
        self.difficulty = self._combo(DIFFICULTIES)
        self.max_hours = self._combo(MAX_HOURS)
        self.sort = self._combo(SORTS)
        a11y.describe(self.difficulty, self.tr("Level"), self.tr("Show only courses of this level"))
        a11y.describe(self.max_hours, self.tr("Length"), self.tr("Show only courses up to this length"))
        a11y.describe(self.sort, self.tr("Sort by"), self.tr("The order of the courses"))
        self.count = CountLabel(self)
        self.count.setObjectName("Muted")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.SPACE_S)
        self._top = QHBoxLayout()
        self._top.setSpacing(theme.SPACE_S)
        self._top.addWidget(self.edit, 1)
        self._top.addWidget(self.count)
        self._filters = FlowLayout(spacing=theme.SPACE_S)
        outer.addLayout(self._top)
        outer.addLayout(self._filters)
        self._outer = outer
        self._narrow: bool | None = None
        self._arrange(narrow=False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.edit.textChanged.connect(self._on_text)
        for combo in (self.difficulty, self.max_hours, self.sort):
            combo.currentIndexChanged.connect(self._emit_now)
        self._last: CourseQuery | None = None

    def _combo(self, items: Sequence[tuple[object, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, value in items:
            combo.addItem(self.tr(str(label)), value)
        return combo

    def set_margins(self, left: int, top: int, right: int, bottom: int) -> None:
        self._outer.setContentsMargins(left, top, right, bottom)

    def _wide_width(self) -> int:
        """The width one row needs: a usable search box, the three filters and the count."""
        combos = sum(c.sizeHint().width() for c in (self.difficulty, self.max_hours, self.sort))
        margins = self._outer.contentsMargins()
        spacing = self._top.spacing() * 4
        return 280 + combos + self.count.sizeHint().width() + spacing + margins.left() + margins.right()

    def _arrange(self, *, narrow: bool) -> None:
        """Wide: one row. Narrow: the filters wrap below the search box (as many per line as fit)."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        combos = (self.difficulty, self.max_hours, self.sort)
        for combo in combos:
            self._top.removeWidget(combo)
            index = self._filters.indexOf(combo)
            if index >= 0:
                self._filters.takeAt(index)
        for position, combo in enumerate(combos):
            if narrow:
                self._filters.addWidget(combo)
            else:
                self._top.insertWidget(1 + position, combo)
        self._filters.invalidate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(narrow=event.size().width() < self._wide_width())

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

    def set_result_count(self, total: int | None, *, saved: bool = False, estimate: bool = False) -> None:
        """`saved`: the answer came from the cache while the server was unreachable. `estimate`: `total` is
        a lower bound (the server counts a search's matches only up to a limit), shown as "1,000+ courses"."""
        if total is None:
            self.count.setText(self.tr("Searching…"))
            return
        number = QLocale().toString(total)
        if estimate:
            count = plural(self.tr("%n+ course(s)", "", total), total)
            spoken = plural(self.tr("At least %n course(s)", "", total), total)
        else:
            count = spoken = plural(self.tr("%n course(s)", "", total), total)
        count, spoken = count.replace(str(total), number), spoken.replace(str(total), number)
        why = [self.tr("The search counts its matches only up to a limit")] if estimate else []
        if saved:
            count, spoken = self.tr("{0}, saved").format(count), self.tr("{0}, saved").format(spoken)
            why.append(self.tr("Offline: showing the results saved on this computer"))
        self.count.show_count(count, spoken, why)

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
