"""Search as you type (issue 6, point 4): requests sent while typing, and last key to painted results.

The real window (MainWindow with its SearchBar, CatalogModel and CatalogView, offscreen) on the real
embedded server in this process, as `lms-desktop` runs it. A 20-character phrase is typed with real key
events at 8 keys per second; the server counts the catalog requests it receives (EmbeddedServer's request
log, not a mock). "Painted" = the event loop painted the first card of the new result. For
comparison: the requests a search box without a debounce would send (one per keystroke, i.e. per
textChanged signal).
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from _harness import BenchResult, NotMeasured, bench_main, fmt_us, quick, require

KEYS_PER_SECOND = 8
PHRASE_CHARS = 20


def phrases_from(db_url: str, n: int) -> list[str]:
    """20-character phrases made of words from real course titles (so every search finds courses)."""
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        titles = [r[0] for r in conn.execute(sa.text("SELECT title FROM courses ORDER BY id LIMIT 400"))]
    engine.dispose()
    out: list[str] = []
    for t in titles:
        words = [w.strip(",.:;()").lower() for w in t.split() if w.strip(",.:;()").isalpha()]
        text = " ".join(words)
        if len(text) >= PHRASE_CHARS + 2:
            phrase = text[:PHRASE_CHARS].rstrip()
            phrase = (
                phrase + "abcdefghij"[: PHRASE_CHARS - len(phrase)] if len(phrase) < PHRASE_CHARS else phrase
            )
            last_word = phrase.rsplit(" ", 1)[-1]
            if phrase not in out and " " in phrase and len(last_word) >= 3:  # a prefix search can match
                out.append(phrase)
        if len(out) == n:
            break
    if not out:
        raise NotMeasured("no course titles to build phrases from")
    return out


def body(result: BenchResult) -> None:
    require("lms_desktop.ui.main_window", "the desktop app's main window")
    require("lms_desktop.server.embedded", "the embedded server")
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from _datasets import copy_sqlite
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from lms_desktop.client import ClientConfig, LmsClient, MemoryTokenStore
    from lms_desktop.ui.app import create_application
    from lms_desktop.ui.catalog.delegate import CourseCardDelegate
    from lms_desktop.ui.catalog.model import CatalogModel
    from lms_desktop.ui.main_window import MainWindow
    from lms_desktop.ui.search_bar import DEBOUNCE_MS
    from lms_desktop.ui.tasks import TaskRunner
    from tests.fixtures.instrumented import InstrumentedServer

    painted_real: list[float] = []
    armed = [False]
    original_paint = CourseCardDelegate.paint

    def paint(self: CourseCardDelegate, painter: Any, option: Any, index: Any) -> None:
        original_paint(self, painter, option, index)
        if armed[0] and not painted_real:
            model = index.model()
            if isinstance(model, CatalogModel) and model.course_at(index.row()) is not None:
                painted_real.append(time.perf_counter())  # first real card of the new result

    CourseCardDelegate.paint = paint  # type: ignore[method-assign]
    work = Path(tempfile.mkdtemp(prefix="bench-typing-"))
    url, data = copy_sqlite(3_000, 200, work / "server-data")
    phrases = phrases_from(url, 3 if quick() else 5)
    app = create_application(["lms-desktop"])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    trials: list[dict[str, Any]] = []

    async def run() -> None:
        server = InstrumentedServer(url, data_dir=data)
        await asyncio.get_running_loop().run_in_executor(None, server.start)
        client = LmsClient(
            ClientConfig(base_url=server.base_url, cache_dir=work / "cache", token_store=MemoryTokenStore())
        )
        runner = TaskRunner()
        try:
            await client.sign_in("demo", "demo")
            settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(client, runner, settings, server_label="bench")
            window.start()
            window.show()
            model, edit = window.model, window.catalog.search.edit
            while model.status != "ready":  # noqa: ASYNC110 - Qt callbacks change it
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.3)
            text_changes = [0]
            edit.textChanged.connect(lambda _t: text_changes.__setitem__(0, text_changes[0] + 1))
            target = [""]

            def on_reset() -> None:  # the new result is in the model: its first painted card counts
                if getattr(model.query, "q", None) == target[0]:
                    armed[0] = True

            model.modelReset.connect(on_reset)
            for phrase in phrases:
                edit.clear()
                await asyncio.sleep(DEBOUNCE_MS / 1000 + 0.4)  # the cleared box's own query settles
                while model.status != "ready":  # noqa: ASYNC110
                    await asyncio.sleep(0.01)
                server.reset_log()
                text_changes[0] = 0
                target[0] = phrase
                armed[0] = False
                painted_real.clear()
                edit.setFocus()
                t_last = 0.0
                for ch in phrase:
                    QTest.keyClicks(edit, ch)  # one real key press + release
                    t_last = time.perf_counter()
                    await asyncio.sleep(1 / KEYS_PER_SECOND)
                # wait for the event loop to paint the first card of the final phrase's result
                deadline = time.perf_counter() + 10
                painted = None
                while time.perf_counter() < deadline:
                    if painted_real:
                        painted = painted_real[0]
                        break
                    if getattr(model.query, "q", None) == phrase and model.status == "empty":
                        painted = time.perf_counter()  # nothing to paint: the empty state shows
                        break
                    await asyncio.sleep(0.0005)
                await asyncio.sleep(0.5)  # anything late would still be counted
                sent = [r for r in server.request_log if r.path.endswith("/courses") and "q=" in r.query]
                trials.append(
                    {
                        "phrase": phrase,
                        "requests": len(sent),
                        "text_changes": text_changes[0],
                        "last_key_to_paint_ms": (painted - t_last) * 1000 if painted else float("nan"),
                        "total": model.total,
                        "status": model.status,
                    }
                )
            window.close()
        finally:
            await runner.shutdown()
            await client.aclose()
            await asyncio.get_running_loop().run_in_executor(None, server.close)

    try:
        with loop:
            loop.run_until_complete(run())
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        [
            f"“{t['phrase']}”",
            t["requests"],
            t["text_changes"],
            f"{t['last_key_to_paint_ms']:.0f} ms",
            f"{t['total']:,} ({t['status']})",
        ]
        for t in trials
    ]
    result.table(
        f"Typing {PHRASE_CHARS} characters at {KEYS_PER_SECOND} keys/s (debounce {DEBOUNCE_MS} ms)",
        [
            "phrase",
            "search requests at the server",
            "requests without a debounce (one per change)",
            "last key to painted results",
            "results",
        ],
        rows,
        note="Real MainWindow + embedded server (3,000 courses, SQLite) in one process, offscreen. The time "
        f"to painted results includes the {DEBOUNCE_MS} ms debounce the search box waits after the last key.",
    )
    med_req = statistics.median(t["requests"] for t in trials)
    lat = [t["last_key_to_paint_ms"] for t in trials]
    med_lat = statistics.median(lat)
    result.goal(
        f"typing a {PHRASE_CHARS}-character phrase at {KEYS_PER_SECOND} keys/s sends 1 request",
        f"{[t['requests'] for t in trials]} requests per phrase (median {med_req:g})",
        all(t["requests"] == 1 for t in trials),
    )
    result.goal(
        "time from the last key to painted results (no numeric goal; debounce included)",
        f"median {fmt_us(med_lat * 1000)}, of which {DEBOUNCE_MS} ms debounce",
        None,
    )


if __name__ == "__main__":
    raise SystemExit(
        bench_main("bench_search_typing", "Search as you type: requests and last key to paint", body)
    )
