"""One Common Cartridge resource as a section: a page, a file, a web link, a discussion, a QTI quiz, an
LTI tool or an assignment (the last two need their home platform: kept as `external` with an explanation).
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from lms_desktop.server.importing import qti
from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.files import PackageFiles
from lms_desktop.server.importing.linker import Linker
from lms_desktop.server.importing.model import CourseData, SectionData
from lms_desktop.server.importing.sanitize import html_title
from lms_desktop.server.importing.videos import video_data

_HTML = (".html", ".htm", ".xhtml")
_UNPUBLISHED_META = re.compile(
    r"""<meta\s+name=["']workflow_state["']\s+content=["'](unpublished|deleted)["']""", re.IGNORECASE
)


@dataclass(slots=True)
class Resource:
    ident: str
    type: str
    href: str | None
    files: list[str] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)

    def kind(self) -> str:
        t = self.type.lower()
        if "question-bank" in t:
            return "bank"
        for marker, kind in (("imswl", "link"), ("imsdt", "discussion"), ("basiclti", "lti"),
                             ("assignment", "assignment")):  # fmt: skip
            if marker in t:
                return kind
        if "imsqti" in t:
            return "quiz"
        if "webcontent" in t or "learning-application-resource" in t:
            return "web"
        return "unknown"

    def main_file(self) -> str | None:
        return self.href or (self.files[0] if self.files else None)


def _text(el: ET.Element | None, path: str) -> str:
    found = el.find(path) if el is not None else None
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


def _minutes(plain: str) -> int:
    return max(1, round(len(plain.split()) / 200))


