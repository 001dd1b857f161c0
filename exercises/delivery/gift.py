"""Question banks in Moodle's GIFT text format.

Texts are marked ``[html]`` and HTML-escaped, then GIFT's control characters
are escaped with a backslash. Answers of a matching question are plain text in
Moodle, so they are GIFT-escaped only.
"""

from html import escape

from exercises.content import Content
from exercises.delivery.questionbank import (
    COURSE_CATEGORY,
    Bank,
    general_feedback,
    number,
    numeric_range,
    option_percent,
    pairs,
    stem,
)
from exercises.quiz.model import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)

CONTROL = str.maketrans({char: "\\" + char for char in "\\~=#{}:"} | {"\n": "\\n"})


def plain(text: str) -> str:
    return text.translate(CONTROL)


def rich(text: str) -> str:
    # quote=False: "&#x27;" would bring a "#" into the text
    return plain(escape(text, quote=False))


def html_list(items: list[str]) -> str:
    if len(items) == 1:
        return rich(items[0])
    first, *rest = items
    return rich(first) + "<ul>" + "".join(f"<li>{rich(item)}</li>" for item in rest) + "</ul>"


def answers(question: Question, content: Content) -> list[str]:
    """The lines between the braces of one question."""
    if isinstance(question, SingleChoice):
        return [f"{'=' if o.richtig else '~'}{rich(o.text)}#{rich(o.feedback)}" for o in question.optionen]
    if isinstance(question, MultipleChoice):
        return [f"~%{option_percent(question, o.richtig)}%{rich(o.text)}#{rich(o.feedback)}"
                for o in question.optionen]
    if isinstance(question, TrueFalse):
        # Moodle reads the first feedback as the one for the wrong answer
        right, wrong = ((question.feedback_wahr, question.feedback_falsch) if question.richtig == "wahr"
                        else (question.feedback_falsch, question.feedback_wahr))
        return [f"{'T' if question.richtig == 'wahr' else 'F'}#{rich(wrong)}#{rich(right)}"]
    if isinstance(question, Numeric):
        value, tolerance = numeric_range(question, content.solution(question))
        return ["#", f"={number(value)}:{number(tolerance)}#{rich(question.feedback_richtig)}",
                f"~#{rich(question.feedback_falsch)}"]
    assert isinstance(question, Ordering | Matching)
    return [f"={rich(left)} -> {plain(answer)}" for left, answer, _ in pairs(question)]


def question_text(question: Question, content: Content) -> str:
    lines = [f"::{plain(question.id)}::[html]{rich(stem(question))} {{"]
    lines += [f"\t{line}" for line in answers(question, content)]
    lines.append(f"\t####{html_list(general_feedback(question))}")
    return "\n".join(lines) + "\n}"


def gift(banks: list[Bank], content: Content) -> str:
    parts = []
    for bank in banks:
        parts.append(f"$CATEGORY: $course$/top/{COURSE_CATEGORY}/{bank.title.replace('/', '-')}")
        parts += [question_text(question, content) for question in bank.questions]
    return "\n\n".join(parts) + "\n"
