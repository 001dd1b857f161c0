"""Slides for trainers (``python -m exercises slides``): one deck per chapter that
python-pptx opens, with the chapter's objectives, figures, summary, discussion questions
and role-play timing, and that LibreOffice renders to PDF.

Expected values come from the chapter Markdown and the trainer notes' YAML, read here
with plain regular expressions and a YAML parser, not through the code under test.
"""

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, build_once
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt
from ruamel.yaml import YAML

COMMAND = [sys.executable, "-m", "exercises", "slides"]


def block_items(text: str, name: str) -> list[str]:
    """The list items of a ```{name} block, continuation lines joined."""
    block = re.search(r"^```\{" + name + r"\}\n(.*?)^```", text, re.MULTILINE | re.DOTALL).group(1)
    items = []
    for line in block.splitlines():
        item = re.match(r"\s*(?:-|\d+\.)\s+(.*)", line)
        if item:
            items.append(item.group(1).strip())
        elif line.strip():
            items[-1] += " " + line.strip()
    return items


def course_chapters() -> list[tuple[int, str, str]]:
    """(number, id, Markdown) of each chapter, in the order of ``_toc.yml``."""
    toc = YAML(typ="safe").load((PROJECT / "_toc.yml").read_text(encoding="utf-8"))
    files = [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    found = []
    for name in files:
        path = PROJECT / f"{name}.md"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if re.match(r"---\n.*?^kurs:", text, re.MULTILINE | re.DOTALL):
            found.append((len(found) + 1, path.stem, text))
    return found


def trainer_notes(chapter_id: str) -> dict:
    """The chapter's trainer notes, or {} for a chapter without any."""
    path = PROJECT / "exercises" / "inhalte" / f"trainer-{chapter_id}.yml"
    return YAML(typ="safe").load(path.read_text(encoding="utf-8")) if path.exists() else {}


def titled(deck, title: str) -> list:
    """The slides whose title is ``title``, or ``title`` with a "(1/2)" counter."""
    pattern = re.compile(re.escape(title) + r"( \(\d+/\d+\))?")
    return [slide for slide in deck.slides if pattern.fullmatch(slide.shapes.title.text_frame.text)]


def body_paragraphs(slides: list) -> list[str]:
    """The paragraphs of the body placeholders of ``slides``."""
    return [paragraph.text for slide in slides for paragraph in slide.placeholders[1].text_frame.paragraphs]


def table_cells(slide) -> list[str]:
    return [cell.text for shape in slide.shapes if shape.has_table
            for row in shape.table.rows for cell in row.cells]


def text_runs(slide):
    for shape in slide.shapes:
        frames = [cell.text_frame for row in shape.table.rows for cell in row.cells] if shape.has_table \
            else [shape.text_frame] if shape.has_text_frame else []
        for frame in frames:
            yield from (run for paragraph in frame.paragraphs for run in paragraph.runs)


CHAPTERS = [pytest.param(*chapter, id=chapter[1]) for chapter in course_chapters()]


@pytest.fixture(scope="session")
def decks(shared_folder) -> dict[str, Path]:
    """All chapters' decks, written once per test run."""
    folder = shared_folder / "folien"
    folder.mkdir(exist_ok=True)
    done = build_once(shared_folder, "folien", COMMAND + ["--chapter", "all", "--out", str(folder)])
    assert done.returncode == 0, done.stdout + done.stderr
    return {path.stem.split("-", 1)[1]: path for path in sorted(folder.glob("*.pptx"))}


def test_one_deck_per_chapter_named_with_its_number(decks):
    assert sorted(path.name for path in decks.values()) == sorted(
        f"{number:02d}-{chapter_id}.pptx" for number, chapter_id, _ in course_chapters())


@pytest.mark.parametrize("number, chapter_id, markdown", CHAPTERS)
def test_deck_carries_the_chapter(decks, number, chapter_id, markdown):
    deck = Presentation(decks[chapter_id])
    first_heading = re.search(r"^# (.+)$", markdown, re.MULTILINE).group(1)
    assert deck.slides[0].shapes.title.text_frame.text == f"Kapitel {number}: {first_heading}"
    assert body_paragraphs(titled(deck, "Lernziele")) == block_items(markdown, "lernziele")
    assert len(body_paragraphs(titled(deck, "Das Wichtigste in Kürze"))) == len(
        block_items(markdown, "zusammenfassung"))
    reflection = titled(deck, "Fragen zur Reflexion")
    assert len(body_paragraphs(reflection)) == len(block_items(markdown, "reflexion"))
    notes = trainer_notes(chapter_id)
    discussion = titled(deck, "Diskussionsfragen")
    questions = [" ".join(question.split()) for question in notes.get("diskussionsfragen", [])]
    assert body_paragraphs(discussion) == questions
    speaker_notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in discussion)
    for misconception in notes.get("missverstaendnisse", []):
        assert misconception["irrtum"] in speaker_notes
    every_text = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                           if shape.has_text_frame)
    assert not re.search(r"\{\w+\}|`|\*\*", every_text), "MyST-Markup auf einer Folie"


