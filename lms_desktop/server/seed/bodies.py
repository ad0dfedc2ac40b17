# ruff: noqa: E501  (word lists and code samples read best one entry per line)
"""Markdown section bodies: headings, paragraphs, lists and a fenced code sample in the subject's language.

Bodies are a bounded pool (subject x section type x variant) shared by sections through section_bodies.
The section's own title is shown above the body by the reader, so a body stays true when shared; a
100,000-course catalog then needs a few hundred bodies instead of millions of near-identical copies.
"""

from __future__ import annotations

import random

from lms_desktop.server.seed.words import SUBJECTS, Subject

VARIANTS = 4
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
    "text": "Goal:    {fn}\nStep 1:  write down what you know\nStep 2:  try it on a small example\nStep 3:  review and adjust",
}

_INTROS = (
    "In this part we look at {topic_l} from a practical angle: what it is for, how it behaves, and where it "
    "tends to surprise people.",
    "{topic} is one of those ideas that looks simple until you use it for real. Here we slow down and build "
    "a clear mental model first.",
    "This section connects {topic_l} to the rest of the course, so that later lessons feel like a natural "
    "next step rather than a jump.",
    "Most problems with {topic_l} come from a handful of misunderstandings. We name them, then fix them.",
)
_POINTS = (
    "Start from a small, working example before generalising.",
    "Name things for what they do; future you will thank you.",
    "Measure before you optimise, and keep the measurement.",
    "Read the error message twice; it usually says what is wrong.",
    "Prefer the simplest tool that solves the problem.",
    "Write down the trade-off you chose and why.",
    "Check the edge cases: empty input, huge input, bad input.",
    "Practise a little every day rather than a lot once a week.",
)


def _fn_name(subject: Subject, variant: int) -> str:
    base = subject.topics[variant % len(subject.topics)].lower()
    words = [w for w in base.replace("-", " ").split() if w.isalpha()][:2] or ["example"]
    return "_".join(words)


def render_body(subject: Subject, section_type: str, variant: int) -> str:
    rng = random.Random(f"{subject.name}|{section_type}|{variant}")
    topic = rng.choice(subject.topics)
    tool = rng.choice(subject.tools)
    fmt = {"topic": topic, "topic_l": topic.lower(), "tool": tool}
    points = rng.sample(_POINTS, 4)
    code = CODE.get(subject.language, CODE["text"]).format(fn=_fn_name(subject, variant))
    lines = [f"## {topic}", "", rng.choice(_INTROS).format(**fmt), ""]
    if section_type == "video":
        lines += ["> Watch the walkthrough, then try the steps yourself.", ""]
    lines += ["### Key points", ""] + [f"- {p}" for p in points] + [""]
    lines += ["### Example", "", f"```{subject.language}", code, "```", ""]
    if section_type == "quiz":
        lines += [
            "### Quiz",
            "",
            f"1. What problem does {topic.lower()} solve?",
            f"2. When would you *not* use {tool}?",
            "3. Which of the key points above did the example rely on?",
            "",
        ]
    elif section_type == "exercise":
        lines += [
            "### Exercise",
            "",
            f"1. Reproduce the example with {tool}.",
            "2. Change one thing and predict the result before running it.",
            "3. Write two sentences on what you learned.",
            "",
        ]
    lines += [f"**Takeaway:** {rng.choice(_POINTS)}", ""]
    return "\n".join(lines)


def body_pool() -> list[tuple[int, str, int, str]]:
    """Every pooled body as (subject index, section type, variant, markdown), in a stable order."""
    return [
        (si, st, v, render_body(subject, st, v))
        for si, subject in enumerate(SUBJECTS)
        for st in SECTION_TYPES
        for v in range(VARIANTS)
    ]
