"""The Markdown course format: a folder any author can write in a text editor.

    course.toml              id, title, description, language, difficulty, hours, cover
    01-getting-started/      a lesson per numbered folder (title: lesson.toml's `title`, else the name)
      01-welcome.md          a page per numbered file; title from front matter, first `# `, else name
      02-slides.pdf          any other file is a file section
      03-intro-video.md      front matter `type = "video"` with `url` or `file` (+ `captions`)
      04-docs.md             `type = "link"` with `url`; `type = "quiz"` (see md_quiz.py)
    images/diagram.png       referenced from pages with relative links

Front matter is TOML between `+++` lines. Section keys are the folder and file names without their number
prefixes (or the front matter's `id`), so renumbering keeps learners' progress on re-import.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import PurePosixPath
from typing import Any

from markdown_it import MarkdownIt

from lms_desktop.server.importing import sanitize
from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.files import PackageFiles
from lms_desktop.server.importing.linker import Linker
from lms_desktop.server.importing.md_quiz import parse_question, split_questions
from lms_desktop.server.importing.model import CourseData, LessonData, SectionData
from lms_desktop.server.importing.videos import video_data

_NUMBERED = re.compile(r"^(\d+)[-_. ]+(.*)$")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
DIFFICULTIES = ("beginner", "intermediate", "advanced")


def _strip_number(name: str) -> tuple[int | None, str]:
    found = _NUMBERED.match(name)
    return (int(found.group(1)), found.group(2)) if found else (None, name)


def _humanize(name: str) -> str:
    text = re.sub(r"[-_]+", " ", name).strip()
    return text[:1].upper() + text[1:] if text else "Untitled"


def front_matter(text: str, entry: str) -> tuple[dict[str, Any], str]:
    """(TOML front matter between `+++` lines, the rest)."""
    if not text.startswith("+++"):
        return {}, text
    end = text.find("\n+++", 3)
    if end < 0:
        raise PackageError("front matter opened with +++ but never closed", entry)
    try:
        meta = tomllib.loads(text[3:end])
    except tomllib.TOMLDecodeError as exc:
        raise PackageError(f"bad front matter ({exc})", entry) from None
    return meta, text[end + 4 :].lstrip("\n")


def _minutes(plain: str) -> int:
    return max(1, round(len(plain.split()) / 200))


class MarkdownCourseReader:
    def __init__(self, files: PackageFiles, linker: Linker, course: CourseData) -> None:
        self.files = files
        self.linker = linker
        self.course = course

    def render(self, markdown: str, base: str) -> tuple[str, str]:
        return self.linker.clean(_md.render(markdown), base)

    def lessons(self) -> list[tuple[int, str, list[tuple[int, str, str]]]]:
        """Numbered lesson folders with their numbered entries, in order."""
        found = []
        for folder in sorted(p for p in self.files.root.iterdir() if p.is_dir()):
            number, name = _strip_number(folder.name)
            if number is None:
                continue
            entries = []
            for file in sorted(p for p in folder.iterdir() if p.is_file()):
                n, stem = _strip_number(file.name)
                if n is not None:
                    entries.append((n, stem, f"{folder.name}/{file.name}"))
            found.append((number, name, sorted(entries)))
        return sorted(found)

    def read(self) -> None:
        lesson_list = self.lessons()
        for _, lesson_name, entries in lesson_list:
            for _, stem, rel in entries:
                if rel.endswith(".md"):
                    self.linker.page_keys[rel] = f"{lesson_name}/{PurePosixPath(stem).stem}"
        for _, lesson_name, entries in lesson_list:
            folder = entries[0][2].split("/")[0] if entries else lesson_name
            title = _humanize(lesson_name)
            if self.files.exists(f"{folder}/lesson.toml"):
                meta = tomllib.loads(self.files.read_text(f"{folder}/lesson.toml"))
                title = str(meta.get("title") or title)
            lesson = LessonData(title=title)
            for _, stem, rel in entries:
                section = self.section(lesson_name, stem, rel)
                if section is not None:
                    lesson.sections.append(section)
            self.course.lessons.append(lesson)

    def section(self, lesson_name: str, stem: str, rel: str) -> SectionData | None:
        key = f"{lesson_name}/{PurePosixPath(stem).stem}"
        if not rel.endswith(".md"):
            stored = self.linker.asset(rel)
            if stored is None:
                return None
            kind = "video" if stored.content_type.startswith("video/") else "file"
            data: dict[str, Any] = {"asset": stored.sha256, "name": PurePosixPath(rel).name}
            if kind == "video":
                data = {"asset": stored.sha256, "url": None, "provider": None, "captions": []}
            return SectionData(key=key, title=_humanize(PurePosixPath(stem).stem), type=kind, data=data)
        meta, body = front_matter(self.files.read_text(rel), rel)
        key = str(meta.get("id") or key)
        heading = _HEADING.search(body)
        title = str(
            meta.get("title") or (heading.group(1) if heading else _humanize(PurePosixPath(stem).stem))
        )
        if heading and not meta.get("title") and body.lstrip().startswith("# "):
            body = body[heading.end() :]  # the title is shown by the reader already
        kind = str(meta.get("type", "page"))
        section = SectionData(key=key, title=title, type="page")
        if kind == "quiz":
            self.quiz(section, body, rel, meta)
        else:
            section.html, section.plain = self.render(body, rel)
            section.duration_minutes = _minutes(section.plain)
            if kind in ("link", "video", "file", "discussion", "external"):
                self.special(section, kind, meta, rel)
        if isinstance(meta.get("minutes"), int):
            section.duration_minutes = max(0, meta["minutes"])
        return section

    def special(self, section: SectionData, kind: str, meta: dict[str, Any], rel: str) -> None:
        section.type = kind
        url = meta.get("url")
        url = str(url) if isinstance(url, str) and url.startswith(("http://", "https://")) else None
        if kind == "link":
            if url is None:
                raise PackageError("a link section needs an http(s) `url`", rel)
            section.data = {"url": url}
        elif kind == "video":
            file = self._file(meta.get("file"), rel)
            captions = []
            for cap in meta.get("captions", []) if isinstance(meta.get("captions"), list) else []:
                stored = self._file(cap.get("file"), rel) if isinstance(cap, dict) else None
                if stored is not None:
                    lang = str(cap.get("language", "en"))
                    fmt = "vtt" if str(cap.get("file", "")).endswith(".vtt") else "srt"
                    captions.append(
                        {
                            "language": lang,
                            "label": str(cap.get("label", lang)),
                            "asset": stored.sha256,
                            "format": fmt,
                        }
                    )
            section.data = video_data(file.sha256 if file else None, url, captions)
            if file is None and url is None:
                raise PackageError("a video section needs a `url` or a `file`", rel)
        elif kind == "file":
            file = self._file(meta.get("file"), rel)
            if file is None:
                raise PackageError("a file section needs a `file` in the course folder", rel)
            section.data = {"asset": file.sha256, "name": file.name}
        else:
            section.data = (
                {"url": url} if kind == "discussion" else {"url": url, "platform": meta.get("platform")}
            )

    def _file(self, value: object, rel: str) -> Any:
        if not isinstance(value, str):
            return None
        target = self.files.normalize(value, rel)
        stored = self.linker.asset(target) if target else None
        if stored is None:
            raise PackageError(f"file {value!r} not found in the course folder", rel)
        return stored

    def quiz(self, section: SectionData, body: str, rel: str, meta: dict[str, Any]) -> None:
        section.type = "quiz"
        intro, blocks = split_questions(body)
        section.html, section.plain = self.render(intro, rel) if intro else ("", "")
        for index, (heading, lines) in enumerate(blocks, start=1):
            question = parse_question(
                index,
                heading,
                lines,
                lambda md: self.render(md, rel)[0],
                lambda md: self.linker.clean(_md.renderInline(md), rel)[0],
            )
            section.questions.append(question)
            section.plain += " " + sanitize.plain_text(question.prompt_html)
        attempts = meta.get("max_attempts")
        section.data = {"max_attempts": attempts if isinstance(attempts, int) and attempts > 0 else None}
        section.duration_minutes = max(1, 2 * len(section.questions))


def read_markdown_course(files: PackageFiles, linker: Linker, course: CourseData) -> None:
    """Fill `course` from a Markdown course folder."""
    try:
        meta = tomllib.loads(files.read_text("course.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise PackageError(f"bad TOML ({exc})", "course.toml") from None
    if not isinstance(meta.get("id"), str) or not meta["id"].strip():
        raise PackageError("course.toml needs an `id` (a stable name for re-imports)", "course.toml")
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        raise PackageError("course.toml needs a `title`", "course.toml")
    course.source_key = f"md:{meta['id'].strip()}"
    course.title = meta["title"].strip()
    course.description = str(meta.get("description", "")).strip()
    course.language = str(meta.get("language", "en"))
    if meta.get("difficulty") in DIFFICULTIES:
        course.difficulty = str(meta["difficulty"])
    if isinstance(meta.get("hours"), int | float) and meta["hours"] >= 0:
        course.estimated_hours = float(meta["hours"])
    if isinstance(meta.get("cover"), str):
        course.cover = linker.asset(files.normalize(meta["cover"]) or "")
    MarkdownCourseReader(files, linker, course).read()