class ResourceReader:
    def __init__(
        self, files: PackageFiles, linker: Linker, course: CourseData, resources: dict[str, Resource]
    ) -> None:
        self.files = files
        self.linker = linker
        self.course = course
        self.resources = resources
        self._modules: dict[str, str] | None = None

    # ---- publication state (Canvas) ----------------------------------------------------------------

    def module_unpublished(self, ident: str) -> bool:
        if self._modules is None:
            self._modules = {}
            if self.files.exists("course_settings/module_meta.xml"):
                meta = self.files.read_xml("course_settings/module_meta.xml")
                for module in meta.iter("module"):
                    state = (module.findtext("workflow_state") or "").strip()
                    self._modules[module.get("identifier") or ""] = state
        return self._modules.get(ident) in ("unpublished", "deleted")

    def _assessment_meta(self, resource: Resource) -> ET.Element | None:
        for candidate in (f"{resource.ident}/assessment_meta.xml",):
            if self.files.exists(candidate):
                return self.files.read_xml(candidate)
        for dep in resource.dependencies:
            other = self.resources.get(dep)
            for name in other.files if other else []:
                if name.endswith("assessment_meta.xml"):
                    return self.files.read_xml(name)
        return None

    def unpublished(self, resource: Resource) -> bool:
        kind = resource.kind()
        if kind == "web" and resource.href and resource.href.endswith(_HTML):
            return bool(_UNPUBLISHED_META.search(self.files.read_text(resource.href)[:4000]))
        if kind == "quiz":
            meta = self._assessment_meta(resource)
            if meta is not None:
                state = (meta.findtext("workflow_state") or "").strip()
                return (
                    state in ("unpublished", "deleted")
                    or (meta.findtext("available") or "").strip() == "false"
                )
        return False

    def is_content(self, resource: Resource) -> bool:
        """Worth a section when no module places it (Canvas pages, quizzes, topics, links, tools)."""
        kind = resource.kind()
        if kind in ("quiz", "discussion", "link", "lti"):
            return True
        return kind == "web" and bool(resource.href) and str(resource.href).startswith("wiki_content/")

    # ---- sections -----------------------------------------------------------------------------------

    def section(self, resource: Resource, title: str) -> SectionData | None:
        kind = resource.kind()
        main = resource.main_file()
        if kind == "bank":
            self.course.skip(title or resource.ident, "question bank (its questions are in no quiz)")
            return None
        if kind == "unknown" or main is None:
            self.course.skip(
                title or resource.ident, f"resource type {resource.type or '(none)'} not supported"
            )
            return None
        if not self.files.exists(main):
            self.course.skip(title or main, "file missing from the package")
            return None
        reader = {
            "web": self._web,
            "link": self._link,
            "discussion": self._discussion,
            "quiz": self._quiz,
            "lti": self._lti,
            "assignment": self._assignment,
        }[kind]
        return reader(resource, main, title)

    def _web(self, resource: Resource, main: str, title: str) -> SectionData | None:
        if main.lower().endswith(_HTML):
            document = self.files.read_text(main)
            html, plain = self.linker.clean(document, main)
            name = title or html_title(document) or PurePosixPath(main).stem
            return SectionData(resource.ident, name, "page", html, plain, {}, _minutes(plain))
        stored = self.linker.asset(main)
        if stored is None:
            return None
        name = title or PurePosixPath(main).name
        if stored.content_type.startswith("video/"):
            return SectionData(resource.ident, name, "video", data=video_data(stored.sha256, None, []))
        return SectionData(resource.ident, name, "file", data={"asset": stored.sha256, "name": stored.name})

    def _link(self, resource: Resource, main: str, title: str) -> SectionData | None:
        root = self.files.read_xml(main)
        url = (root.find("url").get("href") if root.find("url") is not None else "") or ""  # type: ignore[union-attr]
        if not url.lower().startswith(("http://", "https://")):
            self.course.skip(title or main, "web link without an http(s) address")
            return None
        name = title or _text(root, "title") or url
        return SectionData(resource.ident, name, "link", data={"url": url}, plain=name, duration_minutes=2)

    def _discussion(self, resource: Resource, main: str, title: str) -> SectionData:
        root = self.files.read_xml(main)
        text = root.find("text")
        prompt = (text.text or "") if text is not None else ""
        if text is not None and "html" not in (text.get("texttype") or "text/html"):
            prompt = html_lib.escape(prompt)
        html, plain = self.linker.clean(prompt, main)
        name = title or _text(root, "title") or "Discussion"
        return SectionData(resource.ident, name, "discussion", html, plain, {"url": None}, _minutes(plain))

    def _quiz(self, resource: Resource, main: str, title: str) -> SectionData | None:
        root = self.files.read_xml(main)
        quiz_title, attempts, questions, dropped = qti.parse_assessment(
            root, lambda fragment: self.linker.clean(fragment, main)[0]
        )
        meta = self._assessment_meta(resource)
        intro = ""
        if meta is not None:
            allowed = meta.findtext("allowed_attempts")
            if allowed is not None:
                attempts = qti.max_attempts(allowed)
            intro = meta.findtext("description") or ""
        name = title or quiz_title or "Quiz"
        if dropped:
            self.course.skip(name, f"{dropped} text-only item(s) without a question left out")
        if not questions:
            self.course.skip(name, "quiz without questions")
            return None
        for question in questions:
            if question.kind == "unsupported":
                self.course.skip(
                    f"{name} / {question.key}", "question type not supported (left out of the score)"
                )
        html, plain = self.linker.clean(intro, main) if intro else ("", "")
        plain = " ".join([plain, *(self.linker_plain(q.prompt_html) for q in questions)]).strip()
        section = SectionData(resource.ident, name, "quiz", html, plain, {"max_attempts": attempts})
        section.questions = questions
        section.duration_minutes = max(1, 2 * len(questions))
        return section

    @staticmethod
    def linker_plain(html: str) -> str:
        from lms_desktop.server.importing.sanitize import plain_text

        return plain_text(html)

    def _lti(self, resource: Resource, main: str, title: str) -> SectionData:
        root = self.files.read_xml(main)
        url = _text(root, "secure_launch_url") or _text(root, "launch_url") or None
        vendor = _text(root, "vendor/name") or (urlsplit(url).hostname if url else None)
        name = title or _text(root, "title") or "External tool"
        description = _text(root, "description")
        explanation = (
            f"<p>{html_lib.escape(description)}</p>" if description else ""
        ) + "<p>This activity runs in an external tool and opens on its home platform.</p>"
        plain = f"{name} {description}".strip()
        return SectionData(
            resource.ident, name, "external", explanation, plain, {"url": url, "platform": vendor}, 5
        )

    def _assignment(self, resource: Resource, main: str, title: str) -> SectionData:
        if main.lower().endswith(_HTML):
            instructions = self.files.read_text(main)
            name = title or html_title(instructions) or "Assignment"
        else:
            root = self.files.read_xml(main)
            text = root.find("text")
            instructions = (text.text or "") if text is not None else ""
            name = title or _text(root, "title") or "Assignment"
        html, plain = self.linker.clean(instructions, main)
        html += "<p>Submit this assignment on the course's home platform.</p>"
        return SectionData(resource.ident, name, "external", html, plain, {"url": None, "platform": None}, 10)


__all__ = ["PackageError", "Resource", "ResourceReader"]
