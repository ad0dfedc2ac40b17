"""Importing one package: open it, read it, store its assets, write it in one transaction, clean up.

On any failure nothing of the package is kept: the transaction rolls back, the asset files this import
created are removed (unless another course refers to them by then), and the scratch folder goes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from lms_desktop.contract import ImportedCourse
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.schema import assets as assets_table
from lms_desktop.server.db.schema import courses
from lms_desktop.server.importing import archive
from lms_desktop.server.importing.assets import AssetStore
from lms_desktop.server.importing.covers import write_cover
from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.files import PackageFiles
from lms_desktop.server.importing.limits import Deadline, Limits
from lms_desktop.server.importing.linker import Linker
from lms_desktop.server.importing.model import CourseData
from lms_desktop.server.importing.writer import write_course

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class ImportTarget:
    """Where an import writes: the database, the asset store, cover images, scratch space."""

    db: Database
    assets_dir: Path
    images_dir: Path
    scratch_dir: Path
    limits: Limits = field(default_factory=Limits)


def _read(files: PackageFiles, linker: Linker, course: CourseData) -> None:
    root = files.root
    if (root / "course.toml").is_file():
        from lms_desktop.server.importing.markdown_course import read_markdown_course

        read_markdown_course(files, linker, course)
    elif (root / "imsmanifest.xml").is_file():
        from lms_desktop.server.importing.cc import read_cartridge

        read_cartridge(files, linker, course)
    else:
        from lms_desktop.server.importing.olx import read_olx

        read_olx(files, linker, course)


def _unique_keys(course: CourseData) -> None:
    """Section keys must be unique within a course (an item placed twice gets `#2`)."""
    seen: dict[str, int] = {}
    for section in course.all_sections():
        count = seen.get(section.key, 0) + 1
        seen[section.key] = count
        if count > 1:
            section.key = f"{section.key}#{count}"


def _pick_cover(course: CourseData) -> None:
    if course.cover is None:
        course.cover = next((a for a in course.assets.values() if a.content_type.startswith("image/")), None)


def import_package(
    target: ImportTarget, package: Path, *, publish: bool = True, progress: Progress | None = None
) -> ImportedCourse:
    """Import one package; PackageError (nothing kept) when it is refused."""
    deadline = Deadline(target.limits.max_seconds)
    target.scratch_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="import-", dir=target.scratch_dir))
    store = AssetStore(target.assets_dir)
    cover_file: Path | None = None
    try:
        if progress:
            progress("importing", 0, 3)
        root = archive.open_package(package, scratch, target.limits, deadline)
        files = PackageFiles(root, target.limits, deadline)
        course = CourseData(source_key="", title="")
        linker = Linker(files, store, course)
        if progress:
            progress("importing", 1, 3)
        _read(files, linker, course)
        _unique_keys(course)
        _pick_cover(course)
        image_key = None
        if course.cover is not None:
            image_key, cover_file = write_cover(store.path_for(course.cover.sha256), target.images_dir)
        deadline.check()
        if progress:
            progress("importing", 2, 3)
        with target.db.write() as conn:
            summary = write_course(conn, course, publish=publish, image_key=image_key)
            deadline.check()
        if progress:
            progress("importing", 3, 3)
        return summary
    except BaseException:
        _discard(target, store, cover_file)
        raise
    finally:
        archive.remove_tree(scratch)


def _discard(target: ImportTarget, store: AssetStore, cover_file: Path | None) -> None:
    names = [p.name for p in store.created]
    keep: set[str] = set()
    if names:
        with target.db.read() as conn:
            keep = set(
                conn.execute(
                    sa.select(assets_table.c.sha256).where(assets_table.c.sha256.in_(names))
                ).scalars()
            )
    store.discard(keep)
    if cover_file is not None:
        with target.db.read() as conn:
            used = conn.execute(
                sa.select(sa.func.count()).select_from(courses).where(courses.c.image_key == cover_file.stem)
            ).scalar_one()
        if not used:
            cover_file.unlink(missing_ok=True)


__all__ = ["ImportTarget", "PackageError", "import_package"]
