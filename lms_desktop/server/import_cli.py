"""`lms-server import`: packages in, a readable summary (or one JSON object) out.

Each package is imported on its own (one transaction each); a refused package prints one line on stderr
naming it and the offending entry, the others still import, and the exit status says something failed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from lms_desktop.contract import ImportedCourse, ImportSummary
from lms_desktop.server.config import Settings

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.importing.service import ImportTarget, Progress


def import_target(settings: Settings, db: Database) -> ImportTarget:
    """Where imports write for these settings (the same folders `serve` reads)."""
    from lms_desktop.server.importing.limits import MB, Limits
    from lms_desktop.server.importing.service import ImportTarget

    return ImportTarget(
        db=db,
        assets_dir=settings.assets_dir,
        images_dir=settings.images_dir,
        scratch_dir=settings.data_dir / "import-tmp",
        limits=Limits(max_package_bytes=settings.import_max_mb * MB),
    )


def _describe(course: ImportedCourse) -> str:
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(course.sections.items())) or "no sections"
    verb = "created" if course.created else "updated"
    lines = [
        f"{verb} course {course.id}: {course.title}",
        f"  {course.lessons} lessons; sections: {kinds}; {course.assets} files; {course.questions} questions",
    ]
    for item in course.skipped:
        lines.append(f"  skipped {item.item}: {item.reason}")
    return "\n".join(lines)


def _end_bar(bar: Progress | None) -> None:
    """End the progress bar's line, so what follows starts on a line of its own."""
    close = getattr(bar, "close", None)
    if close is not None:
        close()


def run_import(
    settings: Settings, packages: Sequence[str], *, draft: bool, as_json: bool, bar: Progress | None = None
) -> int:
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.migrate import upgrade
    from lms_desktop.server.importing.errors import PackageError
    from lms_desktop.server.importing.service import import_package

    upgrade(settings.database_url)
    db = Database.open(settings.database_url)
    target = import_target(settings, db)
    done: list[ImportedCourse] = []
    failed = 0
    try:
        for package in packages:
            try:
                summary = import_package(
                    target, Path(package), publish=not draft, progress=None if as_json else bar
                )
            except PackageError as exc:
                failed += 1
                _end_bar(bar)
                print(f"error: {package}: {exc}", file=sys.stderr)
                continue
            _end_bar(bar)
            done.append(summary)
            if not as_json:
                print(_describe(summary))
    finally:
        db.close()
    if as_json:
        sys.stdout.write(msgspec.json.encode(ImportSummary(courses=done)).decode() + "\n")
    return 1 if failed else 0
