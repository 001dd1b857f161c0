"""Assignment sheets for trainers: chapters, role-plays, the exam and the self-check,
with the due date, what counts as done, and each link also as a QR code (paper)."""

import datetime as dt
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import segno

from exercises.chapters import Chapter, section_labels
from exercises.company import Company
from exercises.content import Content
from exercises.quiz.data import CHAPTER_PASS_PERCENT
from exercises.roleplay.model import Scenario


@dataclass
class Row:
    title: str
    link: str
    proof: str  # what the trainee shows as done
    minutes: int | None = None
    objectives: list[str] = field(default_factory=list)


def chapter_rows(content: Content, numbered: list[tuple[int, Chapter]], base: str) -> list[Row]:
    """Chapters with the number they have in the edition's table of contents."""
    pass_mark = content.exam.kapitel_bestehensgrenze if content.exam else CHAPTER_PASS_PERCENT
    return [Row(
        title=f"Kapitel {number}: {chapter.title}",
        link=f"{base}book/{chapter.id}.html",
        proof=(f"Kapitel-Quiz mit mindestens {pass_mark} % bestehen "
               f"({len(content.quizzes[chapter.id].fragen)} Fragen)") if chapter.id in content.quizzes
        else "lesen (dieses Kapitel hat kein Quiz)",
        minutes=chapter.minutes, objectives=chapter.objectives,
    ) for number, chapter in numbered]


def extra_chapter(company: Company, company_file: Path) -> Chapter:
    """The company's own chapter, which its edition lists after the course's chapters
    (exercises/build.py); it has no quiz and no objectives of the course."""
    return Chapter(id=company.extra_chapter_id, title=company.zusatzkapitel.titel,
                   path=company.path_of(company_file, company.zusatzkapitel.datei),
                   minutes=0, objectives=[], summary=[], reflection=[], body="")


def roleplay_rows(scenarios: list[Scenario], page: Path, base: str) -> list[Row]:
    anchors = {heading: label for label, heading in section_labels(page).items()}
    return [Row(
        title=f"Rollenspiel: {scenario.titel}",
        link=f"{base}book/rollenspiele.html"
        + (f"#{anchors[scenario.titel]}" if scenario.titel in anchors else ""),
        proof=f"bis zu einem der {len(scenario.endings())} Enden spielen und das Ende notieren",
    ) for scenario in scenarios]


def exam_row(content: Content, base: str) -> Row:
    exam = content.exam
    return Row(title=exam.titel, link=f"{base}book/abschlusstest.html",
               proof=f"mit mindestens {exam.bestehensgrenze} % bestehen ({exam.fragen_pro_versuch} Fragen "
                     "je Versuch, Wiederholung erlaubt)")


def selfcheck_row(base: str) -> Row:
    return Row(title="Selbstcheck", link=f"{base}book/selbstcheck.html",
               proof="ausfüllen und das Ergebnisprofil mitbringen")


def german_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def markdown_sheet(rows: list[Row], due: dt.date, group: str | None) -> str:
    total = sum(row.minutes or 0 for row in rows)
    lines = ["# Arbeitsauftrag: KAM-Kurs", ""]
    if group:
        lines.append(f"**Gruppe:** {group}  ")
    lines += [f"**Zu erledigen bis:** {german_date(due)}  ",
              f"**Geschätzte Lernzeit der Kapitel:** etwa {total} Minuten", ""]
    for row in rows:
        lines += [f"## {row.title}", ""]
        if row.minutes:
            lines.append(f"- Lernzeit: etwa {row.minutes} Minuten")
        lines += [f"- Link: <{row.link}>", f"- Nachweis: {row.proof}"]
        if row.objectives:
            lines += ["- Lernziele:"] + [f"  - {objective}" for objective in row.objectives]
        lines.append("")
    return "\n".join(lines)


def qr_svg(link: str, title: str) -> str:
    """The link as an inline SVG QR code; a screen reader hears what it leads to."""
    svg = segno.make(link, error="m").svg_inline(scale=3, svgclass="qr", lineclass=None, omitsize=False)
    return svg.replace("<svg ", f'<svg role="img" aria-label="QR-Code: {escape(title)}" ', 1)


STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:48rem;"
    "margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
    "section{border-top:2px solid #0b4f6c;margin-top:1.5rem;break-inside:avoid}a{color:#0b4f6c}"
    ".row{display:flex;gap:1rem;align-items:flex-start}.row ul{flex:1}.qr{flex:none;background:#fff}"
    "@page{size:A4;margin:18mm}@media print{body{margin:0}}"
)


def html_sheet(rows: list[Row], due: dt.date, group: str | None) -> str:
    total = sum(row.minutes or 0 for row in rows)
    parts = [
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Arbeitsauftrag: KAM-Kurs</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        "<h1>Arbeitsauftrag: KAM-Kurs</h1>\n<dl>",
    ]
    if group:
        parts.append(f"<dt>Gruppe</dt><dd>{escape(group)}</dd>")
    parts.append(f"<dt>Zu erledigen bis</dt><dd><time datetime=\"{due.isoformat()}\">{german_date(due)}"
                 f"</time></dd><dt>Geschätzte Lernzeit der Kapitel</dt><dd>etwa {total} Minuten</dd></dl>")
    for row in rows:
        items = [f"<li>Lernzeit: etwa {row.minutes} Minuten</li>"] if row.minutes else []
        items += [f"<li>Link: <a href=\"{escape(row.link)}\">{escape(row.link)}</a></li>",
                  f"<li>Nachweis: {escape(row.proof)}</li>"]
        objectives = "".join(f"<li>{escape(o)}</li>" for o in row.objectives)
        parts.append(
            f"<section>\n<h2>{escape(row.title)}</h2>\n<div class=\"row\"><ul>{''.join(items)}</ul>"
            f"{qr_svg(row.link, row.title)}</div>\n"
            + (f"<h3>Lernziele</h3>\n<ul>{objectives}</ul>\n" if objectives else "") + "</section>")
    parts.append("</main>\n</body>\n</html>\n")
    return "\n".join(parts)


def write_sheet(out: Path, rows: list[Row], due: dt.date, group: str | None) -> None:
    text = html_sheet(rows, due, group) if out.suffix == ".html" else markdown_sheet(rows, due, group)
    out.write_text(text, encoding="utf-8")
