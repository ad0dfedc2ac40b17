"""Run every benchmark, each in its own process with a time budget, and write bench-report/REPORT.md.

Why subprocesses: a Qt bench, a server bench with worker processes and a cache bench must not share an
interpreter (one QApplication per process, no leftover event loops or threads skewing the next one), and a
bench that overruns its budget is killed without losing the others' figures.

Usage: `sh packaging/lms.sh bench`, or `.venv/bin/python tests/benchmarks/run_all.py [--only NAME] [--quick]`.
Output: bench-report/REPORT.md, bench-report/*.png, bench-report/results.json, bench-report/logs/*.log.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _harness import REPORT_DIR, render_table

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Planned:
    """One bench and the seconds it is planned to get (it may get less if earlier ones ran long)."""

    name: str
    budget_s: float
    min_s: float


# Order: cheap and independent first, the heavy server benches last so a long seed cannot starve the rest.
PLAN = [
    Planned("bench_http_cache", 40, 20),
    Planned("bench_catalog_view", 100, 50),
    Planned("bench_search_typing", 40, 20),
    Planned("bench_startup", 55, 25),
    Planned("bench_server", 215, 90),
    Planned("bench_scaleout", 70, 30),
    Planned("bench_load", 45, 20),
    Planned("bench_offline_search", 30, 15),
    Planned("bench_writes", 90, 40),
]
DEFAULT_BUDGET_S = 45.0  # for a bench_*.py found on disk but not in PLAN
TOTAL_BUDGET_S = 560.0  # the whole run must stay under ten minutes, report writing included
GRACE_S = 15.0  # past its budget a bench is told to stop (SIGTERM), then killed


@dataclass
class Outcome:
    name: str
    budget_s: float
    seconds: float
    exit: str
    result: dict[str, Any] | None
    log: Path
    load_before: str = ""


def discover() -> list[Planned]:
    on_disk = sorted(p.stem for p in HERE.glob("bench_*.py"))
    planned = [p for p in PLAN if p.name in on_disk]
    known = {p.name for p in PLAN}
    planned += [Planned(n, DEFAULT_BUDGET_S, 15) for n in on_disk if n not in known]
    missing = [p.name for p in PLAN if p.name not in on_disk]
    for name in missing:
        print(f"(no {name}.py yet: it will be listed as missing)")
    return planned


def run_one(plan: Planned, budget: float, out_dir: Path, quick: bool) -> Outcome:
    json_path = out_dir / "results" / f"{plan.name}.json"
    log_path = out_dir / "logs" / f"{plan.name}.log"
    json_path.unlink(missing_ok=True)
    env = dict(os.environ)
    env.update(
        {
            "LMS_BENCH_BUDGET_S": f"{budget:.0f}",
            "QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parents[1]), env.get("PYTHONPATH")])),
        }
    )
    if quick:
        env["LMS_BENCH_QUICK"] = "1"
    env["LMS_BENCH_OUT"] = str(json_path)  # env, not --out: a bench with its own argparse still runs
    cmd = [sys.executable, str(HERE / f"{plan.name}.py")]
    print(f"\n>>> {plan.name} (budget {budget:.0f} s)", flush=True)
    load_before = loadavg()
    t0 = time.monotonic()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=HERE.parents[1],
            start_new_session=True,
        )
        assert proc.stdout is not None
        exit_text = _pump(proc, log, deadline=t0 + budget + GRACE_S)
    seconds = time.monotonic() - t0
    result = None
    if json_path.exists():
        try:
            result = json.loads(json_path.read_text())
        except ValueError as exc:
            exit_text += f"; unreadable JSON ({exc})"
    print(f"<<< {plan.name}: {exit_text} in {seconds:.1f} s", flush=True)
    return Outcome(plan.name, budget, seconds, exit_text, result, log_path, load_before)


def _pump(proc: subprocess.Popen[bytes], log: Any, deadline: float) -> str:
    """Copy the bench's output to the log and the terminal; stop it (its whole group) past the deadline."""
    import selectors

    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    killed = ""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 and not killed:
            killed = "stopped: over its time budget"
            _signal_group(proc, signal.SIGTERM)
            deadline = time.monotonic() + 5
            continue
        if remaining <= 0 and killed:
            _signal_group(proc, signal.SIGKILL)
            break
        events = sel.select(timeout=min(1.0, max(0.05, remaining)))
        if events:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            log.write(chunk)
            sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
    sel.close()
    try:
        rc = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        _signal_group(proc, signal.SIGKILL)
        rc = proc.wait()
    _signal_group(proc, signal.SIGKILL)  # leftovers the bench started (servers) in its own group
    return killed or f"exit {rc}"


