"""A video section played in the app (QtMultimedia: QMediaPlayer + QVideoWidget, FFmpeg backend).

Source: the downloaded file when there is one (plays offline), else the server's asset URL, which the
player streams with its own HTTP Range requests. Resumes where the learner stopped (`resume_at`), reports
the position while playing and when leaving (`positionToSave`, saved through the outbox like time spent),
and says `watched` once ~90% has been seen. Captions (WebVTT/SRT) are drawn over the picture.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.client.captions import CueTrack, parse_captions
from lms_desktop.contract import Caption, Section
from lms_desktop.ui.sections.video_controls import VideoControls
from lms_desktop.ui.tasks import TaskRunner

WATCHED_FRACTION = 0.9
SAVE_EVERY_MS = 10_000
SEEK_STEP_MS = 5_000
RESUME_BEFORE_FRACTION = 0.95  # a video stopped at its very end starts again from the beginning


class VideoView(QWidget):
    watched = Signal()
    positionToSave = Signal(int, bool)  # seconds, closing

    def __init__(self, client: LmsClient, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.video.setAccessibleName(self.tr("Video"))
        self.video.setMinimumHeight(180)
        self.video.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.video.setStyleSheet("background: black;")  # letterboxing, and the picture before the first frame
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.player.setVideoOutput(self.video)
        self.caption = QLabel(self.video)
        self.caption.setObjectName("Caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(
            "QLabel#Caption { background: rgba(0,0,0,170); color: white; padding: 4px 10px;"
            " border-radius: 4px; font-size: 15px; }"
        )
        self.caption.hide()
        self.controls = VideoControls(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.controls)
        layout.addWidget(self.status)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.video.installEventFilter(self)
        self._track: CueTrack | None = None
        self._captions: list[Caption] = []
        self._resume_ms = 0
        self._saved_at_ms = 0
        self._told_watched = False
        self._engaged = False  # the learner has played this video since it was shown: its position counts
        self.section: Section | None = None
        self._wire()

    def _wire(self) -> None:
        c = self.controls
        c.play.clicked.connect(self.toggle)
        c.seek.sliderMoved.connect(self.player.setPosition)
        c.seek.valueChanged.connect(lambda v: None if c.seek.isSliderDown() else self.player.setPosition(v))
        c.speed.currentIndexChanged.connect(
            lambda _i: self.player.setPlaybackRate(float(c.speed.currentData()))
        )
        c.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.audio.setVolume(c.volume.value() / 100)
        c.captions.currentIndexChanged.connect(self._choose_captions)
        c.full.clicked.connect(self.toggle_full_screen)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(lambda d: c.set_times(self.player.position(), d))
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.mediaStatusChanged.connect(self._on_media_status)
        self.player.errorOccurred.connect(self._on_error)

    # ---- loading -------------------------------------------------------------------------------

    def show_section(self, section: Section, resume_seconds: int | None) -> None:
        self.stop(save=False)
        self.section = section
        self._told_watched = False
        self._engaged = False
        self._resume_ms = (resume_seconds or 0) * 1000
        self._saved_at_ms = self._resume_ms
        self.status.clear()
        local = self._client.files.local_asset(section.file.sha256) if section.file else None
        if local is not None:
            source = QUrl.fromLocalFile(str(local))
        elif section.file is not None:
            source = QUrl(self._client.files.absolute_url(section.file.url))
        else:
            source = QUrl(section.url or "")
        self.source = source
        if self.player.source() != source:
            self.player.setSource(source)
        elif self.player.mediaStatus() in (
            QMediaPlayer.MediaStatus.LoadedMedia,
            QMediaPlayer.MediaStatus.EndOfMedia,
            QMediaPlayer.MediaStatus.BufferedMedia,
        ):
            self._resume()  # the same video again (its resume point arrived with the outline)
        self._set_caption_choices(section.captions)

    def _set_caption_choices(self, captions: list[Caption]) -> None:
        self._captions = list(captions)
        self._track = None
        self.caption.hide()
        box = self.controls.captions
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Captions off"), None)
        for cap in captions:
            box.addItem(cap.label or cap.language, cap.language)
        box.setVisible(bool(captions))
        box.blockSignals(False)
        if captions:
            box.setCurrentIndex(1)  # the package's first track: on by default, off is one choice away
            self._choose_captions(1)

    def _choose_captions(self, index: int) -> None:
        self._track = None
        self.caption.hide()
        if index <= 0 or index > len(self._captions):
            return
        cap = self._captions[index - 1]

        async def load() -> CueTrack:
            data = await self._client.files.asset_bytes(cap.url)
            return CueTrack(await self._runner.in_thread(parse_captions, data))

        self._runner.run(
            load(), owner=self, key="captions", done=self._set_track, error=self._captions_failed
        )

    def _set_track(self, track: CueTrack) -> None:
        self._track = track
        self._show_caption(self.player.position())

    def _captions_failed(self, _exc: BaseException) -> None:
        self.status.setText(self.tr("Captions are not available right now."))

    def caption_language(self) -> str | None:
        data = self.controls.captions.currentData()
        return None if data is None else str(data)

    # ---- playback ------------------------------------------------------------------------------

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def stop(self, *, save: bool = True, closing: bool = False) -> None:
        """Leaving the section (or closing): the position is saved, the player let go."""
        if save and self._engaged and self.section is not None and self.player.duration() > 0:
            self.positionToSave.emit(self.player.position() // 1000, closing)
        self.player.stop()
        if self.isFullScreen() or self.video.isFullScreen():
            self.toggle_full_screen()

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia:
            self._resume()

    def _resume(self) -> None:
        duration = self.player.duration()
        if self._resume_ms and (duration <= 0 or self._resume_ms < duration * RESUME_BEFORE_FRACTION):
            if self.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState:
                self.player.pause()  # a stopped player forgets a seek; paused, it shows the frame there
            self.player.setPosition(self._resume_ms)
            self.controls.set_times(self._resume_ms, duration)

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self._engaged = self._engaged or playing
        self.controls.play.setText(self.tr("Pause") if playing else self.tr("Play"))
        if state == QMediaPlayer.PlaybackState.PausedState and self._engaged and self.section is not None:
            self._save_now()

    def _on_position(self, position: int) -> None:
        duration = self.player.duration()
        self.controls.set_times(position, duration)
        self._show_caption(position)
        if duration > 0 and not self._told_watched and position >= WATCHED_FRACTION * duration:
            self._told_watched = True
            self.watched.emit()
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        if playing and abs(position - self._saved_at_ms) >= SAVE_EVERY_MS:
            self._save_now()

    def _save_now(self) -> None:
        self._saved_at_ms = self.player.position()
        self.positionToSave.emit(self._saved_at_ms // 1000, False)

    def _show_caption(self, position: int) -> None:
        text = self._track.text_at(position) if self._track is not None else ""
        self.caption.setText(text)
        self.caption.setVisible(bool(text))
        if text:
            self._place_caption()

    def _place_caption(self) -> None:
        area = self.video.rect()
        width = min(area.width() - 24, max(self.caption.sizeHint().width(), 120))
        self.caption.setFixedWidth(max(width, 60))
        height = self.caption.heightForWidth(self.caption.width())
        self.caption.setGeometry(
            (area.width() - self.caption.width()) // 2,
            area.height() - height - 16,
            self.caption.width(),
            height,
        )
        self.caption.raise_()

    def caption_text(self) -> str:
        return self.caption.text() if self.caption.isVisible() else ""

    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        offline = not self._client.online and not self.source.isLocalFile()
        if offline:
            self.status.setText(
                self.tr("This video needs a connection, or download the course with its videos.")
            )
        else:
            self.status.setText(self.tr("The video can’t be played: %1").replace("%1", message))

    # ---- keyboard and full screen --------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.video.isFullScreen():
            self.video.setFullScreen(False)
            self.setFocus()
        else:
            self.video.setFullScreen(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.video and event.type() == QEvent.Type.KeyPress and self.handle_key(event)  # type: ignore[arg-type]
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Alt+arrows belong to the reader (previous/next section)
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = SEEK_STEP_MS if key == Qt.Key.Key_Right else -SEEK_STEP_MS
            self.player.setPosition(max(0, self.player.position() + step))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 5 if key == Qt.Key.Key_Up else -5
            self.controls.volume.setValue(self.controls.volume.value() + step)
        elif key == Qt.Key.Key_F or (key == Qt.Key.Key_Escape and self.video.isFullScreen()):
            self.toggle_full_screen()
        else:
            return False
        return True

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.caption.isVisible():
            self._place_caption()
