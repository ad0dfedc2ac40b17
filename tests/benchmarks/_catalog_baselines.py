"""The catalog alternatives a developer would reach for first: QListWidget and QStandardItemModel + QListView.

Each (kind, size) runs in a fresh process (`python _catalog_baselines.py --kind K --n N`, JSON on stdout) so
RSS deltas are not blurred by memory a previous size left in the allocator. Measured the same way as our
catalog view in bench_catalog_view.py: build + fill + show + first painted viewport (offscreen,
`viewport().grab()`), then a scroll from top to bottom in at most `FRAMES` painted steps.

The views are set up as the documentation's first example does (default delegate, text items); no
uniformItemSizes, since that is what a developer gets unless they know the trap.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FRAMES = 200
VIEW_W, VIEW_H = 900, 640


def synthetic_courses(n: int) -> list[tuple[str, str]]:
    """The same (title, description) pairs for every kind; text like a catalog card's."""
    words = ["python", "data", "design", "cloud", "security", "leadership", "writing", "statistics"]
    words += ["music", "biology", "finance", "web"]
    out = []
    for i in range(n):
        a, b = words[i % len(words)], words[(i * 7 + 3) % len(words)]
        title = f"{a.title()} and {b} for practitioners, part {i % 9 + 1}"
        desc = f"A hands-on course on {a} with {b}: projects, quizzes and a final exercise. Course #{i}."
        out.append((title, desc))
    return out


def rss_bytes() -> int:
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def measure(kind: str, n: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QListView, QListWidget, QListWidgetItem

    app = QApplication.instance() or QApplication([])
    data = synthetic_courses(n)
    # warm Qt's font and style caches with a tiny view, so the first measured paint is not a cold start
    warm = QListWidget()
    warm.addItem("warm up")
    warm.resize(200, 100)
    warm.show()
    app.processEvents()
    warm.viewport().grab()
    warm.close()
    app.processEvents()

    rss0 = rss_bytes()
    t0 = time.perf_counter_ns()
    view: QListView
    if kind == "qlistwidget":
        widget = QListWidget()
        for title, desc in data:
            item = QListWidgetItem(f"{title}\n{desc}")
            item.setToolTip(desc)
            widget.addItem(item)
        view = widget
    elif kind == "qstandarditemmodel":
        model = QStandardItemModel()
        root = model.invisibleRootItem()
        rows: list[QStandardItem] = []
        for title, desc in data:
            row = QStandardItem(f"{title}\n{desc}")
            row.setToolTip(desc)
            row.setEditable(False)
            rows.append(row)
        root.appendRows(rows)
        view = QListView()
        view.setModel(model)
    else:
        raise SystemExit(f"unknown kind {kind}")
    t_filled = time.perf_counter_ns()
    view.resize(VIEW_W, VIEW_H)
    view.show()
    app.processEvents()
    view.viewport().grab()
    t_painted = time.perf_counter_ns()
    rss1 = rss_bytes()

    bar = view.verticalScrollBar()
    steps = max(1, min(FRAMES, (bar.maximum() + bar.pageStep() - 1) // max(1, bar.pageStep())))
    frame_ns = []
    t_scroll0 = time.perf_counter_ns()
    for i in range(1, steps + 1):
        t = time.perf_counter_ns()
        bar.setValue(bar.maximum() * i // steps)
        view.viewport().grab()
        frame_ns.append(time.perf_counter_ns() - t)
    t_scroll = time.perf_counter_ns() - t_scroll0
    at_bottom = bar.value() == bar.maximum()
    data_calls: int | None = None
    if kind == "qstandarditemmodel":  # untimed: the same view over a model that counts data() calls
        calls = [0]

        class Counting(QStandardItemModel):
            def data(self, index: Any, role: int = 0) -> Any:
                calls[0] += 1
                return super().data(index, role)

        counting = Counting()
        counting.invisibleRootItem().appendRows([QStandardItem(f"{t}\n{d}") for t, d in data[:2000]])
        probe = QListView()
        probe.setModel(counting)
        probe.resize(VIEW_W, VIEW_H)
        probe.show()
        app.processEvents()
        probe.viewport().grab()
        calls[0] = 0
        probe.viewport().grab()
        data_calls = calls[0]
        probe.close()
    return {
        "kind": kind,
        "n": n,
        "fill_ms": (t_filled - t0) / 1e6,
        "first_paint_ms": (t_painted - t0) / 1e6,
        "scroll_frames": steps,
        "scroll_ms": t_scroll / 1e6,
        "frame_ms_median": sorted(frame_ns)[len(frame_ns) // 2] / 1e6 if frame_ns else None,
        "reached_bottom": at_bottom,
        "rss_delta_bytes": rss1 - rss0,
        "rss_per_row_bytes": (rss1 - rss0) / n,
        # QListWidget's model is internal (C++): nothing to count from Python
        "data_calls_per_frame": data_calls,
    }


def measure_in_subprocess(kind: str, n: int, timeout_s: float = 120) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    cmd = [sys.executable, str(Path(__file__)), "--kind", kind, "--n", str(n)]
    out = subprocess.run(cmd, capture_output=True, check=True, timeout=timeout_s, env=env)
    result: dict[str, Any] = json.loads(out.stdout.decode().strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", required=True, choices=["qlistwidget", "qstandarditemmodel"])
    parser.add_argument("--n", type=int, required=True)
    args = parser.parse_args()
    print(json.dumps(measure(args.kind, args.n)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
