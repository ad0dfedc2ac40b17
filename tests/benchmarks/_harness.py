"""Shared helpers for the benchmarks: timing, percentiles, memory, and the JSON result every bench writes.

Why one module: `run_all.py` collects results from several subprocesses and turns them into one report, so
every bench must speak the same small schema. A bench builds a `BenchResult`, adds tables, plot series and
goals, and calls `bench_main`, which writes JSON to `--out` (or prints only, when run by hand).

A benchmark prints figures; it never fails on a time. Goals are recorded as met / not met for the report.

JSON schema (version 1)::

    {"schema": 1, "bench": "bench_http_cache", "title": "...", "status": "ok" | "partial" | "not measured"
     | "error", "seconds": 12.3, "env": {...}, "notes": ["..."], "errors": ["..."],
     "tables": [{"title": "...", "columns": ["..."], "rows": [["...", 1.0]], "note": "..."}],
     "series": [{"plot": "catalog_first_paint", "title": "...", "xlabel": "...", "ylabel": "...",
                 "logx": true, "logy": false, "label": "our model", "x": [1000], "y": [3.1]}],
     "goals": [{"goal": "...", "measured": "...", "met": true | false | null}]}
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
REPORT_DIR = REPO_ROOT / "bench-report"
CACHE_DIR = REPORT_DIR / "cache"  # seeded databases etc., reused across runs
SCHEMA_VERSION = 1

if str(REPO_ROOT) not in sys.path:  # runnable as `python tests/benchmarks/bench_x.py`
    sys.path.insert(0, str(REPO_ROOT))

now_ns = time.perf_counter_ns


class NotMeasured(Exception):
    """Raised when a part cannot be measured (a dependency has not landed, a service is down)."""


# ---- time budget ----------------------------------------------------------------------------------

_START = time.monotonic()


def budget_s() -> float:
    """Seconds this bench may run, as given by run_all (LMS_BENCH_BUDGET_S); generous when run by hand."""
    return float(os.environ.get("LMS_BENCH_BUDGET_S", "600"))


def time_left() -> float:
    return budget_s() - (time.monotonic() - _START)


def quick() -> bool:
    """Smaller sizes for a smoke run (`run_all.py --quick`)."""
    return os.environ.get("LMS_BENCH_QUICK", "") not in ("", "0")


# ---- statistics ---------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of unsorted values; robust for small samples."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


@dataclass(frozen=True)
class Stats:
    """Summary of per-operation samples, in microseconds."""

    n: int
    median_us: float
    p50_us: float
    p99_us: float
    mean_us: float
    min_us: float

    @classmethod
    def of_ns(cls, samples_ns: Sequence[float]) -> Stats:
        us = [s / 1000 for s in samples_ns]
        if not us:
            nan = float("nan")
            return cls(0, nan, nan, nan, nan, nan)
        return cls(
            n=len(us),
            median_us=statistics.median(us),
            p50_us=percentile(us, 50),
            p99_us=percentile(us, 99),
            mean_us=statistics.fmean(us),
            min_us=min(us),
        )


def sample_ns(fn: Callable[[], object], *, n: int, warmup: int = 0) -> list[int]:
    """Time each call separately (for operations of a few microseconds and up)."""
    for _ in range(warmup):
        fn()
    out: list[int] = []
    for _ in range(n):
        t0 = now_ns()
        fn()
        out.append(now_ns() - t0)
    return out


def per_call_ns(fn: Callable[[], object], *, batch: int = 1000, repeats: int = 15) -> list[float]:
    """Per-call cost of a tiny operation: median-friendly means of batches (the clock itself costs ~50 ns)."""
    fn()
    out: list[float] = []
    for _ in range(repeats):
        t0 = now_ns()
        for _ in range(batch):
            fn()
        out.append((now_ns() - t0) / batch)
    return out


def time_budgeted(fn: Callable[[], object], *, seconds: float, max_n: int, min_n: int = 5) -> list[int]:
    """Sample a call until `seconds` have passed or `max_n` samples are taken (at least `min_n`)."""
    out: list[int] = []
    end = time.monotonic() + seconds
    while len(out) < max_n and (len(out) < min_n or time.monotonic() < end):
        t0 = now_ns()
        fn()
        out.append(now_ns() - t0)
    return out


# ---- memory -------------------------------------------------------------------------------------


def rss_bytes() -> int:
    """Resident set size of this process now (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# ---- formatting ---------------------------------------------------------------------------------


def fmt_us(us: float) -> str:
    """Human units for a duration given in microseconds."""
    if us != us:  # NaN
        return "n/a"
    if us < 0:
        return "-" + fmt_us(-us)
    if us < 1:
        return f"{us * 1000:.0f} ns"
    if us < 1000:
        return f"{us:.1f} µs" if us < 100 else f"{us:.0f} µs"
    if us < 1_000_000:
        return f"{us / 1000:.2f} ms" if us < 10_000 else f"{us / 1000:.1f} ms"
    return f"{us / 1_000_000:.2f} s"


def fmt_ratio(x: float) -> str:
    if x != x:
        return "n/a"
    return f"{x:.2f}x" if x < 10 else f"{x:.0f}x"


def fmt_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(n) < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


# ---- the result ---------------------------------------------------------------------------------


@dataclass
class BenchResult:
    """What one bench measured; written as JSON for run_all.py and printed for a person."""

    bench: str
    title: str
    status: str = "ok"
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    series: list[dict[str, Any]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    env: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"note: {text}", flush=True)

    def table(
        self, title: str, columns: Sequence[str], rows: Sequence[Sequence[object]], note: str = ""
    ) -> None:
        self.tables.append(
            {"title": title, "columns": list(columns), "rows": [list(r) for r in rows], "note": note}
        )
        print(render_table(title, columns, rows, note), flush=True)

    def add_series(
        self,
        plot: str,
        label: str,
        x: Sequence[float],
        y: Sequence[float],
        *,
        title: str,
        xlabel: str,
        ylabel: str,
        logx: bool = True,
        logy: bool = False,
    ) -> None:
        self.series.append(
            {
                "plot": plot,
                "title": title,
                "xlabel": xlabel,
                "ylabel": ylabel,
                "logx": logx,
                "logy": logy,
                "label": label,
                "x": list(x),
                "y": list(y),
            }
        )

    def goal(self, goal: str, measured: str, met: bool | None) -> None:
        self.goals.append({"goal": goal, "measured": measured, "met": met})
        mark = {True: "MET", False: "NOT MET", None: "n/a"}[met]
        print(f"goal [{mark}] {goal}: {measured}", flush=True)

    def not_measured(self, part: str, why: str) -> None:
        """Record that a part could not be measured; the run continues with the other parts."""
        self.errors.append(f"not measured: {part}: {why}")
        if self.status == "ok":
            self.status = "partial"
        print(f"NOT MEASURED {part}: {why}", flush=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "bench": self.bench,
            "title": self.title,
            "status": self.status,
            "seconds": round(self.seconds, 2),
            "env": self.env,
            "notes": self.notes,
            "errors": self.errors,
            "tables": self.tables,
            "series": self.series,
            "goals": self.goals,
        }


def render_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]], note: str = "") -> str:
    """A Markdown table (readable on a terminal as well)."""
    lines = [f"\n### {title}\n", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    if note:
        lines.append(f"\n{note}")
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value).replace("|", "\\|")


