"""Templates and phrases the demo catalog's titles, descriptions, lesson and section titles are assembled
from (`titles`, `outline`), and the audiences a course addresses."""

from __future__ import annotations

from lms_desktop.server.seed.words import Subject

LEVEL_WORDS = {
    "beginner": ("Introduction to", "Getting Started with", "Foundations of", "A First Course in", "Hello,"),
    "intermediate": ("Practical", "Hands-on", "Applied", "Building with", "Effective"),
    "advanced": ("Advanced", "Mastering", "Deep Dive into", "Expert", "Production-grade"),
}
# who a "{subject} for {audience}" course is for: programmers for code subjects, anyone for the others
AUDIENCES = (
    "Beginners",
    "Busy Professionals",
    "Students",
    "Career Changers",
    "Backend Developers",
    "Data Analysts",
    "Team Leads",
    "Self-taught Programmers",
    "Engineers",
)
GENERAL_AUDIENCES = (
    "Beginners",
    "Busy Professionals",
    "Students",
    "Career Changers",
    "Team Leads",
    "Everyone",
)


def audiences_for(subject: Subject) -> tuple[str, ...]:
    return GENERAL_AUDIENCES if subject.language == "text" else AUDIENCES


def lower_topic(topic: str) -> str:
    """A topic inside a sentence: lower case, except acronyms ("HTML Semantics" -> "HTML semantics")."""
    return " ".join(w if sum(ch.isupper() for ch in w) > 1 else w.lower() for w in topic.split())


TITLE_TEMPLATES = (
    "{level} {topic}",
    "{level} {subject}: {topic}",
    "{topic} in {subject}",
    "{topic} with {tool}",
    "{subject} for {audience}",
    "{level} {topic} and {topic2}",
    "{topic}: A Practical Guide",
    "{subject} Bootcamp: {topic} to {topic2}",
    "The Complete Guide to {topic}",
    "{topic} Essentials",
)
DESCRIPTION_OPENERS = (
    "Learn {topic_l} step by step, from the first idea to confident everyday use.",
    "{a_level} course on {topic_l} in {subject}, built around short lessons and real exercises.",
    "Understand how {topic_l} really works and when to reach for {tool}.",
    "This course takes you through {topic_l} and {topic2_l} with worked examples.",
    "Get confident with {topic_l}: clear explanations, small projects and quick quizzes.",
)
DESCRIPTION_MIDDLES = (
    "You will practise with {tool}, build a small project and review common mistakes.",
    "Each lesson ends with an exercise, and the final project ties {topic_l} to {topic2_l}.",
    "Along the way you will compare approaches, read real examples and measure the results.",
    "We cover the essentials first, then move on to {topic2_l} and the habits experts rely on.",
)
DESCRIPTION_CLOSERS = (
    "Ideal for {audience_l}.",
    "Made for {audience_l} who want results they can use at work.",
    "No prior experience with {topic_l} is needed.",
    "Expect about {hours} hours of focused learning.",
)
# A course's lessons, in the order a course would take them; every one is about the lesson's topic, so a
# course's lessons stay on the topics its title names.
LESSON_PATTERNS = (
    "Getting started with {topic}",
    "Core ideas of {topic}",
    "{topic} step by step",
    "Planning your approach to {topic}",
    "{topic} in practice",
    "Using {tool} for {topic}",
    "Habits that make {topic} easier",
    "Common mistakes with {topic}",
    "Troubleshooting {topic}",
    "Case study: {topic} in the real world",
    "Project: {topic} end to end",
    "Going further with {topic}",
    "Review: {topic}",
)
# Section titles by type; each list is at least as long as the longest lesson (8 sections), so a lesson
# never repeats a title. {topic} is the lesson's topic and {tool} one of that topic's tools.
SECTION_PATTERNS = {
    "text": (
        "Why learn {topic}",
        "Key concepts of {topic}",
        "Inside {topic}",
        "A worked example of {topic}",
        "Reference notes on {topic}",
        "Terms to know in {topic}",
        "{topic} at a glance",
        "Summary: {topic}",
        "{topic} in context",
    ),
    "video": (
        "Walkthrough: {topic}",
        "Demo: {topic} with {tool}",
        "{topic} explained",
        "Setting up {tool}",
        "An expert on {topic}",
        "Video recap: {topic}",
        "{topic} from scratch",
        "A tour of {tool}",
    ),
    "quiz": (
        "Quiz: {topic}",
        "Check your understanding of {topic}",
        "Quick review: {topic}",
        "Self-test on {topic}",
        "Quiz: key terms of {topic}",
        "Quiz: {topic} with {tool}",
        "Knowledge check: {topic}",
        "Recap quiz: {topic}",
    ),
    "exercise": (
        "Exercise: {topic}",
        "Practice {topic} with {tool}",
        "Mini project: {topic}",
        "Challenge: {topic}",
        "Guided practice: {topic}",
        "Try {topic} yourself",
        "Exercise: {topic} with {tool}",
        "Hands-on: {topic}",
    ),
}
