"""Keyboard behaviour the widgets lack by default, installed once on the application.

Outside dialogs a focused QPushButton answers Space but not Enter; learners expect Enter to press the button
they tabbed to (as in browsers and most desktop apps), so Enter and Return press the focused button.
Dialogs keep their own rule (Enter presses the default button) unless a button has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPressesButtons(QObject):
    """Application event filter: Enter/Return on a focused, enabled button clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractButton):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _ENTER or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        if watched.hasFocus() and watched.isEnabled() and not isinstance(watched.parent(), QComboBox):
            watched.click()
            return True
        return False


_installed: EnterPressesButtons | None = None


def install(app: QApplication) -> None:
    """Install the filters once per application (safe to call again)."""
    global _installed
    if _installed is None:
        _installed = EnterPressesButtons(app)
        app.installEventFilter(_installed)
