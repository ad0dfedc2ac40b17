"""Accessibility helpers: names and descriptions for assistive technology, and spoken announcements.

A screen reader reads a control's accessible name ("Search courses") and description ("Type to search the
catalog; results follow as you pause"); a state change that happens away from the focus (the app went
offline, a sync finished, a write was refused) is announced with `QAccessibleAnnouncementEvent`, so it is
heard without moving the focus. The last announcements are kept for tests.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

#: the most recent announcements (text), newest last
history: deque[str] = deque(maxlen=50)


def describe(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Set `widget`'s accessible name and description; returns the widget for chaining."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Have screen readers speak `text` now (politely: after what they are saying, unless `assertive`)."""
    if not text:
        return
    history.append(text)
    if not QAccessible.isActive():
        return  # no assistive technology listening: nothing to send
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
