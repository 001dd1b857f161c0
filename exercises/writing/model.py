"""Writing tasks: the validated content and the checks across files.

A task belongs to one chapter and is called there by its id
(``writing_task("gehalt-1")``), so its id starts with the chapter's id. The
learner's text may be at most ``MAX_CHARS`` long (the page's textarea and the
notebook app cut there), and the model answer must fit the same box, or it
would show an answer the learner could never have written.
"""

from typing import Annotated

from pydantic import Field, model_validator

from exercises.models import Model, Text
from exercises.problems import Problem
from exercises.yamlfile import YamlFile

MAX_CHARS = 2000
CHECKLIST = (4, 6)  # criteria per task, at least and at most
TaskId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class WritingTask(Model):
    id: TaskId
    kapitel: Text
    titel: Text
    situation: Text  # the realistic setting the text is written for
    auftrag: Text  # what exactly to write
    umfang: Text  # a hint on length, e.g. "5 bis 8 Sätze"
    musterantwort: Text
    checkliste: list[Text] = Field(min_length=CHECKLIST[0], max_length=CHECKLIST[1])

    @model_validator(mode="after")
    def fits(self):
        if not self.id.startswith(f"{self.kapitel}-"):
            raise ValueError(f"die ID „{self.id}“ muss mit dem Kapitel beginnen: „{self.kapitel}-…“")
        if len(self.musterantwort) > MAX_CHARS:
            raise ValueError(f"die Musterantwort hat {len(self.musterantwort)} Zeichen; erlaubt sind "
                             f"höchstens {MAX_CHARS}, so viel wie das Eingabefeld fasst")
        return self


class WritingTasks(Model):
    """One file of tasks; a course may split them over several files."""

    aufgaben: list[WritingTask] = Field(min_length=1)


ORIGIN = "WritingTask"  # the kind under which Content.origin keeps each task's file


def location(yaml_file: YamlFile, task_id: str, *fields: str) -> list:
    """Where task ``task_id`` stands in ``yaml_file`` (the first task with that id)."""
    index = next(i for i, item in enumerate(yaml_file.data["aufgaben"]) if item.get("id") == task_id)
    return ["aufgaben", index, *fields]


def collect(document: WritingTasks, yaml_file: YamlFile, tasks: dict[str, WritingTask],
            origin: dict) -> list[Problem]:
    """Adds the file's tasks to ``tasks``; a repeated id is a problem at its line."""
    problems = []
    for index, task in enumerate(document.aufgaben):
        if task.id in tasks:
            first = origin[(ORIGIN, task.id)]
            problems.append(yaml_file.problem(
                ["aufgaben", index, "id"], f"doppelte Aufgaben-ID „{task.id}“ (auch in {first.path.name})"))
            continue
        tasks[task.id] = task
        origin[(ORIGIN, task.id)] = yaml_file
    return problems


def chapter_problems(tasks: dict[str, WritingTask], origin: dict, known_chapters) -> list[Problem]:
    """Every task must name a chapter of the course."""
    problems = []
    for task_id, task in tasks.items():
        if task.kapitel not in known_chapters:
            yaml_file = origin[(ORIGIN, task_id)]
            problems.append(yaml_file.problem(location(yaml_file, task_id, "kapitel"),
                                              f"{task_id}: unbekanntes Kapitel „{task.kapitel}“; vorhanden: "
                                              + ", ".join(known_chapters)))
    return problems
