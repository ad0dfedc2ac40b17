"""Catalog view: time from a new search result (model reset) to the first painted page, by size and layout.

Prints figures, asserts nothing. Pages come from an in-memory page source so the figure is the view's own
cost (the network part is measured by the client and server benchmarks). Run:

    .venv/bin/python tests/benchmarks/bench_catalog_view.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import qasync
from _catalog_compare import run_comparison
from _harness import BenchResult, bench_main, quick
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QListView

from lms_desktop.contract import CoursePage, CourseSummary
from lms_desktop.ui import theme
from lms_desktop.ui.catalog.model import PAGE_SIZE, CatalogModel
from lms_desktop.ui.catalog.view import CatalogView
from lms_desktop.ui.tasks import TaskRunner

NOW = datetime(2026, 1, 1, tzinfo=UTC)


class _Fetched:
    def __init__(self, value: CoursePage) -> None:
        self.value = value
        self.stale = False
        self.updated = None


def make_source(total: int) -> Any:
    async def fetch(_query: object, page: int) -> _Fetched:
        start = (page - 1) * PAGE_SIZE
        items = [
            CourseSummary(
                id=i + 1,
                title=f"Course number {i + 1}: practical topics",
                description="A benchmark course description long enough to wrap onto a second card line.",
                difficulty=("beginner", "intermediate", "advanced")[i % 3],
                estimated_hours=1 + i % 40,
                image_url=None,
                enrollment_count=i % 5000,
                rating_avg=3.5 + (i % 15) / 10,
                rating_count=i % 300,
                created_at=NOW,
            )
            for i in range(start, min(total, start + PAGE_SIZE))
        ]
        return _Fetched(CoursePage(items=items, total=total, page=page, limit=PAGE_SIZE))

    return fetch


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


async def measure(
    app: QApplication, total: int, mode: str, layout: QListView.LayoutMode
) -> tuple[float, float]:
    runner = TaskRunner()
    model = CatalogModel(runner, make_source(total))
    view = CatalogView(model, None)
    view.resize(1100, 800)
    view.set_mode(mode)  # type: ignore[arg-type]
    view.setLayoutMode(layout)
    view.show()
    # a first, small result so the measured search replaces an existing list, like a real second search
    model.set_query("warm-up")
    while model.status != "ready":  # noqa: ASYNC110 - polling Qt state
        await asyncio.sleep(0.001)
    await asyncio.sleep(0.05)
    watch = PaintWatch()
    reset_at: list[float] = []
    model.modelReset.connect(lambda: reset_at.append(time.perf_counter()))
    view.viewport().installEventFilter(watch)
    model.set_query("measured")
    while watch.painted_at is None or not reset_at:  # noqa: ASYNC110 - polling Qt state
        await asyncio.sleep(0)
    first_paint = (watch.painted_at - reset_at[0]) * 1000
    # layout finished: the scrollbar reaches the full content height once the last batch is laid out
    bar = view.verticalScrollBar()
    vp = view.viewport()
    if mode == "grid":
        cell = view.gridSize()
        columns = max(1, vp.width() // cell.width())
        expected = -(-total // columns) * cell.height() - vp.height()
    else:
        expected = total * view.sizeHintForRow(0) - vp.height()
    deadline = time.perf_counter() + 10
    while bar.maximum() < expected * 0.98 and time.perf_counter() < deadline:  # noqa: ASYNC110 - polling Qt state
        await asyncio.sleep(0.0005)
    layout_done = (time.perf_counter() - reset_at[0]) * 1000
    view.close()
    view.deleteLater()
    await runner.shutdown()
    return first_paint, layout_done


class QtRelayoutView(CatalogView):
    """The catalog view with QListView's own dataChanged (which relayouts), for comparison."""

    def dataChanged(self, topLeft: Any, bottomRight: Any, roles: Any = ()) -> None:
        QListView.dataChanged(self, topLeft, bottomRight, list(roles))