def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)  # the bench runs in its own session: its group id is its pid


# ---- environment --------------------------------------------------------------------------------


def loadavg() -> str:
    """1-minute load average: other work on the machine shows up here, and in every figure."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except (OSError, IndexError):
        return "?"


def machine() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rows.append(("CPU", f"{cpu or platform.processor()} ({os.cpu_count()} logical cores)"))
    try:
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        rows.append(("Memory", f"{mem_kb / 2**20:.1f} GiB"))
    except (OSError, ValueError, IndexError):
        pass
    rows.append(("OS", platform.platform(terse=True)))
    rows.append(("Python", platform.python_version()))
    import sqlite3

    rows.append(("SQLite", sqlite3.sqlite_version))
    for mod in (
        "PySide6-Essentials",
        "httpx",
        "hishel",
        "litestar",
        "uvicorn",
        "sqlalchemy",
        "psycopg",
        "diskcache",
    ):
        try:
            from importlib.metadata import version

            rows.append((mod, version(mod)))
        except Exception:
            rows.append((mod, "not installed"))
    rows.append(("PostgreSQL", _pg_version()))
    rows.append(("Redis", _redis_version()))
    return rows


def _pg_version() -> str:
    try:
        import psycopg

        url = os.environ.get("LMS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
        with psycopg.connect(url.replace("+psycopg", ""), connect_timeout=2) as conn:
            row = conn.execute("show server_version").fetchone()
            return str(row[0]) if row else "?"
    except Exception as exc:
        return f"unreachable ({type(exc).__name__})"


def _redis_version() -> str:
    try:
        import redis

        info = redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_timeout=2).info("server")
        return str(info.get("redis_version", "?"))
    except Exception as exc:
        return f"unreachable ({type(exc).__name__})"


# ---- report -------------------------------------------------------------------------------------


def plot_series(outcomes: list[Outcome], out_dir: Path) -> dict[str, list[str]]:
    """One PNG per plot id (series from any bench may share a plot); returns bench -> PNG names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_plot: dict[str, list[dict[str, Any]]] = {}
    owner: dict[str, str] = {}
    for o in outcomes:
        for s in (o.result or {}).get("series", []):
            by_plot.setdefault(s["plot"], []).append(s)
            owner.setdefault(s["plot"], o.name)
    made: dict[str, list[str]] = {}
    for plot_id, series in by_plot.items():
        first = series[0]
        fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
        categorical = any(isinstance(x, str) for s in series for x in s["x"])
        if categorical:  # grouped bars: one group per category, one bar per series
            cats = list(dict.fromkeys(x for s in series for x in s["x"]))
            width = 0.8 / max(1, len(series))
            for i, s in enumerate(series):
                pos = [cats.index(x) + (i - (len(series) - 1) / 2) * width for x in s["x"]]
                ax.bar(pos, s["y"], width=width, label=s["label"])
            ax.set_xticks(range(len(cats)), cats, rotation=20, ha="right", fontsize=8)
        for s in [] if categorical else series:
            if s["x"] and s["y"]:
                ax.plot(s["x"], s["y"], marker="o", label=s["label"])
        if first.get("logx") and not categorical:
            ax.set_xscale("log")
        if first.get("logy"):
            ax.set_yscale("log")
        else:
            ax.set_ylim(bottom=0)  # a linear axis from zero: no exaggerated differences
        ax.set_title(first["title"])
        ax.set_xlabel(first["xlabel"])
        ax.set_ylabel(first["ylabel"])
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        name = f"{plot_id}.png"
        fig.savefig(out_dir / name)
        plt.close(fig)
        made.setdefault(owner[plot_id], []).append(name)
    return made


def bench_docstring(name: str) -> str:
    """What the bench measures and how, from its module docstring (one source for the code and the report)."""
    import ast

    try:
        doc = ast.get_docstring(ast.parse((HERE / f"{name}.py").read_text()))
    except (OSError, SyntaxError):
        return ""
    text = ""
    for line in (doc or "").splitlines():
        line = line.strip()
        if not line:
            text += "\n\n"
        elif line.startswith("- "):
            text += ("\n" if text.endswith("\n") else "\n\n" if text else "") + line
        else:
            text += ("" if not text or text.endswith("\n") else " ") + line
    return text.strip()


