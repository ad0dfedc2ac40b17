"""Quizzes on the server: the answer keys (decoded from their JSON), grading, and attempts.

The answer key never leaves this package: sections carry questions without it, and an attempt's results
say only whether each answer was right, with its points and feedback.
"""
