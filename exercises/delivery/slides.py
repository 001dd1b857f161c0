"""Slides for trainers: one PowerPoint file per chapter, editable in PowerPoint and Impress.

Everything on a slide comes from the sources the site uses: the chapter's Markdown
(objectives, figures, summary, reflection questions) and its trainer notes (seminar
plan, discussion questions, misconceptions, the classroom role-play). Text stays text
in placeholders, text boxes and tables; only the figures are pictures, drawn from the
course's SVGs by the system Chromium at twice their size.
"""

import math
import re
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from exercises.chapters import Chapter
from exercises.content import Content
from exercises.delivery import printing
from exercises.formatting import with_unit
from exercises.trainer import TrainerNotes

ACCENT = RGBColor(0x0B, 0x4F, 0x6C)  # --kurs-akzent in assets/kurs.css
# Arial exists wherever PowerPoint runs, and LibreOffice swaps in the metric-compatible
# Liberation Sans, so a line breaks at the same word in both programs.
FONT = "Arial"
AVERAGE_CHAR_EM = 0.46  # mean width of a character of German text in Arial, in ems, with room for wrapping
BODY_SIZES = (24, 22, 20, 18)  # the smallest still reads from the back of a seminar room
TITLE_SIZES = (32, 28)
WIDE_SCREEN = (Emu(12192000), Emu(6858000))  # 16:9; python-pptx's template is 4:3
TITLE_SLIDE, TITLE_AND_CONTENT, TITLE_ONLY = 0, 1, 5
LANGUAGES = {"de": MSO_LANGUAGE_ID.GERMAN, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
ROLE = re.compile(r"\{(\w+)\}`([^`]*)`")
FIGURE = re.compile(r"^```\{figure\}\s+(\S+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SVG = "{http://www.w3.org/2000/svg}"
# a sentence ends after two small letters or digits and a full stop ("Dr. Aydın" goes on)
SENTENCE_END = re.compile(r"(?<=[a-zäöüß0-9)]{2}[.!?])\s+(?=[A-ZÄÖÜ])")


@dataclass
class Figure:
    svg: Path
    title: str  # the SVG's own <title>, short enough for a slide title
    alt: str
    caption: str


def plain(text: str, content: Content) -> str:
    """Chapter Markdown as slide text: figures in German format, citations in brackets."""
    def replace(match: re.Match) -> str:
        role, value = match.groups()
        if role == "zahl":
            figure = content.figures[value]
            return with_unit(figure.wert, figure.einheit)
        if role == "quelle":
            return f"({content.sources[value].kurz})"
        return re.sub(r"\s*<[^>]*>$", "", value)  # {term}`Text <Begriff>` shows "Text"
    return ROLE.sub(replace, text).replace("**", "")


def chapter_figures(chapter: Chapter) -> list[Figure]:
    found = []
    for match in FIGURE.finditer(chapter.path.read_text(encoding="utf-8")):
        svg = chapter.path.parent / match.group(1)
        options, _, caption = match.group(2).partition("\n\n")
        alt = next((line[5:].strip() for line in options.splitlines() if line.startswith(":alt:")), "")
        title = ElementTree.parse(svg).getroot().findtext(f"{SVG}title", "").strip()
        found.append(Figure(svg, title, alt, " ".join(caption.split())))
    return found


def render_figures(svgs: list[Path], folder: Path) -> dict[Path, Path]:
    """Each SVG as a PNG at twice its drawn size, by the Chromium the tests use."""
    pictures = {}
    with printing.checked_playwright()() as playwright:
        browser = playwright.chromium.launch(executable_path=printing.CHROMIUM, args=printing.QUIET_FLAGS)
        try:
            page = browser.new_page(device_scale_factor=2)
            for svg in svgs:
                *_, width, height = ElementTree.parse(svg).getroot().get("viewBox").split()
                page.set_viewport_size({"width": round(float(width)), "height": round(float(height))})
                page.goto(svg.resolve().as_uri())
                pictures[svg] = folder / f"{svg.stem}.png"
                page.screenshot(path=str(pictures[svg]))
        finally:
            browser.close()
    return pictures


def text_height(texts: list[str], size: int, width: Emu) -> float:
    """Estimated height in points of paragraphs ``texts`` set in ``size`` points."""
    per_line = width / Pt(1) / (size * AVERAGE_CHAR_EM)
    lines = sum(math.ceil(len(text) / per_line) for text in texts)
    return lines * size * 1.2 + len(texts) * size * 0.5


def fitting_size(texts: list[str], width: Emu, height: Emu, sizes=BODY_SIZES) -> int | None:
    return next((size for size in sizes if text_height(texts, size, width) <= height / Pt(1)), None)


def pages(texts: list[str], width: Emu, height: Emu) -> list[list[str]]:
    """``texts`` in as few consecutive groups as fit one slide each at a readable size,
    evenly shared out where that fits too (rather than a full slide and a nearly empty one)."""
    groups: list[list[str]] = [[]]
    for text in texts:
        if groups[-1] and fitting_size(groups[-1] + [text], width, height) is None:
            groups.append([])
        groups[-1].append(text)
    even: list[list[str]] = [[] for _ in groups]
    total, done = sum(map(len, texts)), 0
    for text in texts:  # each text goes to the group its middle character falls in
        even[min(len(groups) - 1, int((done + len(text) / 2) * len(groups) / total))].append(text)
        done += len(text)
    return even if all(group and fitting_size(group, width, height) for group in even) else groups


class Deck:
    def __init__(self, title: str):
        self.presentation = Presentation()
        self.presentation.core_properties.title = title
        self.presentation.core_properties.language = "de-DE"
        self._widen()

    def _widen(self) -> None:
        """16:9: stretch the template's placeholders sideways with the slide."""
        old_width = self.presentation.slide_width
        self.presentation.slide_width, self.presentation.slide_height = WIDE_SCREEN
        shapes = list(self.presentation.slide_master.shapes)
        shapes += [shape for layout in self.presentation.slide_layouts for shape in layout.placeholders
                   if shape._element.spPr.xfrm is not None]  # the others inherit the master's place
        for shape in shapes:
            shape.left = Emu(shape.left * WIDE_SCREEN[0] // old_width)
            shape.width = Emu(shape.width * WIDE_SCREEN[0] // old_width)

    def slide(self, layout: int, title: str, notes: list[str] = ()):
        slide = self.presentation.slides.add_slide(self.presentation.slide_layouts[layout])
        shape = slide.shapes.title
        size = fitting_size([title], shape.width - Inches(0.2), shape.height, TITLE_SIZES) or TITLE_SIZES[-1]
        fill(shape.text_frame, [title], size, color=ACCENT, bold=True)
        if notes:
            slide.notes_slide.notes_text_frame.text = "\n\n".join(notes)
        return slide

    def list_slides(self, title: str, items: list[str], notes: list[str] = ()) -> None:
        """A bulleted list in the body placeholder; a long list goes on to a second slide."""
        layout = self.presentation.slide_layouts[TITLE_AND_CONTENT].placeholders[1]
        width, height = layout.width - Inches(0.6), layout.height - Inches(0.2)  # bullet indent, insets
        groups = pages(items, width, height)
        for number, group in enumerate(groups, 1):
            suffix = f" ({number}/{len(groups)})" if len(groups) > 1 else ""
            slide = self.slide(TITLE_AND_CONTENT, title + suffix, notes)
            size = fitting_size(group, width, height) or BODY_SIZES[-1]
            fill(slide.placeholders[1].text_frame, group, size)

    def text_box(self, slide, box: tuple[float, float, float, float], paragraphs: list[str],
                 language: str = "de", sizes=BODY_SIZES, **style) -> None:
        """A text box at ``box`` (left, top, width, height in inches)."""
        left, top, width, height = (Inches(value) for value in box)
        frame = slide.shapes.add_textbox(left, top, width, height).text_frame
        frame.word_wrap = True
        size = fitting_size(paragraphs, width - Inches(0.2), height, sizes) or sizes[-1]
        fill(frame, paragraphs, size, language=language, **style)

    def save(self, path: Path) -> int:
        self.presentation.save(path)
        return len(self.presentation.slides)


def fill(frame, paragraphs: list[str], size: int, language: str = "de", color: RGBColor | None = None,
         bold: bool = False, align=None) -> None:
    frame.clear()
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_before = Pt(size * 0.5 if index else 0)
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
        run.font.language_id = LANGUAGES[language]
        if color is not None:
            run.font.color.rgb = color


def table(slide, box: tuple[float, float, float, float], rows: list[tuple[str, str]], size: int = 20) -> None:
    """A two-column table (label, minutes); the first row is the header, the last the sum."""
    left, top, width, height = (Inches(value) for value in box)
    grid = slide.shapes.add_table(len(rows), 2, left, top, width, height).table
    grid.columns[0].width = Emu(width * 3 // 4)
    grid.columns[1].width = Emu(width - grid.columns[0].width)
    for row_index, row in enumerate(rows):
        for column, text in enumerate(row):
            emphasis = row_index in (0, len(rows) - 1)
            cell = grid.cell(row_index, column)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            fill(cell.text_frame, [text], size, bold=emphasis, align=PP_ALIGN.RIGHT if column else None)


def minutes(count: int) -> str:
    return f"{count} Min."


def plan_slide(deck: Deck, notes: TrainerNotes) -> None:
    descriptions = [f"{step.phase} ({minutes(step.minuten)}): {step.beschreibung}" for step in notes.ablauf]
    slide = deck.slide(TITLE_ONLY, "Ablauf im Seminar", descriptions)
    rows = [("Phase", "Dauer")] + [(phase.phase, minutes(phase.minuten)) for phase in notes.ablauf]
    table(slide, (1.2, 1.7, 10.9, 0.55 * (len(rows) + 1)), rows + [("Zusammen", minutes(notes.dauer))])


def figure_slide(deck: Deck, figure: Figure, picture: Path) -> None:
    slide = deck.slide(TITLE_ONLY, figure.title, [f"Bildbeschreibung: {figure.alt}"])
    height = Inches(4.5)
    width = Emu(height * 16 // 9)
    shape = slide.shapes.add_picture(str(picture), (deck.presentation.slide_width - width) // 2,
                                     Inches(1.5), width, height)
    shape._element.nvPicPr.cNvPr.set("descr", figure.alt)  # alternative text for screen readers
    deck.text_box(slide, (0.9, 6.1, 11.5, 1.0), [figure.caption], sizes=(18, 16), align=PP_ALIGN.CENTER)


def roleplay_slides(deck: Deck, notes: TrainerNotes, content: Content) -> None:
    plan = notes.rollenspiel
    scenario = content.scenarios[plan.szenario]
    roles = scenario.rollen
    sentences = SENTENCE_END.split(" ".join(scenario.situation.split()))
    groups = pages(sentences, Inches(12.1), Inches(5.4))
    for number, group in enumerate(groups, 1):
        suffix = f" ({number}/{len(groups)})" if len(groups) > 1 else ""
        slide = deck.slide(TITLE_ONLY, f"Rollenspiel: {scenario.titel}{suffix}", [roles.verkauf.auftrag])
        deck.text_box(slide, (0.5, 1.6, 12.3, 5.4), [" ".join(group)], language=scenario.sprache)
    slide = deck.slide(TITLE_ONLY, "Rollenspiel: Rollen und Zeitplan",
                       [plan.anleitung, plan.timing(), "Beobachtungsbogen:\n" + "\n".join(roles.beobachtung)])
    deck.text_box(slide, (0.5, 1.6, 6.0, 5.4), [
        f"Verkauf: {roles.verkauf.titel}", f"Einkauf: {roles.einkauf.name}, {roles.einkauf.titel}",
        f"Beobachtung: {len(roles.beobachtung)} Punkte auf dem Beobachtungsbogen"])
    table(slide, (6.9, 1.7, 5.9, 3.3), [
        ("Schritt", "Dauer"),
        ("Vorbereitung", minutes(plan.vorbereitung)),
        (f"{plan.runden} Runden: Gespräch", f"je {minutes(plan.gespraech)}"),
        (f"{plan.runden} Runden: Rückmeldung", f"je {minutes(plan.rueckmeldung)}"),
        ("Nachbesprechung", minutes(plan.nachbesprechung)),
        ("Zusammen", minutes(plan.minutes())),
    ])


def chapter_deck(number: int, chapter: Chapter, content: Content, pictures: dict[Path, Path]) -> Deck:
    heading = f"Kapitel {number}: {chapter.title}"
    notes = content.trainer_notes.get(chapter.id)
    deck = Deck(heading)
    slide = deck.slide(TITLE_SLIDE, heading)
    lengths = [f"Lernzeit im Kurs: {chapter.minutes} Minuten"]
    lengths += [f"Seminar: {notes.dauer} Minuten"] if notes else []
    fill(slide.placeholders[1].text_frame, ["KAM-Kurs – Folien für Trainer:innen", " · ".join(lengths)], 24)
    if notes:
        plan_slide(deck, notes)
    deck.list_slides("Lernziele", [plain(item, content) for item in chapter.objectives])
    for figure in chapter_figures(chapter):
        figure_slide(deck, figure, pictures[figure.svg])
    deck.list_slides("Das Wichtigste in Kürze", [plain(item, content) for item in chapter.summary])
    if notes:
        deck.list_slides("Diskussionsfragen", notes.diskussionsfragen, [
            f"Typisches Missverständnis: {item.irrtum}\nRichtig ist: {item.richtigstellung}"
            for item in notes.missverstaendnisse])
    deck.list_slides("Fragen zur Reflexion", [plain(item, content) for item in chapter.reflection])
    if notes and notes.rollenspiel:
        roleplay_slides(deck, notes, content)
    return deck


def write_decks(numbered: list[tuple[int, Chapter]], content: Content,
                folder: Path) -> list[tuple[Path, int]]:
    """One ``NN-<chapter>.pptx`` per chapter in ``folder``; returns each file with its slide count."""
    svgs = [figure.svg for _, chapter in numbered for figure in chapter_figures(chapter)]
    written = []
    with tempfile.TemporaryDirectory() as staging:
        pictures = render_figures(svgs, Path(staging)) if svgs else {}
        for number, chapter in numbered:
            path = folder / f"{number:02d}-{chapter.id}.pptx"
            written.append((path, chapter_deck(number, chapter, content, pictures).save(path)))
    return written
