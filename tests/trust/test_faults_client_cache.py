"""Client faults: a disk cache that cannot be written (read-only, full, or not a directory) must not stop
the client. Reads, writes and read-your-own-writes keep working against the real server, the memory tier
still serves repeats, and the client says so: `cache_stats().disk_warning` is set and a warning is logged.

Real faults where the machine allows them: a read-only bind mount and a tiny tmpfs filled to the last byte
need root with CAP_SYS_ADMIN (true in the CI container). Without them the read-only case uses chmod (which
binds a non-root user), and the full-disk case injects ENOSPC into diskcache's writes, the only fault here
a test cannot produce for real without privileges.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from lms_desktop.client.api import LmsClient
from lms_desktop.client.auth.token_store import MemoryTokenStore
from lms_desktop.client.config import ClientConfig, CourseQuery
from lms_desktop.client.results import CacheStats
from lms_desktop.contract import ProgressUpdate
from tests.trust import learners as lrn
from tests.trust.learners import Learner
from tests.trust.serverproc import ServerProcess


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    result = subprocess.run(["mount", *args], capture_output=True, check=False, timeout=30)
    return result.returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False, timeout=30)


@contextlib.contextmanager
def read_only_dir(path: Path) -> Iterator[str]:
    """`path` as a directory nobody (root included, when we can mount) may write to."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if _mount("--bind", "-o", "ro", str(path), str(path)):
        try:
            yield "read-only bind mount"
        finally:
            _umount(path)
        return
    if os.geteuid() == 0:
        pytest.skip("running as root without permission to mount: cannot make a directory read-only for root")
    path.chmod(0o500)
    try:
        yield "chmod 0500"
    finally:
        path.chmod(0o700)


@pytest.fixture
def learner_and_course(sqlite_server: ServerProcess) -> tuple[ServerProcess, Learner, int]:
    (learner,) = lrn.create_learners(sqlite_server.database_url, f"cc{uuid.uuid4().hex[:6]}_", 1)
    import httpx

    with httpx.Client(timeout=30) as client:
        items = client.get(f"{sqlite_server.api}/courses", params={"limit": 1}).json()["items"]
    return sqlite_server, learner, int(items[0]["id"])


async def use_the_client(server: ServerProcess, learner: Learner, course: int, cache_dir: Path) -> CacheStats:
    """What a learner does in a session; every step must give the right answer."""
    config = ClientConfig(base_url=server.base_url, cache_dir=cache_dir, token_store=MemoryTokenStore())
    async with LmsClient(config) as client:
        user = await client.sign_in(learner.username, learner.password)
        assert user.id == learner.id
        first = await client.list_courses(CourseQuery(limit=10, sort="newest"))
        again = await client.list_courses(CourseQuery(limit=10, sort="newest"))
        assert [c.id for c in again.value.items] == [c.id for c in first.value.items]
        detail = await client.course(course)
        assert detail.value.enrollment_status is None
        await client.enroll(course)
        after = await client.course(course)
        assert after.value.enrollment_status == "active", "the writer reads its own write"
        content = await client.content(course)
        section_id = content.value.lessons[0].sections[0].id
        section = await client.section(section_id)
        assert section.value.body_markdown
        await client.put_progress(section_id, ProgressUpdate(time_spent_seconds=42, op_id=uuid.uuid4().hex))
        content = await client.content(course)
        assert content.value.lessons[0].sections[0].time_spent_seconds == 42
        dashboard = await client.dashboard()
        assert [i.course_id for i in dashboard.value.items] == [course]
        await client.settle()
        return client.cache_stats()


def assert_says_so(stats: CacheStats, caplog: pytest.LogCaptureFixture) -> None:
    assert stats.disk_warning, "the client reports that its disk cache is not working"
    warnings = [
        r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("lms_desktop")
    ]
    assert warnings, "and logs a warning"
    assert stats.hits_memory >= 1, "the memory tier still answers repeats"


async def test_cache_dir_that_is_a_file(
    learner_and_course: tuple[ServerProcess, Learner, int], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server, learner, course = learner_and_course
    blocker = tmp_path / "cache"
    blocker.write_bytes(b"not a directory")
    with caplog.at_level(logging.WARNING):
        stats = await use_the_client(server, learner, course, blocker)
    assert_says_so(stats, caplog)
    assert not stats.disk_enabled
    assert blocker.read_bytes() == b"not a directory", "the client did not destroy what was in the way"


async def test_read_only_cache_dir(
    learner_and_course: tuple[ServerProcess, Learner, int], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server, learner, course = learner_and_course
    cache_dir = tmp_path / "ro-cache"
    with read_only_dir(cache_dir), caplog.at_level(logging.WARNING):
        stats = await use_the_client(server, learner, course, cache_dir)
    assert_says_so(stats, caplog)
    assert not stats.disk_enabled


@contextlib.contextmanager
def full_disk(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """`path` on a 2 MiB tmpfs; `fill()` (yielded via the returned mode) is done by the caller."""
    path.mkdir(parents=True, exist_ok=True)
    if _mount("-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(path)):
        try:
            yield "tmpfs"
        finally:
            _umount(path)
        return
    import diskcache

    real_set = diskcache.Cache.set

    def enospc(self: diskcache.Cache, key: object, value: object, *args: object, **kwargs: object) -> bool:
        if isinstance(key, str) and key.startswith("\x00"):
            return bool(real_set(self, key, value, *args, **kwargs))
        raise OSError(errno.ENOSPC, "No space left on device (injected)")

    monkeypatch.setattr(diskcache.Cache, "set", enospc)
    yield "injected ENOSPC"


def fill(path: Path) -> None:
    """Write a file until the filesystem under `path` has no byte left."""
    chunk = b"\0" * 65536
    fd = os.open(path / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                os.write(fd, chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                if len(chunk) == 1:
                    break
                chunk = chunk[: len(chunk) // 2]
    finally:
        os.close(fd)


async def test_disk_full_cache(
    learner_and_course: tuple[ServerProcess, Learner, int],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, learner, course = learner_and_course
    mount_point = tmp_path / "small"
    with full_disk(mount_point, monkeypatch) as how, caplog.at_level(logging.WARNING):
        cache_dir = mount_point / "http"
        if how == "tmpfs":
            # Let the cache create its stores first, then take every byte left: it fills up in use.
            config = ClientConfig(
                base_url=server.base_url, cache_dir=cache_dir, token_store=MemoryTokenStore()
            )
            async with LmsClient(config) as client:
                assert client.cache_stats().disk_enabled
            fill(mount_point)
        stats = await use_the_client(server, learner, course, cache_dir)
    assert_says_so(stats, caplog)
