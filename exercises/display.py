"""One-line calls for chapter pages: ``from exercises.display import quiz``.

Each call returns an object that Jupyter shows as an ipywidgets app (live
kernel) and the book build shows as static HTML run by the course's own JS
(the HTML builder is told to prefer ``text/html`` in ``_config.yml``).
"""

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from exercises import PROJECT_DIR
from exercises.chapters import Chapter, chapters
from exercises.content import Content, require_content
from exercises.quiz.data import chapter_quiz_data, exam_data
from exercises.static_html import container


@cache
def course() -> tuple[Content, tuple[Chapter, ...]]:
    # ``python -m exercises build`` sets KURS_PROJEKT for company editions (a staged copy).
    project = Path(os.environ.get("KURS_PROJEKT", PROJECT_DIR))
    company = os.environ.get("KURS_FIRMA")
    content = require_content(project, Path(company) if company else None)
    return content, tuple(chapters(project / "_toc.yml"))


def chapter(chapter_id: str) -> Chapter:
    return next(c for c in course()[1] if c.id == chapter_id)


class Exercise:
    """Static HTML for the book, an ipywidgets app for a live kernel."""

    def __init__(self, html: str, make_widget: Callable):
        self.html = html
        self.make_widget = make_widget

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.make_widget()._repr_mimebundle_() or {})
        bundle["text/html"] = self.html
        return bundle


def quiz(chapter_id: str) -> Exercise:
    from exercises.quiz.widget import quiz_widget

    content, _ = course()
    data = chapter_quiz_data(content, chapter(chapter_id))
    html = container("quiz", "kapitel", data, "Das Quiz braucht JavaScript im Browser.", "kurs-quiz")
    return Exercise(html, lambda: quiz_widget(content, chapter(chapter_id)))


def exam() -> Exercise:
    from exercises.quiz.widget import exam_widget

    content, all_chapters = course()
    data = exam_data(content, list(all_chapters))
    html = container("quiz", "pruefung", data, "Der Abschlusstest braucht JavaScript im Browser.",
                     "kurs-quiz")
    return Exercise(html, lambda: exam_widget(content, list(all_chapters)))


def roleplay(scenario_id: str) -> Exercise:
    from exercises.roleplay.data import roleplay_data
    from exercises.roleplay.widget import roleplay_widget

    content, _ = course()
    scenario = content.scenarios[scenario_id]
    data = roleplay_data(scenario, f"../rollenkarten/{scenario_id}.html")
    html = container("rollenspiel", scenario_id, data, data["texte"]["noscript"],
                     "kurs-rollenspiel", element_id=f"rollenspiel-{scenario_id}")
    return Exercise(html, lambda: roleplay_widget(scenario))


def salary_calculator() -> Exercise:
    """The salary calculator of the Gehalt chapter: two profiles side by side."""
    from exercises.salary.model import page_data
    from exercises.salary.widget import salary_widget
    from exercises.sphinx.references import source_anchor

    content, _ = course()
    tables = content.salary_tables()
    data = page_data(tables, lambda source_id: f"quellen.html#{source_anchor(source_id)}")
    html = container("gehalt", "rechner", data, "Der Gehaltsrechner braucht JavaScript im Browser.",
                     "kurs-gehalt")
    return Exercise(html, lambda: salary_widget(tables))


def discount_calculator() -> Exercise:
    """The discount calculator "Was kostet ein Rabatt?" of the Anforderungen chapter."""
    from exercises.discount.model import SOURCE
    from exercises.discount.page import page_data
    from exercises.discount.widget import discount_widget
    from exercises.sphinx.references import source_anchor

    content, _ = course()
    source = content.sources[SOURCE]
    data = page_data(source, lambda source_id: f"quellen.html#{source_anchor(source_id)}")
    html = container("rabatt", "rechner", data, "Der Rabattrechner braucht JavaScript im Browser.",
                     "kurs-rabatt")
    return Exercise(html, lambda: discount_widget(source.kurz))


def writing_task(task_id: str) -> Exercise:
    """An open writing task with model answer and checklist (``exercises/inhalte/schreibaufgaben*.yml``)."""
    from exercises.writing.page import task_data
    from exercises.writing.widget import writing_widget

    task = course()[0].writing[task_id]
    html = container("schreiben", task_id, task_data(task),
                     "Die Schreibaufgabe braucht JavaScript im Browser.", "kurs-schreiben",
                     element_id=f"schreibaufgabe-{task_id}")
    return Exercise(html, lambda: writing_widget(task))


def workbook() -> Exercise:
    """The account-plan workbook (page "Account-Plan-Arbeitsmappe")."""
    from exercises.sphinx.references import source_anchor
    from exercises.workbook.page import page_data
    from exercises.workbook.widget import workbook_widget

    content, _ = course()
    plan = content.workbook
    source = content.sources[plan.quelle]
    data = page_data(plan, {"title": source.kurz, "href": f"quellen.html#{source_anchor(plan.quelle)}"},
                     f"rollenspiele.html#rollenspiel-{plan.fall.rollenspiel}")
    html = container("arbeitsmappe", "account-plan", data,
                     "Die Arbeitsmappe braucht JavaScript im Browser.", "kurs-arbeitsmappe")
    return Exercise(html, lambda: workbook_widget(plan))
