"""Written practice: the content (every chapter has a task that its page calls),
broken files refused with path and line, the page data, and the notebook app
answered through its widgets (without a kernel)."""

import json
import re
from html import escape
from pathlib import Path

import pytest
from pages import PROJECT, chapter_docnames

from exercises.content import load_content
from exercises.static_html import container
from exercises.writing.model import MAX_CHARS, WritingTask
from exercises.writing.page import task_data
from exercises.writing.widget import WritingApp

FIXTURES = Path(__file__).parent / "fixtures" / "kaputt-schreiben"
BROKEN = sorted(FIXTURES.glob("*/*.yml"))
CALL = re.compile(r'^writing_task\("([^"]+)"\)$', re.MULTILINE)


@pytest.fixture(scope="module")
def tasks():
    content, problems = load_content()
    assert [p for p in problems if "schreibaufgaben" in p.path.name] == []
    return content.writing


def expectation(path: Path) -> tuple[str, int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    message = next(text for text in lines if "erwartet: " in text).split("erwartet: ")[1]
    return message, next(n for n, text in enumerate(lines, 1) if "<- Fehler" in text)


# ---------- content ----------

@pytest.mark.parametrize("docname", chapter_docnames())
def test_every_chapter_of_the_course_has_a_writing_task(tasks, docname):
    chapter = Path(docname).name
    assert [task.id for task in tasks.values() if task.kapitel == chapter], f"keine Aufgabe für {chapter}"


@pytest.mark.parametrize("docname", chapter_docnames())
def test_each_chapter_calls_exactly_its_own_tasks(tasks, docname):
    chapter = Path(docname).name
    called = CALL.findall((PROJECT / f"{docname}.md").read_text(encoding="utf-8"))
    assert sorted(called) == sorted(task.id for task in tasks.values() if task.kapitel == chapter)


def test_model_answers_fit_the_box_and_checklists_have_four_to_six_points(tasks):
    for task in tasks.values():
        assert 0 < len(task.musterantwort) <= 2000, task.id
        assert 4 <= len(task.checkliste) <= 6, task.id
        assert len(set(task.checkliste)) == len(task.checkliste), task.id


# ---------- broken files ----------

def test_at_least_ten_broken_fixtures():
    assert len(BROKEN) >= 10


@pytest.fixture(scope="module")
def broken_problems():
    """All broken files checked in one run (each stands in for schreibaufgaben.yml); problems per file."""
    _, problems = load_content(paths=BROKEN)
    found: dict[Path, list] = {}
    for problem in problems:
        found.setdefault(problem.path, []).append(problem)
    return found


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda p: p.parent.name)
def test_broken_file_is_refused_with_path_and_line(broken_problems, fixture):
    message, line = expectation(fixture)
    problems = broken_problems.get(fixture, [])
    assert any(problem.line == line and message in problem.message for problem in problems), [
        str(problem) for problem in problems]


# ---------- page data ----------

def evil_task() -> WritingTask:
    return WritingTask(id="gehalt-9", kapitel="gehalt", titel="<b>Titel</b>",
                       situation="</script><script>x()</script>", auftrag="Schreiben & prüfen", umfang="kurz",
                       musterantwort="Zeile 1\nZeile 2\n\n<i>Absatz</i>", checkliste=["a <b>", "b", "c", "d"])


def test_the_page_gets_the_task_as_json_that_cannot_close_its_script_element():
    html = container("schreiben", "gehalt-9", task_data(evil_task()), "ohne JS", "kurs-schreiben")
    embedded = re.search(r'<script type="application/json">(.*?)</script>', html, re.DOTALL).group(1)
    assert "</script>" not in embedded and "<b>" not in embedded
    data = json.loads(embedded)
    assert data["situation"] == "</script><script>x()</script>"
    assert data["checklist"] == ["a <b>", "b", "c", "d"]
    assert data["maxChars"] == 2000


# ---------- the notebook app, through its widgets ----------

def test_the_notebook_app_counts_reveals_and_ticks():
    app = WritingApp(evil_task())
    assert app.solution.layout.display == "none"
    app.text.value = "Sehr geehrte Frau Wagner,"
    assert app.count.value == "25 von 2.000 Zeichen"
    app.reveal.click()
    assert app.solution.layout.display is None and app.reveal.disabled
    # content text is escaped, line breaks kept
    assert "&lt;i&gt;Absatz&lt;/i&gt;" in app.answer.value and "Zeile 1<br>Zeile 2" in app.answer.value
    assert app.summary.value == "0 von 4 Punkten treffen auf Ihren Text zu."
    app.checks[0].value = True
    app.checks[2].value = True
    assert app.summary.value == "2 von 4 Punkten treffen auf Ihren Text zu."
    assert [check.description for check in app.checks] == ["a <b>", "b", "c", "d"]


def test_the_notebook_app_keeps_at_most_the_page_limit():
    app = WritingApp(evil_task())
    app.text.value = "x" * (MAX_CHARS + 50)
    assert len(app.text.value) == 2000
    assert app.count.value == "2.000 von 2.000 Zeichen"


def test_the_notebook_app_shows_a_course_task(tasks):
    task = tasks["gehalt-1"]
    app = WritingApp(task)
    app.reveal.click()
    assert len(app.checks) == len(task.checkliste)
    assert escape(task.musterantwort.splitlines()[0]) in app.answer.value
