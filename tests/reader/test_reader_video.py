"""The video section through the real window on a small generated clip: it plays (QtMultimedia, FFmpeg
backend, streamed from the server), captions show and switch language, the position is saved for the
learner and a restarted app resumes there, and watching ~90% completes the section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from lms_desktop.ui.sections.video_view import VideoView
from tests.reader.conftest import AppOpener, ReaderServer
from tests.reader.window import UrlCatcher, all_sections, saved_position, shoot_reader, showing
from tests.ui.conftest import Run

PLAYING = QMediaPlayer.PlaybackState.PlayingState
PAUSED = QMediaPlayer.PlaybackState.PausedState


def _video(window: object) -> VideoView:
    view = window.reader.stage.video  # type: ignore[attr-defined]
    assert isinstance(view, VideoView)
    return view


# No sound device and no GPU here: Qt says so (the picture still plays, decoded and converted on the CPU).
@pytest.mark.qt_log_ignore("PulseAudioService", "Couldn't (load|resolve) va", "No RHI backend")
def test_video_plays_with_captions_and_resumes_after_a_restart(
    served: ReaderServer, learner: str, open_app: AppOpener, url_catcher: UrlCatcher, qtbot: QtBot, run: Run
) -> None:
    app = open_app(learner, enroll=served.course.id)
    client, window = app.client, app.window
    clip = next(s for s in all_sections(run, client, served.course.id) if s.type == "video" and s.file)
    served.server.reset_log()
    window.open_section(clip.id, clip.course_id)
    qtbot.waitUntil(showing(window, clip.id), timeout=20_000)
    video = _video(window)
    assert video.source.scheme() == "http"  # streamed from the server (FFmpeg asks with Range)
    video.controls.play.click()
    qtbot.waitUntil(lambda: video.player.playbackState() == PLAYING, timeout=20_000)
    qtbot.waitUntil(lambda: video.player.position() > 200, timeout=20_000)
    assert any(r.path == clip.file.url for r in served.server.request_log)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: video.caption_text() == "Hello from the captions", timeout=20_000)
    video.controls.captions.setCurrentIndex(2)  # Français
    qtbot.waitUntil(lambda: video.caption_text() == "Bonjour des sous-titres", timeout=20_000)
    video.player.pause()
    shoot_reader(qtbot, window, "video")
    # keyboard: Space plays, Right seeks 5 s forward, Left back; Space pauses, which saves the position
    video.setFocus()
    qtbot.keyClick(video, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: video.player.playbackState() == PLAYING, timeout=20_000)
    video.player.setPosition(0)
    qtbot.keyClick(video, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: video.player.position() >= 5_000, timeout=20_000)
    video.player.pause()  # (the clip may have reached its end meanwhile: paused either way)
    qtbot.waitUntil(lambda: video.player.playbackState() == PAUSED, timeout=20_000)
    video.player.setPosition(3_000)
    qtbot.waitUntil(lambda: 3_000 <= video.player.position() < 3_500, timeout=20_000)
    qtbot.keyClick(video, Qt.Key.Key_Space)  # playing from 3 s, and at once
    qtbot.keyClick(video, Qt.Key.Key_Space)  # paused again: the position (3 s) is saved
    assert video.player.playbackState() != PLAYING
    qtbot.waitUntil(lambda: saved_position(run, client, clip.course_id, clip.id) == 3, timeout=20_000)

    app.close(run)

    # the app again, as after a restart: the video resumes where the learner stopped
    window = open_app(learner).window
    window.open_section(clip.id, clip.course_id)
    qtbot.waitUntil(showing(window, clip.id), timeout=20_000)
    video = _video(window)
    qtbot.waitUntil(lambda: video.player.position() >= 2_900, timeout=20_000)
    # watching to ~90% completes the section
    assert window.reader.complete_button.text() == "Mark complete"
    video.player.setPosition(5_500)
    video.player.play()
    qtbot.waitUntil(lambda: window.reader.is_completed(), timeout=20_000)
    qtbot.waitUntil(lambda: window.reader.complete_button.text() == "Completed  ✓", timeout=20_000)
