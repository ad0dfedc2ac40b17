# ruff: noqa: E501  (word lists and code samples read best one entry per line)
"""Markdown section bodies: headings, paragraphs, lists and a fenced code sample in the subject's language.

A body is a pure function of (subject, topic, section type, tool) and is shared through section_bodies by
every section with that key: a section's body is about its lesson's topic and names the tool its title
names, so the bodies stay true while a 100,000-course catalog needs a few thousand of them, not millions.
"""

from __future__ import annotations

import random

from lms_desktop.server.seed.phrases import lower_topic
from lms_desktop.server.seed.words import Subject

SECTION_TYPES = ("text", "video", "quiz", "exercise")

CODE = {
    "python": "def {fn}(items: list[int]) -> int:\n    total = 0\n    for item in items:\n        total += item\n    return total\n\nprint({fn}([1, 2, 3]))",
    "javascript": "export function {fn}(items) {{\n  return items.reduce((sum, x) => sum + x, 0);\n}}\n\nconsole.log({fn}([1, 2, 3]));",
    "typescript": "export function {fn}(items: number[]): number {{\n  return items.reduce((sum, x) => sum + x, 0);\n}}",
    "sql": "SELECT c.title, COUNT(e.id) AS learners\nFROM courses c\nLEFT JOIN enrollments e ON e.course_id = c.id\nGROUP BY c.title\nORDER BY learners DESC\nLIMIT 10;",
    "bash": '#!/usr/bin/env bash\nset -euo pipefail\nfor f in *.log; do\n  echo "$f: $(wc -l < "$f") lines"\ndone',
    "yaml": "name: {fn}\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test",
    "dockerfile": 'FROM python:3.12-slim AS build\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\nCMD ["python", "-m", "{fn}"]',
    "rust": 'fn {fn}(items: &[i64]) -> i64 {{\n    items.iter().sum()\n}}\n\nfn main() {{\n    println!("{{}}", {fn}(&[1, 2, 3]));\n}}',
    "go": "func {fn}(items []int) int {{\n\ttotal := 0\n\tfor _, x := range items {{\n\t\ttotal += x\n\t}}\n\treturn total\n}}",
    "java": "static int {fn}(List<Integer> items) {{\n    return items.stream().mapToInt(Integer::intValue).sum();\n}}",
    "c": "int {fn}(const int *items, size_t n) {{\n    int total = 0;\n    for (size_t i = 0; i < n; i++) total += items[i];\n    return total;\n}}",
    "kotlin": "fun {fn}(items: List<Int>): Int = items.sum()\n\nfun main() {{\n    println({fn}(listOf(1, 2, 3)))\n}}",
    "r": "{fn} <- function(x) {{\n  mean(x, na.rm = TRUE)\n}}\n{fn}(c(1, 2, NA, 4))",
    "csharp": 'void Update() {{\n    var move = Input.GetAxis("Horizontal") * speed * Time.deltaTime;\n    transform.Translate(move, 0, 0);\n}}',
    "text": "Goal:    practise {fn}\nStep 1:  write down what you know\nStep 2:  try it on a small example\nStep 3:  review and adjust",
}

_INTROS = (
    "In this part we look at {topic_l} from a practical angle: what it is for, how it behaves, and where it "
    "tends to surprise people.",
    "{topic} looks simple until you use it for real. Here we slow down and build a clear mental model first.",
    "This section connects {topic_l} to the rest of the course, so that later lessons feel like a natural "
    "next step rather than a jump.",
    "Most problems with {topic_l} come from a handful of misunderstandings. We name them, then fix them.",
)
_CODE_POINTS = (
    "Start from a small, working example before generalising.",
    "Name things for what they do; future you will thank you.",
    "Measure before you optimise, and keep the measurement.",
    "Read the error message twice; it usually says what is wrong.",
    "Prefer the simplest tool that solves the problem.",
    "Write down the trade-off you chose and why.",
    "Check the edge cases: empty input, huge input, bad input.",
    "Practise a little every day rather than a lot once a week.",
)
_PRACTICE_POINTS = (
    "Start with one small, concrete example before the general rule.",
    "Write down what you expect before you try it.",
    "Practise a little every day rather than a lot once a week.",
    "Ask for feedback early; it costs less than starting over.",
    "Keep notes of what worked and what did not.",
    "Compare your result with a good example.",
    "Change one thing at a time, so you know what made the difference.",
    "Review yesterday's work before starting today's.",
)


def _fn_name(topic: str) -> str:
    words = [w for w in topic.lower().replace("-", " ").split() if w.isalpha() and w != "the"][:2]
    return "_".join(words or ["example"])


def render_body(subject: Subject, topic: str, section_type: str, tool: str) -> str:
    """The Markdown body of a `section_type` section on `topic`, practised with `tool`."""
    rng = random.Random(f"{subject.name}|{topic}|{section_type}|{tool}")
    fmt = {"topic": topic, "topic_l": lower_topic(topic), "tool": tool}
    code_subject = subject.language != "text"
    points = rng.sample(_CODE_POINTS if code_subject else _PRACTICE_POINTS, 4)
    sample = CODE.get(subject.language, CODE["text"])
    code = sample.format(fn=_fn_name(topic) if code_subject else fmt["topic_l"])
    lines = [f"## {topic}", "", rng.choice(_INTROS).format(**fmt), ""]
    if section_type == "video":
        lines += [f"> Watch the walkthrough of {fmt['topic_l']} in {tool}, then try the steps yourself.", ""]
    lines += ["### Key points", ""] + [f"- {p}" for p in points] + [""]
    lines += ["### Example", "", f"```{subject.language}", code, "```", ""]
    if section_type == "quiz":
        lines += [
            "### Quiz",
            "",
            f"1. What problem does {fmt['topic_l']} solve?",
            f"2. When would you *not* use {tool} for {fmt['topic_l']}?",
            "3. Which of the key points above did the example rely on?",
            "",
        ]
    elif section_type == "exercise":
        lines += [
            "### Exercise",
            "",
            f"1. Reproduce the example with {tool}.",
            f"2. Change one thing about how you approach {fmt['topic_l']} and predict the result first.",
            "3. Write two sentences on what you learned.",
            "",
        ]
    lines += [f"**Takeaway:** {rng.choice(points)}", ""]
    return "\n".join(lines)
