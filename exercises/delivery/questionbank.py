"""What the Moodle exports share: which banks, in course order, and how the
course's scoring and feedback map onto Moodle's core question types.

Moodle has no core ordering type (``ordering`` is a plugin), so an ordering
question becomes a matching question: each step is matched to its place.
Moodle's matching type has no feedback per pair; those texts go into the
general feedback, after the explanation.
"""

from dataclasses import dataclass

from exercises.content import Content
from exercises.quiz.model import Matching, MultipleChoice, Numeric, Ordering, Question, TrueFalse

FORMATS = ("gift", "moodle-xml")
COURSE_CATEGORY = "KAM-Kurs"


@dataclass
class Bank:
    """One chapter's questions, exported as one Moodle category."""

    chapter_id: str
    title: str
    questions: list[Question]


def banks(content: Content, course_chapters: list, chapter_id: str | None = None) -> list[Bank]:
    """The banks in course order, or only the named chapter's bank."""
    return [Bank(chapter.id, chapter.title, list(content.quizzes[chapter.id].fragen))
            for chapter in course_chapters
            if chapter.id in content.quizzes and chapter_id in (None, chapter.id)]


def stem(question: Question) -> str:
    """The question text; a numeric question also names the unit its answer is in."""
    text = question.aussage if isinstance(question, TrueFalse) else question.frage
    if isinstance(question, Numeric) and question.einheit:
        text += f" (Angabe in {question.einheit})"
    return text


def place(index: int) -> str:
    """The answer an ordering step is matched to: its place, counted from 1."""
    return f"Platz {index + 1}"


def pairs(question: Ordering | Matching) -> list[tuple[str, str, str]]:
    """(left text, answer to pick, feedback): a definition gets its term, a step its place."""
    if isinstance(question, Ordering):
        return [(step.text, place(i), step.feedback) for i, step in enumerate(question.schritte)]
    return [(pair.definition, pair.begriff, pair.feedback) for pair in question.paare]


def general_feedback(question: Question) -> list[str]:
    """The explanation, then (for matching and ordering) each pair's feedback."""
    if isinstance(question, Ordering | Matching):
        return [question.erklaerung] + [f"{answer}: {feedback}" for _, answer, feedback in pairs(question)]
    return [question.erklaerung]


def option_percent(question: MultipleChoice, right: bool) -> str:
    """Moodle's grade for one option, matching the course's partial credit.

    Each right option is worth an equal share; each wrong pick subtracts the
    same share (Moodle, like the course, never goes below zero). Moodle only
    accepts its own list of fractions, written with five decimals.
    """
    share = 100 / sum(option.richtig for option in question.optionen)
    return number(round(share if right else -share, 5))


def numeric_range(question: Numeric, solution: float) -> tuple[float, float]:
    """Moodle's answer and tolerance; an asymmetric range becomes its middle ± half."""
    low, high = question.accepted(solution)
    if question.bereich is None:
        return solution, question.toleranz
    return (low + high) / 2, (high - low) / 2


def number(value: float) -> str:
    """A number as Moodle reads it: decimal point, no exponent, no trailing zeros."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
