"""The words a course card says, for screen readers and tooltips (the delegate paints the same facts).

A card is painted, so assistive technology learns about it only through the model's
`AccessibleTextRole` (the title) and `AccessibleDescriptionRole` (level, length, rating, learners, and the
learner's own enrollment and progress).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from lms_desktop.contract import CourseSummary
from lms_desktop.ui.i18n import plural


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("CourseCard", text, None, n)


def level_text(difficulty: str) -> str:
    return {
        "beginner": _tr("Beginner"),
        "intermediate": _tr("Intermediate"),
        "advanced": _tr("Advanced"),
    }.get(difficulty, difficulty.capitalize())


def hours_text(hours: float) -> str:
    if hours < 1:
        return _tr("{0} min").format(round(hours * 60))
    return _tr("{0} h").format(QLocale().toString(float(hours), "g", 3) if hours < 10 else round(hours))


def rating_text(avg: float | None, count: int) -> str:
    if avg is None or not count:
        return _tr("No ratings yet")
    ratings = plural(_tr("%n rating(s)", count), count)
    return _tr("Rated {0} of 5 from {1}").format(f"{avg:.1f}", ratings)


def learners_text(count: int) -> str:
    return plural(_tr("%n learner(s)", count), count)


def card_description(course: CourseSummary, enrolled: bool, percent: float | None) -> str:
    """Every fact of the card as one sentence for a screen reader."""
    facts = [
        level_text(course.difficulty),
        hours_text(course.estimated_hours),
        rating_text(course.rating_avg, course.rating_count),
        learners_text(course.enrollment_count),
    ]
    if enrolled:
        done = percent or 0.0
        facts.append(_tr("Enrolled"))
        facts.append(_tr("Completed") if done >= 100 else _tr("{0}% complete").format(f"{done:.0f}"))
    else:
        facts.append(_tr("Not enrolled"))
    return ", ".join(f for f in facts if f)
