"""Import throughput and memory: a ~20 MB Open edX course (.tar.gz) imported into a fresh database.

The package is generated here (deterministic): 40 chapters of units with HTML pages (text and images),
videos with transcripts and capa problems; its images are incompressible bytes, so the archive is ~20 MB.
Figures: wall time, MB/s of archive, sections/s, the Python heap's peak during the import (tracemalloc:
the importer streams, so it stays far below the package size) and the process's RSS growth.
"""

# ruff: noqa: E501  (the generated OLX documents read better on one line)
from __future__ import annotations

import contextlib
import random
import shutil
import tarfile
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from _datasets import PG_ADMIN, SA_PG
from _harness import BenchResult, bench_main, fmt_bytes, quick, rss_bytes

if TYPE_CHECKING:
    from lms_desktop.server.importing.service import ImportTarget

PROBLEM = """<problem display_name="Check {n}" max_attempts="2"><p>Question {n}</p>
<multiplechoiceresponse><label>Pick one</label><choicegroup>
<choice correct="false">A</choice><choice correct="true">B</choice></choicegroup></multiplechoiceresponse>
<numericalresponse answer="{n}"><label>The number?</label><responseparam type="tolerance" default="1%"/>
<formulaequationinput/></numericalresponse></problem>"""


def build_course(root: Path, chapters: int, image_bytes: int) -> tuple[Path, int]:
    """An OLX folder; returns it and the number of sections it should give."""
    rng = random.Random(14)
    words = [f"w{rng.randrange(5000)}" for _ in range(20000)]
    (root / "course").mkdir(parents=True)
    for sub in ("chapter", "sequential", "vertical", "html", "problem", "video", "static"):
        (root / sub).mkdir()
    (root / "course.xml").write_text('<course url_name="run" org="Bench" course="B20"/>')
    chapter_refs = "".join(f'<chapter url_name="c{c}"/>' for c in range(chapters))
    (root / "course" / "run.xml").write_text(f'<course display_name="Bench course">{chapter_refs}</course>')
    sections = 0
    for c in range(chapters):
        (root / "chapter" / f"c{c}.xml").write_text(
            f'<chapter display_name="Chapter {c}"><sequential url_name="s{c}"/></chapter>'
        )
        units = "".join(f'<vertical url_name="v{c}_{u}"/>' for u in range(4))
        (root / "sequential" / f"s{c}.xml").write_text(
            f'<sequential display_name="Seq {c}">{units}</sequential>'
        )
        for u in range(4):
            key = f"{c}_{u}"
            (root / "static" / f"img {key}.png").write_bytes(
                b"\x89PNG\r\n\x1a\n" + rng.randbytes(image_bytes)
            )
            text = " ".join(rng.choice(words) for _ in range(400))
            (root / "html" / f"h{key}.xml").write_text(f'<html filename="h{key}" display_name="Page {key}"/>')
            (root / "html" / f"h{key}.html").write_text(
                f'<p>{text}</p><p><img src="/static/img%20{key}.png"></p><p><a href="/jump_to_id/p{key}">check</a></p>'
            )
            (root / "problem" / f"p{key}.xml").write_text(PROBLEM.format(n=u + 1))
            (root / "video" / f"vid{key}.xml").write_text(
                f'<video display_name="Video {key}" youtube_id_1_0="abcdefghij{u}"><transcript language="en" src="t{key}.srt"/></video>'
            )
            (root / "static" / f"t{key}.srt").write_text(f"1\n00:00:00,000 --> 00:00:02,000\n{text[:80]}\n")
            (root / "vertical" / f"v{key}.xml").write_text(
                f'<vertical display_name="Unit {key}"><html url_name="h{key}"/><video url_name="vid{key}"/>'
                f'<problem url_name="p{key}"/></vertical>'
            )
            sections += 3
    return root, sections


def engines() -> list[str]:
    import psycopg

    try:
        psycopg.connect(PG_ADMIN, connect_timeout=2).close()
    except psycopg.Error:
        return ["sqlite"]
    return ["sqlite", "postgresql"]


@contextlib.contextmanager
def fresh_target(engine: str, folder: Path) -> Iterator[ImportTarget]:
    """An empty migrated database of this engine, with its own asset folder."""
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.migrate import upgrade
    from lms_desktop.server.importing.service import ImportTarget

    folder.mkdir(parents=True, exist_ok=True)
    name = f"lms_bench_import_{uuid.uuid4().hex[:8]}"
    if engine == "sqlite":
        url = f"sqlite:///{folder / 'db.sqlite3'}"
    else:
        _pg(f'CREATE DATABASE "{name}"')
        url = SA_PG + name
    upgrade(url)
    db = Database.open(url)
    try:
        yield ImportTarget(db, folder / "assets", folder / "images", folder / "tmp")
    finally:
        db.close()
        shutil.rmtree(folder, ignore_errors=True)
        if engine != "sqlite":
            _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def body(result: BenchResult) -> None:
    from lms_desktop.server.importing.service import import_package

    chapters = 8 if quick() else 40
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        folder, expected = build_course(work / "src", chapters, image_bytes=120_000)
        package = work / "course.tar.gz"
        with tarfile.open(package, "w:gz") as archive:
            archive.add(folder, arcname="course")
        size = package.stat().st_size
        rows = []
        for engine in engines():
            rss0 = rss_bytes()
            with fresh_target(engine, work / "timed") as target:
                t0 = time.perf_counter()
                summary = import_package(target, package)
                seconds = time.perf_counter() - t0
            rss_growth = max(0, rss_bytes() - rss0)
            with fresh_target(engine, work / "traced") as target:  # tracemalloc slows it: timed apart
                tracemalloc.start()
                import_package(target, package)
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
            n = sum(summary.sections.values())
            assert n == expected, (n, expected)
            rows.append(
                [
                    engine,
                    fmt_bytes(size),
                    n,
                    f"{seconds:.2f} s",
                    f"{size / 1e6 / seconds:.1f}",
                    f"{n / seconds:.0f}",
                    fmt_bytes(peak),
                    fmt_bytes(rss_growth),
                ]
            )
            result.goal(
                "a ~20 MB OLX course imports in seconds",
                f"{size / 1e6:.1f} MB in {seconds:.2f} s ({engine})",
                seconds < 30 if not quick() else None,
            )
        result.table(
            "Import of a generated OLX course (.tar.gz)",
            ["engine", "archive", "sections", "time", "MB/s", "sections/s", "Python heap peak", "RSS growth"],
            rows,
            note="Heap peak from tracemalloc during the import; files are streamed to disk in 256 KiB chunks.",
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(bench_main("bench_import", "Course import: throughput and memory", body))
