"""One start of the desktop app, timed from inside (started by bench_startup.py; JSON on the last line).

Builds what the launcher builds for `lms-desktop --server URL` (application, theme, qasync loop, LmsClient
with a disk cache and a file token store, MainWindow) and reports CLOCK_MONOTONIC timestamps, which are
system-wide on Linux, so the parent can measure from the moment it spawned this process. "Painted" = the
event loop painted the first real course card (the delegate's paint is wrapped to note it).
Modes: cold (empty cache, sign in over the network), warm (cache and stored session from an earlier start,
server unreachable), qt-floor (an empty PySide6 window: the floor of any Qt app's start).
"""

from __future__ import annotations

import time

T_BEGIN = time.monotonic()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def qt_floor() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QListWidget

    t_imported = time.monotonic()
    app = QApplication(["lms-desktop"])
    w = QListWidget()
    w.addItem("hello")
    w.resize(1180, 780)
    w.show()
    app.processEvents()
    w.viewport().grab()
    return {"begin": T_BEGIN, "imported": t_imported, "painted": time.monotonic(), "status": "ready"}


def app_start(base_url: str, data_dir: Path, mode: str, timeout_s: float) -> dict[str, Any]:
    import qasync
    from PySide6.QtCore import QSettings

    from lms_desktop.client import ClientConfig, FileTokenStore, LmsClient
    from lms_desktop.ui.app import create_application
    from lms_desktop.ui.catalog.delegate import CourseCardDelegate
    from lms_desktop.ui.catalog.model import CatalogModel
    from lms_desktop.ui.main_window import MainWindow
    from lms_desktop.ui.tasks import TaskRunner

    t_imported = time.monotonic()
    painted_real: list[float] = []
    original_paint = CourseCardDelegate.paint

    def paint(self: CourseCardDelegate, painter: Any, option: Any, index: Any) -> None:
        original_paint(self, painter, option, index)
        if not painted_real:
            model = index.model()
            if isinstance(model, CatalogModel) and model.course_at(index.row()) is not None:
                painted_real.append(time.monotonic())  # the first real course card, painted by the loop

    CourseCardDelegate.paint = paint  # type: ignore[method-assign]
    app = create_application(["lms-desktop"])
    app.setQuitOnLastWindowClosed(False)
    try:
        from lms_desktop.ui import theme

        theme.apply_theme(app, "light")
    except Exception:
        pass
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    out: dict[str, Any] = {"begin": T_BEGIN, "imported": t_imported}

    async def run() -> None:
        client = LmsClient(
            ClientConfig(
                base_url=base_url,
                cache_dir=data_dir / "cache",
                server_id="bench-startup",
                token_store=FileTokenStore(data_dir / "tokens.json"),
            )
        )
        runner = TaskRunner()
        try:
            if mode == "cold":
                await client.sign_in("demo", "demo")
            else:
                user = await client.restore_session()
                out["restored_user"] = user is not None
            out["session"] = time.monotonic()
            settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(client, runner, settings, server_label=base_url)
            window.start()
            window.show()
            out["shown"] = time.monotonic()
            deadline = time.monotonic() + timeout_s
            while not painted_real and time.monotonic() < deadline:
                if window.model.status in ("empty", "error"):
                    break
                await asyncio.sleep(0.0005)
            out["painted"] = painted_real[0] if painted_real else time.monotonic()
            out["status"] = window.model.status
            out["stale"] = window.model.stale
            out["total"] = window.model.total
            out["online"] = client.online
            stats = client.cache_stats()
            out["cache"] = {"memory": stats.hits_memory, "disk": stats.hits_disk, "misses": stats.misses}
            window.save_state()
            window.close()
        finally:
            await runner.shutdown()
            await client.aclose()

    with loop:
        loop.run_until_complete(run())
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["cold", "warm", "qt-floor"], required=True)
    parser.add_argument("--base-url", default="")
    parser.add_argument("--data-dir", type=Path, default=Path())
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    if args.mode == "qt-floor":
        out = qt_floor()
    else:
        out = app_start(args.base_url, args.data_dir, args.mode, args.timeout)
    print(json.dumps(out))
    sys.stdout.flush()
    os._exit(0)  # the measured part is over; skip interpreter teardown


if __name__ == "__main__":
    main()
