"""IMS Common Cartridge 1.0-1.3 (thin too), with Canvas and Moodle exports' habits.

Modules are the organization's top items (under the one root item the spec and Canvas use); their items
are flattened in order, a header item (no resource) prefixing the titles of what follows. Resources no
module places (Canvas pages and quizzes kept outside modules) go into a last lesson per kind unless
unpublished. A section's key is its resource identifier, so links between pages and re-imports find it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import PurePosixPath

from lms_desktop.server.importing.cc_links import cc_hook
from lms_desktop.server.importing.cc_resources import Resource, ResourceReader
from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.files import PackageFiles
from lms_desktop.server.importing.linker import Linker
from lms_desktop.server.importing.model import CourseData, LessonData, SectionData

MAX_DESCRIPTION = 4000
_UNPLACED_LESSONS = {"page": "Pages", "quiz": "Quizzes", "discussion": "Discussions", "link": "Links",
                     "external": "Tools", "file": "Files", "video": "Videos"}  # fmt: skip


def _text(el: ET.Element | None, path: str) -> str:
    if el is None:
        return ""
    found = el.find(path)
    if found is None:
        return ""
    return " ".join("".join(found.itertext()).split())


def _lom_string(general: ET.Element | None, name: str) -> str:
    if general is None:
        return ""
    node = general.find(name)
    if node is None:
        return ""
    strings = [" ".join("".join(s.itertext()).split()) for s in node.iter("string")]
    return next((s for s in strings if s), " ".join("".join(node.itertext()).split()))


def read_resources(manifest: ET.Element, files: PackageFiles) -> dict[str, Resource]:
    found: dict[str, Resource] = {}
    for res in manifest.iter("resource"):
        ident = res.get("identifier") or ""
        if not ident:
            continue
        base = res.get("base") or ""
        href = res.get("href")
        found[ident] = Resource(
            ident=ident,
            type=(res.get("type") or "").strip(),
            href=files.normalize(href, base + "/" if base else "") if href else None,
            files=[
                n
                for f in res.findall("file")
                if f.get("href") and (n := files.normalize(f.get("href") or "", base + "/" if base else ""))
            ],
            dependencies=[d.get("identifierref") or "" for d in res.findall("dependency")],
        )
    return found


class CartridgeReader:
    def __init__(self, files: PackageFiles, linker: Linker, course: CourseData) -> None:
        self.files = files
        self.linker = linker
        self.course = course
        self.manifest = files.read_xml("imsmanifest.xml")
        if self.manifest.tag != "manifest":
            raise PackageError("imsmanifest.xml is not a manifest", "imsmanifest.xml")
        self.resources = read_resources(self.manifest, files)
        self.placed: set[str] = set()
        self.reader = ResourceReader(files, linker, course, self.resources)

    def metadata(self) -> None:
        lom = self.manifest.find("metadata/lom")
        general = lom.find("general") if lom is not None else None
        course = self.course
        ident = self.manifest.get("identifier") or ""
        course.title = _lom_string(general, "title")
        course.description = _lom_string(general, "description")
        language = _lom_string(general, "language")
        if language:
            course.language = language[:35]
        if self.files.exists("course_settings/course_settings.xml"):
            settings = self.files.read_xml("course_settings/course_settings.xml")
            course.title = _text(settings, "title") or course.title
            ident = settings.get("identifier") or ident
        if not course.description and self.files.exists("course_settings/syllabus.html"):
            syllabus = self.linker.clean(
                self.files.read_text("course_settings/syllabus.html"), "course_settings/syllabus.html"
            )[1]
            course.description = syllabus[:MAX_DESCRIPTION]
        course.description = course.description[:MAX_DESCRIPTION]
        course.title = course.title or ident or "Untitled course"
        course.source_key = f"cc:{ident or course.title}"

    def modules(self) -> list[ET.Element]:
        organization = self.manifest.find("organizations/organization")
        if organization is None:
            return []
        top = organization.findall("item")
        if len(top) == 1 and top[0].get("identifierref") is None and top[0].findall("item"):
            return top[0].findall("item")
        return top

    def section_for(self, item: ET.Element, prefix: str) -> SectionData | None:
        ref = item.get("identifierref") or ""
        resource = self.resources.get(ref)
        title = _text(item, "title")
        if resource is None:
            self.course.skip(title or ref, "the item points to a resource the manifest does not list")
            return None
        self.placed.add(ref)
        section = self.reader.section(resource, title)
        if section is not None and prefix:
            section.title = f"{prefix}: {section.title}"
        return section

    def flatten(self, item: ET.Element, prefix: str, out: list[SectionData]) -> None:
        header = ""
        for child in item.findall("item"):
            title = _text(child, "title")
            if child.get("identifierref"):
                section = self.section_for(child, " - ".join(p for p in (prefix, header) if p))
                if section is not None:
                    out.append(section)
            elif child.findall("item"):
                self.flatten(child, " - ".join(p for p in (prefix, title) if p), out)
            else:
                header = title  # a text header: it names what follows

    def read(self) -> None:
        self.metadata()
        page_keys = {
            r.href: r.ident for r in self.resources.values() if r.href and r.href.endswith((".html", ".htm"))
        }
        self.linker.page_keys.update(page_keys)
        slugs = {PurePosixPath(href).stem: ident for href, ident in page_keys.items()}
        self.linker.hook = cc_hook(self.files, slugs, set(self.resources))
        for module in self.modules():
            title = _text(module, "title") or "Module"
            lesson = LessonData(title=title)
            if module.get("identifierref"):
                section = self.section_for(module, "")
                if section is not None:
                    lesson.sections.append(section)
            else:
                self.flatten(module, "", lesson.sections)
            if self.reader.module_unpublished(module.get("identifier") or ""):
                self.course.skip(title, "module unpublished in the package")
                continue
            self.course.lessons.append(lesson)
        self.unplaced()

    def unplaced(self) -> None:
        by_kind: dict[str, list[SectionData]] = {}
        for resource in self.resources.values():
            if resource.ident in self.placed or not self.reader.is_content(resource):
                continue
            if self.reader.unpublished(resource):
                self.course.skip(resource.href or resource.ident, "unpublished in the package")
                continue
            section = self.reader.section(resource, "")
            if section is not None:
                by_kind.setdefault(section.type, []).append(section)
        for kind, sections in by_kind.items():
            self.course.lessons.append(
                LessonData(title=_UNPLACED_LESSONS.get(kind, "More"), sections=sections)
            )


def read_cartridge(files: PackageFiles, linker: Linker, course: CourseData) -> None:
    """Fill `course` from a Common Cartridge."""
    CartridgeReader(files, linker, course).read()
