"""Question banks in Moodle's question XML format (core question types only)."""

from html import escape

from lxml import etree

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

MOODLE_TYPE = {SingleChoice: "multichoice", MultipleChoice: "multichoice", TrueFalse: "truefalse",
               Numeric: "numerical", Ordering: "matching", Matching: "matching"}
# Moodle's own defaults for the feedback a question gives as a whole
COMBINED_FEEDBACK = {"correctfeedback": "Ihre Antwort ist richtig.",
                     "partiallycorrectfeedback": "Ihre Antwort ist teilweise richtig.",
                     "incorrectfeedback": "Ihre Antwort ist falsch."}


def text_element(parent, tag: str, text: str, html: bool = True, **attributes) -> etree._Element:
    """``<tag format="html"><text>…</text></tag>``; ``html`` escapes the course text for it."""
    element = etree.SubElement(parent, tag, **({"format": "html"} if html else {}), **attributes)
    etree.SubElement(element, "text").text = escape(text, quote=False) if html else text
    return element


def html_list(items: list[str]) -> str:
    first, *rest = [escape(item, quote=False) for item in items]
    return f"<p>{first}</p>" + (f"<ul>{''.join(f'<li>{item}</li>' for item in rest)}</ul>" if rest else "")


def answer(parent, fraction: str, text: str, feedback: str, html: bool = True) -> etree._Element:
    element = text_element(parent, "answer", text, html, fraction=fraction)
    text_element(element, "feedback", feedback)
    return element


def add_answers(element, question: Question, content: Content) -> None:
    if isinstance(question, SingleChoice | MultipleChoice):
        etree.SubElement(element, "single").text = "true" if isinstance(question, SingleChoice) else "false"
        etree.SubElement(element, "shuffleanswers").text = "true"
        etree.SubElement(element, "answernumbering").text = "abc"
        for tag, text in COMBINED_FEEDBACK.items():
            text_element(element, tag, text)
        for option in question.optionen:
            fraction = (option_percent(question, option.richtig) if isinstance(question, MultipleChoice)
                        else ("100" if option.richtig else "0"))
            answer(element, fraction, option.text, option.feedback)
    elif isinstance(question, TrueFalse):
        for value, feedback in (("wahr", question.feedback_wahr), ("falsch", question.feedback_falsch)):
            fraction = "100" if question.richtig == value else "0"
            answer(element, fraction, "true" if value == "wahr" else "false", feedback, html=False)
    elif isinstance(question, Numeric):
        value, tolerance = numeric_range(question, content.solution(question))
        right = answer(element, "100", number(value), question.feedback_richtig, html=False)
        etree.SubElement(right, "tolerance").text = number(tolerance)
        wrong = answer(element, "0", "*", question.feedback_falsch, html=False)  # any other number
        etree.SubElement(wrong, "tolerance").text = "0"
    else:
        etree.SubElement(element, "shuffleanswers").text = "true"
        for tag, text in COMBINED_FEEDBACK.items():
            text_element(element, tag, text)
        for left, right, _ in pairs(question):
            subquestion = text_element(element, "subquestion", left)
            text_element(subquestion, "answer", right, html=False)


def question_element(question: Question, content: Content) -> etree._Element:
    element = etree.Element("question", type=MOODLE_TYPE[type(question)])
    text_element(element, "name", question.id, html=False)
    text_element(element, "questiontext", stem(question))
    feedback = etree.SubElement(element, "generalfeedback", format="html")
    etree.SubElement(feedback, "text").text = html_list(general_feedback(question))
    etree.SubElement(element, "defaultgrade").text = "1"
    etree.SubElement(element, "penalty").text = "0"
    etree.SubElement(element, "hidden").text = "0"
    etree.SubElement(element, "idnumber").text = question.id
    add_answers(element, question, content)
    return element


def moodle_xml(banks: list[Bank], content: Content) -> bytes:
    quiz = etree.Element("quiz")
    for bank in banks:
        category = etree.SubElement(quiz, "question", type="category")
        text_element(category, "category", f"$course$/top/{COURSE_CATEGORY}/{bank.title.replace('/', '-')}",
                     html=False)
        quiz.extend(question_element(question, content) for question in bank.questions)
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)
