"""The quiz view the reader shows for quiz sections: answer, submit, see how you did, try again.

Public API: `QuizView(client, runner)`, `show_section(section)`, signal `completed(int section_id)`.
"""

from lms_desktop.ui.quiz.view import QuizView

__all__ = ["QuizView"]