async def measure_fill(total: int, view_class: type[CatalogView]) -> tuple[float, int, int]:
    """A page arriving while scrolled deep: ms until the next paint, and the top row before/after."""
    runner = TaskRunner()
    model = CatalogModel(runner, make_source(total))
    view = view_class(model, None)
    view.resize(1100, 800)
    view.show()
    model.set_query("deep")
    while model.status != "ready":  # noqa: ASYNC110 - polling Qt state
        await asyncio.sleep(0.001)
    bar = view.verticalScrollBar()
    expected = total * view.sizeHintForRow(0) - view.viewport().height()
    while bar.maximum() < expected * 0.98:  # noqa: ASYNC110 - polling Qt state
        await asyncio.sleep(0.001)
    bar.setValue(bar.maximum() // 2)
    await asyncio.sleep(0.3)  # the visible page arrives and paints
    top_before = view.indexAt(view.viewport().rect().topLeft()).row()  # -1: the view lost its place
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    first = (total // 2 // PAGE_SIZE) * PAGE_SIZE
    t0 = time.perf_counter()
    model.dataChanged.emit(model.index(first), model.index(first + PAGE_SIZE - 1))
    while watch.painted_at is None:  # noqa: ASYNC110 - polling Qt state
        await asyncio.sleep(0)
    cost = (watch.painted_at - t0) * 1000
    await asyncio.sleep(0.05)
    top_after = view.indexAt(view.viewport().rect().topLeft()).row()
    view.close()
    view.deleteLater()
    await runner.shutdown()
    return cost, top_before, top_after


def measure_all(sizes: list[int]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Both figure sets for these sizes, printed as they come and returned for the JSON report."""
    layouts: list[tuple[Any, ...]] = []
    fills: list[tuple[Any, ...]] = []
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def run() -> None:
        print(
            f"{'rows':>8} {'mode':>5} {'layout':>8} {'reset->first paint ms':>22} {'reset->laid out ms':>20}"
        )
        for total in sizes:
            for mode in ("list", "grid"):
                for name, layout in (
                    ("Batched", QListView.LayoutMode.Batched),
                    ("Single", QListView.LayoutMode.SinglePass),
                ):
                    fp, done = await measure(app, total, mode, layout)
                    print(f"{total:>8} {mode:>5} {name:>8} {fp:>22.1f} {done:>22.1f}")
                    layouts.append((total, mode, name, fp, done))
        print()
        print("A page of 50 rows filled in place while scrolled to the middle (list, Batched):")
        print(f"{'rows':>8} {'view':>26} {'dataChanged->paint ms':>22} {'top row before -> after':>26}")
        for total in sizes:
            for label, cls in (
                ("CatalogView (no relayout)", CatalogView),
                ("QListView.dataChanged", QtRelayoutView),
            ):
                cost, before, after = await measure_fill(total, cls)
                print(f"{total:>8} {label:>26} {cost:>22.1f} {before:>12} -> {after:<12}")
                fills.append((total, label, cost, before, after))

    with loop:
        loop.run_until_complete(run())
    return layouts, fills


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    measure_all([int(s) for s in args.sizes.split(",")])


def bench_body(result: BenchResult) -> None:
    """For run_all.py: the figures above as tables, then our view against QListWidget and
    QStandardItemModel (first painted card, scroll, data() per frame, memory per row), each in a fresh
    process (tests/benchmarks/_catalog_compare.py)."""
    layouts, fills = measure_all([1000, 10000] if quick() else [1000, 10000, 100000])
    result.table(
        "Catalog view: model reset to the first Paint event, and to the end of the layout",
        ["rows", "mode", "layout", "reset → first Paint event", "reset → laid out"],
        [[f"{n:,}", m, lay, f"{fp:.1f} ms", f"{done:.1f} ms"] for n, m, lay, fp, done in layouts],
        note="The first Paint event after the reset: with the Batched layout at large sizes it can come "
        "before any course card is drawn. The comparison below times the first real card painted.",
    )
    result.table(
        "Catalog view: a page of 50 rows filled in place while scrolled to the middle (list, Batched)",
        ["rows", "view", "dataChanged → paint", "top row before → after"],
        [[f"{n:,}", label, f"{cost:.1f} ms", f"{b} → {a}"] for n, label, cost, b, a in fills],
        note="-1: the view lost its place.",
    )
    run_comparison(result)


if __name__ == "__main__":
    if os.environ.get("LMS_BENCH_OUT"):  # run by run_all.py: a JSON result, with the comparison
        raise SystemExit(
            bench_main("bench_catalog_view", "Catalog view vs QListWidget and QStandardItemModel", bench_body)
        )
    main()
