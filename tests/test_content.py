"""Content rules that every chapter must meet (read from the Markdown itself)."""

import re
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import pytest
from pages import PROJECT, chapter_docnames, toc_docnames

from exercises.chapters import parse_chapter
from exercises.content import REFERENCE, load_content

CHAPTERS = chapter_docnames()
VERBATIM_CHECK = PROJECT.parent / "shared" / "tools" / "verbatim_check.py"


def test_seven_article_chapters():
    assert [Path(name).name for name in CHAPTERS] == [
        "definition", "aufgaben", "anforderungen", "berufseinstieg", "gehalt", "arbeitsort",
        "warum-kam",
    ]


@pytest.mark.parametrize("docname", toc_docnames())
def test_toc_entry_exists(docname):
    assert (PROJECT / f"{docname}.md").is_file()


@pytest.mark.parametrize("docname", CHAPTERS)
def test_chapter_structure(docname):
    chapter = parse_chapter(PROJECT / f"{docname}.md")
    assert chapter is not None, "Kapitel ohne kurs-Block im Vorspann"
    assert chapter.title
    assert 10 <= chapter.minutes <= 90
    assert 3 <= len(chapter.objectives) <= 5
    assert all(objective.startswith("Sie können") for objective in chapter.objectives)
    assert len(chapter.summary) >= 3
    assert 2 <= len(chapter.reflection) <= 3
    assert chapter.body_words >= 800


@pytest.mark.parametrize("docname", CHAPTERS)
def test_chapter_has_own_accessible_figure(docname):
    text = (PROJECT / f"{docname}.md").read_text(encoding="utf-8")
    figures = re.findall(r"```\{figure\} (\S+)\n((?::\w+:.*\n)+)", text)
    drawn_by_code = "from exercises.diagrams import" in text
    assert figures or drawn_by_code
    for path, options in figures:
        assert re.search(r":alt: \S.{20,}", options), f"{path}: Alternativtext fehlt"
        svg = PROJECT / Path(docname).parent / path
        document = xml.dom.minidom.parse(str(svg))
        root = document.documentElement
        assert root.getAttribute("role") == "img"
        assert document.getElementsByTagName("title") and document.getElementsByTagName("desc")
        source = svg.read_text(encoding="utf-8")
        assert not re.search(r"(href|src)=\"(https?:)?//|<image|<script|@import", source)


def test_all_references_resolve_and_every_term_is_used():
    chapters = [PROJECT / f"{name}.md" for name in toc_docnames()]
    content, problems = load_content(chapters_to_check=chapters)
    assert [str(p) for p in problems] == []
    used = {target for path in chapters
            for role, target in REFERENCE.findall(path.read_text(encoding="utf-8"))
            if role == "term"}
    assert set(content.glossary) - used == set(), "Glossarbegriffe ohne Verweis aus einem Kapitel"


def test_no_generic_masculine_for_the_role():
    """The job title is always gender-fair in prose ("Key Account Manager:in/:innen")."""
    offenders = []
    for name in toc_docnames():
        text = (PROJECT / f"{name}.md").read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            pattern = r"\b(ein|der|den|dem|des|als) Key Account Managers?\b(?!:)"
            for match in re.finditer(pattern, line):
                offenders.append(f"{name}.md:{number}: {match.group(0)}")
    assert offenders == []


@pytest.mark.skipif(not VERBATIM_CHECK.exists(), reason="shared/tools fehlt neben dem Projekt")
def test_no_sentence_copied_from_the_article():
    result = subprocess.run([sys.executable, str(VERBATIM_CHECK), "book", "exercises"],
                            capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 0, result.stdout[-3000:]