@pytest.mark.parametrize("number, chapter_id, markdown", CHAPTERS)
def test_figures_are_pictures_at_twice_their_size(decks, number, chapter_id, markdown):
    figures = re.findall(r"^```\{figure\}\s+(\S+)", markdown, re.MULTILINE)
    deck = Presentation(decks[chapter_id])
    pictures = [shape for slide in deck.slides for shape in slide.shapes
                if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == len(figures)
    for picture, figure in zip(pictures, figures, strict=True):
        svg = (PROJECT / "book" / figure).read_text(encoding="utf-8")
        width, height = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups()
        assert Image.open(io.BytesIO(picture.image.blob)).size == (2 * int(width), 2 * int(height))
        assert picture._element.nvPicPr.cNvPr.get("descr"), "Bild ohne Alternativtext"


@pytest.mark.parametrize("number, chapter_id, markdown", CHAPTERS)
def test_roleplay_timing_comes_from_the_trainer_notes(decks, number, chapter_id, markdown):
    plan = trainer_notes(chapter_id).get("rollenspiel")
    deck = Presentation(decks[chapter_id])
    if plan is None:
        assert not titled(deck, "Rollenspiel: Rollen und Zeitplan")
        return
    [slide] = titled(deck, "Rollenspiel: Rollen und Zeitplan")
    cells = table_cells(slide)
    total = plan["vorbereitung"] + plan["runden"] * (plan["gespraech"] + plan["rueckmeldung"]) \
        + plan["nachbesprechung"]
    assert cells[-2:] == ["Zusammen", f"{total} Min."]
    for minutes in ("vorbereitung", "gespraech", "rueckmeldung", "nachbesprechung"):
        assert any(re.fullmatch(rf"(je )?{plan[minutes]} Min\.", cell) for cell in cells)
    assert " ".join(plan["anleitung"].split()) in slide.notes_slide.notes_text_frame.text


def test_text_is_editable_and_readable(decks):
    for path in decks.values():
        for slide in Presentation(path).slides:
            assert slide.shapes.title is not None and slide.shapes.title.text_frame.text
            sizes = [run.font.size for run in text_runs(slide)]
            assert sizes and all(size is not None and size >= Pt(16) for size in sizes), path.name


def test_one_chapter_only(tmp_path):
    done = subprocess.run(COMMAND + ["--chapter", "gehalt", "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 0, done.stderr
    assert [path.name for path in tmp_path.iterdir()] == [
        f"{number:02d}-gehalt.pptx" for number, chapter_id, _ in course_chapters() if chapter_id == "gehalt"]


@pytest.mark.parametrize("chapter, folder, message", [
    ("gibtsnicht", ".", "unbekanntes Kapitel „gibtsnicht“"),
    ("all", "fehlt", "fehlt“ gibt es nicht"),
])
def test_bad_input_exits_2_with_a_german_message(tmp_path, chapter, folder, message):
    done = subprocess.run(COMMAND + ["--chapter", chapter, "--out", str(tmp_path / folder)],
                          capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.iterdir())


def test_libreoffice_renders_a_deck_to_pdf(decks, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice fehlt: `apt-get install libreoffice-impress` (macht .ci/run)")
    deck = max(decks.values(), key=lambda path: len(Presentation(path).slides))
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                          capture_output=True, text=True, timeout=300)
    pdf = tmp_path / f"{deck.stem}.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())
    assert len(pages) >= len(Presentation(deck).slides)
