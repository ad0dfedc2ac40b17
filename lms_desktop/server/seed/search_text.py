"""What the seed puts in the content index (course_search): each course's section titles and a short
plain-text digest of its sections' bodies, so a seeded demo finds words that appear only in section text.

Bodies are shared by thousands of courses (`outline`), so each body's plain text is made once; a course's
text is its distinct bodies' texts in course order, cut to COURSE_TEXT_CHARS (the importer keeps up to
200,000 characters of a real course's text; the seed keeps the load of 100,000 courses small).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.engine import Connection

from lms_desktop.server.db import fts_content
from lms_desktop.server.seed.bulk import insert_rows

BODY_TEXT_CHARS = 240
COURSE_TEXT_CHARS = 720
_MARKUP = re.compile(r"```.*?```|[#*`>\[\]()|_=-]+", re.DOTALL)  # code samples and Markdown marks
_SPACE = re.compile(r"\s+")


class CourseText:
    """Collects each course's section titles and body texts while its sections are generated."""

    def __init__(self, bodies: dict[int, str]) -> None:
        self._bodies = bodies  # body id -> Markdown, for the bodies generated so far
        self._texts: dict[int, str] = {}
        self.rows: list[tuple[Any, ...]] = []
        self._titles: list[str] = []
        self._body_ids: dict[int, None] = {}

    def add_section(self, title: str, body_id: int) -> None:
        self._titles.append(title)
        self._body_ids[body_id] = None

    def end_course(self, course_id: int) -> None:
        """The course's row, from the sections added since the last call."""
        text, size = [], 0
        for body_id in self._body_ids:
            if size >= COURSE_TEXT_CHARS:
                break
            piece = self._text(body_id)
            text.append(piece)
            size += len(piece) + 1
        body = " ".join(text)[:COURSE_TEXT_CHARS]
        sections = "\n".join(self._titles)[: fts_content.MAX_SECTIONS_CHARS]
        self.rows.append((course_id, sections, body))
        self._titles, self._body_ids = [], {}

    def _text(self, body_id: int) -> str:
        found = self._texts.get(body_id)
        if found is None:
            plain = _SPACE.sub(" ", _MARKUP.sub(" ", self._bodies[body_id])).strip()
            found = self._texts[body_id] = plain[:BODY_TEXT_CHARS].rsplit(" ", 1)[0]
        return found

    def flush(self, conn: Connection) -> None:
        """Write the rows collected so far (their courses exist already)."""
        if self.rows:
            insert_rows(conn, "course_search", ("course_id", "sections", "body"), self.rows)
            self.rows = []