def environment() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(terse=True),
        "quick": quick(),
    }


def bench_main(bench: str, title: str, body: Callable[[BenchResult], None]) -> int:
    """Run one bench body, write its JSON (`--out`), and exit 0 unless the bench itself crashed.

    A NotMeasured raised by the body marks the whole bench "not measured" with the reason; any other
    exception is an error with its traceback in the report (a bench never fails because of a time).
    """
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--out", type=Path, help="write the JSON result here (default: $LMS_BENCH_OUT)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args, _extra = parser.parse_known_args()  # a bench may read its own flags from sys.argv
    if args.out is None and os.environ.get("LMS_BENCH_OUT"):
        args.out = Path(os.environ["LMS_BENCH_OUT"])
    if args.quick:
        os.environ["LMS_BENCH_QUICK"] = "1"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = BenchResult(bench=bench, title=title, env=environment())
    print(f"== {title} (budget {budget_s():.0f} s)", flush=True)
    t0 = time.monotonic()
    rc = 0
    try:
        body(result)
    except NotMeasured as exc:
        result.status = "not measured"
        result.errors.append(f"not measured: {exc}")
        print(f"NOT MEASURED: {exc}", flush=True)
    except Exception:
        result.status = "error"
        result.errors.append(traceback.format_exc())
        traceback.print_exc()
        rc = 1
    result.seconds = time.monotonic() - t0
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result.to_json(), indent=1, default=str))
    print(f"== {bench}: {result.status} in {result.seconds:.1f} s", flush=True)
    return rc


def require(module: str, what: str) -> None:
    """Import a project module or raise NotMeasured naming the dependency that has not landed."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise NotMeasured(f"{what} ({module}) is not available: {exc}") from exc
