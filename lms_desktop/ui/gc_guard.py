"""Run Python's cyclic garbage collector on the UI thread only.

Automatic collection runs in whichever thread happens to allocate when a threshold is crossed; in this app
that can be the embedded server's thread or a decode worker. If such a collection frees a QObject that sits
in a reference cycle (a widget with a lambda slot referring back to it), Qt deletes it from the wrong thread:
its timers stay registered and the next timer event crashes the process (seen here: a segfault in
QTimerInfoList::activateTimers). PyQt/PySide applications avoid it the same way: switch automatic collection
off and collect from a timer on the UI thread, with the thresholds the interpreter would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] <= self._threshold[0]:
            return
        generation = 0
        if counts[1] > self._threshold[1]:
            generation = 1
            if counts[2] > self._threshold[2]:
                generation = 2
        gc.collect(generation)

    def stop(self) -> None:
        """Collect once more here, then give collection back to the interpreter."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
