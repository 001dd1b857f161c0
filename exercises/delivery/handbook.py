"""The whole course as one A4 handbook to print (``python -m exercises handbook``).

The prose comes from the built site, so the handbook says exactly what the
edition says: each page's article, without navigation and scripts, with every
exercise replaced by its paper form (``handbook_exercises``) and every figure
inlined as SVG, so it stays a vector drawing in the PDF.

Chromium prints it. Running headers and page numbers are CSS page-margin
boxes (one named page per part, whose header is the part's title). Chromium
has no ``target-counter()`` for the table of contents, so the handbook is
printed twice: the first print's outline (bookmarks) tells on which page each
part starts, the second print carries those numbers.
"""

import base64
import mimetypes
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from exercises import PROJECT_DIR
from exercises.chapters import toc_pages
from exercises.content import Content
from exercises.delivery import handbook_exercises as paper
from exercises.delivery.assign import roleplay_rows
from exercises.delivery.printing import PrintError, print_pdf
from exercises.delivery.worksheet import QUESTION_STYLE
from exercises.sphinx.editions import TRAINER_BANNER, TRAINER_TITLE

STYLE = Path(__file__).with_name("handbook.css")
CHAPTERS_CAPTION = "Kapitel"
# Pages beyond the start page and the chapters; the others (exam, self-check,
# progress, certificate) only work in the browser.
EXTRA_PAGES = ("rollenspiele", "glossar", "quellen")
KEY_HEADING = "Lösungsschlüssel zum Kapitel-Quiz"  # the trainer notes' rubric (exercises/sphinx/editions.py)


@dataclass
class Part:
    """One page of the site printed as a part of the handbook."""

    page: str  # the page's name, e.g. "gehalt"
    title: str  # as in the site's navigation, e.g. "5. Gehalt: …"
    body: str = ""


def course_parts(site: Path) -> list[Part]:
    """The printed pages in course order, read from the built start page's navigation."""
    start = site / f"{toc_pages()[0].docname}.html"
    navigation = BeautifulSoup(start.read_text(encoding="utf-8"), "html.parser").select_one("nav.bd-docs-nav")
    parts = [Part(start.stem, navigation.select_one(".bd-sidenav__home-link a").get_text(strip=True))]
    for caption in navigation.select("p.caption"):
        for link in caption.find_next_sibling("ul").select("li.toctree-l1 > a"):
            page = link["href"].split("#")[0].removesuffix(".html")
            if caption.get_text(strip=True) == CHAPTERS_CAPTION or page in EXTRA_PAGES:
                parts.append(Part(page, link.get_text(strip=True)))
    return parts


def prefixed_svg(svg: str, prefix: str) -> str:
    """An SVG file's markup with its ids made unique, so that several can share one page."""
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    for name in re.findall(r'\bid="([^"]+)"', svg):
        svg = re.sub(rf'(\bid="|#){re.escape(name)}\b', rf"\g<1>{prefix}-{name}", svg)
        svg = re.sub(rf'(aria-(?:labelledby|describedby)="[^"]*\b){re.escape(name)}\b',
                     rf"\g<1>{prefix}-{name}", svg)
    return svg


def inline_images(article: Tag, page_file: Path, soup: BeautifulSoup) -> None:
    """SVG figures become inline SVG (vector in the PDF); other images become data URIs."""
    for number, image in enumerate(article.select("img")):
        source = (page_file.parent / image["src"]).resolve()
        if source.suffix.lower() == ".svg":
            svg = prefixed_svg(source.read_text(encoding="utf-8"), f"{page_file.stem}-{number}")
            image.replace_with(BeautifulSoup(svg, "html.parser"))
        else:
            kind = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
            image["src"] = f"data:{kind};base64,{base64.b64encode(source.read_bytes()).decode('ascii')}"
            del image["srcset"]


def replace_cell(container: Tag, html: str) -> None:
    """Put ``html`` where the notebook cell holding ``container`` was."""
    cell = container.find_parent("div", class_="cell") or container
    cell.replace_with(BeautifulSoup(html, "html.parser"))


@dataclass
class Edition:
    content: Content
    trainer: bool
    base_url: str  # "" or the site's address ending in "/"


def printable_exercises(article: Tag, page: str, edition: Edition) -> None:
    content = edition.content
    for container in article.select("[data-kurs-quiz]"):
        replace_cell(container, paper.quiz(content, page))
    for container in article.select("[data-kurs-gehalt]"):
        replace_cell(container, paper.salary_example(content.salary_tables()))
    for container in article.select("[data-kurs-rabatt]"):
        replace_cell(container, paper.discount_example())
    containers = article.select("[data-kurs-rollenspiel]")
    scenarios = [content.scenarios[container["data-kurs-rollenspiel"]] for container in containers]
    rows = roleplay_rows(scenarios, PROJECT_DIR / "book" / f"{page}.md", edition.base_url)
    for container, scenario, row in zip(containers, scenarios, rows, strict=True):
        replace_cell(container, paper.roleplay_summary(scenario, row.link, bool(edition.base_url),
                                                       edition.trainer))
    for container in article.select("[data-kurs-schreiben]"):
        task = content.writing[container["data-kurs-schreiben"]]
        replace_cell(container, paper.writing_task(task, edition.trainer))
    for fallback in article.select(".kurs-ohne-js"):  # an exercise kind without a paper form
        replace_cell(fallback, paper.online_only(f"{edition.base_url}book/{page}.html"))
    for rubric in article.select("p.rubric"):
        if rubric.get_text(strip=True) == KEY_HEADING:  # the key with the printed numbers and letters
            key = BeautifulSoup(paper.quiz_key(content, page), "html.parser")
            rubric.find_next_sibling().replace_with(key)


