"""The quiz view's words, each through Qt's translation (with %n plurals), in one place."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lms_desktop.contract import AttemptList, QuestionResult

CONTEXT = "QuizView"


def tr(text: str, n: int = -1) -> str:
    """Translated; with `n`, "%n" is the count and an untranslated "(s)" takes the English plural."""
    done = QCoreApplication.translate(CONTEXT, text, None, n)
    if n >= 0 and "(s)" in done:
        done = done.replace("(s)", "" if n == 1 else "s")
    return done


def points(value: float) -> str:
    """2 -> "2", 1.5 -> "1.5"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def score_line(score: float, max_score: float) -> str:
    if max_score <= 0:
        return tr("Submitted. This quiz has no scored questions.")
    percent = round(100 * score / max_score)
    return tr("Score: {score} of {max} ({percent}%)").format(
        score=points(score), max=points(max_score), percent=percent
    )


def attempts_line(listing: AttemptList | None, used_now: int = 0) -> str:
    """How many attempts are left and the best score so far."""
    if listing is None:
        return ""
    parts = []
    if listing.attempts_left is None:
        parts.append(tr("Unlimited attempts"))
    else:
        left = max(0, listing.attempts_left - used_now)
        parts.append(tr("%n attempt(s) left", left) if left else tr("No attempts left"))
    best = next((a for a in listing.attempts if a.best), None)
    if best is not None and best.max_score > 0:
        parts.append(
            tr("best score {score} of {max}").format(score=points(best.score), max=points(best.max_score))
        )
    return "  ·  ".join(parts)


def question_header(number: int, value: float, scored: bool) -> str:
    if not scored:
        return tr("Question {n}").format(n=number)
    whole = int(value) if value == int(value) else -1
    if whole >= 0:
        return tr("Question {n}  ·  %n point(s)", whole).format(n=number)
    return tr("Question {n}  ·  {points} points").format(n=number, points=points(value))


def verdict(result: QuestionResult, max_points: float) -> str:
    if result.correct is None:
        return tr("Not scored")
    mark = tr("✓ Correct") if result.correct else tr("✗ Incorrect")
    return tr("{mark}  ·  {got} of {max} points").format(
        mark=mark, got=points(result.points), max=points(max_points)
    )


def best_score(best: float | None, max_score: float | None) -> str:
    """The course outline's note on a quiz: "" until attempted."""
    if best is None or not max_score:
        return ""
    return tr("best {score} of {max}").format(score=points(best), max=points(max_score))


def quiz_average(average: float | None) -> str:
    """The dashboard's note on a course's quizzes: "" until one is attempted."""
    return "" if average is None else tr("quiz average {percent}%").format(percent=round(average))


WAITING = str(QT_TRANSLATE_NOOP("QuizView", "Submitted - scored when you're back online"))
