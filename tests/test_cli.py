"""``python -m exercises``: check and inventory, as trainers and CI call them.

Each broken fixture says in its first line which message it expects
(``# erwartet: …``) and marks the offending line with ``<- Fehler``.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pages import PROJECT, chapter_docnames

from exercises.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted(FIXTURES.glob("kaputt*/**/*.yml"))


def run(*args):
    return subprocess.run([sys.executable, "-m", "exercises", *map(str, args)],
                          capture_output=True, text=True, cwd=PROJECT)


def expectation(path: Path) -> tuple[str, int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    message = next(text for text in lines if "erwartet: " in text).split("erwartet: ")[1]
    line = next(n for n, text in enumerate(lines, 1) if "<- Fehler" in text)
    return message, line


def test_all_course_content_is_valid():
    result = run("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


@pytest.mark.parametrize("kind", ["kaputt", "kaputt-quiz", "kaputt-rollenspiel", "kaputt-firma"])
def test_at_least_ten_broken_fixtures_per_kind(kind):
    assert len(list((FIXTURES / kind).rglob("*.yml"))) >= 10


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_broken_file_is_refused_with_path_and_line(fixture, capsys, monkeypatch):
    """The entry point ``python -m exercises`` calls, in this process: a new Python for each
    of over a hundred fixtures took a second each. An exception would fail the test itself."""
    message, line = expectation(fixture)
    monkeypatch.chdir(PROJECT)
    assert main(["check", str(fixture)]) == 1
    printed = capsys.readouterr().out
    assert f"{fixture.relative_to(PROJECT)}:{line}: " in printed
    assert message in printed


def test_unknown_figure_in_a_chapter_is_refused():
    chapter = FIXTURES / "kapitel" / "unbekannte-zahl.md"
    message, line = expectation(chapter)
    result = run("check", chapter)
    assert result.returncode == 1
    assert f"{chapter.relative_to(PROJECT)}:{line}: {message}" in result.stdout


def test_missing_file_is_a_clear_message():
    result = run("check", "exercises/inhalte/zahlen-gibt-es-nicht.yml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "zahlen-gibt-es-nicht.yml:1: Datei nicht gefunden" in result.stderr


def test_inventory_lists_chapters_in_course_order():
    result = run("inventory", "--json")
    assert result.returncode == 0, result.stderr
    chapters = json.loads(result.stdout)["chapters"]
    assert [c["path"] for c in chapters] == [f"{name}.md" for name in chapter_docnames()]
    for chapter in chapters:
        assert set(chapter) >= {"id", "title", "path", "minutes", "objectives", "quiz_questions"}
        assert chapter["id"] == Path(chapter["path"]).stem
        assert isinstance(chapter["minutes"], int) and chapter["minutes"] > 0
        assert 3 <= len(chapter["objectives"]) <= 5
        heading = next(line for line in (PROJECT / chapter["path"]).read_text().splitlines()
                       if line.startswith("# "))
        assert heading == f"# {chapter['title']}"


def test_inventory_lists_exam_and_roleplays():
    data = json.loads(run("inventory", "--json").stdout)
    quiz_files = sorted((PROJECT / "exercises" / "inhalte").glob("quiz-*.yml"))
    assert len(quiz_files) == len(chapter_docnames())  # one question bank per chapter
    assert all(chapter["quiz_questions"] >= 10 for chapter in data["chapters"])
    assert data["exam"]["pool"] == sum(c["quiz_questions"] for c in data["chapters"])
    assert data["exam"]["questions_per_attempt"] >= 20
    assert data["exam"]["pass_percent"] == 80
    roleplays = {r["id"]: r for r in data["roleplays"]}
    assert len(roleplays) >= 4
    assert roleplays["international-buyer"]["language"] == "en"
    for roleplay in roleplays.values():
        assert roleplay["decisions_on_best_path"] >= 5
        assert roleplay["endings"] >= 3
        assert len(roleplay["dimensions"]) >= 2