def article_html(site: Path, part: Part, edition: Edition) -> str:
    """The page's article as the handbook prints it."""
    page_file = site / "book" / f"{part.page}.html"
    soup = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    printable_exercises(article, part.page, edition)
    for element in article.select("a.headerlink, .kurs-bild-hinweis, script, noscript"):
        element.decompose()
    inline_images(article, page_file, soup)
    for link in article.select("a"):  # a page of paper links nowhere, and names no other host
        link.unwrap()
    heading = article.select_one("h1")
    heading.replace_with(BeautifulSoup(f'<h1 class="hb-teil">{escape(part.title)}</h1>', "html.parser"))
    return "".join(str(child) for child in article.children)


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_html(parts: list[Part], starts: dict[str, int], title: str, trainer: bool) -> str:
    """The whole handbook: title page, contents with page numbers, the parts."""
    corner = TRAINER_BANNER if trainer else "KAM-Kurs · Handbuch"
    margins = "".join(f"@page teil-{n}{{@top-left{{content:{css_string(part.title)}}}}}"
                      for n, part in enumerate(parts))
    contents = "".join(f'<li><span class="hb-titel">{escape(part.title)}</span>'
                       f'<span class="hb-seite">{starts.get(part.page, 0)}</span></li>' for part in parts)
    sections = "".join(f'<section class="hb-abschnitt" style="page:teil-{n}">{part.body}</section>'
                       for n, part in enumerate(parts))
    edition_line = (f'<p class="hb-ausgabe">{escape(TRAINER_BANNER)}</p>' if trainer
                    else '<p class="hb-ausgabe">Ausgabe für Teilnehmende</p>')
    style = (STYLE.read_text(encoding="utf-8") + QUESTION_STYLE
             + f"@page{{@top-right{{content:{css_string(corner)}}}}}{margins}")
    return ('<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
            f'<section class="hb-titelseite"><h1>{escape(title)}</h1>'
            "<p>Das Handbuch zum offenen Online-Kurs über den Beruf Key Account Manager:in: alle Kapitel, "
            "Übungen zum Ausfüllen und die Rollenspiele im Überblick.</p>"
            f"{edition_line}</section>\n"
            f'<nav class="hb-inhalt"><h1>Inhalt</h1><ol>{contents}</ol></nav>\n'
            f"{sections}\n</body>\n</html>\n")


def start_pages(pdf: Path, parts: list[Part]) -> dict[str, int]:
    """On which page (from 1) each part starts: its heading's entry in the PDF outline."""
    from pypdf import PdfReader

    def bare(title: str) -> str:  # Chromium drops the spaces at line breaks of a heading
        return re.sub(r"\s+", "", title)

    reader = PdfReader(pdf)
    found = {bare(entry.title): reader.get_destination_page_number(entry) + 1
             for entry in reader.outline if not isinstance(entry, list)}
    missing = [part.title for part in parts if bare(part.title) not in found]
    if missing:
        raise PrintError(f"Chromium hat keine Lesezeichen für: {', '.join(missing)}")
    return {part.page: found[bare(part.title)] for part in parts}


def page_counts(starts: dict[str, int], total: int) -> dict[str, int]:
    """How many pages each part takes (it runs up to the next part's first page)."""
    ordered = sorted(starts.items(), key=lambda item: item[1])
    ends = [first for _, first in ordered[1:]] + [total + 1]
    return {page: end - first for (page, first), end in zip(ordered, ends, strict=True)}


def write_handbook(site: Path, edition: Edition, title: str,
                   out: Path) -> tuple[list[Part], dict[str, int], int]:
    """Print the handbook to ``out``; the parts, their first pages and the page count."""
    from pypdf import PdfReader

    parts = course_parts(site)
    for part in parts:
        part.body = article_html(site, part, edition)
    staging = out.with_name(f".{out.stem}.html")
    starts: dict[str, int] = {}
    try:
        for _ in range(3):  # the numbers settle in the second print; a third is a safety margin
            staging.write_text(page_html(parts, starts, title, edition.trainer), encoding="utf-8")
            print_pdf(staging, out, outline=True)
            printed = start_pages(out, parts)
            if printed == starts:
                return parts, starts, len(PdfReader(out).pages)
            starts = printed
    finally:
        staging.unlink(missing_ok=True)
    raise PrintError("die Seitenzahlen des Inhaltsverzeichnisses ändern sich bei jedem Druck")


def handbook_title(trainer: bool, company_name: str | None) -> str:
    title = "KAM-Kurs – Handbuch" + (f" – {company_name}" if company_name else "")
    return f"{title} ({TRAINER_TITLE})" if trainer else title
