"""The offline layer is plugged into LmsClient, not derived from it: the app's client is a plain LmsClient
whose writer and read layer the offline layer supplies, and every request, a replay included, leaves
through the client's one sender. Checked on the code and through the public interface against the real
server, stopped and restarted."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from lms_desktop.client import ClientConfig, MemoryTokenStore
from lms_desktop.client import offline as offline_pkg
from lms_desktop.client.api import LmsClient
from lms_desktop.client.layers import PlainReads
from lms_desktop.client.offline.layer import OfflineLayer, offline_client
from lms_desktop.client.offline.outbox_writer import OutboxWriter
from lms_desktop.client.offline.pending_reads import PendingReads
from lms_desktop.client.writes import DirectWrites
from lms_desktop.contract import CourseContent, CourseDetail, ProgressUpdate
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import new_learner
from tests.fixtures.waiting import until
from tests.offline.stack import course_with_sections, get_json, section_list

PASSWORD = "correct horse"


def test_no_class_of_the_offline_layer_derives_from_the_client() -> None:
    modules = [
        importlib.import_module(f"{offline_pkg.__name__}.{m.name}")
        for m in pkgutil.iter_modules(offline_pkg.__path__)
    ]
    classes = [
        cls
        for module in modules
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__
    ]
    assert OfflineLayer in classes and len(classes) > 10  # the walk did find the package's classes
    derived = [cls.__qualname__ for cls in classes if issubclass(cls, LmsClient)]
    assert derived == []
    assert not issubclass(OfflineLayer, LmsClient)


def _config(server: EmbeddedServer, tmp: Path) -> ClientConfig:
    return ClientConfig(
        base_url=server.base_url,
        cache_dir=tmp / "cache",
        token_store=MemoryTokenStore(),
        probe_initial_s=0.1,
        probe_max_s=0.5,
        timeout_s=5.0,
    )


async def test_a_client_without_the_layer_sends_each_write_now(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    async with LmsClient(_config(server, tmp_path)) as client:
        assert client.offline is None
        assert isinstance(client.writes, DirectWrites) and isinstance(client.reads, PlainReads)
        assert not client.keep_progress(1, 1, ProgressUpdate(time_spent_seconds=5))


async def test_the_plugged_layer_answers_offline_and_replays_through_the_one_sender(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    _, username, token = new_learner(server, PASSWORD)
    client = offline_client(_config(server, tmp_path), offline_dir=tmp_path / "offline")
    try:
        assert type(client) is LmsClient and client.offline is not None
        assert isinstance(client.writes, OutboxWriter) and isinstance(client.reads, PendingReads)
        await client.sign_in(username, PASSWORD)
        detail, content = course_with_sections(server.base_url, token)
        cid, sid = detail.id, section_list(content)[0]
        await client.enroll(cid)
        await client.offline.downloads.download(cid)

        server.stop()
        sent_before = client.sender.transport.attempts
        await client.put_progress(sid, ProgressUpdate(time_spent_seconds=33))  # kept: the server is gone
        assert not client.online and client.offline.offline_status().pending == 1
        # the downloaded copy answers through the public reads, with the kept change laid over
        seen = (await client.content(cid)).value
        assert (
            next(s for lesson in seen.lessons for s in lesson.sections if s.id == sid).time_spent_seconds
            == 33
        )
        assert (await client.course(cid)).value.enrollment_status == "active"
        assert (await client.section(sid)).value.id == sid

        server.start()
        server.reset_log()
        await until(lambda: client.online and client.offline.offline_status().pending == 0, within_s=15)
        await client.settle()
        assert server.count("/progress", "PUT") == 1  # the replay went out once...
        assert client.sender.transport.attempts > sent_before  # ...through the client's own transport
        after = get_json(server.base_url, token, f"/courses/{cid}/content", CourseContent)
        assert (
            next(s for lesson in after.lessons for s in lesson.sections if s.id == sid).time_spent_seconds
            == 33
        )
        assert get_json(server.base_url, token, f"/courses/{cid}", CourseDetail).enrollment_status == "active"
    finally:
        await client.aclose()