def write_report(
    outcomes: list[Outcome], missing: list[str], out_dir: Path, wall_s: float, first_load: str
) -> Path:
    pngs = plot_series(outcomes, out_dir)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "# LMS Desktop benchmarks\n",
        f"Run {stamp}, {wall_s:.0f} s wall clock for the whole suite. Every figure below was measured "
        "in this one run; compare the ratios, which hold on a noisy machine better than the absolute times. "
        "A benchmark prints figures and never fails on a time.\n",
        render_table("Machine", ["", ""], machine()),
    ]
    summary = []
    for o in outcomes:
        status = (o.result or {}).get("status", "no result")
        summary.append([o.name, status, f"{o.seconds:.0f} s / {o.budget_s:.0f} s", o.exit, o.load_before])
    summary += [[name, "missing: file not written yet", "", "", ""] for name in missing]
    parts.append(
        render_table(
            "Benchmarks run",
            ["bench", "status", "time / budget", "process", "load avg before"],
            summary,
            note=f"Machine load average (1 min) at the start: {first_load}, at the end: {loadavg()}. "
            f"On {os.cpu_count()} cores, a load above that means other work competed with the benchmarks.",
        )
    )

    goals = []
    for o in outcomes:
        for g in (o.result or {}).get("goals", []):
            met = {True: "**met**", False: "**not met**", None: "n/a"}[g["met"]]
            goals.append([o.name, g["goal"], g["measured"], met])
    if goals:
        parts.append(render_table("Goals (issue 6)", ["bench", "goal", "measured", ""], goals))

    for o in outcomes:
        r = o.result
        parts.append(f"\n## {r['title'] if r else o.name}\n")
        parts.append(
            f"`{o.name}.py`: {r['status'] if r else 'no JSON result'}, {o.seconds:.0f} s ({o.exit}).\n"
        )
        about = bench_docstring(o.name)
        if about:
            parts.append(about + "\n")
        if r is None:
            tail = o.log.read_text(errors="replace").splitlines()[-40:] if o.log.exists() else []
            parts.append(
                "The bench wrote no JSON result; the end of its output:\n\n```\n"
                + "\n".join(tail)
                + "\n```\n"
            )
            continue
        for err in r.get("errors", []):
            parts.append(f"\n> {err.strip().splitlines()[-1] if 'Traceback' in err else err}\n")
            if "Traceback" in err:
                parts.append("\n```\n" + err.strip()[-3000:] + "\n```\n")
        for note in r.get("notes", []):
            parts.append(f"- {note}")
        for t in r.get("tables", []):
            parts.append(render_table(t["title"], t["columns"], t["rows"], t.get("note", "")))
        for png in pngs.get(o.name, []):
            parts.append(f"\n![{png}]({png})\n")
    parts.append("\nLogs of every bench: `bench-report/logs/`; raw figures: `bench-report/results.json`.\n")
    report = out_dir / "REPORT.md"
    report.write_text("\n".join(parts))
    (out_dir / "results.json").write_text(
        json.dumps({o.name: o.result for o in outcomes}, indent=1, default=str)
    )
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="run only this bench (repeatable)")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of the machinery")
    parser.add_argument("--budget", type=float, default=TOTAL_BUDGET_S, help="seconds for the whole run")
    parser.add_argument("--out", type=Path, default=REPORT_DIR)
    args = parser.parse_args()

    out_dir: Path = args.out
    for sub in ("logs", "results", "cache"):
        (out_dir / sub).mkdir(parents=True, exist_ok=True)
    for old_png in out_dir.glob("*.png"):  # charts of an earlier run must not pass for this run's
        old_png.unlink()
    plan = discover()
    missing = [p.name for p in PLAN if p.name not in {q.name for q in plan}]
    if args.only:
        plan = [p for p in plan if p.name in args.only or p.name.removeprefix("bench_") in args.only]
        missing = []
    first_load = loadavg()
    t_start = time.monotonic()
    end = t_start + args.budget
    outcomes = []
    for i, p in enumerate(plan):
        reserve = sum(q.min_s for q in plan[i + 1 :])
        budget = min(p.budget_s, end - time.monotonic() - reserve)
        if budget < p.min_s * 0.5:
            print(f"--- skipping {p.name}: only {budget:.0f} s left for it", flush=True)
            outcomes.append(
                Outcome(p.name, budget, 0.0, "not run: out of time", None, out_dir / "logs" / "none")
            )
            continue
        outcomes.append(run_one(p, max(budget, p.min_s * 0.5), out_dir, args.quick))
    wall = time.monotonic() - t_start
    report = write_report(outcomes, missing, out_dir, wall, first_load)
    print(f"\nReport: {report} ({wall:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
