"""A generated course's title, description and length, and the topics it teaches.

The title template decides the topics: "{level} {topic}" teaches one, "{level} {topic} and {topic2}" two, a
"{subject} for {audience}" survey a few of its subject's; only a course on two or more topics mentions a
second one in its description, and the tool it names fits its first topic (`tools.tools_for`).
"""

from __future__ import annotations

import random

from lms_desktop.server.seed import phrases, tools, words

SURVEY_TOPICS = 4  # at most, and never more than the course has lessons


def describe(
    rng: random.Random, subject: int, difficulty: str, lessons: int, sections: int
) -> tuple[str, str, float, tuple[int, ...]]:
    """(title, description, estimated hours, topics taught as indices into the subject's topics)."""
    s = words.SUBJECTS[subject]
    template = rng.choice(phrases.TITLE_TEMPLATES)
    t1, t2 = rng.sample(range(len(s.topics)), 2)
    topics: tuple[int, ...]
    if "{topic" not in template:  # a survey of the subject: a few of its topics, one or more lessons each
        picks = rng.sample(range(len(s.topics)), min(SURVEY_TOPICS, len(s.topics), lessons))
        t1, t2 = picks[0], picks[1]
        topics = tuple(picks)
    else:
        topics = (t1, t2) if "{topic2}" in template else (t1,)
    topic, topic2 = s.topics[t1], s.topics[t2]
    audience = rng.choice(phrases.audiences_for(s))
    hours = max(0.5, round(sections * rng.uniform(0.15, 0.45) * 2) / 2)
    fmt = {
        "level": rng.choice(phrases.LEVEL_WORDS[difficulty]),
        "subject": s.name,
        "topic": topic,
        "topic2": topic2,
        "tool": rng.choice(tools.tools_for(s, topic)),
        "audience": audience,
        "topic_l": phrases.lower_topic(topic),
        "topic2_l": phrases.lower_topic(topic2),
        "level_l": difficulty,
        "a_level": ("An " if difficulty[0] in "aeiou" else "A ") + difficulty,
        "audience_l": audience.lower(),
        "hours": str(hours),
    }
    two = len(topics) > 1
    parts = [
        rng.choice([t for t in templates if two or "{topic2" not in t])
        for templates in (
            phrases.DESCRIPTION_OPENERS,
            phrases.DESCRIPTION_MIDDLES,
            phrases.DESCRIPTION_CLOSERS,
        )
    ]
    return template.format(**fmt), " ".join(p.format(**fmt) for p in parts), hours, topics
