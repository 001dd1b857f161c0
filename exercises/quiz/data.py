"""Quiz data for the JS runtime: the validated models as plain JSON.

Figure ids are resolved to numbers and sections to links here, so that the
browser gets everything it needs and nothing it must look up.
"""

from exercises.chapters import Chapter, section_labels
from exercises.content import Content
from exercises.quiz.model import PARTIAL_CREDIT_RULE, Numeric, Question

CHAPTER_PASS_PERCENT = 80


def question_data(question: Question, content: Content, chapter: Chapter, page: str) -> dict:
    data = question.model_dump(exclude={"lernziel", "abschnitt", "rechenweg"})
    data["kapitel"] = chapter.id
    data["link"] = {"href": f"{page}#{question.abschnitt}",
                    "text": section_labels(chapter.path).get(question.abschnitt, chapter.title)}
    if isinstance(question, Numeric):
        solution = content.solution(question)
        data["loesung"] = solution
        data["von"], data["bis"] = question.accepted(solution)
        data.pop("toleranz"), data.pop("bereich")
    return data


def chapter_quiz_data(content: Content, chapter: Chapter) -> dict:
    bank = content.quizzes[chapter.id]
    return {
        "kapitel": chapter.id,
        "titel": chapter.title,
        "bestehensgrenze": content.exam.kapitel_bestehensgrenze if content.exam else CHAPTER_PASS_PERCENT,
        "regel": PARTIAL_CREDIT_RULE,
        "fragen": [question_data(q, content, chapter, "") for q in bank.fragen],
    }


def all_questions(content: Content, chapters: list[Chapter]) -> dict:
    """The chapters with a quiz and all their questions: the exam's pool and the review page's."""
    with_quiz = [chapter for chapter in chapters if chapter.id in content.quizzes]
    return {
        "kapitel": [{"id": c.id, "titel": c.title, "href": f"{c.id}.html"} for c in with_quiz],
        "fragen": [question_data(q, content, c, f"{c.id}.html")
                   for c in with_quiz for q in content.quizzes[c.id].fragen],
    }


def exam_data(content: Content, chapters: list[Chapter]) -> dict:
    exam = content.exam
    return {
        "titel": exam.titel,
        "fragen_pro_versuch": exam.fragen_pro_versuch,
        "bestehensgrenze": exam.bestehensgrenze,
        "kapitel_bestehensgrenze": exam.kapitel_bestehensgrenze,
        "regel": PARTIAL_CREDIT_RULE,
        **all_questions(content, chapters),
    }
