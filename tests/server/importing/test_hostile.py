"""Hostile and broken packages: each refused with a clear error naming the entry, nothing kept, nothing
written outside the data folder."""

from __future__ import annotations

import dataclasses
import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from lms_desktop.server.db.schema import assets, courses
from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.limits import MB, Limits
from lms_desktop.server.importing.service import import_package
from tests.server.importing.conftest import ImportEnv
from tests.server.importing.packages import CC11, manifest, markdown_course, png, write, zip_folder

GOOD_MANIFEST = manifest(CC11, "m", "T", "", "")


def _zip(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _refused(env: ImportEnv, package: Path, *, limits: Limits | None = None) -> PackageError:
    target = env.target if limits is None else dataclasses.replace(env.target, limits=limits)
    with pytest.raises(PackageError) as caught:
        import_package(target, package)
    with env.db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(courses)).scalar() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(assets)).scalar() == 0
    stored = (
        [p for p in (env.data_dir / "assets").rglob("*") if p.is_file()]
        if (env.data_dir / "assets").exists()
        else []
    )
    assert stored == []
    scratch = env.data_dir / "import-tmp"
    assert not scratch.exists() or list(scratch.iterdir()) == []
    return caught.value


def test_not_an_archive(env: ImportEnv, tmp_path: Path) -> None:
    package = tmp_path / "course.imscc"
    package.write_bytes(os.urandom(2048))
    assert "not a course package" in str(_refused(env, package))


def test_no_manifest_and_no_course_xml(env: ImportEnv, tmp_path: Path) -> None:
    error = _refused(env, _zip(tmp_path / "x.zip", {"readme.txt": "hello", "folder/page.html": "<p>x</p>"}))
    assert "imsmanifest.xml" in str(error) and "course.xml" in str(error)


def test_broken_xml(env: ImportEnv, tmp_path: Path) -> None:
    error = _refused(env, _zip(tmp_path / "x.zip", {"imsmanifest.xml": "<manifest><unclosed></manifest>"}))
    assert error.entry == "imsmanifest.xml" and "broken XML" in str(error)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "C:\\evil.txt", "a/../../evil.txt"])
def test_zip_slip(env: ImportEnv, tmp_path: Path, name: str) -> None:
    package = _zip(tmp_path / "slip.zip", {"imsmanifest.xml": GOOD_MANIFEST, name: "owned"})
    error = _refused(env, package)
    assert error.entry == name
    assert not list(tmp_path.parent.rglob("evil.txt")) and not Path("/etc/evil.txt").exists()


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE])
def test_links_in_tar(env: ImportEnv, tmp_path: Path, kind: bytes) -> None:
    package = tmp_path / "links.tar.gz"
    with tarfile.open(package, "w:gz") as archive:
        data = b'<course url_name="x" org="o" course="c"/>'
        info = tarfile.TarInfo("course/course.xml")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("course/static/passwd")
        link.type = kind
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    error = _refused(env, package)
    assert error.entry == "course/static/passwd" and "link" in str(error)


def test_zip_bomb_ratio(env: ImportEnv, tmp_path: Path) -> None:
    package = _zip(tmp_path / "bomb.zip", {"imsmanifest.xml": GOOD_MANIFEST, "zeros.bin": b"\0" * (40 * MB)})
    assert package.stat().st_size < MB  # 40 MB of zeros packs into ~40 KB
    error = _refused(env, package)
    assert error.entry == "zeros.bin" and "ratio" in str(error)


def test_zip_bomb_total_size_stops_early(env: ImportEnv, tmp_path: Path) -> None:
    entries: dict[str, bytes | str] = {"imsmanifest.xml": GOOD_MANIFEST}
    entries.update({f"part{i}.bin": os.urandom(MB) for i in range(6)})
    package = _zip(tmp_path / "big.zip", entries)
    error = _refused(env, package, limits=Limits(max_total_bytes=3 * MB))
    assert "unpacked" in str(error) and error.entry and error.entry.startswith("part")


def test_too_many_files(env: ImportEnv, tmp_path: Path) -> None:
    entries: dict[str, bytes | str] = {"imsmanifest.xml": GOOD_MANIFEST}
    entries.update({f"f{i}.txt": "x" for i in range(30)})
    error = _refused(env, _zip(tmp_path / "many.zip", entries), limits=Limits(max_files=20))
    assert "more than 20 files" in str(error)


def test_file_over_the_cap(env: ImportEnv, tmp_path: Path) -> None:
    package = _zip(tmp_path / "f.zip", {"imsmanifest.xml": GOOD_MANIFEST, "video.bin": os.urandom(3 * MB)})
    error = _refused(env, package, limits=Limits(max_file_bytes=2 * MB))
    assert error.entry == "video.bin" and "file over 2 MB" in str(error)


def test_page_over_the_cap(env: ImportEnv, tmp_path: Path) -> None:
    course = markdown_course(tmp_path / "c")
    (course / "01-basics" / "01-intro.md").write_text("word " * 300_000)
    error = _refused(env, course, limits=Limits(max_page_bytes=MB))
    assert error.entry == "01-basics/01-intro.md"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<manifest identifier="x"><metadata>&lol3;</metadata></manifest>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="x"><metadata>&secret;</metadata></manifest>"""


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL], ids=["expansion", "external"])
def test_xml_entities(env: ImportEnv, tmp_path: Path, document: str) -> None:
    error = _refused(env, _zip(tmp_path / "x.zip", {"imsmanifest.xml": document}))
    assert error.entry == "imsmanifest.xml" and "entities" in str(error)


def test_time_cap(env: ImportEnv, tmp_path: Path) -> None:
    error = _refused(env, markdown_course(tmp_path / "c"), limits=Limits(max_seconds=0.0))
    assert "longer than" in str(error)


def test_failure_after_assets_removes_them(env: ImportEnv, tmp_path: Path) -> None:
    course = markdown_course(tmp_path / "c")
    write(course, {"02-practice/09-broken.md": "+++\ntype = 'file'\nfile = 'missing.pdf'\n+++\n"})
    error = _refused(env, course)
    assert error.entry == "02-practice/09-broken.md" and "missing.pdf" in str(error)


def test_scripts_and_handlers_are_stored_sanitized(env: ImportEnv, tmp_path: Path) -> None:
    src = write(
        tmp_path / "src",
        {
            "imsmanifest.xml": manifest(
                CC11,
                "xss",
                "XSS",
                '<item identifier="i" identifierref="r"><title>P</title></item>',
                '<resource identifier="r" type="webcontent" href="p.html"><file href="p.html"/></resource>',
            ),
            "p.html": '<p onmouseover="steal()">Hi<script>steal()</script><img src="x.png" onerror="steal()">'
            '<a href="javascript:steal()">link</a><form action="https://evil"><input name="pw"></form>'
            '<style>body{display:none}</style><span style="position:fixed">s</span></p>',
            "x.png": png(),
        },
    )
    summary = import_package(env.target, zip_folder(src, tmp_path / "xss.zip"))
    with env.db.read() as conn:
        html = conn.execute(sa.text("SELECT html FROM section_bodies WHERE html IS NOT NULL")).scalar_one()
    assert summary.sections == {"page": 1}
    for bad in (
        "onmouseover",
        "<script",
        "steal",
        "onerror",
        "javascript:",
        "<form",
        "<input",
        "style",
        "fixed",
    ):
        assert bad not in html
    assert "Hi" in html and "/api/v1/assets/" in html
