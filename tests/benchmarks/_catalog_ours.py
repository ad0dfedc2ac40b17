"""Our catalog (CatalogModel + CatalogView + card delegate) measured like `_catalog_baselines.py`.

One fresh process per size (`python _catalog_ours.py --n N`, JSON on stdout). Pages come from an in-memory
page source (built on demand, like a memory-cache hit), so the figure is the view's own cost. Time runs from
creating the model to the end of the first real course card the event loop paints by itself (the delegate's
paint is wrapped to note it; skeleton cards do not count). A forced grab() is not used for this: during a
Batched layout it draws nothing. Then a scroll from top to bottom in at most FRAMES steps, each step painted
(grab) once its rows are loaded.
`data()` calls are counted by a subclass that only increments a counter.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _catalog_baselines import FRAMES, VIEW_H, VIEW_W, rss_bytes, synthetic_courses

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def measure(n: int, mode: str, scroll_budget_s: float = 15.0) -> dict[str, Any]:
    import qasync
    from PySide6.QtWidgets import QApplication

    from lms_desktop.contract import CoursePage, CourseSummary
    from lms_desktop.ui.catalog.delegate import CourseCardDelegate
    from lms_desktop.ui.catalog.model import PAGE_SIZE, CatalogModel
    from lms_desktop.ui.catalog.view import CatalogView
    from lms_desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # closing the warm-up view must not stop the loop
    try:
        from lms_desktop.ui import theme

        theme.apply_theme(app, "light")
    except Exception:  # the theme is cosmetic; measure without it if its API moved
        pass
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    texts = synthetic_courses(n)

    class Fetched:
        value: CoursePage
        stale: bool
        updated: asyncio.Future[Any] | None

        def __init__(self, value: CoursePage) -> None:
            self.value = value
            self.stale = False
            self.updated = None

    async def fetch(_query: object, page: int) -> Fetched:
        start = (page - 1) * PAGE_SIZE
        items = [
            CourseSummary(
                id=i + 1,
                title=texts[i][0],
                description=texts[i][1],
                difficulty=("beginner", "intermediate", "advanced")[i % 3],
                estimated_hours=1.0 + i % 40,
                image_url=None,
                enrollment_count=i % 5000,
                rating_avg=3.5 + (i % 15) / 10,
                rating_count=i % 300,
                created_at=NOW,
            )
            for i in range(start, min(n, start + PAGE_SIZE))
        ]
        return Fetched(CoursePage(items=items, total=n, page=page, limit=PAGE_SIZE))

    calls = [0]
    painted_real: list[int] = []
    counting_cards = [False]
    original_paint = CourseCardDelegate.paint

    def paint(self: CourseCardDelegate, painter: Any, option: Any, index: Any) -> None:
        original_paint(self, painter, option, index)
        if counting_cards[0] and not painted_real:
            model = index.model()
            if isinstance(model, CatalogModel) and model.course_at(index.row()) is not None:
                painted_real.append(time.perf_counter_ns())  # end of the first real card painted

    CourseCardDelegate.paint = paint  # type: ignore[method-assign]

    class CountingModel(CatalogModel):
        def data(self, index: Any, role: int = 0) -> Any:
            calls[0] += 1
            return super().data(index, role)

    async def run() -> dict[str, Any]:
        # warm Qt's font/style caches and the delegate's code paths with a tiny catalog first
        warm_runner = TaskRunner()
        warm_model = CatalogModel(warm_runner, fetch)
        warm_view = CatalogView(warm_model, None)
        warm_view.resize(400, 300)
        warm_view.show()
        warm_model.set_query("warm")
        while warm_model.status != "ready":  # noqa: ASYNC110 - polls state Qt callbacks change
            await asyncio.sleep(0.001)
        warm_view.viewport().grab()
        warm_view.close()
        await asyncio.sleep(0.02)

        rss0 = rss_bytes()
        t0 = time.perf_counter_ns()
        runner = TaskRunner()
        model = CountingModel(runner, fetch)
        view = CatalogView(model, None)
        view.resize(VIEW_W, VIEW_H)
        view.set_mode(mode)  # type: ignore[arg-type]
        view.show()
        model.set_query("measured")
        while model.status != "ready":  # noqa: ASYNC110 - polls state Qt callbacks change
            await asyncio.sleep(0)
        # The first paint with real cards, as the event loop paints it by itself (a forced grab() during a
        # Batched layout draws nothing and would distort the figure): the delegate reports each real card.
        painted_real.clear()
        counting_cards[0] = True
        calls[0] = 0
        deadline = time.monotonic() + 30
        while not painted_real and time.monotonic() < deadline:  # noqa: ASYNC110 - set by paint()
            await asyncio.sleep(0.0005)
        counting_cards[0] = False
        t_painted = painted_real[0] if painted_real else time.perf_counter_ns()
        first_calls = calls[0]
        rss1 = rss_bytes()

        # let a Batched layout finish before scrolling (the figure above is what the learner waits for)
        bar = view.verticalScrollBar()
        last_max, still_since = bar.maximum(), time.monotonic()
        while time.monotonic() - still_since < 0.6:  # IconMode grows the range in two steps ~0.2 s apart
            await asyncio.sleep(0.005)
            if bar.maximum() != last_max:
                last_max, still_since = bar.maximum(), time.monotonic()
        steps = max(1, min(FRAMES, (bar.maximum() + bar.pageStep() - 1) // max(1, bar.pageStep())))
        full_max = bar.maximum()
        frame_ns: list[int] = []
        frame_calls: list[int] = []
        kept = 0
        t_scroll0 = time.perf_counter_ns()
        scroll_cap = t_scroll0 + int(scroll_budget_s * 1e9)
        for i in range(1, steps + 1):
            t = time.perf_counter_ns()
            target = full_max * i // steps
            bar.setValue(target)
            first, last = view.visible_rows()
            deadline = time.monotonic() + 2.0
            while (
                model.course_at(first) is None or model.course_at(last) is None
            ) and time.monotonic() < deadline:
                await asyncio.sleep(0)
                first, last = view.visible_rows()
            calls[0] = 0
            view.viewport().grab()
            frame_calls.append(calls[0])
            frame_ns.append(time.perf_counter_ns() - t)
            kept += bar.value() == target
            if time.perf_counter_ns() > scroll_cap:
                break
        t_scroll = time.perf_counter_ns() - t_scroll0
        last_visible = view.visible_rows()[1]
        rss2 = rss_bytes()
        result = {
            "kind": f"ours ({mode})",
            "n": n,
            "first_paint_ms": (t_painted - t0) / 1e6,
            "first_paint_data_calls": first_calls,
            "scroll_frames": len(frame_ns),
            "scroll_frames_planned": steps,
            "scroll_ms": t_scroll / 1e6,
            "scroll_position_kept": kept,
            "frame_ms_median": sorted(frame_ns)[len(frame_ns) // 2] / 1e6,
            "data_calls_per_frame": sorted(frame_calls)[len(frame_calls) // 2],
            "reached_bottom": last_visible == n - 1,
            "pages_loaded": len(model.loaded_pages()),
            "rss_delta_bytes": rss1 - rss0,
            "rss_per_row_bytes": (rss1 - rss0) / n,
            "rss_after_scroll_bytes": rss2 - rss0,
        }
        view.close()
        await runner.shutdown()
        await warm_runner.shutdown()
        return result

    with loop:
        return loop.run_until_complete(run())


def measure_in_subprocess(
    n: int, mode: str = "list", timeout_s: float = 120, scroll_budget_s: float = 15.0
) -> dict[str, Any]:
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    cmd = [
        sys.executable,
        str(Path(__file__)),
        "--n",
        str(n),
        "--mode",
        mode,
        "--scroll-budget",
        str(scroll_budget_s),
    ]
    out = subprocess.run(cmd, capture_output=True, check=True, timeout=timeout_s, env=env)
    result: dict[str, Any] = json.loads(out.stdout.decode().strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--mode", default="list", choices=["list", "grid"])
    parser.add_argument("--scroll-budget", type=float, default=15.0, help="stop scrolling after this long")
    args = parser.parse_args()
    print(json.dumps(measure(args.n, args.mode, args.scroll_budget)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
