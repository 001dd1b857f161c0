"""The data of the static page (``assets/kurs-schreiben.js``): one task as
the chapter shows it, and the list of tasks the progress page reports on."""

from collections.abc import Callable, Iterable

from exercises.chapters import Chapter
from exercises.writing.model import MAX_CHARS, WritingTask


def task_data(task: WritingTask) -> dict:
    return {
        "id": task.id,
        "title": task.titel,
        "situation": task.situation,
        "task": task.auftrag,
        "length": task.umfang,
        "modelAnswer": task.musterantwort,
        "checklist": list(task.checkliste),
        "maxChars": MAX_CHARS,
    }


def overview(tasks: Iterable[WritingTask], chapters: Iterable[Chapter],
             chapter_href: Callable[[Chapter], str]) -> list[dict]:
    """The tasks of the course's chapters in course order (a company edition may leave chapters out)."""
    tasks, result = list(tasks), []
    for chapter in chapters:
        result += [{"id": task.id, "title": task.titel, "chapter": chapter.title,
                    "href": f"{chapter_href(chapter)}#schreibaufgabe-{task.id}",
                    "criteria": len(task.checkliste)}
                   for task in tasks if task.kapitel == chapter.id]
    return result
