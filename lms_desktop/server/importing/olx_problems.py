"""Open edX capa problems as quiz questions.

A problem mixes HTML with response elements; the HTML before a response (and its `label`) is that
question's prompt. Multiple choice, checkboxes, dropdowns (optionresponse), text (stringresponse) and
numbers (numericalresponse) become gradable questions; the rest (custom Python graders, formulas, images,
schematics...) are kept as `unsupported` so the learner sees them and the score leaves them out.
"""

from __future__ import annotations

import ast
import html as html_lib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from lms_desktop.server.importing.model import Question

Render = Callable[[str], str]
_GRADABLE = {"multiplechoiceresponse", "choiceresponse", "optionresponse", "stringresponse",
             "numericalresponse"}  # fmt: skip
_OTHER = {"customresponse", "formularesponse", "imageresponse", "schematicresponse", "symbolicresponse",
          "jsinput", "coderesponse", "annotationresponse", "choicetextresponse"}  # fmt: skip
_RESPONSES = _GRADABLE | _OTHER
_SKIP_IN_PROMPT = {"solution", "demandhint", "script"}
_RANGE = re.compile(r"^\s*[\[(]\s*([-+\d.eE]+)\s*,\s*([-+\d.eE]+)\s*[\])]\s*$")


def inner_html(el: ET.Element, skip: set[str] | frozenset[str] = frozenset()) -> str:
    """The element's content as markup (its text, children and their tails), children in `skip` left out."""
    parts = [html_lib.escape(el.text or "", quote=False)]
    for child in el:
        if child.tag not in skip:
            parts.append(_markup(child))
        parts.append(html_lib.escape(child.tail or "", quote=False))
    return "".join(parts)


def _markup(child: ET.Element) -> str:
    tail, child.tail = child.tail, None
    try:
        return ET.tostring(child, encoding="unicode")
    finally:
        child.tail = tail


def _float(text: str | None) -> float | None:
    try:
        return float(str(text).strip())
    except (TypeError, ValueError):
        return None


def _choices(
    group: ET.Element | None, render: Render
) -> tuple[list[dict[str, str]], list[str], dict[str, str]]:
    choices, correct, hints = [], [], {}
    for pos, choice in enumerate(group.findall("choice") if group is not None else [], start=1):
        ident = choice.get("name") or str(pos)
        choices.append({"id": ident, "html": render(inner_html(choice, {"choicehint"}))})
        if (choice.get("correct") or "").strip().lower() == "true":
            correct.append(ident)
        hint = choice.find("choicehint")
        if hint is not None:
            hints[ident] = render(inner_html(hint))
    return choices, correct, hints


def _options(response: ET.Element, render: Render) -> tuple[list[dict[str, str]], list[str]]:
    field = response.find(".//optioninput")
    if field is None:
        return [], []
    options = field.findall("option")
    if options:
        texts = [(o.text or "").strip() for o in options]
        correct = [
            str(i) for i, o in enumerate(options, start=1) if (o.get("correct") or "").lower() == "true"
        ]
    else:
        try:
            parsed = ast.literal_eval(field.get("options") or "()")
        except (ValueError, SyntaxError):
            parsed = ()
        texts = [str(t) for t in (parsed if isinstance(parsed, tuple | list) else (parsed,))]
        answer = (field.get("correct") or "").strip()
        correct = [str(i) for i, t in enumerate(texts, start=1) if t == answer]
    return [{"id": str(i), "html": render(html_lib.escape(t))} for i, t in enumerate(texts, start=1)], correct


def _text_key(response: ET.Element) -> dict[str, Any]:
    kind = (response.get("type") or "").lower()
    match = "regex" if "regex" in kind else ("ci" if "ci" in kind else "exact")
    values = [response.get("answer") or ""] + [
        a.get("answer") or (a.text or "") for a in response.findall("additional_answer")
    ]
    return {"accepted": [{"value": v.strip(), "match": match} for v in values if v.strip()]}


def _numeric_key(response: ET.Element) -> dict[str, Any] | None:
    answer = response.get("answer") or ""
    found = _RANGE.match(answer)
    if found:
        lo, hi = _float(found.group(1)), _float(found.group(2))
        if lo is None or hi is None:
            return None
        return {"answers": [{"value": (lo + hi) / 2, "tolerance": abs(hi - lo) / 2, "percent": False}]}
    value = _float(answer)
    if value is None:
        return None
    tolerance, percent = 0.0, False
    for param in response.findall("responseparam"):
        if (param.get("type") or "") == "tolerance":
            raw = (param.get("default") or "0").strip()
            percent = raw.endswith("%")
            tolerance = _float(raw.rstrip("%")) or 0.0
    return {"answers": [{"value": value, "tolerance": tolerance, "percent": percent}]}


def _question(response: ET.Element, key: str, prompt: str, render: Render) -> Question:
    tag = response.tag
    label = response.find("label")
    description = response.find("description")
    extra = "".join(f"<p>{inner_html(x)}</p>" for x in (label, description) if x is not None)
    question = Question(key=key, kind="unsupported", prompt_html=render(prompt + extra), points=1.0)
    feedback: dict[str, Any] = {"correct": None, "incorrect": None, "general": None, "choices": {}}
    if tag in ("multiplechoiceresponse", "choiceresponse"):
        group = response.find("choicegroup" if tag == "multiplechoiceresponse" else "checkboxgroup")
        choices, correct, hints = _choices(group, render)
        if choices and correct:
            question.choices, feedback["choices"] = choices, hints
            if tag == "multiplechoiceresponse":
                question.kind, question.answer_key = "single", {"correct": correct}
            else:
                partial = bool(response.get("partial_credit"))
                question.kind, question.answer_key = "multiple", {"correct": correct, "partial": partial}
    elif tag == "optionresponse":
        choices, correct = _options(response, render)
        if choices and correct:
            question.kind, question.choices, question.answer_key = "single", choices, {"correct": correct}
    elif tag == "stringresponse":
        key_ = _text_key(response)
        if key_["accepted"]:
            question.kind, question.answer_key = "text", key_
    elif tag == "numericalresponse":
        numeric = _numeric_key(response)
        if numeric is not None:
            question.kind, question.answer_key = "numeric", numeric
    question.feedback = feedback
    return question


def parse_problem(problem: ET.Element, url_name: str, render: Render) -> tuple[list[Question], int | None]:
    """(questions, max attempts) of one problem; points share the problem's weight among its responses."""
    responses = [el for el in problem.iter() if el.tag in _RESPONSES]
    solution = problem.find(".//solution")
    general = render(inner_html(solution)) if solution is not None else None
    questions: list[Question] = []
    context: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            if child.tag in _RESPONSES:
                key = url_name if len(responses) == 1 else f"{url_name}_{len(questions) + 1}"
                questions.append(_question(child, key, "".join(context), render))
                context.clear()
            elif child.tag in _SKIP_IN_PROMPT:
                continue
            elif any(d.tag in _RESPONSES for d in child.iter()):
                walk(child)
            else:
                context.append(_markup(child))
            context.append(html_lib.escape(child.tail or "", quote=False))

    context.append(html_lib.escape(problem.text or "", quote=False))
    walk(problem)
    weight = _float(problem.get("weight"))
    gradable = [q for q in questions if q.kind != "unsupported"]
    for question in questions:
        question.feedback["general"] = general
        if question.kind == "unsupported":
            question.points = 0.0
        elif weight is not None and gradable:
            question.points = max(0.0, weight / len(gradable))
    attempts = _float(problem.get("max_attempts"))
    return questions, int(attempts) if attempts and attempts > 0 else None
