"""Start-up (issue 6, point 5): time to the first painted catalog page, cold and warm-offline.

Each start is a fresh process (bench spawns `_startup_driver.py` and times from the spawn), so Python's and
Qt's own start-up are included, as a learner experiences them:
- cold: empty cache, the server reachable (a separate `lms-server serve` process), sign in, first page;
- warm, offline: the cache and stored session of an earlier start, the server stopped (unreachable);
- the floor: an empty PySide6 list window, painted (no app code at all).
Goal: under one second on this machine.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _harness import BenchResult, bench_main, fmt_us, quick, require

DRIVER = Path(__file__).with_name("_startup_driver.py")


def spawn(mode: str, base_url: str, data_dir: Path) -> dict[str, Any]:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring"
    )
    env["XDG_CONFIG_HOME"] = str(data_dir / "xdg-config")
    env["XDG_CACHE_HOME"] = str(data_dir / "xdg-cache")
    env["XDG_DATA_HOME"] = str(data_dir / "xdg-data")
    cmd = [sys.executable, str(DRIVER), "--mode", mode, "--base-url", base_url, "--data-dir", str(data_dir)]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, env=env, timeout=60, check=False)
    t_exit = time.monotonic()
    lines = proc.stdout.decode(errors="replace").strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(
            f"{mode} start failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-800:]}"
        )
    out: dict[str, Any] = json.loads(lines[-1])
    out["spawn"] = t0
    out["exit"] = t_exit
    return out


def phases(r: dict[str, Any]) -> dict[str, float]:
    """Milliseconds from spawn to each phase."""
    t0 = r["spawn"]
    return {k: (r[k] - t0) * 1000 for k in ("begin", "imported", "session", "shown", "painted") if k in r}


def body(result: BenchResult) -> None:
    require("lms_desktop.ui.main_window", "the desktop app's main window")
    require("lms_desktop.client", "the client data layer")
    require("lms_desktop.server.seed", "the server's seed")
    from _datasets import copy_sqlite
    from _servers import ServerProcess

    runs = 2 if quick() else 3
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    cold: list[dict[str, Any]] = []
    warm: list[dict[str, Any]] = []
    floor: list[dict[str, Any]] = []
    try:
        url, data = copy_sqlite(3_000, 200, work / "server-data")
        for _ in range(runs):
            floor.append(spawn("qt-floor", "", work / "floor"))
        with ServerProcess(url, home=work / "home", data_dir=data) as server:
            base = server.base_url
            spawn("cold", base, work / "warmup")  # first start of all: fills the OS file cache, not measured
            for i in range(runs):
                cold.append(spawn("cold", base, work / f"cold-{i}"))
        # the server is gone now: its port refuses connections
        for _ in range(runs):
            warm.append(spawn("warm", base, work / f"cold-{runs - 1}"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median_phase(rs: list[dict[str, Any]], key: str) -> float:
        vals = [phases(r).get(key) for r in rs]
        nums = [v for v in vals if v is not None]
        return statistics.median(nums) if nums else float("nan")

    rows = []
    for name, rs in (
        ("empty PySide6 window (floor)", floor),
        ("cold: empty cache, server up, sign in", cold),
        ("warm: disk cache, server unreachable", warm),
    ):
        last = rs[-1]
        detail = (
            f"status {last.get('status')}, total {last.get('total', '—')}, stale {last.get('stale', '—')}, "
            f"online {last.get('online', '—')}, cache {last.get('cache', '—')}"
        )
        rows.append(
            [
                name,
                fmt_us(median_phase(rs, "imported") * 1000),
                fmt_us(median_phase(rs, "session") * 1000),
                fmt_us(median_phase(rs, "shown") * 1000),
                fmt_us(median_phase(rs, "painted") * 1000),
                detail if "total" in last else "",
            ]
        )
    result.table(
        f"Start-up, median of {runs} fresh processes, from spawn",
        ["start", "imports done", "session ready", "window shown", "first page painted", "state at paint"],
        rows,
        note="A 3,000-course catalog on `lms-server serve` (SQLite), offscreen Qt. 'Painted' = the event "
        "loop painted the first real course card. Phases: imports (Python, Qt, the app), session (sign-in, "
        "or the stored session checked against the server), window shown, first page painted.",
    )
    cold_ms = median_phase(cold, "painted")
    warm_ms = median_phase(warm, "painted")
    floor_ms = median_phase(floor, "painted")
    result.goal(
        "cold start to the first painted catalog page under 1 s",
        f"{cold_ms:.0f} ms (an empty PySide6 window: {floor_ms:.0f} ms)",
        cold_ms < 1000,
    )
    ok_warm = all(r.get("status") == "ready" for r in warm)
    result.goal(
        "warm start from the disk cache, server unreachable, under 1 s",
        f"{warm_ms:.0f} ms" + ("" if ok_warm else f" (catalog status: {warm[-1].get('status')})"),
        warm_ms < 1000 and ok_warm,
    )


if __name__ == "__main__":
    raise SystemExit(
        bench_main("bench_startup", "Start-up: first painted catalog page, cold and warm-offline", body)
    )
