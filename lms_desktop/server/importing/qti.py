"""QTI 1.2 assessments (the Common Cartridge profile, and Canvas' extensions) into quiz questions.

The kind comes from the item's `cc_profile` or Canvas' `question_type`, else from its response element.
The key is read from `resprocessing`: a condition that sets SCORE to the maximum (or adds a positive score)
names the right choices (`varequal`, or an `and` of them with `not` for the wrong ones), or the accepted
texts (`varequal`: exact when `case="Yes"`, else case-insensitive; `varsubstring`: contained), or a
numeric range (`vargte`/`varlte`). Feedback comes from `itemfeedback` via `displayfeedback`.
"""

from __future__ import annotations

import html as html_lib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from lms_desktop.server.importing.model import Question

Render = Callable[[str], str]  # package HTML -> sanitized HTML with rewritten links

_KINDS = {
    "cc.multiple_choice": "single",
    "cc.true_false": "single",
    "cc.multiple_response": "multiple",
    "cc.fib": "text",
    "cc.pattern_match": "text",
    "cc.essay": "essay",
    "multiple_choice_question": "single",
    "true_false_question": "single",
    "multiple_answers_question": "multiple",
    "short_answer_question": "text",
    "fill_in_the_blank_question": "text",
    "essay_question": "essay",
    "numerical_question": "numeric",
}
_NOT_QUESTIONS = ("text_only_question",)


def metadata(element: ET.Element | None) -> dict[str, str]:
    """`qtimetadatafield` label -> entry pairs under an element."""
    found: dict[str, str] = {}
    if element is None:
        return found
    for field in element.iter("qtimetadatafield"):
        label = (field.findtext("fieldlabel") or "").strip()
        if label:
            found[label] = (field.findtext("fieldentry") or "").strip()
    return found


def material_html(material: ET.Element | None, render: Render) -> str:
    """A `material`'s text (mattext HTML or plain, matimage) as sanitized HTML."""
    if material is None:
        return ""
    parts = []
    for child in material:
        if child.tag in ("mattext", "matemtext"):
            text = child.text or ""
            if "html" in (child.get("texttype") or ""):
                parts.append(text)
            else:
                parts.append(html_lib.escape(text).replace("\n", "<br>"))
        elif child.tag == "matimage" and child.get("uri"):
            parts.append(f'<img src="{html_lib.escape(child.get("uri") or "")}" alt="">')
        elif child.tag == "matbreak":
            parts.append("<br>")
    return render("".join(parts)) if parts else ""


def _prompt(presentation: ET.Element | None, render: Render) -> str:
    """The materials of the presentation outside its response elements."""
    if presentation is None:
        return ""
    out: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            if child.tag.startswith("response_"):
                continue
            if child.tag == "material":
                out.append(material_html(child, render))
            else:
                walk(child)

    walk(presentation)
    return "".join(part for part in out if part)


def _kind(meta: dict[str, str], presentation: ET.Element | None) -> str:
    for label in ("cc_profile", "question_type"):
        value = meta.get(label, "").split(".v")[0] if label == "cc_profile" else meta.get(label, "")
        if value in _KINDS:
            return _KINDS[value]
        if value:
            return "unsupported"
    if presentation is None:
        return "unsupported"
    lid = presentation.find(".//response_lid")
    if lid is not None:
        return "multiple" if (lid.get("rcardinality") or "").lower() == "multiple" else "single"
    if presentation.find(".//response_num") is not None:
        return "numeric"
    if presentation.find(".//response_str") is not None:
        return "text"
    return "unsupported"


def _float(text: str | None, default: float) -> float:
    try:
        return float(text) if text not in (None, "") else default
    except ValueError:
        return default


