"""Short non-modal messages ("toasts") at the bottom of the window: failures that need no decision.

A dialog would stop the learner for something they cannot act on (a rolled-back enroll); a toast says it and
goes away. Messages queue, each shows for a few seconds, and the latest text is kept for tests.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget

SHOW_MS = 4500


class Toaster(QLabel):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("Toast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setMaximumWidth(520)
        effect = QGraphicsOpacityEffect(self)
        effect.setOpacity(0.94)
        self.setGraphicsEffect(effect)
        self._queue: list[str] = []
        self.history: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)
        host.installEventFilter(self)
        self.hide()

    @property
    def current(self) -> str:
        return self.text() if self.isVisible() else ""

    def show_message(self, text: str) -> None:
        self.history.append(text)
        if self.isVisible():
            if text not in self._queue and text != self.text():
                self._queue.append(text)
            return
        self._display(text)

    def _display(self, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start(SHOW_MS)

    def _next(self) -> None:
        if self._queue:
            self._display(self._queue.pop(0))
        else:
            self.hide()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        self.adjustSize()
        x = (host.width() - self.width()) // 2
        y = host.height() - self.height() - 48
        self.move(max(8, x), max(8, y))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
