"""Open edX OLX exports (`course.xml` -> course -> chapter -> sequential -> vertical -> components).

Any element is either defined inline or points by `url_name` to `<tag>/<url_name>.xml`. Chapters become
lessons; each component becomes a section (html: a page, video, discussion, lti: external), and the problems
of one unit (vertical) become one quiz. `/static/...` links point at the course's files and
`/jump_to_id/X` links at the section X became. Components marked staff-only are left out and reported.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import unquote

from lms_desktop.server.importing import sanitize
from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.files import PackageFiles
from lms_desktop.server.importing.linker import Linker
from lms_desktop.server.importing.model import CourseData, LessonData, SectionData
from lms_desktop.server.importing.olx_problems import inner_html, parse_problem
from lms_desktop.server.importing.videos import video_data

MAX_DESCRIPTION = 4000
_LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt": "Português",
              "zh": "中文", "ar": "العربية", "hi": "हिन्दी", "ru": "Русский", "ja": "日本語"}  # fmt: skip
_DISCUSSION = "The discussion itself takes place on the course's platform."
_PLATFORM_ONLY = "This activity needs the course's home platform (Open edX); open it there."


def olx_hook(value: str, _base: str) -> str | None:
    path = value.split("?", 1)[0].split("#", 1)[0]
    if path.startswith("/static/") or path.startswith("static/"):
        return "path:static/" + unquote(path.split("static/", 1)[1])
    if "/jump_to_id/" in path:
        return "section:jump:" + path.rsplit("/jump_to_id/", 1)[1].strip("/")
    if path.startswith("/course/") or path.startswith("/courses/"):
        return "url:#"
    return None


class OlxReader:
    def __init__(self, files: PackageFiles, linker: Linker, course: CourseData) -> None:
        self.files = files
        self.linker = linker
        self.course = course
        self.first_section: dict[str, str] = {}  # any url_name -> the first section key made inside it
        self._seen: list[str] = []

    def load(self, el: ET.Element) -> ET.Element:
        """The element's definition: its own file when it points to one by url_name, else itself."""
        url_name = el.get("url_name") or el.get("filename")
        if url_name and len(el) == 0:
            rel = f"{el.tag}/{url_name.replace(':', '/')}.xml"
            if self.files.exists(rel):
                loaded = self.files.read_xml(rel)
                for key, value in el.attrib.items():
                    loaded.attrib.setdefault(key, value)
                loaded.attrib.setdefault("url_name", url_name)
                return loaded
        return el

    def _name(self, el: ET.Element, fallback: str) -> str:
        return (el.get("display_name") or "").strip() or fallback

    def _key(self, el: ET.Element, suffix: str = "") -> str:
        base = el.get("url_name") or f"{el.tag}{len(self._seen) + 1}"
        return base + suffix

    def _hidden(self, el: ET.Element, title: str) -> bool:
        if (el.get("visible_to_staff_only") or "").lower() == "true":
            self.course.skip(title, "hidden from learners (staff only)")
            return True
        return False

    def read(self) -> None:
        pointer = self.files.read_xml("course.xml")
        if pointer.tag != "course":
            raise PackageError("course.xml has no <course> element", "course.xml")
        org, number, run = (
            pointer.get("org") or "",
            pointer.get("course") or "",
            pointer.get("url_name") or "",
        )
        course_el = self.load(pointer)
        self.course.source_key = f"olx:{org}/{number}/{run}"
        self.course.title = self._name(course_el, number or run or "Untitled course")
        language = course_el.get("language")
        if language:
            self.course.language = language[:35]
        image = course_el.get("course_image")
        if image:
            self.course.cover = self.linker.asset(f"static/{image.removeprefix('/static/')}")
        self.course.description = self._description()
        for chapter_ref in course_el.findall("chapter"):
            chapter = self.load(chapter_ref)
            title = self._name(chapter, "Chapter")
            if self._hidden(chapter, title):
                continue
            lesson = LessonData(title=title)
            for seq_ref in chapter.findall("sequential"):
                self._sequential(self.load(seq_ref), lesson)
            self.course.lessons.append(lesson)
        self._resolve_jumps()

    def _description(self) -> str:
        for rel in ("about/short_description.html", "about/overview.html"):
            if self.files.exists(rel):
                text = sanitize.plain_text(sanitize.clean(self.files.read_text(rel)))
                if text:
                    return text[:MAX_DESCRIPTION]
        return ""

    def _sequential(self, seq: ET.Element, lesson: LessonData) -> None:
        title = self._name(seq, "")
        if self._hidden(seq, title or "sequential"):
            return
        start = len(lesson.sections)
        for vertical_ref in seq.findall("vertical"):
            self._vertical(self.load(vertical_ref), lesson, title)
        if len(lesson.sections) > start and seq.get("url_name"):
            self.first_section.setdefault(seq.get("url_name") or "", lesson.sections[start].key)

    def _vertical(self, vertical: ET.Element, lesson: LessonData, seq_title: str) -> None:
        unit_title = self._name(vertical, seq_title or "Unit")
        if self._hidden(vertical, unit_title):
            return
        start = len(lesson.sections)
        quiz: SectionData | None = None
        for ref in vertical:
            component = self.load(ref)
            title = self._name(component, unit_title)
            if self._hidden(component, title):
                continue
            if component.tag == "problem":
                quiz = self._problem(component, vertical, unit_title, quiz, lesson)
                continue
            section = self._component(component, title)
            if section is not None:
                lesson.sections.append(section)
                if component.get("url_name"):
                    self.first_section.setdefault(component.get("url_name") or "", section.key)
        if len(lesson.sections) > start and vertical.get("url_name"):
            self.first_section.setdefault(vertical.get("url_name") or "", lesson.sections[start].key)

    def _problem(
        self,
        problem: ET.Element,
        vertical: ET.Element,
        title: str,
        quiz: SectionData | None,
        lesson: LessonData,
    ) -> SectionData:
        url_name = problem.get("url_name") or f"problem{len(self._seen) + 1}"
        self._seen.append(url_name)
        base = f"problem/{url_name}.xml"
        questions, attempts = parse_problem(problem, url_name, lambda h: self.linker.clean(h, base)[0])
        if quiz is None:
            quiz = SectionData(self._key(vertical, ":quiz"), title, "quiz", data={"max_attempts": attempts})
            lesson.sections.append(quiz)
        elif attempts is not None:
            current = quiz.data.get("max_attempts")
            quiz.data["max_attempts"] = attempts if current is None else min(current, attempts)
        self.first_section.setdefault(url_name, quiz.key)
        for question in questions:
            if question.kind == "unsupported":
                self.course.skip(
                    f"{title} / {question.key}", "problem type not supported (left out of the score)"
                )
            quiz.questions.append(question)
            quiz.plain = f"{quiz.plain} {sanitize.plain_text(question.prompt_html)}".strip()
        quiz.duration_minutes = max(1, 2 * len(quiz.questions))
        return quiz

    def _component(self, el: ET.Element, title: str) -> SectionData | None:
        key = self._key(el)
        self._seen.append(key)
        if el.tag == "html":
            return self._html(el, key, title)
        if el.tag == "video":
            return self._video(el, key, title)
        if el.tag == "discussion":
            target = el.get("discussion_target") or title
            html = f"<p>{sanitize.escape(target)}</p><p>{_DISCUSSION}</p>"
            return SectionData(key, title, "discussion", html, target, {"url": None}, 5)
        if el.tag in ("lti", "lti_consumer"):
            url = el.get("launch_url") or None
            html = f"<p>{sanitize.escape(_PLATFORM_ONLY)}</p>"
            return SectionData(key, title, "external", html, title, {"url": url, "platform": "LTI tool"}, 5)
        if el.tag in ("wiki", "chapter", "sequential", "vertical"):
            self.course.skip(title, f"<{el.tag}> inside a unit is not supported")
            return None
        html = f"<p>{sanitize.escape(_PLATFORM_ONLY)}</p>"
        return SectionData(
            key, title, "external", html, title, {"url": None, "platform": f"Open edX {el.tag}"}, 5
        )

    def _html(self, el: ET.Element, key: str, title: str) -> SectionData | None:
        filename = el.get("filename")
        rel = f"html/{filename}.html" if filename else f"html/{el.get('url_name')}.html"
        if (filename or len(el) == 0) and self.files.exists(rel):
            source, base = self.files.read_text(rel), rel
        else:
            source, base = inner_html(el), "html/inline.html"
        html, plain = self.linker.clean(source, base)
        if not plain and "<img" not in html:
            return None  # an empty component: nothing to read
        return SectionData(key, title, "page", html, plain, {}, max(1, round(len(plain.split()) / 200)))

    def _video(self, el: ET.Element, key: str, title: str) -> SectionData | None:
        url = None
        youtube = el.get("youtube_id_1_0") or ""
        if youtube:
            url = f"https://www.youtube.com/watch?v={youtube}"
        sources: list[str] = []
        try:
            listed = json.loads(el.get("html5_sources") or "[]")
            sources = [str(s) for s in listed] if isinstance(listed, list) else []
        except ValueError:
            pass
        sources += [s.get("src") or "" for s in el.findall("source")]
        asset = None
        for src in sources:
            if src.startswith(("/static/", "static/")):
                stored = self.linker.asset("static/" + unquote(src.split("static/", 1)[1]))
                asset = stored.sha256 if stored else asset
            elif src.startswith(("http://", "https://")) and url is None:
                url = src
        captions = []
        for transcript in el.findall("transcript"):
            src, language = transcript.get("src") or "", transcript.get("language") or "en"
            stored = self.linker.asset(f"static/{src}") if src else None
            if stored is not None:
                fmt = "vtt" if src.lower().endswith(".vtt") else "srt"
                captions.append(
                    {
                        "language": language,
                        "label": _LANGUAGES.get(language, language),
                        "asset": stored.sha256,
                        "format": fmt,
                    }
                )
        if asset is None and url is None:
            self.course.skip(title, "video without a file in the package or an address")
            return None
        return SectionData(key, title, "video", "", title, video_data(asset, url, captions), 5)

    def _resolve_jumps(self) -> None:
        refs = self.course.section_refs
        for index, key in enumerate(refs):
            if key.startswith("jump:"):
                refs[index] = self.first_section.get(key[5:], key)


def read_olx(files: PackageFiles, linker: Linker, course: CourseData) -> None:
    """Fill `course` from an OLX course folder."""
    if not files.exists("course.xml"):
        raise PackageError("no course.xml (not an Open edX export)")
    linker.hook = olx_hook
    OlxReader(files, linker, course).read()
