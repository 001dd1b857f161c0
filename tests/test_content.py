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


# The article's seven sections, in its order; the course may add chapters between them.
ARTICLE_CHAPTERS = ["definition", "aufgaben", "anforderungen", "berufseinstieg", "gehalt",
                    "arbeitsort", "warum-kam"]


def test_article_chapters_keep_the_article_order():
    names = [Path(name).name for name in CHAPTERS]
    assert [name for name in names if name in ARTICLE_CHAPTERS] == ARTICLE_CHAPTERS


def test_compliance_chapter_follows_the_arbeitsort_chapter():
    names = [Path(name).name for name in CHAPTERS]
    assert names[names.index("arbeitsort") + 1] == "recht-compliance"


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


def term_target(target: str) -> str:
    """The glossary term of a {term} role, also with an explicit title ("Texts <Term>")."""
    return target.split("<")[-1].rstrip(">").strip().lower()


def test_all_references_resolve_and_every_term_is_used():
    chapters = [PROJECT / f"{name}.md" for name in toc_docnames()]
    content, problems = load_content(chapters_to_check=chapters)
    assert [str(p) for p in problems] == []
    used = {term_target(target) for path in chapters
            for role, target in REFERENCE.findall(path.read_text(encoding="utf-8"))
            if role == "term"}
    unused = {term.lower() for term in content.glossary} - used
    assert unused == set(), "Glossarbegriffe ohne Verweis aus einem Kapitel"


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


def content_texts():
    """Every prose file and content YAML a learner reads, as (path, text)."""
    files = sorted(PROJECT.glob("book/*.md")) + sorted(PROJECT.glob("exercises/inhalte/*.yml"))
    return [(path.relative_to(PROJECT), path.read_text(encoding="utf-8")) for path in files]


def test_sources_are_published_not_the_course_fact_sheet():
    content, _ = load_content()
    offenders = [key for key, source in content.sources.items()
                 if "faktenblatt" in f"{key} {source.kurz} {source.angabe}".lower()]
    assert offenders == []


def test_millman_wilson_has_six_stages():
    content, _ = load_content()
    stages = ["Pre-KAM", "Early-KAM", "Mid-KAM", "Partnership-KAM", "Synergistic-KAM",
              "Uncoupling-KAM"]
    text = content.glossary["Beziehungsstufen"].definition
    assert [stage for stage in stages if stage not in text] == []
    assert "fünf Beziehungsstufen" not in (PROJECT / "book" / "definition.md").read_text(
        encoding="utf-8")


# A gender-colon noun ("Manager:in") is feminine in the singular: "die/eine …:in".
# "der" is also the feminine genitive and dative ("die Steuerklasse der …:in"), so
# only a sentence-initial "Der …:in" is certainly wrong; the other articles are
# masculine or neuter in every case.
MISMATCHED_ARTICLE = re.compile(
    r"(?:\b(?:dem|des|ein|einem|eines|einen|jedem|jeden|keinen|Ihrem|Ihren|seinem|seinen)"
    r"|(?:^|[.!?]\s+|^\s*-\s+)Der)(?: [\w-]+){0,3} [\w-]+:in\b")


def test_gender_colon_forms_take_matching_articles():
    offenders = [f"{path}:{number}: {match.group(0)}"
                 for path, text in content_texts()
                 for number, line in enumerate(text.splitlines(), 1)
                 for match in MISMATCHED_ARTICLE.finditer(line)]
    assert offenders == []


# A hyphenated word broken at the end of a folded YAML line ("Kaufen-Verkaufen- Hierarchie").
STRAY_SPACE = re.compile(r"\w-\s+(?!(?:und|oder|bis|sowie|als|wie|gegenüber|statt|bzw|noch)\b)[a-zäöüA-ZÄÖÜ]")


def test_no_space_after_a_hyphen_inside_a_word():
    offenders = []
    for path, text in content_texts():
        folded = re.sub(r"-\n\s+", "- ", text)
        offenders += [f"{path}: {match.group(0)}" for match in STRAY_SPACE.finditer(folded)
                      if not match.group(0).startswith("--")]
    assert offenders == []


GLOSSARY_TERMS = ["Salamitaktik", "Good Cop/Bad Cop", "Rosinenpicken", "Begrenzte Vollmacht",
                  "Whitespace", "Stakeholder-Landkarte", "Deckungsbeitrag", "Bonität",
                  "Zahlungsziel", "AgrarOLkG", "Eigenmarke"]


def test_terms_used_without_explanation_are_in_the_glossary_and_linked():
    content, _ = load_content()
    assert [term for term in GLOSSARY_TERMS if term not in content.glossary] == []
    linked = {term_target(target)
              for name in CHAPTERS
              for role, target in REFERENCE.findall(
                  (PROJECT / f"{name}.md").read_text(encoding="utf-8"))
              if role == "term"}
    assert [term for term in GLOSSARY_TERMS if term.lower() not in linked] == []


def test_chapter_links_carry_their_own_text():
    """A bare {doc} link prints the page title, which breaks the sentence around it."""
    offenders = []
    for path, text in content_texts():
        if path.suffix != ".md":
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if line.startswith("|"):
                continue  # a table cell may name the page by its title
            offenders += [f"{path}:{number}: {match.group(0)}"
                          for match in re.finditer(r"\{doc\}`[^`<]+`", line)]
    assert offenders == []


DEVELOPER_TEXT = re.compile(r"python\s+-m|\.ya?ml\b|README|\b\w+\.py\b")


def test_learner_pages_show_no_developer_text(site):
    offenders = []
    for page in sorted(site.glob("book/*.html")):
        html = page.read_text(encoding="utf-8")
        main = re.search(r"<main.*?</main>", html, re.S)
        visible = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ",
                         main.group(0) if main else html, flags=re.S)
        offenders += [f"{page.name}: {match.group(0)}" for match in DEVELOPER_TEXT.finditer(visible)]
    assert offenders == []


def test_footer_credit_reads_naturally(site):
    html = (site / "book" / "intro.html").read_text(encoding="utf-8")
    footer = re.search(r'<footer class="bd-footer-content.*?</footer>', html, re.S).group(0)
    assert "Durch " not in footer
    assert "KAM-Kurs-Team" in footer


def test_compliance_chapter_says_first_that_it_is_not_legal_advice():
    text = (PROJECT / "book" / "recht-compliance.md").read_text(encoding="utf-8")
    first_section = text.index("\n## ")
    box = re.search(r"```\{admonition\} ([^\n]*)\n(.*?)```", text, re.S)
    assert box and box.start() < first_section
    assert "keine Rechtsberatung" in box.group(1) + box.group(2)


def test_compliance_dilemmas_grade_every_option():
    """A dilemma case keys its best reaction and grades each other one as acceptable or poor."""
    content, _ = load_content()
    dilemmas = [question for question in content.quizzes["recht-compliance"].fragen
                if getattr(question, "optionen", None)
                and any(option.richtig and option.feedback.startswith("Beste")
                        for option in question.optionen)]
    assert len(dilemmas) >= 3
    for question in dilemmas:
        grades = [option.feedback.split(":")[0] for option in question.optionen if not option.richtig]
        assert all(grade.startswith(("Vertretbar", "Schwach")) for grade in grades), question.id
        assert any(grade.startswith("Vertretbar") for grade in grades), question.id
        assert any(grade.startswith("Schwach") for grade in grades), question.id
