"""TaskRunner guarantees: results on the UI thread, latest wins per key, owners take their work with them."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from lms_desktop.ui.tasks import TaskRunner


async def answer(value: str, release: asyncio.Event | None = None) -> str:
    """`value`, once the test sets `release` (at once without one): the test decides who finishes first."""
    if release is not None:
        await release.wait()
    return value


def drain(qtbot: QtBot, runner: TaskRunner) -> None:
    """Wait until every delivery already queued has run: a task started now delivers after all of them."""
    marker = QObject()
    seen: list[str] = []
    runner.run(answer("drained"), owner=marker, key="drain", done=seen.append)
    qtbot.waitUntil(lambda: seen == ["drained"] and runner.active_count() == 0, timeout=2_000)


def test_latest_wins_per_key_even_if_the_older_finishes_later(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    got: list[str] = []
    old_done = asyncio.Event()
    older = runner.run(answer("old", old_done), owner=owner, key="search", done=got.append)
    runner.run(answer("new"), owner=owner, key="search", done=got.append)
    qtbot.waitUntil(lambda: got == ["new"], timeout=2_000)
    old_done.set()  # the older one would answer now, after the newer
    qtbot.waitUntil(older.done, timeout=2_000)
    assert older.cancelled()  # so it can never deliver later
    drain(qtbot, runner)
    assert got == ["new"]


def test_a_task_superseded_before_it_ran_never_delivers(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    got: list[str] = []

    async def instant() -> str:
        return "first"

    runner.run(instant(), owner=owner, key="k", done=got.append)
    runner.run(answer("second"), owner=owner, key="k", done=got.append)  # before the loop ran the first
    qtbot.waitUntil(lambda: bool(got), timeout=2_000)
    drain(qtbot, runner)
    assert got == ["second"]


def test_destroying_the_owner_cancels_its_work(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    other = QObject()
    got: list[str] = []
    late = asyncio.Event()
    doomed = runner.run(answer("late", late), owner=owner, done=got.append)
    kept = runner.run(answer("kept", late), owner=other, done=got.append)
    owner.deleteLater()
    qtbot.waitUntil(doomed.done, timeout=2_000)
    late.set()  # both could answer now; only the owner still alive gets its result
    qtbot.waitUntil(kept.done, timeout=2_000)
    drain(qtbot, runner)
    assert doomed.cancelled()
    assert got == ["kept"]


def test_results_and_errors_arrive_on_the_ui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    threads: list[str] = []
    failures: list[BaseException] = []

    def cpu() -> int:
        threads.append(threading.current_thread().name)  # the decode pool
        return 42

    async def work() -> int:
        return await runner.in_thread(cpu)

    async def boom() -> None:
        raise ValueError("nope")

    runner.run(work(), owner=owner, done=lambda _v: threads.append(threading.current_thread().name))
    runner.run(boom(), owner=owner, error=failures.append)
    qtbot.waitUntil(lambda: len(threads) == 2 and bool(failures), timeout=2_000)
    assert threads[0].startswith("lms-decode")
    assert threads[1] == threading.main_thread().name
    assert isinstance(failures[0], ValueError)
