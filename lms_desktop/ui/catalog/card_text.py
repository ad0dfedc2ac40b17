"""The words a course card says: painted on the card, and as one sentence for screen readers and tooltips.

A card is painted, so assistive technology learns about it only through the model's
`AccessibleTextRole` (the title) and `AccessibleDescriptionRole` (level, length, rating, learners, and the
learner's own enrollment and progress).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lms_desktop.contract import MIN_RATINGS_SHOWN, CourseSummary
from lms_desktop.ui.i18n import number_text, plural


def level_text(difficulty: str) -> str:
    return {
        "beginner": QCoreApplication.translate("CourseCard", "Beginner"),
        "intermediate": QCoreApplication.translate("CourseCard", "Intermediate"),
        "advanced": QCoreApplication.translate("CourseCard", "Advanced"),
    }.get(difficulty, difficulty.capitalize())


def hours_text(hours: float) -> str:
    if hours < 1:
        return QCoreApplication.translate("CourseCard", "{0} min").format(round(hours * 60))
    return QCoreApplication.translate("CourseCard", "{0} h").format(
        number_text(hours, trim=True) if hours < 10 else round(hours)
    )


def rating_text(avg: float | None, count: int) -> str:
    if avg is None or count < MIN_RATINGS_SHOWN:
        if count:
            return QCoreApplication.translate("CourseCard", "Too few ratings to show")
        return QCoreApplication.translate("CourseCard", "No ratings yet")
    ratings = plural(QCoreApplication.translate("CourseCard", "%n rating(s)", None, count), count)
    rated = QCoreApplication.translate("CourseCard", "Rated {0} of 5 from {1}")
    return rated.format(number_text(avg), ratings)


def learners_text(count: int) -> str:
    return plural(QCoreApplication.translate("CourseCard", "%n learner(s)", None, count), count)


def card_description(
    course: CourseSummary, enrolled: bool, percent: float | None, offline: bool = False
) -> str:
    """Every fact of the card as one sentence for a screen reader."""
    facts = [
        level_text(course.difficulty),
        hours_text(course.estimated_hours),
        rating_text(course.rating_avg, course.rating_count),
        learners_text(course.enrollment_count),
    ]
    if enrolled:
        done = percent or 0.0
        facts.append(QCoreApplication.translate("CourseCard", "Enrolled"))
        facts.append(
            QCoreApplication.translate("CourseCard", "Completed")
            if done >= 100
            else QCoreApplication.translate("CourseCard", "{0}% complete").format(f"{done:.0f}")
        )
    else:
        facts.append(QCoreApplication.translate("CourseCard", "Not enrolled"))
    if offline:
        facts.append(QCoreApplication.translate("CourseCard", "Available offline"))
    return ", ".join(f for f in facts if f)


def compact_count(n: int) -> str:
    """A count short enough for a card: 1.2k, 15k, 1.5M."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M".replace(".0M", "M")
    if n >= 10_000:
        return f"{n // 1000}k"
    if n >= 1_000:
        return f"{n / 1000:.1f}k".replace(".0k", "k")
    return str(n)


def compact_learners(n: int, *, shorten_from: int = 1_000) -> str:
    """The learners count with the number shortened from `shorten_from` on ("1.2k learners")."""
    text = learners_text(n)
    return text.replace(str(n), compact_count(n)) if n >= shorten_from else text


def join_facts(parts: list[str], separator: str = "  ·  ") -> str:
    """Facts joined by a separator, skipping empty ones: never a dangling or doubled "·"."""
    return separator.join(p for p in parts if p)


def unrated_text(count: int) -> str:
    """The painted card's short word for an average not shown (fewer than MIN_RATINGS_SHOWN ratings)."""
    if count:
        return QCoreApplication.translate("CourseCard", "too few ratings")
    return QCoreApplication.translate("CourseCard", "no ratings yet")


def badge_text(offline: bool) -> str:
    if offline:
        return QCoreApplication.translate("CourseCard", "Available offline")
    return QCoreApplication.translate("CourseCard", "Enrolled")


def progress_label(percent: float) -> str:
    """The percent beside a card's progress bar; "Done" once finished."""
    return QCoreApplication.translate("CourseCard", "Done") if percent >= 100 else f"{percent:.0f}%"
