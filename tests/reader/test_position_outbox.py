"""A video position saved with the server gone waits in the outbox, shows in the course's outline at once,
and reaches the server when it is back; the latest position on the learner's clock wins."""

from __future__ import annotations

from pathlib import Path

from lms_desktop.contract import ProgressUpdate
from tests.reader.conftest import PASSWORD, ReaderServer
from tests.reader.window import make_client, saved_position
from tests.ui.conftest import Run


def test_position_saved_offline_is_synced_later(
    served: ReaderServer, learner: str, tmp_path: Path, run: Run
) -> None:
    username = learner
    client = make_client(served.server, tmp_path)
    try:
        run(client.sign_in(username, PASSWORD))
        cid = served.course.id
        run(client.enroll(cid))
        content = run(client.content(cid)).value
        clip = next(s for lesson in content.lessons for s in lesson.sections if s.type == "video")
        run(client.section(clip.id))  # known locally: the course of a section is found offline
        run(client.put_progress(clip.id, ProgressUpdate(position_seconds=12)))
        assert saved_position(run, client, cid, clip.id) == 12

        served.server.stop()
        assert not run(client.check_online())
        run(client.put_progress(clip.id, ProgressUpdate(position_seconds=40)))
        assert client.offline.offline_status().pending == 1
        assert (
            saved_position(run, client, cid, clip.id) == 40
        )  # the outline shows it before the server has it

        served.server.start()
        assert run(client.check_online())
        run(client.offline.sync())
        assert client.offline.offline_status().pending == 0
        fresh = make_client(served.server, tmp_path / "other-computer")
        try:
            run(fresh.sign_in(username, PASSWORD))
            assert saved_position(run, fresh, cid, clip.id) == 40
        finally:
            run(fresh.aclose())
    finally:
        if not served.server.running:
            served.server.start()
        run(client.aclose())
