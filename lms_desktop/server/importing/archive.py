"""Opening a package safely: a zip or tar archive unpacked into a scratch folder, or a folder read in place.

Every entry name is checked before anything is written (no `..`, no absolute paths or drive letters, no
links or devices), bytes are streamed to disk in chunks while counted against the caps (total size, file
count, per-file size, compression ratio), and the first cap passed stops the import: an archive is never
inflated in memory and a bomb costs at most the caps.
"""

from __future__ import annotations

import os
import re
import shutil
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.limits import MB, Deadline, Limits

CHUNK = 256 * 1024
MARKERS = ("imsmanifest.xml", "course.xml", "course.toml")
_DRIVE = re.compile(r"^[A-Za-z]:")
_SKIP_PREFIXES = ("__MACOSX/",)


def safe_name(raw: str) -> str:
    """The entry's relative POSIX path, or PackageError for anything that could leave the folder."""
    name = raw.replace("\\", "/")
    if "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        raise PackageError("absolute path in the archive", raw)
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise PackageError("path leaves the package (..)", raw)
    return "/".join(parts)


class _Budget:
    """Counts files and bytes written against the caps."""

    def __init__(self, limits: Limits, deadline: Deadline, packed_size: int) -> None:
        self.limits = limits
        self.deadline = deadline
        self.packed_size = max(packed_size, 1)
        self.files = 0
        self.total = 0

    def new_file(self, name: str, declared: int | None = None, packed: int | None = None) -> None:
        self.files += 1
        if self.files > self.limits.max_files:
            raise PackageError(f"more than {self.limits.max_files} files", name)
        if declared is not None and declared > self.limits.max_file_bytes:
            raise PackageError(f"file over {self.limits.max_file_bytes // MB} MB", name)
        if (
            declared is not None
            and packed is not None
            and declared > MB
            and declared / max(packed, 1) > self.limits.max_ratio
        ):
            raise PackageError("compression ratio too high (zip bomb?)", name)

    def add(self, name: str, written: int, chunk: int) -> None:
        self.total += chunk
        if written > self.limits.max_file_bytes:
            raise PackageError(f"file over {self.limits.max_file_bytes // MB} MB", name)
        if self.total > self.limits.max_total_bytes:
            raise PackageError(f"package over {self.limits.max_total_bytes // MB} MB unpacked", name)
        if self.total > MB and self.total / self.packed_size > self.limits.max_ratio:
            raise PackageError("compression ratio too high (zip bomb?)", name)
        self.deadline.check(name)


def _copy(src: IO[bytes], dest: Path, name: str, budget: _Budget) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with dest.open("xb") as out:
        while chunk := src.read(CHUNK):
            written += len(chunk)
            budget.add(name, written, len(chunk))
            out.write(chunk)


def _unzip(path: Path, dest: Path, budget: _Budget) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"not a readable zip archive ({exc})") from None
    with archive:
        for info in archive.infolist():
            name = safe_name(info.filename)
            if not name or name.startswith(_SKIP_PREFIXES):
                continue
            mode = (info.external_attr >> 16) & 0o170000
            if mode == 0o120000:
                raise PackageError("symbolic link in the archive", info.filename)
            if info.is_dir():
                continue
            budget.new_file(info.filename, info.file_size, info.compress_size)
            try:
                with archive.open(info) as src:
                    _copy(src, dest / name, info.filename, budget)
            except FileExistsError:
                raise PackageError("entry appears twice", info.filename) from None
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as exc:
                raise PackageError(f"damaged entry ({exc})", info.filename) from None


def _untar(path: Path, dest: Path, budget: _Budget) -> None:
    try:
        archive = tarfile.open(path, "r:*")  # noqa: SIM115 (closed by the with below)
    except (tarfile.TarError, OSError) as exc:
        raise PackageError(f"not a readable tar archive ({exc})") from None
    with archive:
        try:
            for member in archive:
                name = safe_name(member.name)
                if member.issym() or member.islnk():
                    raise PackageError("link in the archive", member.name)
                if member.isdir() or not name or name.startswith(_SKIP_PREFIXES):
                    continue
                if not member.isfile():
                    raise PackageError("device or special file in the archive", member.name)
                if name.rsplit("/", 1)[-1].startswith("._"):
                    continue  # macOS resource forks
                budget.new_file(member.name, member.size)
                src = archive.extractfile(member)
                if src is None:
                    continue
                try:
                    _copy(src, dest / name, member.name, budget)
                except FileExistsError:
                    raise PackageError("entry appears twice", member.name) from None
        except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
            raise PackageError(f"damaged archive ({exc})") from None


def sniff(path: Path) -> str:
    """'folder', 'zip', 'tar' or PackageError: judged by content, not by the file name."""
    if path.is_dir():
        return "folder"
    if not path.is_file():
        raise PackageError("no such file or folder", str(path))
    with path.open("rb") as f:
        head = f.read(512)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\x1f\x8b") or head.startswith(b"BZh") or head.startswith(b"\xfd7zXZ"):
        return "tar"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    raise PackageError("not a course package (expected a zip, a tar.gz or a folder)", path.name)


def find_root(top: Path) -> Path:
    """The folder holding the package's marker file: the top, or its one sub-folder (Studio's `course/`)."""
    if any((top / m).is_file() for m in MARKERS):
        return top
    subdirs = [p for p in top.iterdir() if p.is_dir() and not p.name.startswith((".", "__MACOSX"))]
    if len(subdirs) == 1 and any((subdirs[0] / m).is_file() for m in MARKERS):
        return subdirs[0]
    raise PackageError("no imsmanifest.xml, course.xml or course.toml found")


def _check_folder(root: Path, limits: Limits) -> None:
    """A folder is read in place: refuse links leading out of it and anything over the caps."""
    files = 0
    total = 0
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            full = Path(dirpath) / name
            if full.is_symlink() and not full.resolve().is_relative_to(real_root):
                raise PackageError("link leading out of the course folder", str(full.relative_to(root)))
        for name in filenames:
            files += 1
            total += (Path(dirpath) / name).stat().st_size
    if files > limits.max_files:
        raise PackageError(f"more than {limits.max_files} files")
    if total > limits.max_total_bytes:
        raise PackageError(f"folder over {limits.max_total_bytes // MB} MB")


def open_package(path: Path, scratch: Path, limits: Limits, deadline: Deadline) -> Path:
    """The package's root folder: unpacked into `scratch` (which the caller removes) or the folder itself."""
    kind = sniff(path)
    if kind == "folder":
        root = find_root(path)
        _check_folder(root, limits)
        return root
    size = path.stat().st_size
    if size > limits.max_package_bytes:
        raise PackageError(f"package over {limits.max_package_bytes // MB} MB", path.name)
    budget = _Budget(limits, deadline, size)
    if kind == "zip":
        _unzip(path, scratch, budget)
    else:
        _untar(path, scratch, budget)
    return find_root(scratch)


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def walk_files(root: Path) -> Iterator[str]:
    """Every regular file under root as a relative POSIX path, sorted (deterministic imports)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            yield (Path(dirpath) / name).relative_to(root).as_posix()