class _Key:
    """What the scoring conditions say: right choices, accepted texts, numbers, and feedback links."""

    def __init__(self, item: ET.Element) -> None:
        self.correct: list[str] = []
        self.wrong: set[str] = set()
        self.texts: list[dict[str, str]] = []
        self.numbers: list[dict[str, Any]] = []
        self.partial = False
        self.correct_feedback: list[str] = []
        self.other_feedback: list[str] = []
        self.choice_feedback: dict[str, list[str]] = {}
        processing = item.find("resprocessing")
        if processing is None:
            return
        maximum = 100.0
        for decvar in processing.iter("decvar"):
            maximum = _float(decvar.get("maxvalue"), maximum)
        for condition in processing.findall("respcondition"):
            self._condition(condition, maximum)

    def _condition(self, condition: ET.Element, maximum: float) -> None:
        setvar = condition.find("setvar")
        links = [d.get("linkrefid") or "" for d in condition.findall("displayfeedback")]
        var = condition.find("conditionvar")
        score = _float(setvar.text if setvar is not None else None, 0.0)
        action = (setvar.get("action") or "Set").lower() if setvar is not None else ""
        scores = setvar is not None and score > 0 and (action == "add" or score >= maximum * 0.999)
        positives, negatives = self._values(var)
        if scores:
            self.partial = self.partial or (action == "add" and score < maximum * 0.999)
            self.correct.extend(v for v in positives if v not in self.correct)
            self.wrong.update(negatives)
            self.correct_feedback.extend(links)
            if var is not None:
                self._texts_and_numbers(var)
        elif var is not None and var.find("other") is not None:
            self.other_feedback.extend(links)
        elif len(positives) == 1:
            self.choice_feedback.setdefault(positives[0], []).extend(links)

    @staticmethod
    def _values(var: ET.Element | None) -> tuple[list[str], list[str]]:
        if var is None:
            return [], []
        negatives = [(v.text or "").strip() for n in var.iter("not") for v in n.iter("varequal")]
        everything = [(v.text or "").strip() for v in var.iter("varequal")]
        positives = list(everything)
        for value in negatives:
            if value in positives:
                positives.remove(value)
        return positives, negatives

    def _texts_and_numbers(self, var: ET.Element) -> None:
        for equal in var.iter("varequal"):
            value = (equal.text or "").strip()
            if value:
                match = "exact" if (equal.get("case") or "").lower() == "yes" else "ci"
                self.texts.append({"value": value, "match": match})
        for contained in var.iter("varsubstring"):
            if (contained.text or "").strip():
                self.texts.append({"value": contained.text.strip(), "match": "substring"})  # type: ignore[union-attr]
        low = var.find(".//vargte")
        if low is None:
            low = var.find(".//vargt")
        high = var.find(".//varlte")
        if high is None:
            high = var.find(".//varlt")
        if low is not None and high is not None:
            lo, hi = _float(low.text, 0.0), _float(high.text, 0.0)
            self.numbers.append({"value": (lo + hi) / 2, "tolerance": abs(hi - lo) / 2, "percent": False})


def _feedback(item: ET.Element, key: _Key, render: Render) -> dict[str, Any]:
    texts = {
        fb.get("ident") or "": material_html(fb.find(".//material"), render)
        for fb in item.findall("itemfeedback")
    }

    def first(ids: list[str]) -> str | None:
        return next((texts[i] for i in ids if texts.get(i)), None)

    return {
        "correct": first(key.correct_feedback) or texts.get("correct_fb") or None,
        "incorrect": texts.get("general_incorrect_fb") or first(key.other_feedback[1:]) or None,
        "general": texts.get("general_fb") or first(key.other_feedback[:1]) or None,
        "choices": {c: html for c, links in key.choice_feedback.items() if (html := first(links))},
    }


def parse_item(item: ET.Element, render: Render) -> Question | None:
    """One item as a question; None for Canvas' text-only "questions" (they hold no question)."""
    meta = metadata(item.find("itemmetadata"))
    if meta.get("question_type") in _NOT_QUESTIONS:
        return None
    presentation = item.find("presentation")
    kind = _kind(meta, presentation)
    key = _Key(item)
    question = Question(
        key=item.get("ident") or "",
        kind=kind,
        prompt_html=_prompt(presentation, render),
        points=_float(meta.get("points_possible"), 1.0),
        feedback=_feedback(item, key, render),
    )
    if kind in ("single", "multiple"):
        labels = presentation.iter("response_label") if presentation is not None else iter(())
        question.choices = [
            {"id": label.get("ident") or str(pos), "html": material_html(label.find(".//material"), render)}
            for pos, label in enumerate(labels, start=1)
        ]
        ids = {c["id"] for c in question.choices}
        correct = [c for c in key.correct if c in ids]
        if not correct:
            kind = "unsupported"
        elif kind == "single":
            question.answer_key = {"correct": correct}
        else:
            question.answer_key = {"correct": correct, "partial": key.partial}
    elif kind == "text":
        question.answer_key = {"accepted": key.texts}
        kind = kind if key.texts else "essay"
    elif kind == "numeric":
        numbers = key.numbers or [
            {"value": _float(t["value"], 0.0), "tolerance": 0.0, "percent": False}
            for t in key.texts
            if _float(t["value"], float("nan")) == _float(t["value"], float("nan"))
        ]
        question.answer_key = {"answers": numbers}
        kind = kind if numbers else "unsupported"
    question.kind = kind
    if kind == "unsupported":
        question.points, question.answer_key = 0.0, {}
    return question


def max_attempts(value: str | None) -> int | None:
    """`cc_maxattempts` / Canvas `allowed_attempts`: a number, or unlimited (None)."""
    if value is None or not value.strip():
        return None
    try:
        number = int(float(value))
    except ValueError:
        return None
    return number if number > 0 else None


def parse_assessment(root: ET.Element, render: Render) -> tuple[str, int | None, list[Question], int]:
    """(title, max attempts, questions, items skipped as not questions)."""
    assessment = root if root.tag == "assessment" else root.find(".//assessment")
    if assessment is None:
        return "", None, [], 0
    meta = metadata(assessment.find("qtimetadata"))
    questions: list[Question] = []
    dropped = 0
    for item in assessment.iter("item"):
        question = parse_item(item, render)
        if question is None:
            dropped += 1
            continue
        question.key = question.key or f"item{len(questions) + 1}"
        questions.append(question)
    return assessment.get("title") or "", max_attempts(meta.get("cc_maxattempts")), questions, dropped
