"""The video player's control bar: play/pause, seek, time, speed, volume, captions and full screen.

Only widgets here; `VideoView` connects them to the player.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from lms_desktop.ui import theme
from lms_desktop.ui.flow_layout import FlowLayout

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
REFIT = frozenset(
    {QEvent.Type.LayoutRequest, QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange}
)


def clock(ms: int) -> str:
    seconds = max(ms, 0) // 1000
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class VideoControls(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.play = QPushButton(self.tr("Play"), self)
        self.play.setAccessibleName(self.tr("Play or pause (Space)"))
        self.seek = QSlider(Qt.Orientation.Horizontal, self)
        self.seek.setAccessibleName(self.tr("Position (Left and Right arrows)"))
        self.seek.setRange(0, 0)
        self.time = QLabel(clock(0), self)
        self.time.setAccessibleName(self.tr("Time"))
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Playback speed"))
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setAccessibleName(self.tr("Volume (Up and Down arrows)"))
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFixedWidth(90)
        self.captions = QComboBox(self)
        self.captions.setAccessibleName(self.tr("Captions"))
        self.captions.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.full = QPushButton(self.tr("Full screen"), self)
        self.full.setAccessibleName(self.tr("Full screen (F)"))
        for w in (self.play, self.speed, self.captions, self.full):
            w.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # the seek bar on a line of its own, the time and buttons below wrapping when the window is narrow
        # or the text large: nothing is squeezed below its size or cut
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_XS)
        column.addWidget(self.seek)
        buttons = FlowLayout(spacing=theme.SPACE_S)
        for control in (self.play, self.time, self.speed, self.volume, self.captions, self.full):
            buttons.addWidget(control)
        column.addLayout(buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in REFIT:  # a control changed size, or changed it while hidden: rows wrap anew
            self._fit()
        return handled

    def _fit(self) -> None:
        """Keep the minimum height at what the wrapped rows need at this width: a scroll area and the
        player's layout ask only for a minimum size, not a height for a width. Set during the player's own
        layout pass, a new minimum can be lost to that pass: the player is told again once it is over."""
        layout = self.layout()
        need = layout.heightForWidth(self.width()) if layout is not None else -1
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)
            QTimer.singleShot(0, self, self.updateGeometry)

    def set_times(self, position: int, duration: int) -> None:
        self.time.setText(f"{clock(position)} / {clock(duration)}")
        width = self.time.fontMetrics().horizontalAdvance(self.time.text())
        if width > self.time.minimumWidth():  # never narrower while playing: the row does not jitter
            self.time.setMinimumWidth(width)
        if not self.seek.isSliderDown():
            self.seek.blockSignals(True)
            self.seek.setRange(0, max(duration, 0))
            self.seek.setValue(position)
            self.seek.blockSignals(False)
