"""Offline through the real window: "Make available offline" (with videos) keeps pages, images, the file,
captions and the video, sizes per kind on Downloads; with the server stopped the page shows its image, the
file opens, the video plays from the download with captions, and the search box searches downloaded courses
(a word from the downloaded page is found and opens highlighted; a word of a never-downloaded course is not).
Removing the download removes its search entries. Section files resume with Range and are hash-checked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from lms_desktop.client.assets import AssetCorrupt, AssetFiles
from lms_desktop.contract import Asset
from lms_desktop.ui.catalog.model import RecordRole
from lms_desktop.ui.offline_button import OfflineButton
from lms_desktop.ui.offline_videos import VideoChoice
from lms_desktop.ui.sections.video_view import VideoView
from tests.reader.conftest import ReaderApp, ReaderServer
from tests.reader.fixture_course import OTHER_WORD, PAGE_WORD
from tests.reader.window import SHOTS, UrlCatcher, all_sections, make_client, sections_by_type, showing
from tests.ui.conftest import Run


@pytest.mark.qt_log_ignore("PulseAudioService", "Couldn't (load|resolve) va", "No RHI backend")
def test_downloaded_course_reads_plays_and_searches_offline(
    served: ReaderServer, reader_app: ReaderApp, url_catcher: UrlCatcher, qtbot: QtBot, run: Run
) -> None:
    client, window, downloads, catcher = (
        reader_app.client,
        reader_app.window,
        reader_app.downloads,
        url_catcher,
    )
    SHOTS.mkdir(exist_ok=True)
    cid = served.course.id
    by_type = sections_by_type(all_sections(run, client, cid))
    window.open_course(cid)
    qtbot.waitUntil(lambda: window.course.detail is not None, timeout=10_000)
    # videos are opt-in, with their size shown before anything is downloaded
    choice = window.course.findChildren(VideoChoice)[0]
    qtbot.waitUntil(choice.isVisible, timeout=10_000)
    clip_file = next(s.file for s in by_type["video"] if s.file is not None)
    assert choice.video_bytes == clip_file.size and choice.text().startswith("Include videos (")
    choice.setChecked(True)
    button = window.course.findChildren(OfflineButton)[0]
    assert window.grab().save(str(SHOTS / "course-include-videos.png"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: downloads.state_of(cid) == "complete", timeout=30_000)
    qtbot.waitUntil(lambda: button.text() == "Available offline", timeout=10_000)
    assert cid in window.dashboard.offline_ids
    window.show_dashboard()
    qtbot.waitUntil(
        lambda: any(r.item.course_id == cid for r in window.dashboard.row_widgets), timeout=10_000
    )
    row_d = next(r for r in window.dashboard.row_widgets if r.item.course_id == cid)
    assert row_d.offline_badge.isVisible()  # My learning says "Available offline"
    assert window.grab().save(str(SHOTS / "my-learning-available-offline.png"))
    window.show_catalog()  # the catalog card says it too
    window.catalog.search.edit.setText("Every Section Type")
    qtbot.waitUntil(lambda: window.model.row_of(cid) is not None, timeout=10_000)
    record = window.model.data(window.model.index(window.model.row_of(cid) or 0), RecordRole)
    assert record.offline
    assert window.grab().save(str(SHOTS / "catalog-available-offline.png"))
    window.catalog.search.edit.clear()
    sizes = client.offline.downloads.sizes_by_kind(cid)
    assert all(sizes[k] > 0 for k in ("pages", "images", "files", "captions", "videos")), sizes
    assert client.offline.downloads.includes_videos(cid)
    downloads.reload()
    window.stack.setCurrentWidget(downloads)
    qtbot.waitUntil(lambda: bool(downloads.course_rows_widgets()), timeout=10_000)
    row = downloads.course_rows_widgets()[0]
    assert "Videos" in row.kinds.text() and "Captions" in row.kinds.text()
    assert window.grab().save(str(SHOTS / "downloads-sizes-per-kind.png"))

    served.server.stop()
    assert not run(client.check_online())
    page = by_type["page"][0]
    window.open_section(page.id, cid)
    qtbot.waitUntil(showing(window, page.id), timeout=10_000)
    image_url = page.assets[0].url
    qtbot.waitUntil(lambda: image_url in window.reader.body.loaded_images(), timeout=10_000)

    file_section = by_type["file"][0]
    window.open_section(file_section.id, cid)
    qtbot.waitUntil(showing(window, file_section.id), timeout=10_000)
    window.reader.stage.file_card.open_button.click()
    qtbot.waitUntil(lambda: bool(catcher.urls), timeout=10_000)
    opened = Path(catcher.urls[-1].toLocalFile())
    assert file_section.file is not None
    assert hashlib.sha256(opened.read_bytes()).hexdigest() == file_section.file.sha256

    clip = next(s for s in by_type["video"] if s.file is not None)
    window.open_section(clip.id, cid)
    qtbot.waitUntil(showing(window, clip.id), timeout=10_000)
    video = window.reader.stage.video
    assert isinstance(video, VideoView) and video.source.isLocalFile()
    video.controls.play.click()
    qtbot.waitUntil(
        lambda: video.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=15_000
    )
    qtbot.waitUntil(lambda: video.caption_text() == "Hello from the captions", timeout=10_000)
    video.player.pause()
    assert window.grab().save(str(SHOTS / "reader-video-offline.png"))

    _search_offline(qtbot, window, page.id)
    client.offline.downloads.remove(cid)
    assert client.offline.search_index.search(client.partition, PAGE_WORD) == []


def _search_offline(qtbot: QtBot, window: object, page_id: int) -> None:
    w = window  # MainWindow
    w.show_catalog()  # type: ignore[attr-defined]
    search = w.catalog.search  # type: ignore[attr-defined]
    panel = w.offline_results  # type: ignore[attr-defined]
    search.focus_search()
    qtbot.keyClicks(search.edit, PAGE_WORD[:7])  # typed, the last word half done
    qtbot.waitUntil(lambda: panel.isVisible() and panel.model.rowCount() > 0, timeout=10_000)
    assert panel.banner.text() == "Searching your downloaded courses"
    assert w.catalog.view.isHidden()  # type: ignore[attr-defined]
    assert window.grab().save(str(SHOTS / "offline-search.png"))  # type: ignore[attr-defined]
    panel.list.activated.emit(panel.model.index(0, 0))
    qtbot.waitUntil(showing(w, page_id), timeout=10_000)  # type: ignore[arg-type]
    assert w.reader.body.extraSelections()  # type: ignore[attr-defined]  # the words are highlighted
    w.show_catalog()  # type: ignore[attr-defined]
    search.edit.clear()
    qtbot.keyClicks(search.edit, OTHER_WORD)
    qtbot.waitUntil(lambda: panel.query == OTHER_WORD, timeout=10_000)
    assert panel.model.rowCount() == 0 and panel.empty.isVisible()


def test_section_files_resume_with_range_and_are_hash_checked(
    served: ReaderServer, tmp_path: Path, run: Run
) -> None:
    client = make_client(served.server, tmp_path)
    try:
        clip = next(s for s in all_sections(run, client, served.course.id) if s.type == "video" and s.file)
        asset = clip.file
        assert asset is not None
        data = (served.server.settings.assets_dir / asset.sha256[:2] / asset.sha256).read_bytes()
        store = AssetFiles(tmp_path / "files", client.files.http)
        part = store.path(asset.sha256).with_suffix(".part")
        part.parent.mkdir(parents=True)
        part.write_bytes(data[: len(data) // 2])  # an interrupted download
        got: list[int] = []
        path = run(store.fetch(asset, progress=got.append))
        assert path.read_bytes() == data and sum(got) == len(data) - len(data) // 2  # only the rest came
        # a damaged partial file is caught by the hash, deleted, and the next try starts clean
        store.remove(asset.sha256)
        part.write_bytes(b"X" * (len(data) // 2))
        with pytest.raises(AssetCorrupt):
            run(store.fetch(asset))
        assert not part.exists() and not store.has(asset.sha256)
        assert run(store.fetch(asset)).read_bytes() == data
        wrong = Asset(**{**_fields(asset), "sha256": "0" * 64})
        with pytest.raises(Exception):  # noqa: B017 - 404 for an unknown hash, never a file
            run(store.fetch(wrong))
        assert not store.has("0" * 64)
    finally:
        run(client.aclose())


def _fields(asset: Asset) -> dict[str, object]:
    return {f: getattr(asset, f) for f in asset.__struct_fields__}
