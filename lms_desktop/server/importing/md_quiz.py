"""Quizzes in the Markdown course format: one `## ` heading per question.

    ## What does `git add` do? {#stage}
    points: 2
    - [ ] Uploads commits
    - [x] Stages changes for the next commit
    feedback: `git add` puts changes in the index.

Choices are a task list (one `[x]`: single answer; several: multiple answers, `partial: yes` for partial
credit). `answer: Paris | paris` accepts texts (`ci:`, `regex:` or `contains:` before a value changes how it
matches), `number: 3.14 +- 0.01` a number (`+- 5%` for a percentage), and a question with neither is an
essay. `correct:`, `incorrect:` and `feedback:` lines are the feedback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lms_desktop.server.importing.model import Question

_CHOICE = re.compile(r"^\s*[-*+]\s+\[( |x|X)\]\s+(.*)$")
_FIELD = re.compile(r"^(points|answer|number|feedback|correct|incorrect|partial|kind)\s*:\s*(.*)$", re.I)
_ANCHOR = re.compile(r"\s*\{#([A-Za-z0-9_\-.]+)\}\s*$")
_NUMBER = re.compile(r"^([-+]?[\d.eE+\-]+)\s*(?:(?:\+-|±)\s*([\d.eE+\-]+)\s*(%)?)?$")
Render = Callable[[str], str]


def split_questions(body: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """(intro Markdown, [(heading, lines)]) for a quiz file's body."""
    intro: list[str] = []
    blocks: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("## "):
            blocks.append((line[3:].strip(), []))
        elif blocks:
            blocks[-1][1].append(line)
        else:
            intro.append(line)
    return "\n".join(intro).strip(), blocks


def _text_answers(raw: str) -> list[dict[str, str]]:
    accepted = []
    for part in raw.split("|"):
        value = part.strip()
        match = "exact"
        for prefix, kind in (("ci:", "ci"), ("regex:", "regex"), ("contains:", "substring")):
            if value.lower().startswith(prefix):
                value, match = value[len(prefix) :].strip(), kind
        if value:
            accepted.append({"value": value, "match": match})
    return accepted


def _numeric(raw: str) -> dict[str, Any] | None:
    found = _NUMBER.match(raw.strip())
    if not found:
        return None
    try:
        value = float(found.group(1))
        tolerance = float(found.group(2)) if found.group(2) else 0.0
    except ValueError:
        return None
    return {"value": value, "tolerance": tolerance, "percent": bool(found.group(3))}


def parse_question(
    index: int, heading: str, lines: list[str], render: Render, inline: Render | None = None
) -> Question:
    """One question block; `render` turns Markdown into sanitized HTML (`inline`: without a paragraph)."""
    inline = inline or render
    anchor = _ANCHOR.search(heading)
    key = anchor.group(1) if anchor else f"q{index}"
    heading = _ANCHOR.sub("", heading)
    fields: dict[str, str] = {}
    choices: list[tuple[bool, str]] = []
    prompt: list[str] = [heading]
    for line in lines:
        choice = _CHOICE.match(line)
        field = _FIELD.match(line.strip())
        if choice:
            choices.append((choice.group(1) != " ", choice.group(2).strip()))
        elif field:
            fields[field.group(1).lower()] = field.group(2).strip()
        else:
            prompt.append(line)
    feedback: dict[str, Any] = {
        "correct": render(fields["correct"]) if "correct" in fields else None,
        "incorrect": render(fields["incorrect"]) if "incorrect" in fields else None,
        "general": render(fields["feedback"]) if "feedback" in fields else None,
        "choices": {},
    }
    try:
        points = max(0.0, float(fields.get("points", "1")))
    except ValueError:
        points = 1.0
    question = Question(key=key, kind="essay", prompt_html=render("\n".join(prompt).strip()), points=points)
    question.feedback = feedback
    if choices:
        ids = [chr(ord("a") + i) if i < 26 else f"c{i + 1}" for i in range(len(choices))]
        question.choices = [
            {"id": i, "html": inline(text)} for i, (_, text) in zip(ids, choices, strict=True)
        ]
        correct = [i for i, (right, _) in zip(ids, choices, strict=True) if right]
        multiple = len(correct) > 1 or fields.get("kind", "").lower() == "multiple"
        question.kind = "multiple" if multiple else "single"
        question.answer_key = {"correct": correct}
        if multiple:
            question.answer_key["partial"] = fields.get("partial", "").lower() in ("yes", "true", "1")
    elif "number" in fields and (numeric := _numeric(fields["number"])) is not None:
        question.kind = "numeric"
        question.answer_key = {"answers": [numeric]}
    elif "answer" in fields and (accepted := _text_answers(fields["answer"])):
        question.kind = "text"
        question.answer_key = {"accepted": accepted}
    return question
