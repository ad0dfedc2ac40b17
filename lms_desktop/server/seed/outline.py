"""A generated course's outline: lesson titles, section titles and types, and their bodies.

Everything follows the course's topics: lesson i of n is about topic i * len(topics) // n, its sections are
about the lesson's topic and name only that topic's tools, and each section's body is the pooled body of
(subject, topic, type, tool). Lesson titles come in course order from LESSON_PATTERNS without repeats, and
section titles within a lesson never repeat (each type's patterns are walked from a random offset).

This is the seed's hot loop (millions of sections for 100,000 courses): draws use random() and integer
arithmetic, several times cheaper than choice()/randint().
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

from lms_desktop.server.seed import phrases, tools, words
from lms_desktop.server.seed.bodies import SECTION_TYPES, render_body

TYPE_WEIGHTS = (50, 25, 12, 13)  # text, video, quiz, exercise
BodyKey = tuple[int, int, str, int]  # subject, topic, section type, tool (indices but the type)


class Outlines:
    """Lesson and section titles for courses, with the bodies they use made on first use."""

    def __init__(self, rng: random.Random, first_body_id: int) -> None:
        self._rng = rng
        self._rnd = rng.random
        self._type_cum = list(itertools.accumulate(TYPE_WEIGHTS))
        self._next_body = first_body_id
        self.body_ids: dict[BodyKey, int] = {}
        self._new_bodies: list[tuple[int, str]] = []
        self.markdown: dict[int, str] = {}  # every body made, by id (for the search text)
        self._tools = {
            (si, ti): tools.tools_for(s, topic)
            for si, s in enumerate(words.SUBJECTS)
            for ti, topic in enumerate(s.topics)
        }

    def lessons(self, subject: int, topics: tuple[int, ...], count: int) -> list[tuple[int, str]]:
        """`count` lessons as (topic index, title), each topic's block in course order."""
        names = words.SUBJECTS[subject].topics
        blocks = [0] * len(topics)
        for li in range(count):
            blocks[li * len(topics) // count] += 1
        out: list[tuple[int, str]] = []
        for ti, size in zip(topics, blocks, strict=True):
            tools = self._tools[(subject, ti)]
            for pattern in sorted(self._rng.sample(range(len(phrases.LESSON_PATTERNS)), size)):
                tool = tools[int(self._rnd() * len(tools))]
                out.append((ti, phrases.LESSON_PATTERNS[pattern].format(topic=names[ti], tool=tool)))
        return out

    def sections(self, subject: int, topic: int, count: int) -> Iterator[tuple[str, str, int]]:
        """`count` sections of a lesson on `topic`, as (title, type, body id), no title twice."""
        rnd = self._rnd
        name = words.SUBJECTS[subject].topics[topic]
        tools = self._tools[(subject, topic)]
        tool_at = int(rnd() * len(tools))
        seen: dict[str, int] = {}  # type -> offset into its patterns, then one step per use
        for st in self._rng.choices(SECTION_TYPES, cum_weights=self._type_cum, k=count):
            patterns = phrases.SECTION_PATTERNS[st]
            at = seen.get(st)
            at = int(rnd() * len(patterns)) if at is None else at + 1
            seen[st] = at
            ti = tool_at % len(tools)
            tool_at += 1
            title = patterns[at % len(patterns)].format(topic=name, tool=tools[ti])
            yield title, st, self._body(subject, topic, st, ti)

    def _body(self, subject: int, topic: int, section_type: str, tool: int) -> int:
        key = (subject, topic, section_type, tool)
        found = self.body_ids.get(key)
        if found is None:
            found = self.body_ids[key] = self._next_body
            self._next_body += 1
            s = words.SUBJECTS[subject]
            tool_name = self._tools[(subject, topic)][tool]
            markdown = render_body(s, s.topics[topic], section_type, tool_name)
            self._new_bodies.append((found, markdown))
            self.markdown[found] = markdown
        return found

    def take_new_bodies(self) -> list[tuple[int, str]]:
        """The bodies made since the last call, as (id, markdown) rows to insert before their sections."""
        rows, self._new_bodies = self._new_bodies, []
        return rows
