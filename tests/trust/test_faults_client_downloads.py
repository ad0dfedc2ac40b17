"""A course downloaded for offline use survives anything done to the evictable HTTP cache: its cache file
damaged, the cache directory deleted, or a file put where it was. Downloads live in their own store in the
data directory, so after any of these the course is still complete and reads fully with the server gone.
The server is the real `lms-server`; "gone" is a closed loopback port.
"""

from __future__ import annotations

import shutil
import socket
import uuid
from pathlib import Path

import httpx
import pytest

from lms_desktop.client.auth.token_store import MemoryTokenStore
from lms_desktop.client.config import ClientConfig
from lms_desktop.client.offline.layer import offline_client
from tests.trust import learners as lrn
from tests.trust.serverproc import ServerProcess

SERVER_ID = "trust-downloads"  # one cache partition whatever port the client is pointed at


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def damage(cache_dir: Path, how: str) -> None:
    if how == "cache file overwritten":
        db = cache_dir / "evictable" / "cache.db"
        with db.open("r+b") as fh:  # the SQLite header and first pages: "file is not a database"
            fh.write(b"\xde\xad" * 4096)
    elif how == "cache directory deleted":
        shutil.rmtree(cache_dir)
    else:
        shutil.rmtree(cache_dir)
        cache_dir.write_text("a file where the cache directory was")


def course_with_sections(server: ServerProcess) -> int:
    with httpx.Client(timeout=30) as http:
        for item in http.get(f"{server.api}/courses", params={"limit": 20}).json()["items"]:
            content = http.get(f"{server.api}/courses/{item['id']}/content").json()
            if sum(len(lesson["sections"]) for lesson in content["lessons"]) >= 3 and item["image_url"]:
                return int(item["id"])
    raise AssertionError("no course with three sections and a cover in the seeded catalog")


@pytest.mark.parametrize(
    "how", ["cache file overwritten", "cache directory deleted", "cache directory is a file"]
)
async def test_a_complete_download_survives_anything_done_to_the_cache(
    sqlite_server: ServerProcess, tmp_path: Path, how: str
) -> None:
    (learner,) = lrn.create_learners(sqlite_server.database_url, f"dl{uuid.uuid4().hex[:6]}_", 1)
    tokens = MemoryTokenStore()
    cache_dir, offline_dir = tmp_path / "cache", tmp_path / "offline"
    online = ClientConfig(
        base_url=sqlite_server.base_url, cache_dir=cache_dir, token_store=tokens, server_id=SERVER_ID
    )
    cid = course_with_sections(sqlite_server)
    async with offline_client(online, offline_dir=offline_dir) as client:
        await client.sign_in(learner.username, learner.password)
        downloaded = await client.offline.downloads.download(cid)
        assert downloaded.complete
        detail = (await client.course(cid)).value
        sections = [s.id for lesson in (await client.content(cid)).value.lessons for s in lesson.sections]
        cover = await client.image(str(detail.image_url), 320)

    damage(cache_dir, how)

    gone = ClientConfig(
        base_url=f"http://127.0.0.1:{closed_port()}",
        cache_dir=cache_dir,
        token_store=tokens,
        server_id=SERVER_ID,
        probe_initial_s=5.0,
    )
    async with offline_client(gone, offline_dir=offline_dir) as client:
        assert await client.restore_session() is not None and not client.online
        assert client.cache_stats().disk_warning or how == "cache directory deleted"
        record = client.offline.downloads.get(cid)
        assert record is not None and record.complete, "still complete: nothing of it was in the cache"
        assert record.items == downloaded.items and record.size_bytes == downloaded.size_bytes
        meta = await client.course(cid)
        assert meta.value.title == detail.title and meta.stale
        outline = (await client.content(cid)).value
        assert [s.id for lesson in outline.lessons for s in lesson.sections] == sections
        for sid in sections:
            assert (await client.section(sid)).value.body_markdown
        assert await client.image(str(detail.image_url), 320) == cover
        assert client.cache_stats().pinned_bytes >= record.size_bytes
